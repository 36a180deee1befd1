# Helpers for the kitchen tests, sourced after lib.sh: the market list of
# a day computed by hand from the stored dish items, and numbers written
# the way the screens write them.

command -v sqlite3 >/dev/null 2>&1 || fail "sqlite3 is needed"

DB=$TEST_TMP/mamnon.db
DEMO_PASSWORD='Demo-2024-xyz'

# q SQL: runs one query on the test database, '|' between columns.
q() {
	sqlite3 -batch -noheader "$DB" "$1"
}

# Creates the database and the demo school; the demo accounts (kitchen,
# principal, accountant, ...) get DEMO_PASSWORD.
mn_demo() {
	mn_init
	printf '%s\n' "$DEMO_PASSWORD" |
	    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
	    fail "mamnon demo failed"
}

# vn_money N: 1234567 -> 1.234.567 (also for negative N).
vn_money() {
	printf '%s\n' "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|\.\)/\1.\2\3/' -e 'ta'
}

# market_by_hand DATE: one line per food of the day's menus of both age
# groups, "code|unit|quantity|unit price|amount", sorted by code, then
# "total|AMOUNT".  Per food: edible grams per child of each dish item
# times that age group's meal count (manual, else attendance, else
# planned), summed; bought grams = edible / (1 - refuse %); purchase
# units = bought / grams per unit, rounded up to 0.01 for kg, g, lít, l,
# ml and lạng and to a whole unit otherwise (less 1e-6, as the program
# does against division noise); amount = units x price rounded half up.
market_by_hand() {
	q "SELECT f.code, f.purchase_unit, f.refuse_pct, f.unit_grams,
	    sum(i.edible_g * (SELECT coalesce(c.manual, c.from_attendance,
	        c.planned) FROM meal_counts c WHERE c.day = m.menu_date
	        AND c.age_group = m.age_group)),
	    (SELECT p.unit_price FROM food_prices p WHERE p.food_id = f.id
	        AND p.effective_from <= m.menu_date
	        ORDER BY p.effective_from DESC LIMIT 1)
	FROM menu_items m
	JOIN dish_items i ON i.dish_id = m.dish_id
	    AND i.age_group = m.age_group
	JOIN foods f ON f.id = i.food_id
	WHERE m.menu_date = '$1'
	GROUP BY f.id ORDER BY f.code" |
	awk -F'|' '
	function ceil(x) { return x == int(x) ? x : int(x) + (x > 0) }
	{
		unit = $2; refuse = $3; grams = $4; edible = $5; price = $6
		bought = edible / (1 - refuse / 100)
		units = bought / grams
		if (unit ~ /^(kg|g|lít|l|ml|lạng)$/)
			qty = sprintf("%.2f", ceil(units * 100 - 1e-6) / 100)
		else
			qty = sprintf("%d", ceil(units - 1e-6))
		amount = int(qty * price + 0.5)
		total += amount
		printf "%s|%s|%s|%s|%d\n", $1, unit, qty, price, amount
	}
	END { printf "total|%d\n", total }'
}

# market_from_csv DATE: the program's market list in the same form.
market_from_csv() {
	"$MAMNON" -c "$CFG" export market --date "$1" --format csv |
	    awk -F, '
	NR == 1 { next }
	$1 ~ /^[0-9]+$/ {
		printf "%s|%s|%s|%s|%s\n", $1, $(NF-2), $(NF-3), $(NF-1), $NF
		next
	}
	$2 == "Tổng cộng" || $2 == "tổng cộng" { printf "total|%s\n", $NF }' \
	    >"$TEST_TMP/market.csv.lines"
	grep -v '^total|' "$TEST_TMP/market.csv.lines" | sort -t'|' -k1,1n
	grep '^total|' "$TEST_TMP/market.csv.lines"
}
