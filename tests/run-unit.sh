#!/bin/sh
# Runs each unit test binary given as an argument and totals the results.
passed=0
failed=0
for bin in "$@"; do
	if "$bin"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAILED: $bin" >&2
	fi
done
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
