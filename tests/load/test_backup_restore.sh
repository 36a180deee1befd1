#!/bin/sh
# mamnon backup while four writers each save about once a millisecond:
# the backup passes the integrity check and contains every save
# acknowledged before it began.  mamnon restore refuses while a session
# has the database open, then replaces it and keeps the old file.
set -eu
. "$(dirname "$0")/lib_fault.sh"
db=$TESTDIR/db/mamnon.db
cfg=$TESTDIR/mamnon.ini
make_db "$db" "$cfg"
status=0

pids=
for w in 1 2 3 4; do
	"$WRITER" "$db" $((w * 1000000)) 0 1500 1000 >"$TESTDIR/acks.$w" \
	    2>"$TESTDIR/err.$w" &
	pids="$pids $!"
done
sleep 1
# Saves acknowledged now were committed before the backup starts.
for w in 1 2 3 4; do
	tail -n 1 "$TESTDIR/acks.$w" >"$TESTDIR/before.$w"
done
"$MAMNON" -c "$cfg" backup -o "$TESTDIR/during.db" >/dev/null
sleep 0.3
# shellcheck disable=SC2086
kill $pids
wait 2>/dev/null || true
for w in 1 2 3 4; do
	if [ -s "$TESTDIR/err.$w" ]; then
		echo "writer $w failed: $(cat "$TESTDIR/err.$w")"
		status=1
	fi
done

check=$(integrity "$TESTDIR/during.db")
[ "$check" = ok ] || { echo "backup integrity_check: $check"; status=1; }
for w in 1 2 3 4; do
	last=$(cat "$TESTDIR/before.$w")
	[ -n "$last" ] || { echo "writer $w saved nothing in 1 s"; status=1;
	    continue; }
	want=$((last - w * 1000000 + 1))
	found=$(saves_between "$TESTDIR/during.db" $((w * 1000000)) "$last")
	[ "$found" = "$want" ] || {
		echo "writer $w: $want saves before the backup, $found in it"
		status=1
	}
done
total=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE table_name = \
'loadtest'")
in_backup=$(sqlite3 "$TESTDIR/during.db" "SELECT count(*) FROM audit \
WHERE table_name = 'loadtest'")
echo "saves: $total in the database, $in_backup in the backup"

# Timed names and the [backup] keep limit of 3.
for n in 1 2 3 4; do
	"$MAMNON" -c "$cfg" backup >/dev/null
	[ $n = 4 ] || sleep 1
done
kept=$(ls "$TESTDIR/backups" | grep -c '^mamnon-[0-9]\{8\}-[0-9]\{6\}\.db$')
[ "$kept" = 3 ] || { echo "expected 3 timed backups, found $kept:" \
    "$(ls "$TESTDIR/backups")"; status=1; }

# Restore is refused while a session has the database open.
"$WRITER" "$db" 9000000 0 >/dev/null 2>&1 &
busy=$!
sleep 0.3
if "$MAMNON" -c "$cfg" restore "$TESTDIR/during.db" >/dev/null \
    2>"$TESTDIR/restore.err"; then
	echo "restore ran while a writer had the database open"
	status=1
fi
kill $busy
wait $busy 2>/dev/null || true
grep -q 'phiên khác\|another session' "$TESTDIR/restore.err" || {
	echo "restore while busy said: $(cat "$TESTDIR/restore.err")"
	status=1
}

# A damaged file is refused before anything is replaced.
head -c 40000 "$TESTDIR/during.db" >"$TESTDIR/cut.db"
before=$(sqlite3 "$db" "SELECT count(*) FROM audit")
if "$MAMNON" -c "$cfg" restore "$TESTDIR/cut.db" >/dev/null 2>&1; then
	echo "restore accepted a truncated file"
	status=1
fi
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit")" = "$before" ] || {
	echo "a refused restore changed the database"
	status=1
}

# With the writers gone, restore replaces the database.
"$MAMNON" -c "$cfg" restore "$TESTDIR/during.db" >"$TESTDIR/restore.out" ||
    { echo "restore failed"; status=1; }
[ "$(integrity "$db")" = ok ] || { echo "restored database not ok"; status=1; }
after=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE table_name = \
'loadtest'")
[ "$after" = "$in_backup" ] || {
	echo "restored database has $after saves, the backup $in_backup"
	status=1
}
old=$(ls "$TESTDIR/db" | grep '^mamnon\.db\.replaced-' || true)
[ -n "$old" ] || { echo "the replaced database was not kept"; status=1; }
[ -z "$old" ] || [ "$(sqlite3 "$TESTDIR/db/$old" "SELECT count(*) FROM \
audit WHERE table_name = 'loadtest'")" -ge "$total" ] || {
	echo "the kept file lacks saves made after the backup"
	status=1
}
"$MAMNON" -c "$cfg" check >"$TESTDIR/check.out" || {
	echo "mamnon check after restore:"
	cat "$TESTDIR/check.out"
	status=1
}
exit $status
