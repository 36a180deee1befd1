# The kitchen's meal counts follow the attendance the teachers save.  On
# the market screen, "a" (Cập nhật từ điểm danh) sets each age group's
# count to the children present.  Marking one more child absent and
# updating again lowers the kindergarten's count by one.  A day without
# school is rejected.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

DRIVE_SIZE=100x50

mn_demo

# The latest school day up to today: attendance cannot be saved later.
export TZ=Asia/Ho_Chi_Minh
day=
for k in 0 1 2 3 4 5 6 7 8 9 10 11 12 13; do
	d=$(date -d "$(date +%F) -$k days" +%F)
	[ "$(date -d "$d" +%u)" -le 5 ] || continue
	school=$(q "SELECT EXISTS (SELECT 1 FROM school_years WHERE '$d'
	    BETWEEN first_day AND last_day) AND NOT EXISTS (SELECT 1 FROM
	    holidays WHERE '$d' BETWEEN first_day AND last_day)")
	if [ "$school" = 1 ]; then
		day=$d
		break
	fi
done
[ -n "$day" ] || fail "no school day in the last two weeks"
long_date=$(date -d "$day" +%d/%m/%Y)
sunday=$(date -d "$day +$((7 - $(date -d "$day" +%u))) days" +%d/%m/%Y)

# A kindergarten class of that day and two of its children not marked
# absent on it.
class=$(q "SELECT c.code FROM classes c JOIN age_groups a
    ON a.code = c.age_group JOIN school_years y ON y.id = c.school_year_id
    WHERE a.level = 'mg' AND '$day' BETWEEN y.first_day AND y.last_day
    ORDER BY c.code LIMIT 1")
[ -n "$class" ] || fail "no kindergarten class on $day"
present_children() {
	q "SELECT ch.school_code FROM child_class_history h
	    JOIN children ch ON ch.id = h.child_id
	    JOIN classes c ON c.id = h.class_id
	    WHERE c.code = '$class' AND h.from_date <= '$day'
	    AND (h.to_date IS NULL OR h.to_date > '$day')
	    AND NOT EXISTS (SELECT 1 FROM class_days d
	        JOIN attendance_marks m ON m.class_day_id = d.id
	        WHERE d.class_id = c.id AND d.day = '$day'
	        AND m.child_id = ch.id AND m.mark IN ('excused', 'unexcused'))
	    ORDER BY ch.school_code LIMIT 2"
}
first=$(present_children | sed -n 1p)
second=$(present_children | sed -n 2p)
[ -n "$second" ] || fail "class $class has fewer than 2 children present"

# mg_meals_by_hand: children of the kindergarten classes on the day, less
# those marked absent where attendance was saved.
mg_meals_by_hand() {
	q "SELECT sum(n) FROM (SELECT
	    (SELECT count(DISTINCT h.child_id) FROM child_class_history h
	        WHERE h.class_id = c.id AND h.from_date <= '$day'
	        AND (h.to_date IS NULL OR h.to_date > '$day'))
	    - (SELECT count(*) FROM class_days d
	        JOIN attendance_marks m ON m.class_day_id = d.id
	        WHERE d.class_id = c.id AND d.day = '$day'
	        AND d.attendance_saved = 1
	        AND m.mark IN ('excused', 'unexcused')) AS n
	    FROM classes c JOIN age_groups a ON a.code = c.age_group
	    JOIN school_years y ON y.id = c.school_year_id
	    WHERE a.level = 'mg' AND '$day' BETWEEN y.first_day AND y.last_day)"
}

# update_steps: the kitchen opens the market list of the day and takes
# the meal counts from attendance.
update_steps() {
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Phiếu kê chợ"
	echo 'wait "Tổng cộng"'
	echo 'type d'
	echo 'wait "Ngày (dd/mm/yyyy)"'
	echo 'key C-u'
	echo "type $long_date"
	echo 'key Enter'
	echo "wait \"$(date -d "$day" +%d/%m)/\""
	echo 'type a'
}

echo "== $first absent from $class on $day, meals from attendance"
"$MAMNON" -c "$CFG" attendance save --class "$class" --date "$day" \
    --absent "$first:P" >/dev/null || fail "attendance save failed"
before=$(mg_meals_by_hand)
[ "$before" -gt 0 ] || fail "no kindergarten child on $day"
{
	update_steps
	echo "wait \"Suất ăn theo điểm danh: nhà trẻ\""
	echo "wait \"mẫu giáo $before\""
	echo 'type s'
	echo 'wait "Điểm danh"'
	echo 'settle'
	echo 'dump counts.screen'
} | drive - || fail "first update from attendance failed"
[ "$(q "SELECT from_attendance FROM meal_counts WHERE day = '$day'
    AND age_group = 'mau-giao'")" = "$before" ] ||
    fail "stored kindergarten count is not $before"
grep -Eq "^ mẫu giáo +[0-9—]+ +$before " counts.screen ||
    fail "meal counts screen does not show $before from attendance"

echo "== $second absent too: the count drops by one"
"$MAMNON" -c "$CFG" attendance save --class "$class" --date "$day" \
    --absent "$first:P" --absent "$second:K" >/dev/null ||
    fail "second attendance save failed"
after=$(mg_meals_by_hand)
[ "$after" -eq $((before - 1)) ] ||
    fail "by hand: $after meals after one more absence," \
    "expected $((before - 1))"
{
	update_steps
	echo "wait \"mẫu giáo $after\""
} | drive - || fail "second update from attendance failed"
[ "$(q "SELECT from_attendance FROM meal_counts WHERE day = '$day'
    AND age_group = 'mau-giao'")" = "$after" ] ||
    fail "stored kindergarten count is not $after"
[ "$(q "SELECT count(*) FROM audit WHERE table_name = 'meal_counts'
    AND login = 'kitchen'")" -ge 4 ] ||
    fail "the count updates left no audit rows"

echo "== a Sunday has no attendance to take meals from"
{
	update_steps
	echo "wait \"$(date -d "$day" +%d/%m)/\""
	echo 'type d'
	echo 'wait "Ngày (dd/mm/yyyy)"'
	echo 'key C-u'
	echo "type $sunday"
	echo 'key Enter'
	echo 'type a'
	echo 'wait "không phải ngày học"'
} | drive - || fail "a Sunday was not rejected"
