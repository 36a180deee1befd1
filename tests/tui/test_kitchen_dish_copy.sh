# A dish served on a past day keeps its name and ingredients.  The dishes
# screen marks it with that day and rejects a rename.  "c" copies it to
# a new dish with the same ingredients, which can be changed.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo

export TZ=Asia/Ho_Chi_Minh
today=$(date +%F)
row=$(q "SELECT d.id || '|' || d.name || '|' || min(m.menu_date)
    FROM dishes d JOIN menu_items m ON m.dish_id = d.id
    WHERE m.menu_date < '$today' GROUP BY d.id ORDER BY d.name LIMIT 1")
[ -n "$row" ] || fail "the demo has no dish on a past menu"
id=${row%%|*}
rest=${row#*|}
name=${rest%|*}
first=$(q "SELECT min(m.menu_date) FROM menu_items m WHERE m.dish_id = $id")
first_vn=$(date -d "$first" +%d/%m/%Y)
items=$(q "SELECT count(*) FROM dish_items WHERE dish_id = $id")

echo "== $name is marked $first_vn, a rename is refused, a copy is made"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Món ăn"
	cat <<EOF
wait "Khóa theo TĐ"
type /
type "$name"
key Enter
pick "$name"
expect "$first_vn"
type r
wait "Đổi tên món"
key C-u
type "Món đổi tên thử"
key Enter
wait "nên giữ như đã nấu"
expect "$first_vn"
key Esc
type c
wait "tên món mới"
expect "(mới)"
key Enter
wait "Đã sao chép món"
wait "$name (mới)"
expectnot "khóa theo thực đơn"
EOF
} | drive - || fail "the copy through the dishes screen failed"
[ "$(q "SELECT name FROM dishes WHERE id = $id")" = "$name" ] ||
    fail "the served dish was renamed"
[ "$(q "SELECT count(*) FROM dishes WHERE name = 'Món đổi tên thử'")" = 0 ] ||
    fail "the refused name was stored"
copy=$(q "SELECT id FROM dishes WHERE name = '$name (mới)'")
[ -n "$copy" ] || fail "the copy was not stored"
[ "$(q "SELECT count(*) FROM dish_items WHERE dish_id = $copy")" = "$items" ] ||
    fail "the copy has not the dish's $items ingredients"
[ "$(q "SELECT count(*) FROM (SELECT food_id, age_group, edible_g
    FROM dish_items WHERE dish_id = $id EXCEPT SELECT food_id, age_group,
    edible_g FROM dish_items WHERE dish_id = $copy)")" = 0 ] ||
    fail "the copy's ingredients differ"
[ "$(q "SELECT count(*) FROM audit WHERE table_name = 'dishes'
    AND row_id = $copy AND detail = 'copy of dish $id'")" = 1 ] ||
    fail "the copy has no audit row"

echo "== adding a food already in the copy asks before replacing its weight"
first_item=$(q "SELECT f.code || '|' || i.age_group || '|' || i.edible_g
    FROM dish_items i JOIN foods f ON f.id = i.food_id
    WHERE i.dish_id = $copy
    ORDER BY i.age_group = 'mau-giao', f.food_group, f.code LIMIT 1")
code=${first_item%%|*}
rest=${first_item#*|}
group=${rest%%|*}
grams=${rest#*|}
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Món ăn"
	cat <<EOF
wait "Khóa theo TĐ"
type /
type "$name (mới)"
key Enter
key Enter
wait "Mua g"
type a
wait "Chọn thực phẩm"
type /
type $code
key Enter
key Enter
wait "Số gam ăn được mỗi trẻ"
key Tab 2
key C-u
type 77
key F2
wait "đã có trong món"
type k
wait "chưa lưu"
key F2
wait "đã có trong món"
type c
wait "Đã lưu món ăn"
EOF
} | drive - || fail "the repeated food was not asked about"
[ "$(q "SELECT i.edible_g FROM dish_items i JOIN foods f ON f.id = i.food_id
    WHERE i.dish_id = $copy AND f.code = $code
    AND i.age_group = '$group'")" = "77.0" ] ||
    fail "the weight of $code was not replaced after yes (was $grams)"
[ "$(q "SELECT count(*) FROM dish_items WHERE dish_id = $copy")" = "$items" ] ||
    fail "the copy no longer has $items ingredients"
