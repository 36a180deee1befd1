#!/bin/sh
# Fifty processes save the attendance of fifty different classes at the
# same moment: every save must succeed without a lock error, and every
# class-day, mark and audit row must be stored.  Then the month's sheet
# of one class must show the saved marks and matching totals.
set -eu
cfg=$TESTDIR/mamnon.ini
db=$TESTDIR/mamnon.db
printf '[database]\npath = %s\n' "$db" > "$cfg"
printf 'admin-pass-1\n' | "$MAMNON" -c "$cfg" init --admin admin \
    --password-stdin >/dev/null

n=50
size=35
tz=Asia/Ho_Chi_Minh	# the default [school] timezone
# A weekday a few days back, so the test does not depend on the hour.
back=3
while :; do
	day=$(TZ=$tz date -d "-$back days" +%Y-%m-%d)
	[ "$(TZ=$tz date -d "-$back days" +%u)" -le 5 ] && break
	back=$((back + 1))
done
first=$(TZ=$tz date -d "-200 days" +%Y-%m-%d)
last=$(TZ=$tz date -d "+100 days" +%Y-%m-%d)

# Registers written directly: one school year, n classes of size children.
{
	echo "BEGIN;"
	echo "INSERT INTO school_years (id, name, first_day, last_day,"
	echo "    changed_by, changed_at) VALUES (1, '2025-2026', '$first',"
	echo "    '$last', 'test', '2026-01-01T00:00:00Z');"
	i=1
	while [ $i -le $n ]; do
		echo "INSERT INTO classes (id, school_year_id, code, name,"
		echo "    age_group, capacity, changed_by, changed_at)"
		echo "    VALUES ($i, 1, 'L$i', 'Lớp $i', 'mg-5-6', 35, 'test',"
		echo "    '2026-01-01T00:00:00Z');"
		k=1
		while [ $k -le $size ]; do
			id=$((i * 100 + k))
			echo "INSERT INTO children (id, school_code, full_name,"
			echo "    name_fold, name_key, birth_date, sex,"
			echo "    class_id, enrolment_date, changed_by,"
			echo "    changed_at) VALUES"
			echo "    ($id, 'T$id', 'Trẻ $id', 'tre $id', '$id',"
			echo "    '2020-05-05', 'M', $i, '$first', 'test',"
			echo "    '2026-01-01T00:00:00Z');"
			echo "INSERT INTO child_class_history"
			echo "    (child_id, class_id, from_date)"
			echo "    VALUES ($id, $i, '$first');"
			k=$((k + 1))
		done
		i=$((i + 1))
	done
	echo "COMMIT;"
} | sqlite3 "$db"

i=1
while [ $i -le $n ]; do
	( "$MAMNON" -c "$cfg" attendance save --class "L$i" --date "$day" \
	    --absent "T$((i * 100 + 1)):P" --absent "T$((i * 100 + 2)):K" \
	    --late "T$((i * 100 + 3))" >"$TESTDIR/out.$i" 2>&1
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

check() {
	got=$(sqlite3 "$db" "$2")
	if [ "$got" != "$3" ]; then
		echo "$1: expected $3, found $got"
		status=1
	fi
}
check "saved class-days" "SELECT count(*) FROM class_days
    WHERE day = '$day' AND attendance_saved = 1 AND version = 1" $n
check "marks" "SELECT count(*) FROM attendance_marks" $((n * size))
check "absent with leave" "SELECT count(*) FROM attendance_marks
    WHERE mark = 'excused' AND child_id % 100 = 1" $n
check "absent without leave" "SELECT count(*) FROM attendance_marks
    WHERE mark = 'unexcused' AND child_id % 100 = 2" $n
check "late" "SELECT count(*) FROM attendance_marks
    WHERE mark = 'late' AND child_id % 100 = 3" $n
check "audit rows" "SELECT count(*) FROM audit
    WHERE table_name = 'class_days' AND action = 'insert'" $n
check "integrity" "PRAGMA integrity_check" ok

# The month's sheet of class L7 shows the marks of the saved day.  The
# sheet names children, so the export needs a principal's approval.
printf 'principal-pass-1\n' | "$MAMNON" -c "$cfg" user add ht \
    --role principal --password-stdin >/dev/null
approval=$(printf 'principal-pass-1\n' | "$MAMNON" -c "$cfg" approval add \
    --data attendance --purpose "Kiểm thử" \
    --until "$(TZ=$tz date -d "+30 days" +%Y-%m-%d)" --principal ht \
    --password-stdin)
month=$(echo "$day" | cut -c1-7)
dom=$(echo "$day" | cut -c9-10 | sed 's/^0//')
"$MAMNON" -c "$cfg" export attendance --class L7 --month "$month" \
    --approval "$approval" --format csv -o "$TESTDIR/sheet.csv"
if "$MAMNON" -c "$cfg" export attendance --class L7 --month "$month" \
    --format csv >/dev/null 2>&1; then
	echo "export without an approval succeeded"
	status=1
fi
col=$((3 + dom))
mark_of() {
	grep "^[0-9]*,$1," "$TESTDIR/sheet.csv" | cut -d, -f$col
}
[ "$(mark_of T701)" = P ] || { echo "T701: expected P"; status=1; }
[ "$(mark_of T702)" = K ] || { echo "T702: expected K"; status=1; }
[ "$(mark_of T703)" = M ] || { echo "T703: expected M"; status=1; }
[ "$(mark_of T704)" = x ] || { echo "T704: expected x"; status=1; }
total=$(grep '^Tổng,' "$TESTDIR/sheet.csv" | cut -d, -f$col)
[ "$total" = $((size - 2)) ] || {
	echo "Tổng on day $dom: expected $((size - 2)), found $total"
	status=1
}
rows=$(grep -c '^[0-9]*,T7' "$TESTDIR/sheet.csv")
[ "$rows" = $size ] || { echo "sheet rows: expected $size, found $rows"
	status=1; }
exit $status
