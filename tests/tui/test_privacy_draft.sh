# The approval request, consent record and export forms keep unsaved
# input as a draft when the connection drops, and the next login
# reopens each of them filled in.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
PURPOSE='Báo cáo phòng giáo dục'
until=$(TZ=Asia/Ho_Chi_Minh date -d "+30 days" +%Y-%m-%d)
code=$(db "SELECT school_code FROM children ORDER BY school_code LIMIT 1")
[ -n "$code" ] || fail "the demo has no child"

drafts() {
	db "SELECT count(*) FROM drafts"
}

draft_key() {
	db "SELECT form_key FROM drafts"
}

# Script lines: log in as the principal and open the menu entry $1.
open_entry() {
	_down=$(menu_down principal 80x24 "$1")
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$_down
key Enter
EOS
}

# Script lines: log in, take up the draft and wait for TEXT.
reopen_steps() {
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "$1"
type c
wait "$2"
EOS
}

echo "== approval request"
{
	open_entry "Phê duyệt dữ liệu"
	cat <<EOS
wait "Đề nghị mới"
key n
wait "Cho tài khoản (trống: bạn)"
key Space
key Tab
type $PURPOSE
key Tab
key Tab
key Tab
type $until
settle 300
signal HUP
waitexit 5000
EOS
} | drive - || fail "the approval request form failed"
[ "$(draft_key)" = approval_request ] ||
    fail "draft key: expected 'approval_request', got '$(draft_key)'"
{
	reopen_steps "Đề nghị phê duyệt" "$until"
	cat <<EOS
expect "$PURPOSE"
key F2
wait "Đã gửi đề nghị"
EOS
} | drive - || fail "reopening the approval request failed"
[ "$(db "SELECT data_kind || ' ' || valid_until FROM data_approvals
    WHERE purpose = '$PURPOSE'")" = "children $until" ] ||
    fail "the reopened approval request was not stored"

echo "== consent record for $code"
child_id=$(db "SELECT id FROM children WHERE school_code = '$code'")
before=$(db "SELECT count(*) FROM consents WHERE child_id = $child_id")
{
	open_entry "Đồng ý của phụ huynh"
	cat <<EOS
wait "Mã trẻ"
type $code
key Enter
wait "hình ảnh và truyền thông"
key Enter
wait "Số phiếu"
type P-77
key Tab
type Đặng Văn Hùng
settle 300
close
waitexit 5000
EOS
} | drive - || fail "the consent form failed"
case $(draft_key) in
"consent:$child_id:photos_media:grant" | \
"consent:$child_id:photos_media:withdraw") ;;
*) fail "draft key: unexpected '$(draft_key)'"
esac
[ "$(db "SELECT count(*) FROM consents WHERE child_id = $child_id")" = \
    "$before" ] || fail "the unsaved consent was recorded"
{
	reopen_steps "Ghi nhận sự đồng ý" "Đặng Văn Hùng"
	cat <<EOS
expect P-77
key F2
waitre "Đã ghi (sự đồng ý|việc rút lại)"
EOS
} | drive - || fail "reopening the consent form failed"
[ "$(db "SELECT paper_ref || ' ' || recorded_by FROM consents
    WHERE child_id = $child_id ORDER BY id DESC LIMIT 1")" = \
    "P-77 principal" ] || fail "the reopened consent was not recorded"

echo "== export form"
# The class list: personal kinds ask for an approval first, see
# test_approval_flow.sh.
{
	open_entry "Xuất dữ liệu"
	cat <<EOS
wait "Danh sách trẻ"
pick Danh sách lớp
key Enter
wait "Mã lớp"
key Down 2
type DRAFT-CLASS
settle 300
signal HUP
waitexit 5000
EOS
} | drive - || fail "the export form failed"
[ "$(draft_key)" = export:classes ] ||
    fail "draft key: expected 'export:classes', got '$(draft_key)'"
{
	reopen_steps "Yêu cầu xuất dữ liệu" DRAFT-CLASS
	cat <<EOS
expect "Mã lớp"
key Esc
waitnot DRAFT-CLASS
EOS
} | drive - || fail "reopening the export form failed"
[ "$(drafts)" = 0 ] || fail "drafts left: $(drafts)"
