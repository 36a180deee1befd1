# A teacher's connection drops in the middle of the attendance sheet:
# nothing is written, the unsaved marks stay as a draft, and the next
# login reopens the sheet with them, marked unsaved, to save.  A draft
# reopened after someone else saved the day meets the conflict (with
# the other save's time in the school's local time) and overwrites
# nothing.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/attendance_lib.sh"

att_setup
day=$(att_school_day)
[ -n "$day" ] || fail "no school day in the last 25 days of the demo year"
class=$(att_class_of teacher)
att_clear_day "$class" "$day"
downs=$(att_menu_downs teacher "Điểm danh")
class_id=$(att_sql "SELECT id FROM classes WHERE code = '$class'
    ORDER BY id DESC LIMIT 1")
key="attendance:$class_id:$day"
dmy=$(echo "$day" | awk -F- '{ print $3 "/" $2 "/" $1 }')
echo "== day $day, class $class ($class_id)"

first=$(att_sql "SELECT ch.id FROM child_class_history h
    JOIN children ch ON ch.id = h.child_id JOIN classes cl
    ON cl.id = h.class_id WHERE cl.code = '$class' AND h.from_date <= '$day'
    AND (h.to_date IS NULL OR h.to_date > '$day')
    ORDER BY ch.name_key, ch.id LIMIT 1")
mark_of_first() {
	att_sql "SELECT m.mark || '|' || m.note FROM attendance_marks m
	    JOIN class_days d ON d.id = m.class_day_id
	    WHERE d.day = '$day' AND d.class_id = $class_id
	    AND m.child_id = $first"
}
draft_value() {
	att_sql "SELECT json_extract(values_json, '\$.$1') FROM drafts
	    WHERE form_key = '$key'"
}
drafts() {
	att_sql "SELECT count(*) FROM drafts"
}

echo "== the connection drops with one child marked absent"
{
	att_open_steps teacher "$downs" "$day"
	cat <<EOF
wait "Có mặt:"
key Home
type k
key Up
key n
key C-u
type "Sốt | ho"
key Enter
waitre "^ +1 .*K Vắng không phép +Sốt [|] ho"
close
waitexit 5000
EOF
} | drive - || fail "the first session failed"
[ "$(drafts)" = 1 ] || fail "expected 1 draft, found $(drafts)"
[ "$(draft_value "c$first")" = 'unexcused|Sốt \| ho' ] ||
    fail "draft of child $first: '$(draft_value "c$first")'"
[ "$(draft_value version)" = 0 ] ||
    fail "draft version: '$(draft_value version)', expected 0"
[ "$(att_sql "SELECT count(*) FROM class_days
    WHERE class_id = $class_id AND day = '$day'")" = 0 ] ||
    fail "the unsaved sheet wrote the class-day"
att_sql "PRAGMA integrity_check" | grep -qx ok ||
    fail "database integrity check failed"

echo "== the next login reopens the sheet with the marks, unsaved"
{
	login_steps teacher "$DEMO_PASSWORD"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Bản nháp chưa lưu › Điểm danh: lớp $class, $dmy"
wait "Điểm danh › Lớp $class, ngày $dmy"
type c
wait "bản nháp, chưa lưu"
waitre "^ +1 .*K Vắng không phép +Sốt [|] ho"
key F2
wait "Đã lưu điểm danh lớp $class"
waitnot "bản nháp"
EOF
} | drive - || fail "reopening the draft failed"
[ "$(mark_of_first)" = "unexcused|Sốt | ho" ] ||
    fail "after saving the draft the first child is '$(mark_of_first)'"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"

echo "== a draft reopened after another save meets the conflict"
{
	att_open_steps teacher "$downs" "$day"
	cat <<EOF
wait "Có mặt:"
key Home
type x
waitre "^ +1 .*x Có mặt"
signal HUP
waitexit 5000
EOF
} | drive - || fail "the third session failed"
version=$(draft_value version)
[ -n "$version" ] && [ "$version" -gt 0 ] ||
    fail "the draft lacks the version read: '$version'"
# Another teacher saves the day at 01:15 UTC, 08:15 in Hà Nội.
att_sql "UPDATE class_days SET version = version + 1,
    changed_by = 'gv.khac', changed_at = '2026-12-04T01:15:00Z'
    WHERE class_id = $class_id AND day = '$day'"
{
	login_steps teacher "$DEMO_PASSWORD"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
type c
wait "bản nháp, chưa lưu"
waitre "^ +1 .*x Có mặt"
key F2
wait "Đã có người khác lưu"
wait "gv.khac đã lưu điểm danh của lớp lúc 08:15 04/12/2026"
expectnot "UTC"
expectnot "2026-12-04T"
key Esc
wait "Chưa lưu; nhấn F2"
EOF
} | drive - || fail "the conflict was not shown"
[ "$(mark_of_first)" = "unexcused|Sốt | ho" ] ||
    fail "the draft overwrote the other save: '$(mark_of_first)'"

# The session above ended in the sheet still unsaved: a new draft.
[ "$(drafts)" = 1 ] || fail "the unsaved reopened sheet left $(drafts) drafts"
att_sql "DELETE FROM drafts"

echo "== the daily log grid keeps its unsaved cells as a draft"
log_downs=$(att_menu_downs teacher "Nhật ký lớp")
lkey="dailylog:$class_id:$day"
att_sql "DELETE FROM daily_logs WHERE child_id = $first AND day = '$day'"
{
	att_open_steps teacher "$log_downs" "$day"
	cat <<EOF
wait "Họ và tên"
key Home
key Right
type h
key Up
key Right 5
key Enter
type "Ho | sổ mũi"
key Enter
wait "Triệu chứng: Ho | sổ mũi"
close
waitexit 5000
EOF
} | drive - || fail "the daily log session failed"
[ "$(att_sql "SELECT count(*) FROM daily_logs
    WHERE child_id = $first AND day = '$day'")" = 0 ] ||
    fail "the unsaved daily log was stored"
cell=$(att_sql "SELECT json_extract(values_json, '\$.c$first') FROM drafts
    WHERE form_key = '$lkey'")
echo "$cell" | grep -q 'Ho \\| sổ mũi' ||
    fail "the daily log draft lacks the symptom: '$cell'"
{
	login_steps teacher "$DEMO_PASSWORD"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Bản nháp chưa lưu › Nhật ký lớp"
type c
wait "(bản nháp, chưa lưu)"
key F2
wait "Đã lưu nhật ký của 1 trẻ"
waitnot "bản nháp"
EOF
} | drive - || fail "reopening the daily log draft failed"
row=$(att_sql "SELECT lunch || '|' || symptoms FROM daily_logs
    WHERE child_id = $first AND day = '$day'")
[ "$row" = "all|Ho | sổ mũi" ] || fail "the reopened daily log is '$row'"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"

echo "== the class diary keeps its text as a draft"
{
	att_open_steps teacher "$log_downs" "$day"
	cat <<EOF
wait "Họ và tên"
type g
wait "Dòng 1"
key C-u
type "Sáng: hát Cả nhà thương nhau"
settle
close
waitexit 5000
EOF
} | drive - || fail "the diary session failed"
dkey=$(att_sql "SELECT form_key FROM drafts")
[ "$dkey" = "dailylog:$class_id:$day:diary" ] ||
    fail "diary draft key: '$dkey'"
{
	login_steps teacher "$DEMO_PASSWORD"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
type c
wait "Sáng: hát Cả nhà thương nhau"
key F2
wait "Đã lưu nhật ký lớp"
EOF
} | drive - || fail "reopening the diary draft failed"
diary=$(att_sql "SELECT g.activities FROM class_diary g
    JOIN class_days d ON d.id = g.class_day_id
    WHERE d.class_id = $class_id AND d.day = '$day'")
[ "$diary" = "Sáng: hát Cả nhà thương nhau" ] ||
    fail "the reopened diary is '$diary'"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"
