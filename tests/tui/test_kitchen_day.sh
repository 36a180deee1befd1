# A day in the kitchen, end to end on the demo school.  The kitchen
# plans the kindergarten's lunch and snack of the next school day
# without a menu, checks its nutrition, corrects the meal count, reads
# the market list and records the purchases.  The accountant then reads
# the meal-fee book.
# Every figure on screen is compared with one computed here from the
# stored rows.
#
# The kindergarten's meal count is set with the kitchen's manual
# correction here; test_kitchen_meals_attendance.sh takes counts from
# attendance.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

DRIVE_SIZE=100x50
MEALS=120
REASON='Điểm danh sáng'

mn_demo

# The first school day from next week on: demo menus stop this week.
export TZ=Asia/Ho_Chi_Minh
today=$(date +%F)
dow=$(date +%u)
target=
for w in 1 2 3 4 5 6 7 8; do
	monday=$(date -d "$today +$((7 * w - dow + 1)) days" +%F)
	for k in 0 1 2 3 4; do
		d=$(date -d "$monday +$k days" +%F)
		school=$(q "SELECT EXISTS (SELECT 1 FROM school_years WHERE
		    '$d' BETWEEN first_day AND last_day) AND NOT EXISTS
		    (SELECT 1 FROM holidays WHERE '$d' BETWEEN first_day
		    AND last_day)")
		if [ "$school" = 1 ]; then
			target=$d
			weeks=$w
			index=$k
			break 2
		fi
	done
done
[ -n "$target" ] || fail "no school day in the next 8 weeks"
[ "$(q "SELECT count(*) FROM menu_items WHERE menu_date = '$target'")" = 0 ] ||
    fail "the demo already has a menu on $target"
label=$(date -d "$target" +%d/%m)
long_date=$(date -d "$target" +%d/%m/%Y)

# Keys that pick each named dish in the dish list: search, choose, and
# clear the search again.
pick() {
	for dish in "$@"; do
		printf 'type /\ntype "%s"\nkey Enter\nkey Space\nkey Esc\n' \
		    "$dish"
	done
}

echo "== kitchen plans $target"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Thực đơn"
	echo 'wait "mẫu giáo, tuần"'
	i=0
	while [ "$i" -lt "$weeks" ]; do
		echo 'type ]'
		i=$((i + 1))
	done
	echo "wait \"$label\""
	[ "$index" -gt 0 ] && echo "key Down $index"
	echo 'type e'
	echo "wait \"$label, bữa trưa, mẫu giáo\""
	pick "com trang" "thit kho trung" "canh bi do" "chuoi tieu"
	echo 'key F2'
	echo 'wait "Đã lưu thực đơn"'
	echo 'key Down'
	echo 'type e'
	echo "wait \"$label, bữa phụ, mẫu giáo\""
	pick "chao thit bam" "sua tuoi"
	echo 'key F2'
	echo 'wait "Đã lưu thực đơn"'
	echo 'wait "Cháo thịt bằm, Sữa tươi"'
	echo 'wait "Cơm trắng, Thịt kho trứng cút,' \
	    'Canh bí đỏ nấu tôm, Chuối tiêu"'
} | drive - || fail "planning the menu failed"

# The menu as stored, in the order the dishes were picked.
[ "$(q "SELECT group_concat(d.name, ', ') FROM (SELECT d.name FROM
    menu_items m JOIN dishes d ON d.id = m.dish_id WHERE
    m.menu_date = '$target' AND m.age_group = 'mau-giao' AND
    m.meal = 'lunch' ORDER BY m.position) d")" = \
    "Cơm trắng, Thịt kho trứng cút, Canh bí đỏ nấu tôm, Chuối tiêu" ] ||
    fail "stored lunch differs"

# Energy per child: edible grams x (4 P + 9 L + 4 G) / 100 over the day.
kcal=$(q "SELECT sum(i.edible_g * (4 * f.protein_g + 9 *
    coalesce(f.lipid_g, 0) + 4 * coalesce(f.glucid_g, 0)) / 100)
    FROM menu_items m JOIN dish_items i ON i.dish_id = m.dish_id AND
    i.age_group = m.age_group JOIN foods f ON f.id = i.food_id WHERE
    m.menu_date = '$target' AND m.age_group = 'mau-giao'" |
    awk '{ printf "%.1f", int($1 * 10 + 0.5) / 10 }' | tr . ,)
[ -n "$kcal" ] || fail "no energy computed for $target"

