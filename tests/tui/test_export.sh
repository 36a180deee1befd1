# Exports from the terminal interface on the demo school.  The principal
# exports the children's register as CSV under her own approval, made on
# the approvals screen and picked from the list of her usable approvals,
# which does not offer the host's; the screen shows a one-time code.
# The file fetched with `mamnon get CODE` equals `mamnon export children`
# byte for byte, and the code works once.  The kitchen exports the
# market list of a demo day as CSV and the nutrition of that day as XLSX,
# which equal `mamnon export market` and `mamnon export nutrition`.  A
# teacher exports her class's attendance sheet of this month.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

command -v unzip >/dev/null 2>&1 || fail "unzip is needed to read XLSX files"

mn_demo

# export_code FILE: the one-time code shown on the dumped screen FILE.
export_code() {
	grep -oE '[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}' "$1" |
	    head -n 1
}

# own_approval KIND LOGIN: prints an approval for KIND that the host's
# principal signed for LOGIN (`mamnon approval add --for`).
own_approval() {
	mn_approval "$1" >/dev/null	# makes the signing principal
	printf '%s\n' "$TEACHER_PASSWORD" | "$MAMNON" -c "$CFG" approval add \
	    --data "$1" --purpose "Kiểm thử" --for "$2" \
	    --until "$(TZ=Asia/Ho_Chi_Minh date -d "+30 days" +%Y-%m-%d)" \
	    --principal duyet.ht --password-stdin
}

open_export() {
	cat <<EOF
wait "Xuất dữ liệu" 10000
pick Xuất dữ liệu
key Enter
EOF
}

echo "== principal: children's register"
# The principal requests and approves her own on the approvals screen,
# two entries above the export entry.
until=$(TZ=Asia/Ho_Chi_Minh date -d "+30 days" +%d/%m/%Y)
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOF
wait "Xuất dữ liệu" 10000
pick Phê duyệt dữ liệu
key Enter
wait "Đề nghị mới"
key n
wait "Cho tài khoản (trống: bạn)"
key Space
key Tab
type Xuất thử
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
EOF
} | drive - || fail "the principal's approval on screen failed"
own_id=$(q "SELECT id FROM data_approvals WHERE purpose = 'Xuất thử'
    AND status = 'approved'")
[ -n "$own_id" ] || fail "the principal's approval was not stored"
host_id=$(mn_approval children)
[ -n "$host_id" ] || fail "approval add printed no ID"

{
	login_steps principal "$DEMO_PASSWORD"
	open_export
	cat <<EOF
wait "Sổ tính tiền ăn"
expect "Danh sách trẻ"
pick Danh sách trẻ
key Enter
wait "Chọn phê duyệt"
wait "$own_id"
expectnot "$host_id"
key Enter
wait "Dữ liệu cá nhân, theo phê duyệt $own_id"
expectnot "Mã phê duyệt"
key F2
waitre "Mã tải: [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"
wait "children.csv"
settle
dump principal.screen
key Enter
waitnot "Mã tải:"
EOF
} | drive - || fail "principal's export of the children's register failed"

code=$(export_code principal.screen)
[ -n "$code" ] || fail "no export code on the principal's screen"
grep -q "ssh .* get $code > children.csv" principal.screen ||
    fail "the fetch command for $code is not on the screen"
"$MAMNON" -c "$CFG" get "$code" >tui_children.csv ||
    fail "mamnon get $code failed"
mn_export children --format csv >cli_children.csv ||
    fail "mamnon export children failed"
[ "$(wc -l <cli_children.csv)" -ge 10 ] ||
    fail "the demo's children's register has fewer than 9 children"
cmp tui_children.csv cli_children.csv ||
    fail "children's register from the screen differs from the command"
if "$MAMNON" -c "$CFG" get "$code" >again.csv 2>/dev/null; then
	fail "code $code was accepted a second time"
fi
# The approval was used once, by the principal's export.
uses=$(q "SELECT use_count FROM data_approvals WHERE id = '$own_id'")
[ "$uses" = 1 ] || fail "approval $own_id used $uses times, expected 1"

echo "== kitchen: market list"
day=$(q "SELECT max(day) FROM purchases")
[ -n "$day" ] || fail "the demo recorded no purchases"
long_date=$(TZ=Asia/Ho_Chi_Minh date -d "$day" +%d/%m/%Y)
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_export
	cat <<EOF
wait "Phiếu kê chợ"
settle
expect "Danh sách lớp"
expectnot "Danh sách trẻ"
expectnot "Sổ tính tiền ăn"
pick Phiếu kê chợ
key Enter
wait "Ngày (dd/mm/yyyy)"
expectnot "Mã phê duyệt"
key Down
key C-u
type $long_date
key Enter
waitre "Mã tải: [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"
settle
dump kitchen.screen
EOF
} | drive - || fail "kitchen's export of the market list failed"

