# The menu screen offers only the keys the actor may use.  A parent gets
# no edit, approve or copy key (help line and help box), and pressing
# them opens nothing.  As a control, the kitchen gets the edit key.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo

open_menus() {
	open_nutrition
	open_item "Thực đơn"
	printf 'wait "mẫu giáo, tuần"\n'
}

echo "== the parent's menu screen has no edit keys"
denied_before=$(q "SELECT count(*) FROM audit WHERE action = 'denied'")
{
	login_steps parent "$DEMO_PASSWORD"
	open_menus
	cat <<EOF
expectnot "Sửa"
expectnot "Duyệt"
expectnot "Chép tuần"
key F1
wait "[: Tuần trước"
expectnot "Sửa"
expectnot "Duyệt"
expectnot "Chép tuần"
key Esc
waitnot "[: Tuần trước" 2000
type e
type a
type c
settle 300
expectnot "Chọn món"
expectnot "Duyệt thực đơn tuần"
expectnot "Chép sang tuần"
EOF
} | drive - || fail "the parent's menu screen offered edit keys"
[ "$(q "SELECT count(*) FROM audit WHERE action = 'denied'")" = \
    "$denied_before" ] || fail "the parent's keys reached the core"

echo "== the kitchen's menu screen has the edit key"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_menus
	cat <<EOF
key F1
wait "[: Tuần trước"
expect "e: Sửa"
expectnot "Duyệt"
key Esc
waitnot "[: Tuần trước" 2000
type e
wait "Chọn món"
EOF
} | drive - || fail "the kitchen's menu screen lacks the edit key"
