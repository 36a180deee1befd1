# A price typed with '.' between thousands, as the screens print prices,
# is stored as whole đồng: "150.000" is 150000, on the price list, the
# market list and in the database.  A price with a decimal part
# ("150,5") is rejected and names the price field.  The command line
# reads "150.000" and "150000" alike, and the accountant's meal fee
# "24.000" is 24000 đồng a day.  A new food's grams per unit "5.000"
# is 5000 g and comes back into the form as "5000".
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

DRIVE_SIZE=120x60

mn_demo

export TZ=Asia/Ho_Chi_Minh
day=$(q "SELECT max(day) FROM purchases")
[ -n "$day" ] || fail "the demo recorded no purchases"
code=$(market_by_hand "$day" | grep -v '^total|' | head -n 1 | cut -d'|' -f1)
[ -n "$code" ] || fail "the market list of $day is empty"
name=$(q "SELECT name FROM foods WHERE code = $code")
day_vn=$(date -d "$day" +%d/%m/%Y)

# price_on DATE: the stored price of the food effective from DATE.
price_on() {
	q "SELECT p.unit_price FROM food_prices p JOIN foods f
	    ON f.id = p.food_id WHERE f.code = $code
	    AND p.effective_from = '$1'"
}

echo "== 150,5 is rejected, 150.000 is stored as 150000 đồng"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Bảng thực phẩm, giá"
	cat <<EOF
wait "Bảng thực phẩm"
type /
type $code
key Enter
type p
wait "Giá: $name"
type n
wait "Áp dụng từ"
key C-u
type $day_vn
key Tab
key C-u
type "150,5"
key F2
wait "Đơn giá phải là số đồng nguyên"
expect "150,5"
key C-u
type "150.000"
key F2
wait "Đã lưu giá"
wait "150.000"
key Esc
wait "Thành phần"
key Esc
key Esc
wait "Phiếu kê chợ"
pick "Phiếu kê chợ"
key Enter
wait "Tổng cộng"
type d
wait "Ngày (dd/mm/yyyy)"
key C-u
type $day_vn
key Enter
wait "Tổng cộng"
settle
dump market.screen
EOF
} | drive - || fail "setting the price 150.000 failed"
[ "$(price_on "$day")" = 150000 ] ||
    fail "stored price is '$(price_on "$day")', expected 150000"
grep -q "^ $name .* 150\.000 " market.screen ||
    fail "the market list does not show $name at 150.000 đ"
[ "$(market_from_csv "$day" | grep "^$code|" | cut -d'|' -f4)" = 150000 ] ||
    fail "the exported market list does not price $name at 150000"

echo "== the command line reads 150.000 and 150000 alike"
next=$(date -d "$day +1 day" +%F)
"$MAMNON" -c "$CFG" price set "$code" "$next" 150.000 >set.out ||
    fail "price set 150.000 failed"
[ "$(price_on "$next")" = 150000 ] ||
    fail "price set 150.000 stored '$(price_on "$next")'"
grep -q "150000" set.out || fail "price set printed: $(cat set.out)"
"$MAMNON" -c "$CFG" price set "$code" "$next" 160000 >/dev/null ||
    fail "price set 160000 failed"
[ "$(price_on "$next")" = 160000 ] ||
    fail "price set 160000 stored '$(price_on "$next")'"
for bad in 150,5 1e6 1,000.5 -5; do
	if "$MAMNON" -c "$CFG" price set "$code" "$next" "$bad" \
	    2>bad.err; then
		fail "price set accepted $bad"
	fi
	grep -q "đơn giá" bad.err || fail "no field named in: $(cat bad.err)"
done
[ "$(price_on "$next")" = 160000 ] || fail "a rejected price was stored"

echo "== the meal fee 24.000 is 24000 đồng, 24.000,5 is rejected"
fee_day=$(date -d "$day +2 days" +%F)
fee_day_vn=$(date -d "$fee_day" +%d/%m/%Y)
{
	login_steps accountant "$DEMO_PASSWORD"
	open_nutrition
	open_item "Sổ tính tiền ăn"
	cat <<EOF
wait "Tồn đầu tháng"
type f
wait "Tiền ăn mỗi trẻ mỗi ngày"
key Tab
key C-u
type $fee_day_vn
key Tab
key C-u
type "24.000,5"
key F2
wait "Tiền ăn phải là số đồng nguyên"
key C-u
type "24.000"
key F2
wait "Đã lưu tiền ăn"
EOF
} | drive - || fail "setting the meal fee 24.000 failed"
[ "$(q "SELECT fee_per_day FROM meal_fees WHERE age_group = 'mau-giao'
    AND effective_from = '$fee_day'")" = 24000 ] ||
    fail "the meal fee 24.000 was not stored as 24000"

echo "== grams per unit 5.000 is 5000 g"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Bảng thực phẩm, giá"
	cat <<EOF
wait "Bảng thực phẩm"
type n
wait "Thêm thực phẩm"
type 99002
key Tab
type "Gạo bao thử"
key Tab
type 1
key Tab 3
type "344,0"
key Tab
type "7,9"
key Tab
type 1
key Tab
type "75,9"
key Tab 8
key C-u
type bao
key Tab
key C-u
type "5.000"
key F2
wait "Đã lưu thực phẩm"
type /
type 99002
key Enter
key Enter
wait "Thực phẩm 99002"
wait "5000"
expectnot "5.000"
EOF
} | drive - || fail "a food with 5.000 grams per unit failed"
[ "$(q "SELECT purchase_unit || '|' || unit_grams FROM foods
    WHERE code = 99002")" = "bao|5000.0" ] ||
    fail "the food is '$(q "SELECT purchase_unit || '|' || unit_grams
    FROM foods WHERE code = 99002")'"
