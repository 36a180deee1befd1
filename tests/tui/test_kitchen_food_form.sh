# The kitchen adds a food through the food table's form.  An absurd
# protein value is rejected with its field and nothing is written.  The
# corrected food is then stored and audited.  A draft of an edit saved
# after someone else's change reports the conflict.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo

NAME='Bí đỏ hữu cơ thử'
foods_before=$(q "SELECT count(*) FROM foods")

echo "== a bad protein value is rejected, then the food is added"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Bảng thực phẩm, giá"
	cat <<EOF
wait "Bảng thực phẩm"
type n
wait "Thêm thực phẩm"
type 99001
key Tab
type "$NAME"
key Tab
type 4
key Tab 3
type 27
key Tab
type 150
key F2
wait "(protein_g): giá trị 150,0 không hợp lệ"
key C-u
type "0,3"
key F2
wait "Đã lưu thực phẩm"
EOF
} | drive - || fail "adding the food failed"
[ "$(q "SELECT count(*) FROM foods")" = $((foods_before + 1)) ] ||
    fail "not exactly one food added"
row=$(q "SELECT code || '|' || food_group || '|' || origin || '|' ||
    energy_kcal || '|' || protein_g || '|' || coalesce(lipid_g, 'null') ||
    '|' || version FROM foods WHERE name = '$NAME'")
[ "$row" = "99001|4|vegetable|27.0|0.3|null|1" ] ||
    fail "the stored food is '$row'"
[ "$(q "SELECT count(*) FROM audit WHERE table_name = 'foods' AND
    action = 'insert' AND detail = '$NAME'")" = 1 ] ||
    fail "no audit row for the new food"

echo "== a draft saved after another change is a conflict"
# The food form opens on the name; vitamin C is 14 rows further down.
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Bảng thực phẩm, giá"
	cat <<EOF
wait "Bảng thực phẩm"
type /
type 99001
key Enter
key Enter
wait "Thực phẩm 99001"
key Tab 14
type 5
settle 300
signal HUP
waitexit 5000
EOF
} | drive -
[ "$(q "SELECT form_key FROM drafts")" = "kitchen:food:99001" ] ||
    fail "no draft of the food form"
# Someone else saves the food meanwhile.
q "UPDATE foods SET version = version + 1 WHERE code = 99001"
{
	login_steps kitchen "$DEMO_PASSWORD"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
type c
wait "Thực phẩm 99001"
key F2
wait "vừa được người khác sửa"
EOF
} | drive - || fail "the stale save was not reported"
[ "$(q "SELECT coalesce(vitamin_c_mg, 'null') FROM foods
    WHERE code = 99001")" = null ] || fail "the stale save changed the food"
