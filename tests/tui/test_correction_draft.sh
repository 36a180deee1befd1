# A parent's correction request and the principal's decision on it stay
# as drafts when the connection drops, and each is sent from its draft
# at the next login.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
PHONE=0912345679
NOTE='Số mới của mẹ cháu'
REASON='Đã cập nhật theo đề nghị'
nkids=$(db "SELECT count(*) FROM parent_children pc
    JOIN accounts a ON a.id = pc.account_id WHERE a.login = 'parent'")

drafts() {
	db "SELECT count(*) FROM drafts"
}

echo "== a hangup in the correction request keeps a draft"
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
type $PHONE
key Tab
type $NOTE
settle 300
close
waitexit 5000
EOS
} | DRIVE_SIZE=40x15 drive - || fail "the correction form failed"
key=$(db "SELECT form_key FROM drafts")
case $key in
correction:*:mother_phone) ;;
*) fail "draft key: expected 'correction:CHILD:mother_phone', got '$key'"
esac
child_id=$(printf '%s\n' "$key" | cut -d: -f2)

echo "== the next login reopens the request; F2 sends it"
{
	login_steps parent "$DEMO_PASSWORD"
	cat <<EOS
wait "Có bản nháp chưa lưu từ" 10000
expect "Đề nghị sửa hồ sơ"
type c
wait "$NOTE"
expect "$PHONE"
key F2
wait "Đã gửi đề nghị"
EOS
} | DRIVE_SIZE=40x15 drive - || fail "reopening the correction draft failed"
feedback_id=$(db "SELECT f.id FROM feedback f JOIN correction_requests r
    ON r.feedback_id = f.id WHERE r.field = 'mother_phone'
    AND r.requested_value = '$PHONE' AND f.child_id = $child_id")
[ -n "$feedback_id" ] || fail "the reopened request was not stored"
[ "$(drafts)" = 0 ] || fail "drafts left after sending: $(drafts)"

echo "== a hangup in the principal's decision keeps a draft"
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
key d
wait "Chấp nhận: sửa hồ sơ"
key Enter
wait "Trả lời phụ huynh"
type $REASON
settle 300
signal HUP
waitexit 5000
EOS
} | drive - || fail "the decision form failed"
[ "$(db "SELECT form_key FROM drafts")" = \
    "feedback_decide:$feedback_id:accept" ] ||
    fail "no draft of the decision: $(db "SELECT form_key FROM drafts")"
[ "$(db "SELECT decision FROM correction_requests
    WHERE feedback_id = $feedback_id")" != accepted ] ||
    fail "the unsaved decision was stored"

echo "== the next login reopens the decision; F2 records it"
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Có bản nháp chưa lưu từ" 10000
expect "Quyết định sửa hồ sơ: $feedback_id:accept"
type c
wait "$REASON"
key F2
wait "Đã sửa hồ sơ"
EOS
} | drive - || fail "reopening the decision draft failed"
[ "$(db "SELECT mother_phone FROM children WHERE id = $child_id")" = \
    "$PHONE" ] || fail "the accepted correction did not change the record"
[ "$(drafts)" = 0 ] || fail "drafts left after deciding: $(drafts)"
