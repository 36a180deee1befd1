# Two teachers of one class open the same day.  The second to save gets
# a message that the other saved first and a list of the other's marks.
# She takes them and saves a change on top, so nothing is overwritten
# unseen.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/attendance_lib.sh"

att_setup
day=$(att_school_day)
[ -n "$day" ] || fail "no school day in the last 25 days of the demo year"
class=$(att_class_of teacher)
att_clear_day "$class" "$day"
other=gv.$(echo "$class" | tr 'A-Z' 'a-z')
[ "$(att_class_of "$other")" = "$class" ] ||
    fail "$other does not teach $class"
downs="Điểm danh"
other_downs="Điểm danh"
echo "== day $day, class $class, teachers teacher and $other"

first=$(att_sql "SELECT ch.school_code FROM child_class_history h
    JOIN children ch ON ch.id = h.child_id JOIN classes cl
    ON cl.id = h.class_id WHERE cl.code = '$class' AND h.from_date <= '$day'
    AND (h.to_date IS NULL OR h.to_date > '$day')
    ORDER BY ch.name_key, ch.id LIMIT 1")
mark_of_first() {
	att_sql "SELECT m.mark || '|' || m.note FROM attendance_marks m
	    JOIN class_days d ON d.id = m.class_day_id
	    JOIN classes cl ON cl.id = d.class_id
	    JOIN children ch ON ch.id = m.child_id
	    WHERE d.day = '$day' AND cl.code = '$class'
	    AND ch.school_code = '$first'"
}

# The first session opens the day, signals that it is ready by writing
# a screen dump, marks the first child absent without leave, and waits
# long enough for the second session to save before it saves.
{
	att_open_steps teacher "$downs" "$day"
	cat <<EOF
wait "Có mặt:"
dump $TEST_TMP/first.ready
key Home
type k
sleep 15000
key F2
wait "Đã có người khác lưu" 10000
wait "$other đã lưu điểm danh của lớp"
expect "Của người khác"
expect "Vắng không phép"
expect "Vắng có phép (Ốm)"
dump $TEST_TMP/conflict.screen
key 2
wait "Đang hiện điểm danh của người khác"
waitre "^ +1 +.$first .*P Vắng có phép +Ốm"
key Home
type m
key F2
wait "Đã lưu điểm danh lớp $class"
waitre "^ +1 +.$first .*M Đi muộn +Ốm"
EOF
} | drive - >"$TEST_TMP/first.log" 2>&1 &
first_pid=$!

waited=0
while [ ! -f "$TEST_TMP/first.ready" ]; do
	if ! kill -0 "$first_pid" 2>/dev/null || [ $waited -ge 60 ]; then
		cat "$TEST_TMP/first.log" >&2
		fail "the first session did not open the day"
	fi
	sleep 1
	waited=$((waited + 1))
done

echo "== the second session saves first"
{
	att_open_steps "$other" "$other_downs" "$day"
	cat <<EOF
wait "Có mặt:"
key Home
key n
key C-u
type "Ốm"
key Enter
key Up
type p
key F2
wait "Đã lưu điểm danh lớp $class"
EOF
} | drive - || fail "the second session could not save"
[ "$(mark_of_first)" = "excused|Ốm" ] ||
    fail "after the second save $first is '$(mark_of_first)'"

echo "== the first session meets the conflict"
if ! wait "$first_pid"; then
	cat "$TEST_TMP/first.log" >&2
	fail "the first session did not see the other's save"
fi
[ "$(mark_of_first)" = "late|Ốm" ] ||
    fail "after taking theirs and saving $first is '$(mark_of_first)'"
versions=$(att_sql "SELECT d.version FROM class_days d JOIN classes cl
    ON cl.id = d.class_id WHERE d.day = '$day' AND cl.code = '$class'")
echo "class-day version now $versions"
