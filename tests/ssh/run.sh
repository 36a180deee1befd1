#!/bin/sh
# Tests through a real sshd on 127.0.0.1.  Each test_*.sh here gets its
# own temporary folder ($TESTDIR) and starts its own sshd there through
# lib.sh.  Nothing under /etc or $HOME is changed.  The one change to the
# system is /run/sshd, created when missing as Debian's ssh.service does,
# because sshd running as root needs it.  $MAMNON is the binary under
# test, $VTDRIVE (optional) the terminal driver.  A test that exits 77 is
# skipped and prints why.
set -u
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
skipped=0
if [ $# -gt 0 ]; then
	tests=$*
else
	tests=$(ls "$here"/test_*.sh)
fi
for t in $tests; do
	dir=$(mktemp -d "${TMPDIR:-/tmp}/mamnon-ssh.XXXXXX")
	chmod 0755 "$dir"
	# A test may raise its limit with a "# timeout: SECONDS" line.
	limit=$(sed -n 's/^# timeout: *\([0-9][0-9]*\)$/\1/p' "$t" | head -n 1)
	(cd "$dir" && TESTDIR=$dir SSH_TESTS=$here \
	    timeout "${limit:-180}" sh "$t") >"$dir/log" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1))
		echo "PASS $(basename "$t")"
	elif [ $rc -eq 77 ]; then
		skipped=$((skipped + 1))
		echo "SKIP $(basename "$t"):" \
		    "$(grep '^SKIP' "$dir/log" | tail -1)"
	else
		failed=$((failed + 1))
		echo "FAIL $(basename "$t") (exit $rc)"
		sed 's/^/    /' "$dir/log"
		[ ! -f "$dir/sshd.log" ] || { echo '    --- sshd.log:'; \
		    tail -n 30 "$dir/sshd.log" | sed 's/^/    /'; }
	fi
	# sshd and its sessions are stopped by the test's own trap.
	rm -rf "$dir"
done
echo "ssh: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
