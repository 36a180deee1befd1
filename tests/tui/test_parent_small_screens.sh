# The demo parent reads, in a 40x15 terminal, every label and value of a
# day's nutrition, the day's dishes in full, the week's approval status,
# the growth chart's whole legend and every consent purpose in full.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init

# The menu screen opens on this week; Enter opens its first row, Monday.
dow=$(TZ=Asia/Ho_Chi_Minh date +%u)
monday=$(TZ=Asia/Ho_Chi_Minh date -d "-$((dow - 1)) days" +%Y-%m-%d)
week=$(TZ=Asia/Ho_Chi_Minh date -d "$monday" +%G-W%V)
lunch=$(db "SELECT group_concat(name, ', ') FROM (SELECT d.name
    FROM menu_items m JOIN dishes d ON d.id = m.dish_id
    WHERE m.menu_date = '$monday' AND m.age_group = 'mau-giao'
    AND m.meal = 'lunch' ORDER BY m.position, m.id)")
[ -n "$lunch" ] || fail "the demo has no lunch on $monday"
if [ "$(db "SELECT status FROM menu_weeks WHERE week = '$week'
    AND age_group = 'mau-giao'")" = approved ]; then
	status='Đã duyệt'
else
	status='Chưa duyệt'
fi

{
	login_steps parent "$DEMO_PASSWORD"
	cat <<EOS
wait "Con của tôi" 10000
pick Dinh dưỡng
key Enter
wait "Thực đơn"
key Enter
wait "› $status, mẫu giáo"
wait "F1 Trợ giúp"
expectnot "quá nhỏ"
key Enter
wait "Protein (chất đạm): "
dump page1.txt
key PgDn
settle
dump page2.txt
key PgDn
settle
dump page3.txt
key PgDn
settle
dump page4.txt
key Esc
wait "› $status, mẫu giáo"
key Esc
wait "Menu chính › Dinh dưỡng"
key Esc
wait "Con của tôi"
pick Con của tôi
key Enter
wait "Tìm mã"
key Enter
wait "Thông tin của trẻ"
pick Tăng trưởng
key Enter
wait "b Biểu đồ"
key b
wait "Cân nặng theo tuổi"
wait "x: tháng tuổi  y: kg"
wait "WHO -3 -2 0 +2 +3 SD  ● trẻ"
key 3
wait "Cân nặng theo chiều cao"
wait "x: cm"
waitre "(^ |  )y: kg *$"
key Esc
wait "b Biểu đồ"
key Esc
wait "Đồng ý của phụ huynh"
pick Đồng ý của phụ huynh
key Enter
wait "h Lịch sử"
wait "hình ảnh và truyền thông"
dump consent.txt
EOS
} | DRIVE_SIZE=40x15 drive -

# Body rows of the nutrition pages, without the scroll mark.
for f in page1.txt page2.txt page3.txt page4.txt; do
	sed -n '3,13p' "$f"
done | sed 's/ *↓$//; s/ *$//' >pages.txt

# The day's lunch, joined again from its wrapped lines.
shown=$(sed -n '/^ bữa trưa: /,/^ bữa [^t]/p' page1.txt | sed '$d' |
    sed 's/^ *//; s/ *$//' | tr '\n' ' ' | sed 's/ *$//')
[ "$shown" = "bữa trưa: $lunch" ] ||
    fail "lunch shown as '$shown', expected 'bữa trưa: $lunch'"

# Each ratio has its whole label on a row, and its value, verdict and
# requirement on the next.
for what in protein lipid glucid; do
	label=" tỷ lệ năng lượng từ $what"
	grep -qx "$label" pages.txt || fail "no row reads '$label'"
	grep -A1 -x "$label" pages.txt | tail -n 1 |
	    grep -Eq '^ +[0-9]+,[0-9] %, (chưa )?đạt \(cần ' ||
	    fail "no value under '$label'"
done
grep -q '^ Năng lượng theo bảng: [0-9.]*[0-9],[0-9] kcal$' pages.txt ||
    fail "the table's energy is not shown with its value"

# Every consent purpose, joined again from the rows it is wrapped on.
sed -n '4,14p' consent.txt | while IFS= read -r row; do
	case $row in
	' có '*|' không '*)
		printf '\n%s' "$(printf '%s' "$row" |
		    sed -E 's/^ (có|không) +//; s/ *$//')" ;;
	'         '?*)
		printf ' %s' "$(printf '%s' "$row" | sed 's/^ *//; s/ *$//')" ;;
	esac
done >purposes.txt
for purpose in 'hình ảnh và truyền thông' \
    'chia sẻ dữ liệu sức khỏe với cơ quan y tế' \
    'chia sẻ với tổ chức khác' 'thông tin liên hệ trong nhóm lớp'; do
	grep -qx "$purpose" purposes.txt ||
	    fail "consent purpose '$purpose' not shown whole"
done
