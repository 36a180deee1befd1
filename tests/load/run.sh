#!/bin/sh
# Multi-process tests on a real database file.  Each test_*.sh here gets
# its own temporary folder; $MAMNON is the binary under test.
set -u
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
for t in "$here"/test_*.sh; do
	dir=$(mktemp -d "${TMPDIR:-/tmp}/mamnon-load.XXXXXX")
	if (cd "$dir" && TESTDIR=$dir sh "$t") >"$dir/log" 2>&1; then
		passed=$((passed + 1))
		echo "PASS $(basename "$t")"
	else
		failed=$((failed + 1))
		echo "FAIL $(basename "$t")"
		sed 's/^/    /' "$dir/log"
	fi
	rm -rf "$dir"
done
echo "load: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
