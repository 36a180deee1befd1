# Staff privacy screens: the principal approves a data-use request,
# records a consent from a paper form and reads the audit trail with
# old and new values; the administrator reads the trail without them;
# a teacher of another class cannot open the child's consents; the
# parent reads an announcement, wrapped again for each terminal width,
# and leaves a read receipt.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
PURPOSE='Báo cáo sở giáo dục'
until=$(date -d '+30 days' +%Y-%m-%d)

kid=$(db "SELECT c.school_code || '|' || c.id || '|' || c.class_id
    FROM parent_children pc JOIN accounts a ON a.id = pc.account_id
    JOIN children c ON c.id = pc.child_id
    WHERE a.login = 'parent' AND c.class_id IS NOT NULL
    ORDER BY c.name_key, c.id LIMIT 1")
[ -n "$kid" ] || fail "the demo parent has no child in a class"
code=${kid%%|*}
rest=${kid#*|}
child_id=${rest%%|*}
class_id=${rest#*|}
other_teacher=$(db "SELECT 'gv.' || lower(code) FROM classes
    WHERE id <> $class_id AND 'gv.' || lower(code) IN
    (SELECT login FROM accounts) ORDER BY code LIMIT 1")
[ -n "$other_teacher" ] || fail "no teacher of another class in the demo"

echo "== principal approves a data-use request"
down=$(menu_down principal 80x24 "Phê duyệt dữ liệu")
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
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
key F2
wait "Đã gửi đề nghị"
wait "chờ duyệt"
key a
wait "Duyệt "
key c
wait "Ghi chú"
key Enter
wait "Đã duyệt"
wait "đã duyệt"
EOS
} | drive -
[ "$(db "SELECT status || ' ' || data_kind || ' ' || valid_until
    FROM data_approvals WHERE purpose = '$PURPOSE'")" = \
    "approved children $until" ] ||
    fail "the approval is not stored as approved"

echo "== principal records a paper form for $code"
granted=$(db "SELECT granted FROM consents WHERE child_id = $child_id
    AND purpose = 'photos_media' ORDER BY id DESC LIMIT 1")
if [ "$granted" = 1 ]; then
	consent_action=consent_withdraw
	want=0
else
	consent_action=consent_grant
	want=1
fi
down=$(menu_down principal 80x24 "Đồng ý của phụ huynh")
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
wait "Mã trẻ"
type $code
key Enter
wait "Mục đích"
wait "hình ảnh và truyền thông"
key Enter
wait "Số phiếu"
type P-12
key Tab
type Đặng Văn Hùng
key F2
waitre "Đã ghi (sự đồng ý|việc rút lại)"
EOS
} | drive -
[ "$(db "SELECT granted || ' ' || source || ' ' || paper_ref || ' ' ||
    recorded_by FROM consents WHERE child_id = $child_id
    AND purpose = 'photos_media' ORDER BY id DESC LIMIT 1")" = \
    "$want paper_form P-12 principal" ] ||
    fail "the paper form was not recorded"

echo "== $other_teacher cannot open the consents of $code"
down=$(menu_down "$other_teacher" 80x24 "Đồng ý của phụ huynh")
{
	login_steps "$other_teacher" "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
wait "Mã trẻ"
type $code
key Enter
wait "không thuộc lớp của bạn"
expectnot "hình ảnh và truyền thông"
EOS
} | drive -

# audit_steps: opens the trail filtered to the consent change on $code.
audit_steps() {
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
wait "Thời điểm"
key f
wait "Lọc nhật ký"
key Tab
type $code
key Tab
key Tab
key Tab
type $consent_action
key F2
wait "$consent_action"
waitnot "audit browse"
key Enter
wait "Thao tác: $consent_action"
wait "photos_media"
EOS
}

echo "== principal reads the trail with values"
down=$(menu_down principal 80x24 "Nhật ký truy cập")
{
	login_steps principal "$DEMO_PASSWORD"
	audit_steps
	echo 'wait "Giá trị mới"'
	echo 'wait "P-12"'
} | drive -

echo "== admin reads the trail without values"
down=$(menu_down admin 80x24 "Nhật ký truy cập" "$ADMIN_PASSWORD")
{
	login_steps admin "$ADMIN_PASSWORD"
	audit_steps
	echo 'settle 300'
	echo 'expectnot "Giá trị mới"'
	echo 'expectnot "P-12"'
} | drive -

echo "== principal posts an announcement to the whole school"
TITLE='Nghỉ Tết Dương lịch'
TEXT='Trường nghỉ ngày 01/01, các cháu đi học lại vào ngày 02/01.'
down=$(menu_down principal 80x24 "Thông báo")
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
wait "Đăng mới"
key n
wait "Toàn trường"
key Enter
wait "Nội dung"
type $TITLE
key Tab
type $TEXT
key F2
wait "Đã đăng thông báo"
wait "$TITLE"
EOS
} | drive -
ann_id=$(db "SELECT id FROM announcements WHERE title = '$TITLE'
    AND class_id IS NULL")
[ -n "$ann_id" ] || fail "the announcement was not stored for the school"

echo "== parent reads it at 40x15"
down=$(menu_down parent 40x15 "Thông báo")
{
	login_steps parent "$DEMO_PASSWORD"
	cat <<EOS
wait "Con của tôi" 10000
$down
key Enter
wait "$TITLE"
expectre "[*].*$TITLE"
expectnot "quá nhỏ"
key Enter
wait "toàn trường"
wait "học lại vào ngày 02/01."
expectnot "$TEXT"
settle 300
resize 80 24
wait "$TEXT"
settle 300
resize 40 15
waitnot "$TEXT"
wait "học lại vào ngày 02/01."
key Esc
waitnot "Trường nghỉ ngày"
wait "$TITLE"
settle 300
expectnotre "[*].*$TITLE"
EOS
} | DRIVE_SIZE=40x15 drive -
[ -n "$(db "SELECT read_at FROM announcement_reads
    WHERE announcement_id = $ann_id AND account_id =
    (SELECT id FROM accounts WHERE login = 'parent')")" ] ||
    fail "the read receipt was not recorded"
