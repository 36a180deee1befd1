# A hangup (SIGHUP) inside a kitchen form keeps the typed values as a
# draft and stores nothing.  The next login reopens the form with them,
# and saving it stores the supplier.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo

NAME='HTX Rau sạch Nháp'
PHONE='0912345678'

# Kitchen's Nutrition menu: Menus, Market list, Food safety, Dishes,
# Food table, Suppliers, Requirements.
echo "== SIGHUP in the new-supplier form"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_entry 5
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
[ "$(q "SELECT count(*) FROM suppliers")" = 0 ] ||
    fail "the unsaved supplier was stored"

echo "== the next login reopens the form and saves it"
{
	login_steps kitchen "$DEMO_PASSWORD"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
expect "Biểu mẫu bếp"
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
[ "$(q "SELECT name || '|' || phone || '|' || active FROM suppliers")" = \
    "$NAME|$PHONE|1" ] || fail "supplier from the draft not stored"
