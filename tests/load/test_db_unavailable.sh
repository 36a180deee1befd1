#!/bin/sh
# A missing database and a read-only one give a message naming what is
# wrong and what to do, and a rejected save changes nothing.
set -eu
. "$(dirname "$0")/lib_fault.sh"
status=0

# Missing: the config names a file that is not there.
printf '[database]\npath = %s/nowhere/mamnon.db\n' "$TESTDIR" \
    >"$TESTDIR/missing.ini"
rc=0
"$MAMNON" -c "$TESTDIR/missing.ini" user list >/dev/null \
    2>"$TESTDIR/missing.err" || rc=$?
[ "$rc" = 1 ] || { echo "missing database: exit $rc, expected 1"; status=1; }
grep -q 'mamnon init' "$TESTDIR/missing.err" || {
	echo "missing database said: $(cat "$TESTDIR/missing.err")"
	status=1
}
[ ! -e "$TESTDIR/nowhere/mamnon.db" ] || {
	echo "a command created the missing database"
	status=1
}
rc=0
"$MAMNON" -c "$TESTDIR/missing.ini" check >"$TESTDIR/check.out" 2>&1 || rc=$?
[ "$rc" = 1 ] || { echo "check on a missing database: exit $rc"; status=1; }

# Read-only: a read-only mount where root may mount, else file modes
# (which do not stop root, so that case needs the mount).
db=$TESTDIR/ro/mamnon.db
ro_mounted=no
if [ "$(id -u)" = 0 ]; then
	mkdir -p "$TESTDIR/ro"
	if mount -t tmpfs -o size=4m,mode=0770 tmpfs "$TESTDIR/ro" \
	    2>/dev/null; then
		ro_mounted=yes
		trap 'umount "$TESTDIR/ro" 2>/dev/null ||
		    umount -l "$TESTDIR/ro"' EXIT
	fi
fi
make_db "$db" "$TESTDIR/ro.ini"
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
before=$(sqlite3 "$db" 'SELECT count(*) FROM accounts')
if [ $ro_mounted = yes ]; then
	mount -o remount,ro "$TESTDIR/ro"
elif [ "$(id -u)" != 0 ]; then
	chmod 0440 "$db"
	chmod 0550 "$TESTDIR/ro"
else
	echo "SKIP: read-only case needs a tmpfs mount as root"
	exit $status
fi
rc=0
printf 'pass-word-1\n' | "$MAMNON" -c "$TESTDIR/ro.ini" user add gv1 \
    --role teacher --password-stdin >/dev/null 2>"$TESTDIR/ro.err" || rc=$?
[ "$rc" = 1 ] || { echo "read-only database: exit $rc, expected 1"; status=1; }
grep -q 'chỉ đọc\|read-only\|readonly' "$TESTDIR/ro.err" || {
	echo "read-only database said: $(cat "$TESTDIR/ro.err")"
	status=1
}
if grep -q 'database is locked' "$TESTDIR/ro.err"; then
	echo "read-only database reported a lock"
	status=1
fi
[ $ro_mounted = no ] || mount -o remount,rw "$TESTDIR/ro"
[ $ro_mounted = yes ] || { chmod 0770 "$TESTDIR/ro"; chmod 0660 "$db"; }
after=$(sqlite3 "$db" 'SELECT count(*) FROM accounts')
[ "$after" = "$before" ] || { echo "the refused save changed accounts"; \
    status=1; }
[ "$(integrity "$db")" = ok ] || { echo "integrity after read-only"; status=1; }
exit $status
