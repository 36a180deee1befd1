# A hangup (SIGHUP) inside a kitchen form keeps the typed values as a
# draft and stores nothing.  The next login reopens the form with them,
# and saving it stores the supplier.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo

NAME='HTX Rau sạch Nháp'
PHONE='0912345678'

echo "== SIGHUP in the new-supplier form"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Nơi cung cấp"
	cat <<EOF
wait "Nơi cung cấp thực phẩm"
type n
wait "Thêm nơi cung cấp"
type "$NAME"
key Tab 2
type $PHONE
settle 300
signal HUP
waitexit 5000
EOF
} | drive -
[ "$(q "SELECT count(*) FROM drafts")" = 1 ] || fail "no draft after SIGHUP"
key=$(q "SELECT form_key FROM drafts")
[ "$key" = "kitchen:supplier_new" ] ||
    fail "draft key: expected 'kitchen:supplier_new', got '$key'"
[ "$(q "SELECT count(*) FROM suppliers WHERE name = '$NAME'")" = 0 ] ||
    fail "the unsaved supplier was stored"

echo "== the next login reopens the form and saves it"
{
	login_steps kitchen "$DEMO_PASSWORD"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
expect "Biểu mẫu bếp: Nơi cung cấp mới: $NAME"
type c
wait "Thêm nơi cung cấp"
wait "$NAME"
wait "$PHONE"
key F2
wait "Đã lưu nơi cung cấp"
EOF
} | drive - || fail "the draft was not reopened and saved"
[ "$(q "SELECT count(*) FROM drafts")" = 0 ] ||
    fail "the reopened draft was not deleted"
[ "$(q "SELECT name || '|' || phone || '|' || active FROM suppliers
    WHERE name = '$NAME'")" = "$NAME|$PHONE|1" ] ||
    fail "supplier from the draft not stored"

echo "== a dish ingredient draft saved after another change is a conflict"
# A copy of a demo dish that is on no menu yet, so that it may change
# (a dish of a past or approved menu may not).
DISH='Sữa tươi thử'
q "INSERT INTO dishes (name, changed_by, changed_at) VALUES ('$DISH',
    'test', '2026-01-01T00:00:00Z')"
dish_id=$(q "SELECT id FROM dishes WHERE name = '$DISH'")
[ -n "$dish_id" ] || fail "the dish '$DISH' was not created"
q "INSERT INTO dish_items SELECT $dish_id, food_id, age_group, edible_g
    FROM dish_items WHERE dish_id = (SELECT id FROM dishes
    WHERE name = 'Sữa tươi')"
grams=$(q "SELECT group_concat(age_group || '=' || edible_g) FROM
    dish_items WHERE dish_id = $dish_id")
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Món ăn"
	cat <<EOF
wait "Nhà trẻ"
type /
type "$DISH"
key Enter
key Enter
wait "Mua g"
key Enter
wait "Số gam ăn được mỗi trẻ"
key Tab 2
key C-u
type 123
settle 300
signal HUP
waitexit 5000
EOF
} | drive -
key=$(q "SELECT form_key FROM drafts")
[ "$key" = "kitchen:dish_item:$dish_id" ] ||
    fail "draft key: expected 'kitchen:dish_item:$dish_id', got '$key'"
# Someone else saves the dish meanwhile.
q "UPDATE dishes SET version = version + 1 WHERE id = $dish_id"
{
	login_steps kitchen "$DEMO_PASSWORD"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
type c
wait "Số gam ăn được mỗi trẻ"
wait "123"
key F2
wait "vừa được người khác sửa"
EOF
} | drive - || fail "the stale dish draft was not reported as a conflict"
[ "$(q "SELECT group_concat(age_group || '=' || edible_g) FROM
    dish_items WHERE dish_id = $dish_id")" = "$grams" ] ||
    fail "the stale draft changed the dish"
