# The menu each role sees, entry by entry and in order: the top level
# and the health and nutrition submenus, for every demo account, the
# administrator and a teacher who is also a nurse.  The entries come
# from the access table, so this is the menu side of the access matrix.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
mn_user_add gv.yte teacher,nurse "$DEMO_PASSWORD"
multi=$(mn_first_login gv.yte "$DEMO_PASSWORD" "$NEW_PASSWORD")
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")

# menu_lines LOGIN PASSWORD [SUBMENU]: prints the entries LOGIN sees on
# the main menu, or in SUBMENU (a main-menu label), one per line.
menu_lines() {
	_menu_screen=$TEST_TMP/menu.$1.screen
	{
		login_steps "$1" "$2"
		echo 'wait "Đăng xuất" 10000'
		echo 'settle 300'
		if [ -n "${3:-}" ]; then
			menu_down "$1" 80x24 "$3" "$2"
			echo 'key Enter'
			echo "waitnot \"Đăng xuất\" 10000"
			echo 'settle 300'
		fi
		echo "dump $_menu_screen"
	} | drive - >/dev/null || fail "menu of $1 not shown"
	# Row 1 is the status line, row 2 the title; entries follow until
	# the first empty row.
	awk 'NR >= 3 {
		sub(/^ +/, ""); sub(/ +$/, "")
		if ($0 == "") exit
		print
	}' "$_menu_screen"
}

# check LOGIN PASSWORD SUBMENU ENTRY...: the exact entries, in order.
check() {
	_login=$1 _password=$2 _sub=$3
	shift 3
	printf '%s\n' "$@" >"$TEST_TMP/want"
	menu_lines "$_login" "$_password" "$_sub" >"$TEST_TMP/got"
	if ! cmp -s "$TEST_TMP/want" "$TEST_TMP/got"; then
		echo "menu of $_login ${_sub:+($_sub)}: expected" >&2
		cat "$TEST_TMP/want" >&2
		echo "got" >&2
		cat "$TEST_TMP/got" >&2
		fail "menu of $_login differs"
	fi
	echo "ok $_login ${_sub:-main menu}"
}

P=$DEMO_PASSWORD

check admin "$admin" "" "Trẻ em" "Lớp học" "Nhân sự" \
    "Quản lý tài khoản" "Phê duyệt dữ liệu" "Nhật ký truy cập" \
    "Xuất dữ liệu" "Đăng xuất"
check principal "$P" "" "Trẻ em" "Lớp học" "Nhân sự" "Lịch năm học" \
    "Lên lớp năm học mới" "Sức khỏe" "Điểm danh" "Nhật ký lớp" \
    "Sĩ số hôm nay" "Thông báo" \
    "Góp ý phụ huynh" "Đồng ý của phụ huynh" "Phê duyệt dữ liệu" \
    "Nhật ký truy cập" "Xuất dữ liệu" "Dinh dưỡng" "Đăng xuất"
check teacher "$P" "" "Trẻ em" "Lớp học" "Sức khỏe" "Điểm danh" \
    "Nhật ký lớp" "Thông báo" "Góp ý phụ huynh" "Đồng ý của phụ huynh" \
    "Phê duyệt dữ liệu" "Xuất dữ liệu" "Dinh dưỡng" "Đăng xuất"
check nurse "$P" "" "Trẻ em" "Lớp học" "Sức khỏe" "Phê duyệt dữ liệu" \
    "Xuất dữ liệu" \
    "Dinh dưỡng" "Đăng xuất"
check kitchen "$P" "" "Trẻ em" "Lớp học" "Sĩ số hôm nay" \
    "Phê duyệt dữ liệu" "Xuất dữ liệu" \
    "Dinh dưỡng" "Đăng xuất"
check accountant "$P" "" "Lớp học" "Nhân sự" "Phê duyệt dữ liệu" \
    "Xuất dữ liệu" "Dinh dưỡng" \
    "Đăng xuất"
check clerk "$P" "" "Trẻ em" "Lớp học" "Nhân sự" "Thông báo" \
    "Góp ý phụ huynh" "Đồng ý của phụ huynh" "Phê duyệt dữ liệu" \
    "Xuất dữ liệu" "Đăng xuất"
check parent "$P" "" "Con của tôi" "Góp ý" "Thông báo" "Dinh dưỡng" \
    "Đăng xuất"
check gv.yte "$multi" "" "Trẻ em" "Lớp học" "Sức khỏe" "Điểm danh" \
    "Nhật ký lớp" "Thông báo" "Góp ý phụ huynh" "Đồng ý của phụ huynh" \
    "Phê duyệt dữ liệu" "Xuất dữ liệu" "Dinh dưỡng" "Đăng xuất"

check principal "$P" "Sức khỏe" "Sức khỏe của trẻ" "Báo cáo đợt cân đo"
check teacher "$P" "Sức khỏe" "Cân đo theo lớp" "Sức khỏe của trẻ" \
    "Báo cáo đợt cân đo"
check nurse "$P" "Sức khỏe" "Cân đo theo lớp" "Sức khỏe của trẻ" \
    "Báo cáo đợt cân đo" "Khám tại phòng y tế" "Thuốc phụ huynh gửi" \
    "Khám sức khỏe định kỳ"

check principal "$P" "Dinh dưỡng" "Thực đơn" "Phiếu kê chợ, suất ăn" \
    "Sổ tính tiền ăn" "Kiểm thực, lưu mẫu" "Món ăn" "Bảng thực phẩm, giá" \
    "Nơi cung cấp" "Nhu cầu dinh dưỡng"
check teacher "$P" "Dinh dưỡng" "Thực đơn"
check nurse "$P" "Dinh dưỡng" "Thực đơn" "Kiểm thực, lưu mẫu"
check kitchen "$P" "Dinh dưỡng" "Thực đơn" "Phiếu kê chợ, suất ăn" \
    "Kiểm thực, lưu mẫu" "Món ăn" "Bảng thực phẩm, giá" "Nơi cung cấp" \
    "Nhu cầu dinh dưỡng"
check accountant "$P" "Dinh dưỡng" "Thực đơn" "Phiếu kê chợ, suất ăn" \
    "Sổ tính tiền ăn" "Nơi cung cấp"
check parent "$P" "Dinh dưỡng" "Thực đơn"
check gv.yte "$multi" "Dinh dưỡng" "Thực đơn" "Kiểm thực, lưu mẫu"