code=$(export_code kitchen.screen)
[ -n "$code" ] || fail "no export code on the kitchen's screen"
grep -q "get $code > market-$day.csv" kitchen.screen ||
    fail "the fetch command for $code is not on the screen"
"$MAMNON" -c "$CFG" get "$code" >tui_market.csv ||
    fail "mamnon get $code failed"
"$MAMNON" -c "$CFG" export market --date "$day" --format csv \
    >cli_market.csv || fail "mamnon export market failed"
[ "$(wc -l <cli_market.csv)" -ge 10 ] ||
    fail "market list of $day has fewer than 9 lines"
cmp tui_market.csv cli_market.csv ||
    fail "market list from the screen differs from the command"

echo "== teacher: her class's attendance sheet"
teacher=$(mn_first_login gv.mg5a "$DEMO_PASSWORD" "$NEW_PASSWORD")
teacher_id=$(own_approval attendance gv.mg5a)
month=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)
{
	login_steps gv.mg5a "$teacher"
	open_export
	cat <<EOF
wait "Báo cáo đợt cân đo"
settle
expectnot "Danh sách trẻ"
expectnot "Phiếu kê chợ"
pick Bảng điểm danh tháng
key Enter
wait "Chọn phê duyệt"
wait "$teacher_id"
key Enter
wait "Dữ liệu cá nhân"
expectre "Mã lớp +MG5A"
expectre "Tháng [(]YYYY-MM[)] +$month"
key F2
waitre "Mã tải: [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"
settle
dump teacher.screen
EOF
} | drive - || fail "teacher's export of the attendance sheet failed"

code=$(export_code teacher.screen)
[ -n "$code" ] || fail "no export code on the teacher's screen"
grep -q "get $code > attendance-MG5A-$month.csv" teacher.screen ||
    fail "the fetch command for $code is not on the screen"
"$MAMNON" -c "$CFG" get "$code" >tui_attendance.csv ||
    fail "mamnon get $code failed"
mn_export attendance --class MG5A --month "$month" --format csv \
    >cli_attendance.csv || fail "mamnon export attendance failed"
[ "$(wc -l <cli_attendance.csv)" -ge 5 ] ||
    fail "attendance sheet of MG5A has fewer than 3 children"
cmp tui_attendance.csv cli_attendance.csv ||
    fail "attendance sheet from the screen differs from the command"

echo "== kitchen: nutrition as XLSX"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_export
	cat <<EOF
wait "Phiếu kê chợ"
settle
pick Dinh dưỡng khẩu phần
key Enter
wait "Nhóm tuổi"
key C-u
type xlsx
key Down
key C-u
type $long_date
key Down
key C-u
type nha-tre
key Enter
waitre "Mã tải: [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"
settle
dump nutrition.screen
EOF
} | drive - || fail "kitchen's export of the nutrition failed"

code=$(export_code nutrition.screen)
[ -n "$code" ] || fail "no export code on the nutrition screen"
grep -q "get $code > nutrition-$day.xlsx" nutrition.screen ||
    fail "the fetch command for $code is not on the screen"
"$MAMNON" -c "$CFG" get "$code" >tui_nutrition.xlsx ||
    fail "mamnon get $code failed"
"$MAMNON" -c "$CFG" export nutrition --date "$day" --group nha-tre \
    --format xlsx -o cli_nutrition.xlsx ||
    fail "mamnon export nutrition failed"
# The workbooks differ only in their creation time (docProps/core.xml).
for part in xl/worksheets/sheet1.xml xl/sharedStrings.xml; do
	unzip -p tui_nutrition.xlsx "$part" >tui_part.xml ||
	    fail "$part missing from the exported workbook"
	unzip -p cli_nutrition.xlsx "$part" >cli_part.xml ||
	    fail "$part missing from the command's workbook"
	[ -s cli_part.xml ] || fail "$part of the command's workbook is empty"
	cmp tui_part.xml cli_part.xml ||
	    fail "$part from the screen differs from the command"
done
