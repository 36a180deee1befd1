# A teacher of class MG5A sees and searches only the children of MG5A:
# the child of MG4B appears neither in the list nor in a search, while
# the principal sees both classes.  The teacher may add a child to MG5A
# but not to MG4B; the refusal keeps the form and what was typed.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

mn_init
mn_user_add covai teacher "$TEACHER_PASSWORD"
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
reg_classes
reg_children
reg_staff covai MG5A
PW=$(mn_first_login covai "$TEACHER_PASSWORD" "$NEW_PASSWORD")
PPW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")

echo "== the teacher's list holds MG5A only"
{
	login_steps covai "$PW"
	open_children_steps
	cat <<SCRIPT
wait "Hoàng Minh Khoa"
expect "Trần Văn An"
expect "Lê Thị Dung"
expect "Phạm Văn Dũng"
expect "! Dị ứng: tôm"
expectnot "MG4B"
expectnot "Đỗ Thu Trang"
key /
type trang
wait "/trang"
settle 300
expectnot "Đỗ Thu Trang"
expectnot "Trần Văn An"
key Esc
settle 300
expect "Trần Văn An"
SCRIPT
} | drive - || fail "the teacher's list is wrong"

echo "== the teacher opens a child of her class"
{
	login_steps covai "$PW"
	open_children_steps
	cat <<SCRIPT
wait "Hoàng Minh Khoa"
pick Lê Thị Dung
key Enter
wait "Hồ sơ trẻ"
wait "Lê Thị Dung (mã T002)"
wait "Đối tượng chính sách"
expect "! Dị ứng: tôm"
expect "Đang học"
key Esc
wait "Lưu ý sức khỏe"
SCRIPT
} | drive - || fail "the teacher cannot open her child's record"

echo "== the principal sees both classes"
{
	login_steps hieutruong "$PPW"
	open_children_steps
	cat <<SCRIPT
wait "Hoàng Minh Khoa"
expect "Đỗ Thu Trang"
expect "! Bệnh mãn tính: hen suyễn"
expect "Trần Văn An"
SCRIPT
} | drive - || fail "the principal's list is wrong"

echo "== a refused class keeps the form and its values"
# MG4B is not her class: F2 on the first page says so at once, before
# the second page is filled in, and nothing typed is lost.
{
	login_steps covai "$PW"
	open_children_steps
	cat <<SCRIPT
wait "Hoàng Minh Khoa"
key n
wait "Đối tượng chính sách"
key Enter
type "Trịnh Gia Bảo"
key Enter
type 14/04/$BORN_MG5
key Enter
type Nam
key Down 6
type MG4B
key F2
wait "Lớp: MG4B không phải lớp của bạn"
expect "Trịnh Gia Bảo"
expect "14/04/$BORN_MG5"
expect "Đối tượng chính sách"
expectnot "Họ tên cha"
key Backspace 4
type MG5A
key F2
wait "Họ tên cha"
type "Trịnh Văn Cường"
key F2
wait "Đã thêm trẻ Trịnh Gia Bảo"
settle 300
expect "MG5A  Trịnh Gia Bảo"
SCRIPT
} | drive - || fail "the teacher's add is wrong"
sqlite3 "$TEST_TMP/mamnon.db" "SELECT father_name FROM children
    WHERE full_name = 'Trịnh Gia Bảo'" | grep -qx "Trịnh Văn Cường" ||
    fail "the added child lacks the father typed on the second page"
