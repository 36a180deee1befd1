# The demo's meal counts from attendance agree with its attendance marks.
# After a teacher changes the attendance of a day, the market list and
# the meal-fee book show that the saved count no longer matches it,
# until the kitchen takes the counts from attendance again ("a").
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo

# The latest school day up to today, which has counts from attendance.
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

# meals_by_hand LEVEL: children of the LEVEL (nt, mg) classes on the
# day, less those marked absent where attendance was saved.
meals_by_hand() {
	q "SELECT coalesce(sum(n), 0) FROM (SELECT
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
	    WHERE a.level = '$1' AND '$day' BETWEEN y.first_day
	    AND y.last_day)"
}
saved() {
	q "SELECT from_attendance FROM meal_counts WHERE day = '$day'
	    AND age_group = '$1'"
}

echo "== the demo's counts of $day match its attendance"
[ "$(saved nha-tre)" = "$(meals_by_hand nt)" ] ||
    fail "crèche: demo count $(saved nha-tre), attendance $(meals_by_hand nt)"
[ "$(saved mau-giao)" = "$(meals_by_hand mg)" ] ||
    fail "kindergarten: demo count $(saved mau-giao)," \
    "attendance $(meals_by_hand mg)"

# Two more children of a kindergarten class are marked absent.
class=$(q "SELECT c.code FROM classes c JOIN age_groups a
    ON a.code = c.age_group JOIN school_years y ON y.id = c.school_year_id
    WHERE a.level = 'mg' AND '$day' BETWEEN y.first_day AND y.last_day
    ORDER BY c.code LIMIT 1")
[ -n "$class" ] || fail "no kindergarten class on $day"
absent=$(q "SELECT ch.school_code FROM child_class_history h
    JOIN children ch ON ch.id = h.child_id
    JOIN classes c ON c.id = h.class_id
    WHERE c.code = '$class' AND h.from_date <= '$day'
    AND (h.to_date IS NULL OR h.to_date > '$day')
    ORDER BY ch.school_code LIMIT 2" | sed 's/^/--absent /; s/$/:P/')
# shellcheck disable=SC2086
"$MAMNON" -c "$CFG" attendance save --class "$class" --date "$day" \
    $absent >/dev/null || fail "attendance save failed"
saved_total=$(($(saved nha-tre) + $(saved mau-giao)))
now_total=$(($(meals_by_hand nt) + $(meals_by_hand mg)))
[ "$saved_total" != "$now_total" ] ||
    fail "the attendance change left the count at $now_total"
warning="điểm danh hiện có $now_total trẻ, suất ăn đã ghi $saved_total"

echo "== the market list warns ($now_total now, $saved_total saved)"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Phiếu kê chợ"
	cat <<EOF
wait "Tổng cộng"
type d
wait "Ngày (dd/mm/yyyy)"
key C-u
type $long_date
key Enter
wait "$warning"
key Space
type s
wait "Điểm danh"
wait "$warning"
key Esc
type a
waitnot "điểm danh hiện có"
EOF
} | drive - || fail "the market list did not warn, or kept warning"
[ "$(($(saved nha-tre) + $(saved mau-giao)))" = "$now_total" ] ||
    fail "the counts from attendance were not updated to $now_total"

echo "== the fee book marks a changed day"
# A third child is marked absent.
third=$(q "SELECT ch.school_code FROM child_class_history h
    JOIN children ch ON ch.id = h.child_id
    JOIN classes c ON c.id = h.class_id
    WHERE c.code = '$class' AND h.from_date <= '$day'
    AND (h.to_date IS NULL OR h.to_date > '$day')
    ORDER BY ch.school_code LIMIT 1 OFFSET 2")
# shellcheck disable=SC2086
"$MAMNON" -c "$CFG" attendance save --class "$class" --date "$day" \
    $absent --absent "$third:K" >/dev/null ||
    fail "the second attendance change failed"
[ "$(meals_by_hand mg)" != "$(saved mau-giao)" ] ||
    fail "the second attendance change left the count as saved"
day_label=$(date -d "$day" +%d/%m)
if [ "$(date -d "$day" +%m)" = "$(date +%m)" ]; then
	{
		login_steps accountant "$DEMO_PASSWORD"
		cat <<EOF
wait "Dinh dưỡng" 10000
pick "Dinh dưỡng"
key Enter
wait "Sổ tính tiền ăn"
pick "Sổ tính tiền ăn"
key Enter
wait "Tồn đầu tháng"
wait "điểm danh hiện có"
expectre "$day_label +[0-9]+[*] "
expect "* Thứ"
EOF
	} | drive - || fail "the fee book did not mark $day"
fi
