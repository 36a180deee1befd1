# Each role sees the children's health data the core gives it: the
# nurse sees allergies and chronic conditions, the kitchen only
# allergies, the admin neither.  A role that may not write children gets
# the core's refusal instead of the add or edit form, and is not offered
# the key: the kitchen no edit key on a record, a teacher without a
# class no add key.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

mn_init
mn_user_add ytetruong nurse "$TEACHER_PASSWORD"
mn_user_add bepchinh kitchen "$TEACHER_PASSWORD"
mn_user_add comoi teacher "$TEACHER_PASSWORD"
reg_classes
reg_children
NPW=$(mn_first_login ytetruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")
KPW=$(mn_first_login bepchinh "$TEACHER_PASSWORD" "$NEW_PASSWORD")
TPW=$(mn_first_login comoi "$TEACHER_PASSWORD" "$NEW_PASSWORD")

echo "== the nurse sees allergies and chronic conditions"
{
	login_steps ytetruong "$NPW"
	open_children_steps
	cat <<SCRIPT
wait "Hoàng Minh Khoa"
expect "! Bệnh mãn tính: hen suyễn"
expect "! Dị ứng: tôm"
key n
wait "không được phép"
expectnot "Đối tượng chính sách"
SCRIPT
} | drive - || fail "the nurse's list is wrong"

echo "== the kitchen sees allergies only"
{
	login_steps bepchinh "$KPW"
	open_children_steps
	cat <<SCRIPT
wait "Hoàng Minh Khoa"
expect "! Dị ứng: tôm"
expectnot "hen suyễn"
expectnot "Bệnh mãn tính"
SCRIPT
} | drive - || fail "the kitchen's list is wrong"

echo "== the admin sees no health data"
{
	login_steps admin "$ADMIN_PASSWORD"
	cat <<SCRIPT
wait "Trẻ em" 10000
key Enter
wait "Lưu ý sức khỏe"
wait "Hoàng Minh Khoa"
expect "Lê Thị Dung"
expectnot "tôm"
expectnot "hen suyễn"
pick Lê Thị Dung
key Enter
wait "Lê Thị Dung (mã T002)"
key PgDn
wait "Họ tên cha"
expectnot "Dị ứng"
expectnot "tôm"
SCRIPT
} | drive - || fail "the admin's list is wrong"

echo "== the kitchen's child record offers no edit key and opens no form"
{
	login_steps bepchinh "$KPW"
	open_children_steps
	cat <<SCRIPT
wait "Hoàng Minh Khoa"
pick Lê Thị Dung
key Enter
wait "Lê Thị Dung (mã T002)"
settle 300
expectline -1 "Quay lại"
expectnot "e Sửa"
key e
wait "không được phép"
expectnot "Sửa hồ sơ trẻ"
SCRIPT
} | drive - || fail "the kitchen is offered the child form"

echo "== a teacher without a class is offered no add key"
{
	login_steps comoi "$TPW"
	open_children_steps
	cat <<SCRIPT
settle 300
expectline -1 "Tìm"
expectnot "n Thêm"
key n
wait "bạn chưa phụ trách lớp nào"
expectnot "Đối tượng chính sách"
SCRIPT
} | drive - || fail "a teacher without a class is offered the add form"
