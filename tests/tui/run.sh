#!/bin/sh
# Runs the terminal tests: every tests/tui/test_*.sh, or the test files
# given as arguments, each in a fresh temporary folder that is removed
# afterwards.  Needs VTDRIVE (the built tests/tui/vtdrive.c) and MAMNON
# (the program under test).  Prints one PASS or FAIL line per test, the
# log of each failed test, and "tui: N passed, M failed".
#
#   MAMNON=build/release/mamnon VTDRIVE=build/release/tests/vtdrive \
#       sh tests/tui/run.sh [tests/tui/test_x.sh]...

TUI_DIR=$(cd "$(dirname "$0")" && pwd)
export TUI_DIR

if [ -z "${VTDRIVE:-}" ] || [ ! -x "$VTDRIVE" ]; then
	echo "tui: VTDRIVE must name the built vtdrive program" >&2
	exit 2
fi
export VTDRIVE
export MAMNON="${MAMNON:-}"
# Seconds one test file may run before it counts as failed.
TEST_TIMEOUT=${TEST_TIMEOUT:-300}

RUN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/mamnon-tui.XXXXXX") || exit 2
trap 'rm -rf "$RUN_TMP"' EXIT
trap 'exit 130' INT TERM

# The stand-in curses program for the driver's self-test, built once.
FAKE_APP=$RUN_TMP/fake_app
if ${CC:-cc} -std=c11 -D_GNU_SOURCE -O1 -o "$FAKE_APP" \
    "$TUI_DIR/fake_app.c" $(pkg-config --cflags --libs ncursesw) \
    >"$RUN_TMP/fake_app.log" 2>&1; then
	export FAKE_APP
else
	echo "tui: building fake_app failed:" >&2
	sed 's/^/    /' "$RUN_TMP/fake_app.log" >&2
	FAKE_APP=
fi

if [ $# -eq 0 ]; then
	set -- "$TUI_DIR"/test_*.sh
fi

passed=0
failed=0
for test in "$@"; do
	name=$(basename "$test" .sh)
	case $test in
	/*) ;;
	*) test=$PWD/$test ;;
	esac
	if [ ! -f "$test" ]; then
		echo "FAIL $name (no such file: $test)"
		failed=$((failed + 1))
		continue
	fi
	TEST_TMP=$(mktemp -d "$RUN_TMP/$name.XXXXXX")
	export TEST_TMP
	start=$(date +%s)
	if (cd "$TEST_TMP" && timeout -k 5 "$TEST_TIMEOUT" sh "$test") \
	    >"$RUN_TMP/$name.log" 2>&1; then
		echo "PASS $name ($(($(date +%s) - start)) s)"
		passed=$((passed + 1))
	else
		echo "FAIL $name ($(($(date +%s) - start)) s)"
		sed 's/^/    /' "$RUN_TMP/$name.log"
		failed=$((failed + 1))
	fi
	rm -rf "$TEST_TMP"
done

echo "tui: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
