#!/bin/sh
# Getting files out: 'ssh HOST get CODE > FILE' returns the export's
# bytes exactly, once; a key bound to another account cannot use the
# code, and every fetch is in the audit trail.
. "$SSH_TESTS/lib.sh"
ssh_setup
status=0

# Binary content with every byte value, NULs and CR/LF included.
head -c 200000 /dev/urandom >"$TESTDIR/report.xlsx"
printf '\000\r\n\377' >>"$TESTDIR/report.xlsx"
code=$("$MAMNON" -c "$CFG" give admin "$TESTDIR/report.xlsx" 2>/dev/null)
echo "$code" | grep -Eq '^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$' ||
    fail "give printed '$code', expected a code like ABCD-EFGH-JKLM"

# The key bound to teacher1 may not fetch admin's export, and trying
# does not use the code up.
rc=0
ssh_as teacher "get $code" >"$TESTDIR/wrong" 2>"$TESTDIR/wrong.err" || rc=$?
[ "$rc" = 1 ] || { echo "teacher's key: exit $rc, expected 1"; status=1; }
[ ! -s "$TESTDIR/wrong" ] || {
	echo "teacher's key received $(wc -c <"$TESTDIR/wrong") bytes"
	status=1
}

# Lower case and without dashes is the same code.
lower=$(echo "$code" | tr -d - | tr 'A-Z' 'a-z')
ssh_run "get $lower" >"$TESTDIR/got.xlsx" 2>"$TESTDIR/got.err" || {
	echo "get failed: $(cat "$TESTDIR/got.err")"
	status=1
}
cmp "$TESTDIR/report.xlsx" "$TESTDIR/got.xlsx" || {
	echo "fetched bytes differ from the export"
	status=1
}
grep -q 'report.xlsx' "$TESTDIR/got.err" ||
    { echo "no file name on stderr: $(cat "$TESTDIR/got.err")"; status=1; }

# Single use.
rc=0
ssh_run "get $code" >"$TESTDIR/again" 2>/dev/null || rc=$?
[ "$rc" = 1 ] || { echo "second fetch: exit $rc, expected 1"; status=1; }
[ ! -s "$TESTDIR/again" ] || { echo "second fetch returned data"; status=1; }

# A code made for teacher1 works with teacher1's bound key.
printf 'bảng điểm danh\n' >"$TESTDIR/att.csv"
code2=$("$MAMNON" -c "$CFG" give teacher1 "$TESTDIR/att.csv" 2>/dev/null)
ssh_as teacher "get $code2" >"$TESTDIR/att-got.csv" 2>/dev/null || {
	echo "teacher1 could not fetch its own export"
	status=1
}
cmp "$TESTDIR/att.csv" "$TESTDIR/att-got.csv" || status=1

# Guessing: an unknown well-formed code and a malformed one.
for bad in 2222-3333-4444 '../../etc/passwd' 'ABCD-EFGH-JKL;id'; do
	rc=0
	ssh_run "get $bad" >"$TESTDIR/bad" 2>/dev/null || rc=$?
	[ "$rc" = 1 ] && [ ! -s "$TESTDIR/bad" ] || {
		echo "get '$bad': exit $rc, $(wc -c <"$TESTDIR/bad") bytes"
		status=1
	}
done

downloads=$(sqlite3 "$DB" "SELECT count(*) FROM audit
    WHERE action = 'download'")
[ "$downloads" = 2 ] || {
	echo "expected 2 download rows in the audit trail, found $downloads"
	status=1
}
[ -z "$(ls "$TESTDIR/db/exports")" ] || {
	echo "exports left behind: $(ls "$TESTDIR/db/exports")"
	status=1
}
exit $status
