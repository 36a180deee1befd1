# The kitchen creates a dish through the screens, after a bad weight is
# rejected.  It puts the dish on next week's first school day and sets
# the meal count and a price.  The market list follows the price, at
# 30 000 đ then 40 000 đ per kg.
#
# Su hào (code 4096) has 22.4 % refuse: 50 g edible per child is
# 50 / 0.776 = 64.43 g bought.  20 meals: 1288.66 g = 1.29 kg rounded up
# to 0.01 kg, so 1.29 x 30 000 = 38 700 đ and 1.29 x 40 000 = 51 600 đ.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo

export TZ=Asia/Ho_Chi_Minh
DISH='Canh su hào thử'
this_monday=$(date -d "$(date +%F) -$(($(date +%u) - 1)) days" +%F)
next_monday=$(date -d "$this_monday +7 days" +%F)

# The first school day of next week, and its row in the week list of
# the kindergarten: 2 rows (lunch, snack) per school day, 1 row for a
# weekday without school.
row=0
day=
for k in 0 1 2 3 4; do
	d=$(date -d "$next_monday +$k days" +%F)
	school=$(q "SELECT EXISTS (SELECT 1 FROM school_years WHERE '$d'
	    BETWEEN first_day AND last_day) AND NOT EXISTS (SELECT 1 FROM
	    holidays WHERE '$d' BETWEEN first_day AND last_day)")
	if [ "$school" = 1 ]; then
		day=$d
		break
	fi
	row=$((row + 1))
done
[ -n "$day" ] || fail "no school day in the week of $next_monday"
day_vn=$(date -d "$day" +%d/%m/%Y)
[ "$(q "SELECT count(*) FROM menu_items WHERE menu_date = '$day'")" = 0 ] ||
    fail "$day already has a menu"

echo "== a bad weight is rejected, then the dish is added"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Món ăn"
	cat <<EOF
wait "Mẫu giáo"
type n
wait "Nguyên liệu đầu tiên"
type /
type 4096
key Enter
wait "Su hào"
key Enter
wait "Thêm món ăn"
type "$DISH"
key Tab 3
type -5
key F2
wait "là số âm; cần ít nhất 0,0"
expect "Số gam ăn được mỗi trẻ: \"-5\""
key C-u
type 50
key F2
wait "Đã thêm món ăn"
wait "64,4"
expect "22,4"
EOF
} | drive - || fail "adding the dish failed"
[ "$(q "SELECT count(*) FROM dishes WHERE name = '$DISH'")" = 1 ] ||
    fail "the dish was not stored once"
[ "$(q "SELECT f.code || '|' || i.age_group || '|' || i.edible_g
    FROM dish_items i JOIN dishes d ON d.id = i.dish_id
    JOIN foods f ON f.id = i.food_id WHERE d.name = '$DISH'")" = \
    "4096|mau-giao|50.0" ] || fail "the dish's ingredient is wrong"

echo "== the dish goes on $day with 20 planned meals and a price"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Thực đơn"
	cat <<EOF
wait "mẫu giáo, tuần"
type ]
wait "chưa duyệt"
EOF
	[ "$row" -gt 0 ] && printf 'key Down %s\n' "$row"
	cat <<EOF
type e
wait "Chọn món"
type /
type "$DISH"
key Enter
key Space
key F2
wait "Đã lưu thực đơn"
key Esc
wait "Phiếu kê chợ"
pick "Phiếu kê chợ"
key Enter
type d
wait "Ngày (dd/mm/yyyy)"
key C-u
type $day_vn
key Enter
wait "Su hào"
type s
wait "Số suất ăn:"
key Down
type p
wait "Số suất ăn dự kiến"
type 20
key Enter
wait "Đã lưu số suất ăn"
key Esc
wait "1,29"
wait "chưa có"
key Esc
wait "Thực đơn"
pick "Bảng thực phẩm, giá"
key Enter
wait "Bảng thực phẩm"
type /
type 4096
key Enter
type p
wait "Giá: Su hào"
type n
wait "Áp dụng từ"
key C-u
type $day_vn
key Tab
type 30000
key F2
wait "Đã lưu giá"
wait "30.000"
EOF
} | drive - || fail "menu, meal count or price failed"

# market_line: the program's market list line of Su hào, from the CSV.
market_line() {
	market_from_csv "$day" | grep '^4096|'
}

[ "$(market_line)" = "4096|kg|1.29|30000|38700" ] ||
    fail "market line at 30 000: '$(market_line)'"
[ "$(market_by_hand "$day" | grep '^4096|')" = "$(market_line)" ] ||
    fail "market line differs from the hand computation"

echo "== a new price from the same day changes the market list screen"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Bảng thực phẩm, giá"
	cat <<EOF
wait "Bảng thực phẩm"
type /
type 4096
key Enter
type p
wait "Giá: Su hào"
wait "30.000"
type n
wait "Áp dụng từ"
key C-u
type $day_vn
key Tab
type 40000
key F2
wait "Đã lưu giá"
wait "40.000"
key Esc
wait "Thành phần"
# The first Esc drops the search, the second leaves the food table.
key Esc
key Esc
wait "Phiếu kê chợ"
pick "Phiếu kê chợ"
key Enter
type d
wait "Ngày (dd/mm/yyyy)"
key C-u
type $day_vn
key Enter
wait "51.600"
expect "40.000"
EOF
} | drive - || fail "the market list did not follow the new price"
[ "$(market_line)" = "4096|kg|1.29|40000|51600" ] ||
    fail "market line at 40 000: '$(market_line)'"
[ "$(q "SELECT count(*) FROM food_prices p JOIN foods f ON
    f.id = p.food_id WHERE f.code = 4096")" = 1 ] ||
    fail "setting the same date twice added a second price row"

echo "== the command line shows the dish and the price history"
tab=$(printf '\t')
"$MAMNON" -c "$CFG" dish show "$DISH" >dish.out || fail "dish show failed"
grep -qx "mau-giao${tab}4096${tab}Su hào${tab}50.0${tab}22.4${tab}64.4" \
    dish.out || fail "dish show printed: $(cat dish.out)"
"$MAMNON" -c "$CFG" price list 4096 >price.out || fail "price list failed"
[ "$(sed -n 2p price.out | cut -f 1,2)" = "$day${tab}40000" ] ||
    fail "price list printed: $(cat price.out)"
if "$MAMNON" -c "$CFG" price set 4096 "$day" -5 2>price.err; then
	fail "a negative price was accepted"
fi
grep -q "đơn giá" price.err || fail "no field in: $(cat price.err)"
[ "$(market_line)" = "4096|kg|1.29|40000|51600" ] ||
    fail "a rejected price changed the market list"
