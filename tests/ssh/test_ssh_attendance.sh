#!/bin/sh
# A teacher takes her class's attendance through an SSH session, and a
# second SSH session, open at the same time, finds the mark saved.
. "$SSH_TESTS/lib.sh"
[ -n "${VTDRIVE:-}" ] && [ -x "$VTDRIVE" ] ||
    skip "VTDRIVE is not set to the built terminal driver"
command -v sqlite3 >/dev/null || skip "sqlite3 is needed"
ssh_setup

# The demo school, with a teacher who may change the last 30 days.
printf '\n[attendance]\nedit_days = 30\n' >>"$CFG"
printf '%s\n' "$TEACHER_PASSWORD" |
    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
    fail "mamnon demo failed"

sql() {
	sqlite3 -batch -noheader "$DB" "$1"
}

# The latest school day up to today in the school's time zone.
today=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)
day=$(sql "WITH RECURSIVE d(x) AS (SELECT date('$today')
    UNION ALL SELECT date(x, '-1 day') FROM d
    WHERE x > date('$today', '-25 day'))
    SELECT x FROM d
    WHERE EXISTS (SELECT 1 FROM school_years
        WHERE x BETWEEN first_day AND last_day)
    AND (EXISTS (SELECT 1 FROM makeup_days WHERE day = x)
        OR (strftime('%w', x) NOT IN ('0', '6')
        AND NOT EXISTS (SELECT 1 FROM holidays
            WHERE x BETWEEN first_day AND last_day)))
    ORDER BY x DESC LIMIT 1")
[ -n "$day" ] || fail "no school day in the last 25 days"
dmy=$(echo "$day" | awk -F- '{ print $3 "/" $2 "/" $1 }')
class=$(sql "SELECT cl.code FROM class_teachers ct
    JOIN staff s ON s.id = ct.staff_id
    JOIN accounts a ON a.id = s.account_id
    JOIN classes cl ON cl.id = ct.class_id WHERE a.login = 'teacher'")
[ -n "$class" ] || fail "the demo teacher has no class"

# Whatever the demo recorded for that class-day goes, so the first child
# starts present.
sql "DELETE FROM attendance_marks WHERE class_day_id IN
    (SELECT d.id FROM class_days d JOIN classes cl ON cl.id = d.class_id
    WHERE cl.code = '$class' AND d.day = '$day');
    DELETE FROM class_diary WHERE class_day_id IN
    (SELECT d.id FROM class_days d JOIN classes cl ON cl.id = d.class_id
    WHERE cl.code = '$class' AND d.day = '$day');
    DELETE FROM class_days WHERE day = '$day' AND class_id IN
    (SELECT id FROM classes WHERE code = '$class')" ||
    fail "clearing $class on $day failed"

vt() {
	"$VTDRIVE" -t 90 -f "$1" -- ssh -tt -e none -F /dev/null \
	    -i "$TESTDIR/key_plain" -o IdentitiesOnly=yes -o BatchMode=yes \
	    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	    -o LogLevel=ERROR -o ConnectTimeout=10 -p "$PORT" \
	    "$USER_NAME@127.0.0.1"
}

# Lines that log the teacher in, open "Điểm danh" and the class-day.
open_steps() {
	cat <<EOS
wait "Tên đăng nhập" 20000
type teacher
key Enter
type $TEACHER_PASSWORD
key Enter
wait "Menu chính" 15000
EOS
}

sheet_steps() {
	open_steps
	echo 'pick "Điểm danh"'
	echo 'key Enter'
	if [ "$day" != "$today" ]; then
		echo 'wait "Ngày (dd/mm/yyyy)"'
		echo 'key C-u'
		echo "type $dmy"
		echo 'key Enter'
	fi
	echo "wait \"$dmy\""
	echo 'wait "Có mặt:"'
}

# First session: mark the first child absent with leave, save, and stay
# connected while the second session looks.
{
	sheet_steps
	cat <<EOS
key Home
type p
key F2
wait "Đã lưu điểm danh lớp $class ngày $dmy" 10000
sleep 20000
close
EOS
} >"$TESTDIR/first.vt"
vt "$TESTDIR/first.vt" >"$TESTDIR/first.out" 2>&1 &
first=$!

waited=0
until [ "$(sql "SELECT count(*) FROM attendance_marks m
    JOIN class_days d ON d.id = m.class_day_id
    JOIN classes cl ON cl.id = d.class_id
    WHERE cl.code = '$class' AND d.day = '$day' AND m.mark = 'excused'")" \
    = 1 ]; do
	waited=$((waited + 1))
	if [ $waited -gt 300 ]; then
		kill "$first" 2>/dev/null
		fail "the first session did not save:" \
		    "$(cat "$TESTDIR/first.out")"
	fi
	sleep 0.1
done
pgrep -f -- "-c $CFG --ssh" >/dev/null ||
    fail "the first session is not connected any more"

# Second session, at the same time: the saved mark is there.
{
	sheet_steps
	cat <<EOS
wait "Vắng có phép" 10000
expectre "Có mặt: [0-9]+/[0-9]+"
close
EOS
} >"$TESTDIR/second.vt"
vt "$TESTDIR/second.vt" >"$TESTDIR/second.out" 2>&1 ||
    fail "the second session did not see the mark: $(cat "$TESTDIR/second.out")"
wait "$first" || fail "the first session failed: $(cat "$TESTDIR/first.out")"
exit 0
