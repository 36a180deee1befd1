# The demo school's market list of its latest kitchen day equals the sum
# of bought weights x meals computed here from the stored dish items, in
# the CSV export, in the demo's purchases and on the market screen.  The
# demo also has a menu for every school day of the current week, and its
# nutrition CSV (per food and in total) matches the stored dish items.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

DRIVE_SIZE=120x60

mn_demo

day=$(q "SELECT max(day) FROM purchases")
[ -n "$day" ] || fail "the demo recorded no purchases"

market_by_hand "$day" >expected.market
market_from_csv "$day" >exported.market
[ "$(wc -l <expected.market)" -ge 10 ] ||
    fail "market list of $day has fewer than 9 foods"
diff expected.market exported.market ||
    fail "exported market list of $day differs from the one computed by hand"

# The demo bought exactly the list: same foods, units and amounts.
q "SELECT f.code, f.purchase_unit, p.quantity, p.unit_price, p.amount
    FROM purchases p JOIN foods f ON f.id = p.food_id WHERE p.day = '$day'
    ORDER BY f.code" |
    awk -F'|' '{
	    if ($2 ~ /^(kg|g|lít|l|ml|lạng)$/)
		    q = sprintf("%.2f", $3)
	    else
		    q = sprintf("%d", $3)
	    printf "%s|%s|%s|%s|%s\n", $1, $2, q, $4, $5
	    total += $5
    } END { printf "total|%d\n", total }' >bought.market
diff expected.market bought.market ||
    fail "demo purchases of $day differ from the market list"

# The same list on the kitchen's screen.
label=$(TZ=Asia/Ho_Chi_Minh date -d "$day" +%d/%m)
long_date=$(TZ=Asia/Ho_Chi_Minh date -d "$day" +%d/%m/%Y)
{
	login_steps kitchen "$DEMO_PASSWORD"
	cat <<EOF
wait "Dinh dưỡng" 10000
pick Dinh dưỡng
key Enter
wait "Phiếu kê chợ"
pick Phiếu kê chợ
key Enter
wait "Tổng cộng"
type d
wait "Ngày (dd/mm/yyyy)"
key C-u
type $long_date
key Enter
wait "$label/"
wait "Tổng cộng"
settle
dump market.screen
EOF
} | drive - || fail "market screen of $day failed"
while IFS='|' read -r code unit qty price amount; do
	if [ "$code" = total ]; then
		# "total|AMOUNT" has the amount in the second field.
		grep -q "^ Tổng cộng  *$(vn_money "$unit")\$" market.screen ||
		    fail "market total $unit not on screen"
		continue
	fi
	name=$(q "SELECT name FROM foods WHERE code = $code")
	shown_qty=$(printf '%s' "$qty" | tr . ,)
	pat="^ $name  *$unit  *$shown_qty  *$(vn_money "$price")"
	pat="$pat  *$(vn_money "$amount")\$"
	grep -q "$pat" \
	    market.screen || fail "market line of $name not on screen"
done <expected.market

# Every school day of this week has a menu for both age groups, and its
# energy can be computed (the screens show it against the requirement).
export TZ=Asia/Ho_Chi_Minh
monday=$(date -d "$(date +%F) -$(($(date +%u) - 1)) days" +%F)
for k in 0 1 2 3 4; do
	d=$(date -d "$monday +$k days" +%F)
	school=$(q "SELECT EXISTS (SELECT 1 FROM school_years WHERE '$d'
	    BETWEEN first_day AND last_day) AND NOT EXISTS (SELECT 1 FROM
	    holidays WHERE '$d' BETWEEN first_day AND last_day)")
	[ "$school" = 1 ] || continue
	for g in nha-tre mau-giao; do
		n=$(q "SELECT count(*) FROM menu_items WHERE menu_date = '$d'
		    AND age_group = '$g'")
		[ "$n" -ge 3 ] || fail "demo menu of $g on $d has $n dishes"
		nutrition_by_hand "$d" "$g" >expected.nutrition
		nutrition_from_csv "$d" "$g" >exported.nutrition
		diff expected.nutrition exported.nutrition ||
		    fail "nutrition CSV of $g on $d differs from the one" \
		    "computed by hand"
		totals='Năng lượng (kcal);Protein (g);Lipid (g);Glucid (g);'
		tail -n 4 exported.nutrition | cut -d'|' -f1 | tr '\n' ';' |
		    grep -qx "$totals" ||
		    fail "nutrition CSV of $g on $d lacks the total rows"
	done
done
