# A teacher gets an approval for her own export on screen.  She opens
# her class's attendance sheet in "Xuất dữ liệu", has no approval, and
# sends a request from there (kind and class filled in).  A second
# request, written from "Phê duyệt dữ liệu", is rejected by the principal
# with a reason, which the teacher then reads.  The principal approves
# the first one; the teacher picks it from the list of her approvals and
# gets a one-time code.  The audit trail shows each step.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
class=$(db "SELECT cl.code FROM classes cl
    JOIN class_teachers ct ON ct.class_id = cl.id
    JOIN staff s ON s.id = ct.staff_id
    JOIN accounts a ON a.id = s.account_id
    WHERE a.login = 'teacher' ORDER BY cl.code LIMIT 1")
[ -n "$class" ] || fail "the demo teacher has no class"
until=$(TZ=Asia/Ho_Chi_Minh date -d "+20 days" +%d/%m/%Y)
until_iso=$(TZ=Asia/Ho_Chi_Minh date -d "+20 days" +%Y-%m-%d)
month=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)
PURPOSE='Gửi phòng giáo dục'
OTHER='Họp phụ huynh'
REASON='Không cần danh sách tên'

# Script lines: log in as $1 and open the main menu entry $2.
open_entry() {
	login_steps "$1" "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
pick "$2"
key Enter
EOS
}

echo "== teacher asks from the export screen"
{
	open_entry teacher "Xuất dữ liệu"
	cat <<EOS
wait "Bảng điểm danh tháng"
pick Bảng điểm danh tháng
key Enter
wait "chưa có phê duyệt còn hiệu lực"
key c
wait "Đề nghị phê duyệt mới"
expectnot "Cho tài khoản"
expectre "Lớp .* $class"
expectnot "Mã phê duyệt"
key Tab
type $PURPOSE
key Tab
key Tab
key Tab
type $until
key F2
wait "Đã gửi đề nghị"
EOS
} | drive - || fail "the teacher's request from the export screen failed"
[ "$(db "SELECT data_kind || ' ' || class_code || ' ' || valid_until ||
    ' ' || status || ' ' || requested_by FROM data_approvals
    WHERE purpose = '$PURPOSE'")" = \
    "attendance $class $until_iso requested teacher" ] ||
    fail "the teacher's request is not stored as asked"
id=$(db "SELECT id FROM data_approvals WHERE purpose = '$PURPOSE'")

echo "== teacher writes a second request from her approvals"
{
	open_entry teacher "Phê duyệt dữ liệu"
	cat <<EOS
wait "chờ duyệt"
expect "$id"
expectnot "Duyệt"
key n
wait "Đề nghị phê duyệt mới"
expectnot "Cho tài khoản"
key Space
key Tab
type $OTHER
key Tab
key Tab
key Tab
type $until
key F2
wait "Đã gửi đề nghị"
EOS
} | drive - || fail "the teacher's second request failed"
other=$(db "SELECT id FROM data_approvals WHERE purpose = '$OTHER'")
[ -n "$other" ] || fail "the second request was not stored"

echo "== principal rejects one with a reason and approves the other"
{
	open_entry principal "Phê duyệt dữ liệu"
	cat <<EOS
wait "$other"
pick $other
key r
wait "Từ chối $other cho teacher"
key c
wait "Lý do"
key Enter
wait "lý do: bị thiếu"
type $REASON
key Enter
wait "Đã từ chối $other"
pick $id
key a
wait "Duyệt $id cho teacher"
key c
wait "Ghi chú"
key Enter
wait "Đã duyệt $id"
EOS
} | drive - || fail "the principal's decisions failed"
[ "$(db "SELECT status || '|' || decision_note FROM data_approvals
    WHERE id = '$other'")" = "rejected|$REASON" ] ||
    fail "the rejection and its reason are not stored"

echo "== teacher reads the reason and exports with the approval"
{
	open_entry teacher "Phê duyệt dữ liệu"
	cat <<EOS
wait "từ chối"
pick $other
key Enter
wait "Lý do: $REASON"
key Esc
wait "đã duyệt"
key Esc
wait "Đăng xuất"
pick Xuất dữ liệu
key Enter
wait "Bảng điểm danh tháng"
pick Bảng điểm danh tháng
key Enter
wait "Chọn phê duyệt"
expect "$id"
expectnot "$other"
key Enter
wait "theo phê duyệt $id"
expectre "Mã lớp +$class"
expectre "Tháng [(]YYYY-MM[)] +$month"
key F2
waitre "Mã tải: [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"
EOS
} | drive - || fail "the teacher's export with her approval failed"
[ "$(db "SELECT use_count FROM data_approvals WHERE id = '$id'")" = 1 ] ||
    fail "the approval was not counted as used once"

echo "== the audit trail"
# Rows of the CSV: "id","at","account id","login","source","action",
# "table","row","detail".
step() {
	audit_has "\"$1\",\"local\",\"$2\",\"$3\",\"[0-9]*\",\"$4"
}
step teacher insert data_approvals "approval $id requested for teacher"
step teacher insert data_approvals "approval $other requested for teacher"
step principal update data_approvals "approval $other rejected"
step principal update data_approvals "approval $id approved"
step teacher approval_use data_approvals \
    "approval $id used for attendance: $PURPOSE"
step teacher export classes "attendance sheet $class $month csv"
