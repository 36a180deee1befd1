# The day's allergy check on the menu screen.  A kindergarten child whose
# record reads "Hải sản" is listed as not yet linked ("chưa đối chiếu")
# until the nurse links the allergy to the seafood group on the child's
# health page.  Then the kitchen's day detail, at 80 columns, shows the
# child flagged on a shrimp dish with the child, the dish and the food
# whole.  Reading the check writes one audit row; the accountant, who
# also reads menus, is shown no names.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

# 80 columns, the narrowest staff layout; rows enough for the check.
DRIVE_SIZE=80x60

mn_demo

# The kindergarten day with a shrimp dish nearest to this week, and how
# many weeks the menu screen must move from the current week to show it.
export TZ=Asia/Ho_Chi_Minh
monday=$(date -d "$(date +%F) -$(($(date +%u) - 1)) days" +%F)
shrimp=$(q "SELECT m.menu_date || '|' || f.name || '|' || d.name
    FROM menu_items m
    JOIN dish_items i ON i.dish_id = m.dish_id AND i.age_group = m.age_group
    JOIN foods f ON f.id = i.food_id JOIN dishes d ON d.id = m.dish_id
    WHERE m.age_group = 'mau-giao' AND f.name LIKE 'Tôm %'
    ORDER BY abs(julianday(m.menu_date) - julianday('$monday', '+2 days')),
    m.menu_date, m.meal, m.position LIMIT 1")
day=${shrimp%%|*}
rest=${shrimp#*|}
food=${rest%%|*}
dish=${rest#*|}
[ -n "$day" ] || fail "the demo has no kindergarten shrimp dish"
label=$(date -d "$day" +%d/%m)
day_monday=$(date -d "$day -$(($(date -d "$day" +%u) - 1)) days" +%F)
weeks=$((($(date -d "$day_monday" +%s) - $(date -d "$monday" +%s)) / 604800))

# A kindergarten child of that day without allergies and without links,
# first in class and name order so that its rows come first in the check.
child=$(q "SELECT ch.id || '|' || ch.full_name || '|' || c.code
    FROM child_class_history h JOIN children ch ON ch.id = h.child_id
    JOIN classes c ON c.id = h.class_id
    JOIN age_groups a ON a.code = c.age_group
    WHERE a.level = 'mg' AND h.from_date <= '$day'
    AND (h.to_date IS NULL OR h.to_date > '$day') AND ch.allergies = ''
    AND ch.status = 'enrolled'
    AND NOT EXISTS (SELECT 1 FROM children o WHERE o.id <> ch.id
    AND o.full_name = ch.full_name)
    ORDER BY c.code, ch.name_key LIMIT 1")
child_id=${child%%|*}
rest=${child#*|}
name=${rest%%|*}
class=${rest#*|}
[ -n "$name" ] || fail "no kindergarten child on $day"

# The allergy as a parent would tell it, written to the child's record
# directly: the record form is tested by the children tests.
q "UPDATE children SET allergies = 'Hải sản' WHERE id = $child_id"

# detail_steps LOGIN: opens the kindergarten's detail of the day.
detail_steps() {
	login_steps "$1" "$DEMO_PASSWORD"
	open_nutrition
	open_item "Thực đơn"
	echo 'wait "mẫu giáo, tuần"'
	if [ "$weeks" -lt 0 ]; then
		echo "key [ $((-weeks))"
	elif [ "$weeks" -gt 0 ]; then
		echo "key ] $weeks"
	fi
	echo "wait \"$label\""
	echo 'type /'
	echo "type \"$label\""
	echo 'key Enter'
	echo 'key Enter'
	echo 'wait "Đánh giá"'
}

# find_steps: waits for the child's rows of the check.
find_steps() {
	echo "wait \"Dị ứng: $name\""
	echo 'settle'
}

views() {
	q "SELECT count(*) FROM audit WHERE action = 'view'
	    AND table_name = 'children' AND detail LIKE 'allergy flags $day%'"
}

echo "== before the nurse links it, $name is listed as not yet linked"
before=$(views)
{
	detail_steps kitchen
	find_steps
	echo 'dump unlinked.screen'
} | drive - || fail "the kitchen's day detail does not list $name"
grep -q "Dị ứng: $name  *$class" unlinked.screen ||
    fail "the row of $name lacks the class $class"
grep -q "Chưa đối chiếu: Hải sản  .*kiểm tra tay" unlinked.screen ||
    fail "$name is not listed as not yet linked"
[ "$(views)" -eq $((before + 1)) ] ||
    fail "reading the check wrote no single view row"

echo "== the nurse links $name to Hải sản, adds and removes a food"
{
	login_steps nurse "$DEMO_PASSWORD"
	cat <<EOF
wait "Sức khỏe" 10000
pick Sức khỏe
key Enter
wait "Sức khỏe của trẻ"
pick Sức khỏe của trẻ
key Enter
wait "$class"
key /
type $class
key Enter
key Enter
wait "chọn trẻ"
key /
type "$name"
key Enter
key Enter
wait "Dị ứng chưa đối chiếu"
key d
wait "Hồ sơ ghi"
expect "Hải sản"
expect "chưa đối chiếu"
key n
wait "Chọn nhóm dị nguyên"
pick "Hải sản"
key Enter
wait "Ghi chú (phản ứng)"
type "nổi mẩn"
key Enter
wait "Đã lưu"
wait "đã đối chiếu"
settle
dump nurse.screen
key f
wait "Chọn thực phẩm"
key /
type "Sữa bò tươi"
key Enter
key Enter
wait "Ghi chú (phản ứng)"
key Enter
wait "Sữa bò tươi (10001)"
pick "Sữa bò tươi (10001)"
key x
wait "Xóa liên kết này?"
type c
waitnot "Sữa bò tươi (10001)"
expect "Hải sản"
EOF
} | drive - || fail "the nurse could not link the allergy of $name"
grep -q "Nhóm  *Hải sản  *nurse  *nổi mẩn" nurse.screen ||
    fail "the link screen does not show the Hải sản link by nurse"
[ "$(q "SELECT count(*) FROM child_allergy_groups l
    JOIN allergen_groups g ON g.id = l.group_id
    WHERE l.child_id = $child_id AND g.code = 'seafood'
    AND l.changed_by = 'nurse' AND l.note = 'nổi mẩn'")" -eq 1 ] ||
    fail "no seafood link of $name was stored"
[ "$(q "SELECT count(*) FROM audit WHERE action = 'insert'
    AND table_name = 'child_allergy_groups' AND row_id = $child_id")" \
    -eq 1 ] || fail "the link wrote no audit row"
[ "$(q "SELECT count(*) FROM child_allergies
    WHERE child_id = $child_id")" -eq 0 ] ||
    fail "the removed food link of $name is still stored"
[ "$(q "SELECT count(*) FROM audit WHERE table_name = 'child_allergies'
    AND row_id = $child_id AND action IN ('insert', 'delete')")" -eq 2 ] ||
    fail "adding and removing the food link wrote no two audit rows"

echo "== the kitchen sees $name flagged on $dish ($food), 80 columns"
{
	detail_steps kitchen
	find_steps
	echo 'dump linked.screen'
} | drive - || fail "the kitchen's day detail does not flag $name"
grep -q "Dị ứng: $name  *$class" linked.screen ||
    fail "the row of $name lacks the class $class"
grep -q "  $dish: $food  .*Hải sản" linked.screen ||
    fail "no row with $dish: $food through Hải sản for $name"
! grep -q "Chưa đối chiếu: Hải sản" linked.screen ||
    fail "$name is still listed as not yet linked"

echo "== the accountant reads the same day without names"
{
	detail_steps accountant
	echo 'settle'
	echo 'dump accountant.screen'
} | drive - || fail "the accountant's day detail failed"
grep -q 'Năng lượng theo bảng' accountant.screen ||
    fail "the accountant's day detail has no nutrition"
! grep -q "Dị ứng:" accountant.screen ||
    fail "the accountant sees allergy names"
