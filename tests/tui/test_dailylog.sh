# A teacher fills the daily log grid of her class: lunch for everyone
# at once, a nap, a temperature (one out of range is refused with the
# field named), a symptom and the class diary.  Then the kitchen's view
# of the school's day counts the class's absences as fewer meals.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/attendance_lib.sh"

att_setup
day=$(att_school_day)
[ -n "$day" ] || fail "no school day in the last 25 days of the demo year"
class=$(att_class_of teacher)
att_clear_day "$class" "$day"
downs="Nhật ký lớp"
dmy=$(echo "$day" | awk -F- '{ print $3 "/" $2 "/" $1 }')
children=$(att_sql "SELECT count(*) FROM child_class_history h
    JOIN classes cl ON cl.id = h.class_id WHERE cl.code = '$class'
    AND h.from_date <= '$day' AND (h.to_date IS NULL OR h.to_date > '$day')")
echo "== day $day, class $class, $children children"

# Columns: Sáng, Trưa, Chiều, Phụ, Ngủ, Nhiệt độ, Triệu chứng, ...
{
	att_open_steps teacher "$downs" "$day"
	cat <<EOF
wait "Họ và tên"
key Home
key Right
type h
key Up
type *
wait "đã điền \"ăn hết\" cho $((children - 1)) trẻ"
key Right 3
type 95
key Enter
key Right
type 45
key Enter
wait "nhiệt độ: 45.0 nằm ngoài khoảng 34-43 °C"
key C-u
type "37,8"
key Enter
key Right
key Enter
type "Ho nhẹ"
key Enter
wait "Triệu chứng: Ho nhẹ"
key F2
wait "Đã lưu nhật ký của $children trẻ"
type g
wait "Dòng 1"
type "Sáng: kể chuyện Tấm Cám"
key Tab
type "Chiều: chơi ngoài trời"
key F2
wait "Đã lưu nhật ký lớp"
EOF
} | drive - || fail "filling the daily log failed"

first=$(att_sql "SELECT ch.id FROM child_class_history h
    JOIN children ch ON ch.id = h.child_id JOIN classes cl
    ON cl.id = h.class_id WHERE cl.code = '$class' AND h.from_date <= '$day'
    AND (h.to_date IS NULL OR h.to_date > '$day')
    ORDER BY ch.name_key, ch.id LIMIT 1")
row=$(att_sql "SELECT lunch || '|' || nap_minutes || '|' || temperature ||
    '|' || symptoms FROM daily_logs WHERE child_id = $first AND day = '$day'")
[ "$row" = "all|95|37.8|Ho nhẹ" ] || fail "first child's log is '$row'"
lunches=$(att_sql "SELECT count(*) FROM daily_logs l
    JOIN child_class_history h ON h.child_id = l.child_id
    JOIN classes cl ON cl.id = h.class_id WHERE cl.code = '$class'
    AND l.day = '$day' AND l.lunch = 'all'")
[ "$lunches" = "$children" ] || fail "$lunches lunches of $children"
diary=$(att_sql "SELECT g.activities FROM class_diary g
    JOIN class_days d ON d.id = g.class_day_id
    JOIN classes cl ON cl.id = d.class_id
    WHERE cl.code = '$class' AND d.day = '$day'")
[ "$diary" = "Sáng: kể chuyện Tấm Cám Chiều: chơi ngoài trời" ] ||
    fail "diary is '$diary'"

echo "== an absence, then the kitchen's count"
first_code=$(att_sql "SELECT school_code FROM children WHERE id = $first")
"$MAMNON" -c "$CFG" attendance save --class "$class" --date "$day" \
    --absent "$first_code:P" >/dev/null || fail "attendance save failed"
{
	login_steps kitchen "$DEMO_PASSWORD"
	echo 'wait "Menu chính" 10000'
	echo 'pick "Sĩ số hôm nay"'
	echo 'key Enter'
	echo 'wait "Menu chính › Sĩ số hôm nay"'
	if [ "$day" != "$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)" ]; then
		cat <<EOF
key d
wait "Ngày (dd/mm/yyyy)"
key C-u
type $dmy
key Enter
EOF
	fi
	cat <<EOF
wait "$dmy"
waitre "^ $class +.* $children +$((children - 1)) +1 +0 *$"
settle
dump $TEST_TMP/today.screen
EOF
} | drive - || fail "the kitchen's view of the day is wrong"
