# The class list shows the classes of the current school year with their
# size and teachers.  Enter opens a class with its children in name
# order and its teachers.  The principal adds a class, and a capacity
# above the legal maximum is rejected with a message naming the field.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

mn_init
mn_user_add covai teacher "$TEACHER_PASSWORD"
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
reg_classes
reg_children
reg_staff covai MG5A
PPW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")

echo "== class list and class screen"
{
	login_steps hieutruong "$PPW"
	cat <<SCRIPT
wait "Lớp học" 10000
pick Lớp học
key Enter
wait "năm học $(school_year)"
wait "Lớp Lá A"
waitre "MG4B +Lớp Chồi B +Mẫu giáo 4-5 tuổi +P2 +1/30"
waitre "MG5A +Lớp Lá A +Mẫu giáo 5-6 tuổi +P1 +4/35 +Vũ Thị Mai"
pick MG5A
key Enter
wait "Lớp MG5A, Lớp Lá A: 4/35 trẻ; giáo viên: Vũ Thị Mai"
wait "Hoàng Minh Khoa"
settle 300
expectnot "Đỗ Thu Trang"
dump $TEST_TMP/class.screen
key Esc
wait "Lớp Chồi B"
SCRIPT
} | drive - || fail "class screens are wrong"

order=$(grep -E 'T00[0-9]' "$TEST_TMP/class.screen" |
    awk '{ print $1, $2, $3 }')
expected="Trần Văn An
Lê Thị Dung
Phạm Văn Dũng
Hoàng Minh Khoa"
[ "$order" = "$expected" ] || fail "class MG5A lists
$(cat "$TEST_TMP/class.screen")
names
$order
expected
$expected"

echo "== the principal adds a class; too many children is refused"
{
	login_steps hieutruong "$PPW"
	cat <<SCRIPT
wait "Lớp học" 10000
pick Lớp học
key Enter
wait "Lớp Lá A"
key n
wait "Thêm lớp"
wait "Sĩ số tối đa"
type MG3C
key Enter
type "Lớp Mầm C"
key Enter
type mg-3-4
key Enter
type P3
key Enter
type 40
key F2
wait "Sĩ số tối đa: 40 không hợp lệ"
key Backspace 2
type 25
key F2
wait "Đã lưu lớp MG3C"
waitre "MG3C +Lớp Mầm C +Mẫu giáo 3-4 tuổi +P3 +0/25"
SCRIPT
} | drive - || fail "adding a class failed"
"$MAMNON" -c "$CFG" export classes --format csv | grep -q '^MG3C,Lớp Mầm C,' ||
    fail "export lacks the new class MG3C"
