# Every part of a parent's child page opens in a 40x15 terminal, the
# growth chart switches indicator, the menus show today's dish, and the
# parent records a consent from their own account.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
child_id=$(db "SELECT c.id FROM parent_children pc
    JOIN accounts a ON a.id = pc.account_id
    JOIN children c ON c.id = pc.child_id
    WHERE a.login = 'parent' ORDER BY c.name_key, c.id LIMIT 1")
[ -n "$child_id" ] || fail "the demo parent has no child"
before=$(db "SELECT granted FROM consents WHERE child_id = $child_id
    AND purpose = 'photos_media' ORDER BY id DESC LIMIT 1")
if [ "$before" = 1 ]; then
	want=0 question='Rút lại sự đồng ý' action=consent_withdraw
else
	want=1 question='Đồng ý: hình ảnh' action=consent_grant
fi

# Today's lunch for both age groups, written straight into the database
# because no host command plans a menu.
DISH='Canh rau ngót'
day=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)
db "INSERT INTO dishes (name, changed_by, changed_at)
    VALUES ('$DISH', 'test', '$day');
    INSERT INTO menu_items (menu_date, age_group, meal, dish_id)
    SELECT '$day', g.value, 'lunch', d.id FROM dishes d,
    json_each('[\"nha-tre\", \"mau-giao\"]') g WHERE d.name = '$DISH'" ||
    fail "could not plan today's lunch"
# Parents see approved weeks only.
week=$(TZ=Asia/Ho_Chi_Minh date +%G-W%V)
db "INSERT INTO menu_weeks (week, age_group, status, approved_by,
    approved_at, changed_by, changed_at)
    SELECT '$week', g.value, 'approved', 'test', '$day', 'test', '$day'
    FROM json_each('[\"nha-tre\", \"mau-giao\"]') g
    WHERE true ON CONFLICT (week, age_group) DO UPDATE SET
    status = 'approved'" || fail "could not approve this week's menu"

down=$(menu_down parent 40x15 "Con của tôi")
{
	login_steps parent "$DEMO_PASSWORD"
	cat <<EOS
wait "Con của tôi" 10000
$down
key Enter
wait "Tìm mã"
key Enter
wait "Thông tin của trẻ"
pick Tăng trưởng
key Enter
wait "b Biểu đồ"
key b
wait "Cân nặng theo tuổi"
wait "WHO -3 -2 0 +2 +3 SD"
expectnot "quá nhỏ"
key 2
wait "Chiều cao theo tuổi"
key Esc
wait "b Biểu đồ"
key Esc
wait "Khám ở phòng y tế"
pick Khám ở phòng y tế
key Enter
waitre "Xử trí|chưa đến phòng y tế"
expectnot "quá nhỏ"
key Esc
wait "Thực đơn hôm nay"
pick Thực đơn hôm nay
key Enter
wait "  - $DISH"
expectnot "quá nhỏ"
key Esc
wait "Thực đơn tuần này"
pick Thực đơn tuần này
key Enter
waitnot "Thực đơn hôm nay"
key End
wait "  - $DISH"
expectnot "quá nhỏ"
key Esc
wait "Đồng ý của phụ huynh"
pick Đồng ý của phụ huynh
key Enter
wait "h Lịch sử"
wait "hình ảnh và truyền thông"
expectnot "quá nhỏ"
key Enter
wait "$question"
key c
wait "Đã ghi nhận"
key h
wait "người ghi parent"
expectnot "quá nhỏ"
EOS
} | DRIVE_SIZE=40x15 drive -

[ "$(db "SELECT granted || ' ' || source FROM consents
    WHERE child_id = $child_id AND purpose = 'photos_media'
    ORDER BY id DESC LIMIT 1")" = "$want parent_account" ] ||
    fail "the parent's consent was not recorded"
aud_child="\"children\",\"$child_id\""
audit_has "\"parent\",\"[^\"]*\",\"view\",$aud_child,\"growth_chart_view\""
audit_has "\"parent\",\"[^\"]*\",\"$action\",$aud_child,\"photos_media\""