echo "== kitchen checks nutrition, meal count and market list"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Thực đơn"
	echo 'wait "mẫu giáo, tuần"'
	i=0
	while [ "$i" -lt "$weeks" ]; do
		echo 'type ]'
		i=$((i + 1))
	done
	echo "wait \"$label\""
	[ "$index" -gt 0 ] && echo "key Down $index"
	echo 'key Enter'
	echo 'wait "Đánh giá"'
	echo "waitre \"năng lượng [(]4/9/4[)] +$kcal +kcal" \
	    "+615,0–726,0 +(đạt|chưa đạt)\""
	echo 'wait "tỷ lệ năng lượng từ protein"'
	echo 'key Esc'
	echo 'key Esc'
	echo 'wait "Phiếu kê chợ"'
	open_item "Phiếu kê chợ"
	echo 'wait "Tổng cộng"'
	echo 'type d'
	echo 'wait "Ngày (dd/mm/yyyy)"'
	echo 'key C-u'
	echo "type $long_date"
	echo 'key Enter'
	echo "wait \"$label/\""
	echo 'type s'
	echo 'wait "Điểm danh"'
	echo 'key Down'
	echo 'key Enter'
	echo 'wait "Điều chỉnh số suất ăn, mẫu giáo"'
	echo "type $MEALS"
	echo 'key Enter'
	echo "type \"$REASON\""
	echo 'key Enter'
	echo 'wait "Đã lưu số suất ăn"'
	echo "wait \"kitchen: $REASON\""
	echo 'key Esc'
	echo "wait \"mẫu giáo $MEALS\""
	echo 'wait "Tổng cộng"'
	echo 'settle'
	echo 'dump market.screen'
	echo 'type m'
	echo 'wait "thành hàng đã mua?"'
	echo 'type c'
	echo 'wait "Đã ghi"'
	echo 'settle'
	echo 'dump bought.screen'
} | drive - || fail "the kitchen's market list failed"

# Who corrected the count and why is stored with the count.
[ "$(q "SELECT manual || '|' || manual_by || '|' || manual_reason FROM
    meal_counts WHERE day = '$target' AND age_group = 'mau-giao'")" = \
    "$MEALS|kitchen|$REASON" ] || fail "manual meal count not stored"

# Every line of the market list on screen equals the one computed here.
market_by_hand "$target" >expected.market
lines=0
while IFS='|' read -r code unit qty price amount; do
	[ "$code" = total ] && continue
	name=$(q "SELECT name FROM foods WHERE code = $code")
	shown_qty=$(printf '%s' "$qty" | tr . ,)
	pat="^ $name  *$unit  *$shown_qty  *$(vn_money "$price")"
	pat="$pat  *$(vn_money "$amount")\$"
	grep -q "$pat" market.screen ||
	    fail "market line of $name ($qty $unit, $amount) not on" \
	    "screen"
	lines=$((lines + 1))
done <expected.market
[ "$lines" -ge 8 ] || fail "only $lines market lines for $target"
total=$(sed -n 's/^total|//p' expected.market)
grep -q "^ Tổng cộng  *$(vn_money "$total")\$" market.screen ||
    fail "market total $total not on screen"
grep -q "^ Số suất ăn  *$MEALS\$" market.screen || fail "meals not on screen"
fee=$(q "SELECT fee_per_day FROM meal_fees WHERE age_group = 'mau-giao'
    AND effective_from <= '$target' ORDER BY effective_from DESC LIMIT 1")
per_child=$(awk -v t="$total" -v n="$MEALS" \
    'BEGIN { printf "%d", int(t / n + 0.5) }')
grep -q "^ Chi phí mỗi suất  *$(vn_money "$per_child")\$" market.screen ||
    fail "cost per child $per_child not on screen"
income=$((fee * MEALS))
grep -q "^ Tiền ăn thu trong ngày  *$(vn_money "$income")\$" market.screen ||
    fail "fees of the day $income not on screen"
gap=$(vn_money $((income - total)))
grep -q "^ Chênh lệch thu – chi theo phiếu  *$gap\$" \
    market.screen || fail "fees less market list not on screen"

# The purchases recorded are the market list.
[ "$(q "SELECT sum(amount) FROM purchases
    WHERE day = '$target'")" = "$total" ] ||
    fail "purchases of $target differ from the market list total $total"
grep -q "Đã ghi $lines dòng mua" bought.screen ||
    fail "purchase message missing"

# The meal-fee book: the balance carried in from every earlier day plus
# today's fees less today's purchases.
before=$(q "SELECT (SELECT coalesce(sum(coalesce(m.manual,
    m.from_attendance, m.planned) * coalesce((SELECT f.fee_per_day FROM
    meal_fees f WHERE f.age_group = m.age_group AND f.effective_from <=
    m.day ORDER BY f.effective_from DESC LIMIT 1), 0)), 0) FROM
    meal_counts m WHERE m.day < '$target') - (SELECT
    coalesce(sum(amount), 0) FROM purchases WHERE day < '$target')")
balance=$((before + income - total))
months=$(( $(date -d "$target" +%Y) * 12 + $(date -d "$target" +%-m) -
    $(date +%Y) * 12 - $(date +%-m) ))

echo "== accountant reads the meal-fee book"
{
	login_steps accountant "$DEMO_PASSWORD"
	open_nutrition
	echo 'wait "Sổ tính tiền ăn"'
	open_item "Sổ tính tiền ăn"
	echo 'wait "Tồn đầu tháng"'
	i=0
	while [ "$i" -lt "$months" ]; do
		echo 'type ]'
		i=$((i + 1))
	done
	echo "wait \"tháng $(date -d "$target" +%m/%Y)\""
	echo 'type /'
	echo "type \"$label\""
	echo 'key Enter'
	echo 'settle'
	echo 'dump book.screen'
} | drive - || fail "the meal-fee book failed"
row="$(vn_money "$MEALS") *$(vn_money "$income") *$(vn_money "$total")"
row="$row *$(vn_money $((income - total))) *$(vn_money "$balance")"
row="$row *$(vn_money "$per_child")"
grep -q "$label *$row\$" book.screen ||
    fail "meal-fee book row for $target is not '$row':" \
    "$(grep "$label" book.screen)"
