# Child forms beyond a plain add.  A date that does not exist is rejected
# with a message naming the field.  An ID that disagrees with sex and
# birth year needs a written reason.  An edit saves.  An edit that lost a
# race shows the other values and reloads them.  A status change records
# its date and reason.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

mn_init
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
mn_user_add phohieutruong principal "$TEACHER_PASSWORD"
reg_classes
reg_children
PW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")
PW2=$(mn_first_login phohieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")

echo "== a date that does not exist is refused naming the field"
echo "== an ID of a boy for a girl asks for a reason"
{
	login_steps hieutruong "$PW"
	open_children_steps
	cat <<SCRIPT
key n
wait "Đối tượng chính sách"
key Enter
type "Mai Thị Lan"
key Enter
type 31/02/$BORN_MG5
key Enter
type Nữ
key Enter
key Enter
type 001221123456
key Down 4
type MG5A
key F2
wait "Họ tên cha"
key F2
wait "Ngày sinh"
waitre "Ngày sinh.*31/02/$BORN_MG5|Ngày sinh.*dd/mm/yyyy"
expect "Thêm trẻ"
key Backspace 10
type 03/02/$BORN_MG5
key F2
wait "Họ tên cha"
key F2
wait "Mã định danh khác với hồ sơ"
wait "Lý do sai khác mã định danh"
type "Giấy khai sinh ghi sai giới tính"
key Enter
wait "Đã thêm trẻ Mai Thị Lan"
SCRIPT
} | drive - || fail "the add form checks failed"
mn_export children --format csv |
    grep -q ",Mai Thị Lan,03/02/$BORN_MG5,Nữ,Kinh,001221123456," ||
    fail "export lacks Mai Thị Lan with her ID"

echo "== the principal accepts a child outside the class's age group"
{
	login_steps hieutruong "$PW"
	open_children_steps
	cat <<SCRIPT
key n
wait "Đối tượng chính sách"
key Enter
type "Vũ Minh Quân"
key Enter
type 09/09/$BORN_MG4
key Enter
type Nam
key Down 6
type MG5A
key F2
wait "Họ tên cha"
key F2
wait "[ Có ]   [ Không ]"
expect "không hợp với lớp MG5A"
key k
wait "hiệu trưởng có thể xác nhận ngoại lệ"
expect "Thêm trẻ"
key F2
wait "Họ tên cha"
key F2
wait "[ Có ]   [ Không ]"
key c
wait "Đã thêm trẻ Vũ Minh Quân"
SCRIPT
} | drive - || fail "the age group exception failed"
mn_export children --format csv |
    grep -q ",Vũ Minh Quân,09/09/$BORN_MG4,Nam,.*,MG5A," ||
    fail "export lacks Vũ Minh Quân in MG5A"

echo "== an edit saves the new name"
{
	login_steps hieutruong "$PW"
	open_children_steps
	cat <<SCRIPT
wait "Hoàng Minh Khoa"
key /
type khoa
key Enter
key e
wait "Sửa hồ sơ trẻ"
wait "Hoàng Minh Khoa (T004)"
key Down
key End
key Backspace 4
type Khôi
key F2
wait "Họ tên cha"
key F2
wait "Đã lưu hồ sơ trẻ Hoàng Minh Khôi"
settle 300
expect "MG5A  Hoàng Minh Khôi"
expectnot "Hoàng Minh Khoa"
SCRIPT
} | drive - || fail "editing failed"

echo "== an edit that lost a race shows the stored values and reloads"
cat >"$TEST_TMP/slow.script" <<SCRIPT
$(login_steps hieutruong "$PW")
$(open_children_steps)
wait "Trần Văn An"
key /
type "tran van an"
key Enter
key e
wait "Sửa hồ sơ trẻ"
sleep 8000
key Down
key End
type " Bảo"
key F2
wait "Họ tên cha"
key F2
wait "Người khác vừa sửa hồ sơ này"
wait "Họ và tên: Trần Văn Anh (Trần Văn An Bảo)"
key Enter
wait "Tải giá trị đã lưu"
key c
wait "Đã tải giá trị đã lưu"
settle 300
expect "Trần Văn Anh"
expectnot "Trần Văn An Bảo"
key F2
wait "Họ tên cha"
key F2
wait "Đã lưu hồ sơ trẻ Trần Văn Anh"
expectnot "Bảo"
SCRIPT
drive "$TEST_TMP/slow.script" >"$TEST_TMP/slow.log" 2>&1 &
slow=$!
sleep 3
{
	login_steps phohieutruong "$PW2"
	open_children_steps
	cat <<SCRIPT
wait "Trần Văn An"
key /
type "tran van an"
key Enter
key e
wait "Sửa hồ sơ trẻ"
key Down
key End
type h
key F2
wait "Họ tên cha"
key F2
wait "Đã lưu hồ sơ trẻ Trần Văn Anh"
SCRIPT
} | drive - || fail "the concurrent edit failed"
wait "$slow" || { cat "$TEST_TMP/slow.log"; fail "the conflict was not shown"; }

echo "== an edit moves a child to another class"
printf '%s\n%s\n' 'Mã lớp,Tên lớp,Nhóm tuổi,Năm học,Phòng,Sĩ số tối đa' \
    "MG5B,Lớp Lá B,mg-5-6,$(school_year),P4,35" >"$TEST_TMP/more.csv"
"$MAMNON" -c "$CFG" import classes "$TEST_TMP/more.csv" ||
    fail "mamnon import classes MG5B failed"
{
	login_steps hieutruong "$PW"
	open_children_steps
	cat <<SCRIPT
wait "Trần Văn Anh"
key /
type "tran van anh"
key Enter
key e
wait "Trần Văn Anh (T001)"
key Down 9
key End
key Backspace 4
type MG5B
key F2
wait "Họ tên cha"
key F2
wait "Đã lưu hồ sơ trẻ Trần Văn Anh"
settle 300
expect "MG5B  Trần Văn Anh"
expectnot "MG5A  Trần Văn Anh"
SCRIPT
} | drive - || fail "moving a child to MG5B failed"
mn_export children --format csv --class MG5B |
    grep -q '^T001,Trần Văn Anh,' || fail "export of MG5B lacks T001"

echo "== a status change with date and reason"
{
	login_steps hieutruong "$PW"
	open_children_steps
	cat <<SCRIPT
wait "Phạm Văn Dũng"
key /
type "pham van dung"
key Enter
key s
wait "Đổi trạng thái"
type "Chuyển đi"
key Enter
key Backspace 10
type 01/12/$YEAR_START
key Enter
key Enter
wait "Lý do: bị thiếu"
type "Gia đình chuyển nhà"
key Enter
wait "Trạng thái của Phạm Văn Dũng: Chuyển đi"
settle 300
expectre "^ +Phạm Văn Dũng"
SCRIPT
} | drive - || fail "the status change failed"
mn_export children --format csv |
    grep -q "^T003,Phạm Văn Dũng,.*,Chuyển đi," ||
    fail "export does not show T003 as transferred out"
