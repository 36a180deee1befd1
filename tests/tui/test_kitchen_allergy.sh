# A day's detail on the menu screen lists, for the kitchen, the children
# of the age group whose recorded allergy names a food of the day's
# dishes (name, class code, food and dish).  Reading them writes one
# audit row.  The accountant, who also reads menus, is shown no names.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

DRIVE_SIZE=120x50

mn_demo

# The first day of this week with a kindergarten menu.
export TZ=Asia/Ho_Chi_Minh
monday=$(date -d "$(date +%F) -$(($(date +%u) - 1)) days" +%F)
day=
for k in 0 1 2 3 4; do
	d=$(date -d "$monday +$k days" +%F)
	if [ "$(q "SELECT count(*) FROM menu_items WHERE menu_date = '$d'
	    AND age_group = 'mau-giao'")" -gt 0 ]; then
		day=$d
		break
	fi
done
[ -n "$day" ] || fail "the demo has no kindergarten menu this week"
label=$(date -d "$day" +%d/%m)

# A food of that day's kindergarten dishes whose name has no brackets
# or commas, and a kindergarten child of that day without allergies.
food_dish=$(q "SELECT f.name || '|' || d.name FROM menu_items m
    JOIN dish_items i ON i.dish_id = m.dish_id AND i.age_group = m.age_group
    JOIN foods f ON f.id = i.food_id JOIN dishes d ON d.id = m.dish_id
    WHERE m.menu_date = '$day' AND m.age_group = 'mau-giao'
    AND f.name NOT GLOB '*[(,]*'
    ORDER BY m.meal = 'lunch' DESC, m.position, f.code LIMIT 1")
food=${food_dish%%|*}
dish=${food_dish#*|}
[ -n "$food" ] || fail "no food on the kindergarten menu of $day"
child=$(q "SELECT ch.id || '|' || ch.full_name || '|' || c.code
    FROM child_class_history h JOIN children ch ON ch.id = h.child_id
    JOIN classes c ON c.id = h.class_id
    JOIN age_groups a ON a.code = c.age_group
    WHERE a.level = 'mg' AND h.from_date <= '$day'
    AND (h.to_date IS NULL OR h.to_date > '$day') AND ch.allergies = ''
    ORDER BY ch.id LIMIT 1")
child_id=${child%%|*}
rest=${child#*|}
name=${rest%%|*}
class=${rest#*|}
[ -n "$name" ] || fail "no kindergarten child on $day"

# The allergy as a parent would tell it, written to the child's record
# directly: the record form is tested by the children tests.
q "UPDATE children SET allergies = 'Dị ứng $food' WHERE id = $child_id"

# detail_steps LOGIN: opens the kindergarten's detail of the day.
detail_steps() {
	login_steps "$1" "$DEMO_PASSWORD"
	open_nutrition
	open_item "Thực đơn"
	echo 'wait "mẫu giáo, tuần"'
	echo 'type /'
	echo "type \"$label\""
	echo 'key Enter'
	echo "wait \"$label\""
	echo 'key Enter'
	echo 'wait "Đánh giá"'
}

views=$(q "SELECT count(*) FROM audit WHERE action = 'view'
    AND table_name = 'children' AND detail LIKE 'allergy flags $day%'")
echo "== kitchen sees $name ($class) flagged for $food on $day"
{
	detail_steps kitchen
	echo 'type /'
	echo "type \"$name\""
	echo 'key Enter'
	echo "wait \"Dị ứng: $name\""
	echo 'settle'
	echo 'dump allergy.screen'
} | drive - || fail "the kitchen's day detail shows no allergy of $name"
grep -q "Dị ứng: $name  *$class  *$food – $dish (" allergy.screen ||
    fail "allergy row of $name lacks the class $class or $food – $dish"
[ "$(q "SELECT count(*) FROM audit WHERE action = 'view'
    AND table_name = 'children' AND detail LIKE 'allergy flags $day%'")" \
    -eq $((views + 1)) ] || fail "reading the flags wrote no single view row"

echo "== the accountant reads the same day without names"
{
	detail_steps accountant
	echo 'settle'
	echo 'dump accountant.screen'
} | drive - || fail "the accountant's day detail failed"
grep -q 'Năng lượng theo bảng' accountant.screen ||
    fail "the accountant's day detail has no nutrition"
! grep -q 'Dị ứng:' accountant.screen ||
    fail "the accountant sees allergy names"
