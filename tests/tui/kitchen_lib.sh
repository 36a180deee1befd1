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

# Keys that open the nutrition menu from the main menu.
open_nutrition() {
	printf 'wait "Dinh dưỡng" 10000\npick "Dinh dưỡng"\nkey Enter\n'
	printf 'wait "Thực đơn"\n'
}

# open_item LABEL: opens the entry LABEL of the menu on the screen.
open_item() {
	printf 'pick "%s"\nkey Enter\n' "$1"
}

# open_entry N: opens the Nth entry (0 is the first) of a submenu.  New
# tests use open_item, which does not depend on the entries' order.
open_entry() {
	[ "$1" -gt 0 ] && printf 'key Down %s\n' "$1"
	printf 'key Enter\n'
}

# vn_money N: 1234567 -> 1.234.567 (also for negative N).
vn_money() {
	printf '%s\n' "$1" | sed -e ':a' \
	    -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|\.\)/\1.\2\3/' -e 'ta'
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
# Fails unless the CSV header is exactly "Thực phẩm,Đơn vị,Số lượng,Đơn
# giá,Thành tiền", every row has those 5 fields, and the last row is
# "Tổng cộng" with the sum of the amounts above.  sqlite3 parses the
# CSV (quoted names) and maps food names back to their codes.
market_from_csv() {
	"$MAMNON" -c "$CFG" export market --date "$1" --format csv \
	    >"$TEST_TMP/market.csv" || fail "export market --date $1 failed"
	[ "$(head -n 1 "$TEST_TMP/market.csv")" = \
	    'Thực phẩm,Đơn vị,Số lượng,Đơn giá,Thành tiền' ] ||
	    fail "market CSV header is '$(head -n 1 "$TEST_TMP/market.csv")'"
	sqlite3 -batch -noheader :memory: \
	    ".import --csv $TEST_TMP/market.csv m" \
	    "ATTACH '$DB' AS d" \
	    "SELECT (SELECT code FROM d.foods f WHERE f.name = m.\"Thực phẩm\"),
	        \"Đơn vị\", \"Số lượng\", \"Đơn giá\", \"Thành tiền\"
	    FROM m WHERE rowid < (SELECT max(rowid) FROM m)" \
	    "SELECT 'last|' || \"Thực phẩm\" || '|' || \"Đơn vị\" ||
	        \"Số lượng\" || \"Đơn giá\" || '|' || \"Thành tiền\"
	    FROM m WHERE rowid = (SELECT max(rowid) FROM m)" \
	    "SELECT 'sum|' || total(\"Thành tiền\") FROM m
	    WHERE rowid < (SELECT max(rowid) FROM m)" \
	    >"$TEST_TMP/market.csv.lines" 2>"$TEST_TMP/market.csv.err" ||
	    fail "sqlite3 could not read the market CSV"
	[ ! -s "$TEST_TMP/market.csv.err" ] ||
	    fail "market CSV rows: $(cat "$TEST_TMP/market.csv.err")"
	last=$(sed -n 's/^last|//p' "$TEST_TMP/market.csv.lines")
	sum=$(sed -n 's/^sum|\([0-9]*\)\.0$/\1/p' "$TEST_TMP/market.csv.lines")
	case $last in
	"Tổng cộng||$sum") ;;
	*) fail "market CSV last row is '$last', expected 'Tổng cộng||$sum'" ;;
	esac
	grep -v '^last|\|^sum|' "$TEST_TMP/market.csv.lines" |
	    sort -t'|' -k1,1n
	printf 'total|%s\n' "$sum"
}

# nutrition_by_hand DATE GROUP: one child's day computed from the stored
# dish items, as the nutrition CSV must show it: per food (by code)
# "name|edible g|kcal|protein|lipid|glucid" with each value = grams x the
# table's value per 100 g and kcal = 4 protein + 9 lipid + 4 glucid (a
# missing value counts as 0), then the four total rows.  One decimal.
nutrition_by_hand() {
	q "CREATE TEMP VIEW p AS SELECT f.code, f.name, sum(i.edible_g) AS g,
	        f.energy_kcal AS e, f.protein_g AS pr, f.lipid_g AS li,
	        f.glucid_g AS gl
	    FROM menu_items m
	    JOIN dish_items i ON i.dish_id = m.dish_id
	        AND i.age_group = m.age_group
	    JOIN foods f ON f.id = i.food_id
	    WHERE m.menu_date = '$1' AND m.age_group = '$2'
	    GROUP BY f.id;
	SELECT name, printf('%.1f', g), printf('%.1f', g * (4 * coalesce(pr, 0)
	        + 9 * coalesce(li, 0) + 4 * coalesce(gl, 0)) / 100),
	    printf('%.1f', g * pr / 100),
	    CASE WHEN li IS NULL THEN '' ELSE printf('%.1f', g * li / 100) END,
	    CASE WHEN gl IS NULL THEN '' ELSE printf('%.1f', g * gl / 100) END
	FROM p ORDER BY code;
	SELECT 'Năng lượng (kcal)|' ||
	        printf('%.1f', sum(g * (4 * coalesce(pr, 0)
	        + 9 * coalesce(li, 0) + 4 * coalesce(gl, 0)) / 100)) FROM p;
	SELECT 'Protein (g)|' || printf('%.1f', sum(g * pr / 100)) FROM p;
	SELECT 'Lipid (g)|' || printf('%.1f', total(g * li / 100)) FROM p;
	SELECT 'Glucid (g)|' || printf('%.1f', total(g * gl / 100)) FROM p"
}

# nutrition_from_csv DATE GROUP: the nutrition CSV in the same form.
# Fails unless the header is exactly "Thực phẩm,Khối lượng (g),Năng lượng
# (kcal),Protein (g),Lipid (g),Glucid (g)" and every row has 6 fields.
nutrition_from_csv() {
	"$MAMNON" -c "$CFG" export nutrition --date "$1" --group "$2" \
	    --format csv >"$TEST_TMP/nutrition.csv" ||
	    fail "export nutrition --date $1 --group $2 failed"
	nutr_hdr='Thực phẩm,Khối lượng (g),Năng lượng (kcal),'
	nutr_hdr="$nutr_hdr"'Protein (g),Lipid (g),Glucid (g)'
	[ "$(head -n 1 "$TEST_TMP/nutrition.csv")" = "$nutr_hdr" ] ||
	    fail "nutrition CSV header is" \
	    "'$(head -n 1 "$TEST_TMP/nutrition.csv")'"
	sqlite3 -batch -noheader :memory: \
	    ".import --csv $TEST_TMP/nutrition.csv n" \
	    "SELECT \"Thực phẩm\", \"Khối lượng (g)\", \"Năng lượng (kcal)\",
	        \"Protein (g)\", \"Lipid (g)\", \"Glucid (g)\" FROM n
	    WHERE rowid <= (SELECT max(rowid) FROM n) - 4 ORDER BY rowid" \
	    "SELECT \"Thực phẩm\", \"Khối lượng (g)\" FROM n
	    WHERE rowid > (SELECT max(rowid) FROM n) - 4 ORDER BY rowid" \
	    2>"$TEST_TMP/nutrition.csv.err" ||
	    fail "sqlite3 could not read the nutrition CSV"
	[ ! -s "$TEST_TMP/nutrition.csv.err" ] ||
	    fail "nutrition CSV rows: $(cat "$TEST_TMP/nutrition.csv.err")"
}
