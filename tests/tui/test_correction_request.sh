# A parent asks from a 40x15 terminal to correct the mother's phone of
# their child; the principal accepts it in the inbox, the child record
# changes, and the parent reads the decision.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
PHONE=0912345678
NOTE='Mẹ cháu đổi số'
REASON='Đã cập nhật số mới'
kid=$(db "SELECT c.id || '|' || c.school_code FROM parent_children pc
    JOIN accounts a ON a.id = pc.account_id
    JOIN children c ON c.id = pc.child_id
    WHERE a.login = 'parent' ORDER BY c.name_key, c.id LIMIT 1")
child_id=${kid%%|*}
code=${kid#*|}
nkids=$(db "SELECT count(*) FROM parent_children pc
    JOIN accounts a ON a.id = pc.account_id WHERE a.login = 'parent'")
[ "$(db "SELECT mother_phone FROM children WHERE id = $child_id")" != \
    "$PHONE" ] || fail "the demo already has the new phone"

echo "== parent requests the correction at 40x15"
down=$(menu_down parent 40x15 "Góp ý")
{
	login_steps parent "$DEMO_PASSWORD"
	echo 'wait "Con của tôi" 10000'
	echo "$down"
	echo 'key Enter'
	echo 'wait "c Sửa hồ sơ"'
	echo 'key c'
	if [ "$nkids" -gt 1 ]; then
		echo 'wait "Về trẻ nào?"'
		echo 'key Enter'
	fi
	cat <<EOS
wait "Thông tin nào bị sai?"
wait "điện thoại mẹ"
pick "điện thoại mẹ"
key Enter
wait "Giá trị đúng"
expectnot "quá nhỏ"
type $PHONE
key Tab
type $NOTE
key F2
wait "Đã gửi đề nghị"
EOS
} | DRIVE_SIZE=40x15 drive -
feedback_id=$(db "SELECT f.id FROM feedback f JOIN correction_requests r
    ON r.feedback_id = f.id WHERE r.field = 'mother_phone'
    AND r.requested_value = '$PHONE'")
[ -n "$feedback_id" ] || fail "the correction request was not stored"

echo "== principal accepts it"
down=$(menu_down principal 80x24 "Góp ý phụ huynh")
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
wait "đề nghị sửa"
key Enter
wait "Đề nghị: $PHONE"
wait "$NOTE"
key d
wait "Chấp nhận: sửa hồ sơ"
key Enter
wait "Trả lời phụ huynh"
type $REASON
key Enter
wait "Đã sửa hồ sơ"
wait "Quyết định: chấp nhận"
EOS
} | drive -
[ "$(db "SELECT mother_phone FROM children WHERE id = $child_id")" = \
    "$PHONE" ] || fail "the accepted correction did not change the record"
[ "$(db "SELECT decision FROM correction_requests
    WHERE feedback_id = $feedback_id")" = accepted ] ||
    fail "the decision was not stored"

echo "== parent reads the decision at 40x15"
down=$(menu_down parent 40x15 "Góp ý")
{
	login_steps parent "$DEMO_PASSWORD"
	cat <<EOS
wait "Con của tôi" 10000
$down
key Enter
wait "đã trả lời"
key Enter
wait "Quyết định: chấp nhận"
key End
wait "$REASON"
EOS
} | DRIVE_SIZE=40x15 drive -

audit_has "\"principal\",\"[^\"]*\",\"update\",\"children\",\"$child_id\""
