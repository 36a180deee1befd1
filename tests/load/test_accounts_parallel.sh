#!/bin/sh
# Twenty processes create accounts at the same moment: every one must
# succeed, none may see "database is locked", and all twenty must exist.
set -eu
cfg=$TESTDIR/mamnon.ini
printf '[database]\npath = %s/mamnon.db\n' "$TESTDIR" > "$cfg"
printf 'admin-pass-1\n' | "$MAMNON" -c "$cfg" init --admin admin \
    --password-stdin >/dev/null

n=20
i=1
while [ $i -le $n ]; do
	( printf 'pass-word-%d\n' $i | "$MAMNON" -c "$cfg" user add "gv$i" \
	    --role teacher --password-stdin >"$TESTDIR/out.$i" 2>&1
	  echo $? > "$TESTDIR/rc.$i" ) &
	i=$((i + 1))
done
wait

status=0
i=1
while [ $i -le $n ]; do
	rc=$(cat "$TESTDIR/rc.$i")
	if [ "$rc" != 0 ]; then
		echo "process $i exited $rc: $(cat "$TESTDIR/out.$i")"
		status=1
	fi
	if grep -qi 'locked\|bận' "$TESTDIR/out.$i"; then
		echo "process $i saw a lock error: $(cat "$TESTDIR/out.$i")"
		status=1
	fi
	i=$((i + 1))
done

count=$("$MAMNON" -c "$cfg" user list | grep -c '^gv[0-9]')
if [ "$count" != "$n" ]; then
	echo "expected $n teacher accounts, found $count"
	status=1
fi
rows=$(sqlite3 "$TESTDIR/mamnon.db" \
    "SELECT count(*) FROM audit WHERE action = 'insert' AND
     table_name = 'accounts'")
if [ "$rows" != $((n + 1)) ]; then
	echo "expected $((n + 1)) audit rows for inserts, found $rows"
	status=1
fi
[ "$(sqlite3 "$TESTDIR/mamnon.db" 'PRAGMA integrity_check')" = ok ] || {
	echo "integrity check failed"
	status=1
}
exit $status
