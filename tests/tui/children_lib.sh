# Set-up shared by the register tests (test_children_*.sh), sourced after
# lib.sh: a school year around today, two classes and a few children,
# loaded through `mamnon import`.

# The school year that contains today, or the last one that started
# before today: "2026-2027" from 05/09/2026 to 31/05/2027, which is the
# frame `mamnon import classes` gives a new school year.
school_year() {
	_y=$(TZ=Asia/Ho_Chi_Minh date +%Y)
	if [ "$(TZ=Asia/Ho_Chi_Minh date +%m%d)" -ge 0905 ]; then
		echo "$_y-$((_y + 1))"
	else
		echo "$((_y - 1))-$_y"
	fi
}

# First calendar year of the school year, e.g. 2026.
YEAR_START=$(school_year | cut -d- -f1)
# Birth years that fit the age groups mg-5-6 and mg-4-5.
BORN_MG5=$((YEAR_START - 5))
BORN_MG4=$((YEAR_START - 4))

CHILD_HEADER='Mã trẻ,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Mã định danh,'
CHILD_HEADER="$CHILD_HEADER"'Nơi sinh,Địa chỉ,Lớp,Ngày nhập học,Trạng thái,'
CHILD_HEADER="$CHILD_HEADER"'Họ tên cha,SĐT cha,Họ tên mẹ,SĐT mẹ,'
CHILD_HEADER="$CHILD_HEADER"'Người giám hộ,SĐT người giám hộ,'
CHILD_HEADER="$CHILD_HEADER"'Đối tượng chính sách,Dị ứng,Bệnh mãn tính'

# Imports classes MG5A and MG4B of the current school year.
reg_classes() {
	cat >"$TEST_TMP/classes.csv" <<CSV
Mã lớp,Tên lớp,Nhóm tuổi,Năm học,Phòng,Sĩ số tối đa
MG5A,Lớp Lá A,mg-5-6,$(school_year),P1,35
MG4B,Lớp Chồi B,mg-4-5,$(school_year),P2,30
CSV
	"$MAMNON" -c "$CFG" import classes "$TEST_TMP/classes.csv" ||
	    fail "mamnon import classes failed"
}

# Imports four children of MG5A and one of MG4B.  Lê Thị Dung has an
# allergy and Đỗ Thu Trang a chronic condition.
reg_children() {
	reg_since="05/09/$YEAR_START,Đang học"
	cat >"$TEST_TMP/children.csv" <<CSV
$CHILD_HEADER
T001,Trần Văn An,10/03/$BORN_MG5,Nam,Kinh,,,,MG5A,$reg_since,,,,,,,,,
T002,Lê Thị Dung,11/04/$BORN_MG5,Nữ,Kinh,,,,MG5A,$reg_since,,,,,,,,tôm,
T003,Phạm Văn Dũng,12/05/$BORN_MG5,Nam,Kinh,,,,MG5A,$reg_since,,,,,,,,,
T004,Hoàng Minh Khoa,01/02/$BORN_MG5,Nam,Kinh,,,,MG5A,$reg_since,,,,,,,,,
T005,Đỗ Thu Trang,01/02/$BORN_MG4,Nữ,Kinh,,,,MG4B,$reg_since,,,,,,,,,hen suyễn
CSV
	"$MAMNON" -c "$CFG" import children "$TEST_TMP/children.csv" ||
	    fail "mamnon import children failed"
}

# reg_staff LOGIN CLASS: imports a teacher linked to account LOGIN who
# teaches CLASS.
reg_staff() {
	staff_hdr='Mã cán bộ,Họ và tên,Ngày sinh,Giới tính,Chức vụ,'
	staff_hdr="$staff_hdr"'Trình độ chuyên môn,Bồi dưỡng,Điện thoại,'
	staff_hdr="$staff_hdr"'Ngày vào trường,Loại hợp đồng,Tài khoản,'
	staff_hdr="$staff_hdr"'Lớp phụ trách'
	staff_row='CB-001,Vũ Thị Mai,02/03/1990,Nữ,Giáo viên,'
	staff_row="$staff_row"'Cao đẳng sư phạm mầm non,,0912345678,'
	staff_row="${staff_row}01/09/2015,Biên chế,$1,$2"
	cat >"$TEST_TMP/staff.csv" <<CSV
$staff_hdr
$staff_row
CSV
	"$MAMNON" -c "$CFG" import staff "$TEST_TMP/staff.csv" ||
	    fail "mamnon import staff failed"
}

# Script lines that open "Trẻ em" from the main menu, the first entry.
open_children_steps() {
	cat <<SCRIPT
wait "Trẻ em" 10000
key Enter
wait "Lưu ý sức khỏe"
SCRIPT
}
