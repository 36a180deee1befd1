# The staff register lists, shows and adds staff members; the school
# calendar marks weekdays as school days and a new holiday as a day off.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

mn_init
mn_user_add covai teacher "$TEACHER_PASSWORD"
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
reg_classes
reg_staff covai MG5A
PPW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")

echo "== staff list, record and a new staff member"
{
	login_steps hieutruong "$PPW"
	cat <<SCRIPT
wait "Nhân sự" 10000
pick Nhân sự
key Enter
wait "Lớp phụ trách"
waitre "CB-001 +Vũ Thị Mai +Giáo viên +0912345678 +MG5A"
key Enter
wait "Trình độ chuyên môn: Cao đẳng sư phạm mầm non"
wait "Tài khoản: covai"
key Enter
wait "Lớp phụ trách"
key n
wait "Thêm cán bộ"
wait "Tài khoản"
key Enter
type "Y Moan Ênuôl"
key Enter
type 15/08/1995
key Enter
type Nam
key Enter
type "Nhân viên bảo vệ"
key Down 3
type "09 8765 4321"
key F2
wait "Đã lưu cán bộ Y Moan Ênuôl"
waitre "CB-002 +Y Moan Ênuôl +Nhân viên bảo vệ +0987654321"
SCRIPT
} | drive - || fail "the staff screens failed"
mn_export staff --format csv |
    grep -q '^CB-002,Y Moan Ênuôl,15/08/1995,Nam,Nhân viên bảo vệ,' ||
    fail "export lacks the new staff member"

# The first Monday of October of the school year: inside the school
# year whatever today is.
for d in 01 02 03 04 05 06 07; do
	if [ "$(date -d "$YEAR_START-10-$d" +%u)" = 1 ]; then
		MONDAY=$d/10/$YEAR_START
	fi
done
# Keys that move the calendar from today's month to that October.
months=$((YEAR_START * 12 + 10 - $(TZ=Asia/Ho_Chi_Minh date +%Y) * 12 -
    $(TZ=Asia/Ho_Chi_Minh date +%m | sed 's/^0//')))
if [ "$months" -gt 0 ]; then
	MOVE="key > $months"
elif [ "$months" -lt 0 ]; then
	MOVE="key < $((-months))"
else
	MOVE="# already in October"
fi

echo "== a holiday added in the calendar is no school day"
{
	login_steps hieutruong "$PPW"
	cat <<SCRIPT
wait "Lịch năm học" 10000
pick Lịch năm học
key Enter
wait "Năm học $(school_year)"
$MOVE
wait "tháng 10/$YEAR_START"
waitre "$MONDAY +Thứ hai +có"
key h
wait "Thêm ngày nghỉ"
wait "Đến ngày"
type "Nghỉ bù Quốc khánh"
key Enter
type $MONDAY
key Enter
key Enter
wait "Đã thêm ngày nghỉ Nghỉ bù Quốc khánh"
waitre "$MONDAY +Thứ hai +không"
SCRIPT
} | drive - || fail "the calendar failed"
