#!/bin/sh
# 200 times: a writer saves in a loop and gets SIGKILL at a random moment
# (while opening, inside a transaction, during a commit or a WAL
# checkpoint).  Afterwards the database passes PRAGMA integrity_check and
# contains every save the writer acknowledged before it died.
set -eu
. "$(dirname "$0")/lib_fault.sh"
db=$TESTDIR/db/mamnon.db
make_db "$db" "$TESTDIR/mamnon.ini"

trials=${KILL_TRIALS:-200}
next=1
killed_mid_stream=0
status=0
start=$(date +%s)
i=1
while [ $i -le $trials ]; do
	"$WRITER" "$db" "$next" 0 >"$TESTDIR/acks" 2>"$TESTDIR/writer.err" &
	pid=$!
	# 0 to 60 ms: some kills land before the first commit.
	sleep "0.0$(printf '%02d' "$(random_below 60)")"
	kill -KILL $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	if [ -s "$TESTDIR/writer.err" ]; then
		echo "trial $i: the writer failed on its own:"
		cat "$TESTDIR/writer.err"
		status=1
		break
	fi
	check=$(integrity "$db")
	if [ "$check" != ok ]; then
		echo "trial $i: integrity_check: $check"
		status=1
		break
	fi
	acked=$(grep -c . "$TESTDIR/acks" || true)
	if [ "$acked" -gt 0 ]; then
		last=$(tail -n 1 "$TESTDIR/acks")
		found=$(saves_between "$db" "$next" "$last")
		if [ "$found" -lt "$acked" ]; then
			echo "trial $i: $acked saves acknowledged, $found found"
			status=1
			break
		fi
		killed_mid_stream=$((killed_mid_stream + 1))
		next=$((last + 1))
	fi
	# A save committed but not yet printed is allowed; skip its number.
	stored=$(sqlite3 "$db" "SELECT coalesce(max(row_id), 0) FROM audit \
WHERE table_name = 'loadtest'")
	[ "$stored" -lt "$next" ] || next=$((stored + 1))
	i=$((i + 1))
done
echo "$trials trials, $killed_mid_stream killed after at least one save," \
    "$((next - 1)) saves, $(($(date +%s) - start)) s"
[ "$killed_mid_stream" -ge $((trials / 4)) ] || {
	echo "only $killed_mid_stream kills came after a save; the test did" \
	    "not exercise saving"
	status=1
}
exit $status
