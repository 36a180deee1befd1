# Helpers for the parent and privacy tests, sourced after lib.sh: the
# demo school and the position of a main menu entry read from the
# screen, so the tests do not depend on which other entries a role has.

# Password of every demo account.
DEMO_PASSWORD='Demo-2024-pass'

# Creates the database with the demo school ("parent", "gv.mg5a", ...).
demo_init() {
	mn_init
	printf '%s\n' "$DEMO_PASSWORD" |
	    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
	    fail "mamnon demo failed"
}

# db SQL: runs one query on the test database, one row per line.
db() {
	sqlite3 -batch -noheader "$TEST_TMP/mamnon.db" "$1"
}

# menu_down LOGIN SIZE LABEL [PASSWORD]: prints the step that moves the
# main menu's selection from the first entry to the entry LABEL, as
# LOGIN sees it in a terminal of SIZE (COLSxROWS).  PASSWORD defaults to
# the demo accounts' one.
menu_down() {
	_screen=$TEST_TMP/menu.$1.screen
	{
		login_steps "$1" "${4:-$DEMO_PASSWORD}"
		echo 'wait "Đăng xuất" 10000'
		echo 'settle 300'
		echo "dump $_screen"
	} | DRIVE_SIZE=$2 drive - >/dev/null || fail "menu of $1 not shown"
	# Row 1 is the status line, row 2 the title, row 3 the first entry.
	_n=$(awk -v label="$3" 'NR >= 3 {
		sub(/^ +/, ""); sub(/ +$/, "")
		if ($0 == label) { print NR - 3; exit }
	}' "$_screen")
	[ -n "$_n" ] || fail "menu entry '$3' not shown to $1"
	if [ "$_n" -gt 0 ]; then
		echo "key Down $_n"
	fi
}

# audit_has PATTERN: the host's audit CSV has a line matching PATTERN.
audit_has() {
	"$MAMNON" -c "$CFG" audit --format csv >"$TEST_TMP/audit.csv" ||
	    fail "mamnon audit failed"
	grep -q -- "$1" "$TEST_TMP/audit.csv" ||
	    fail "audit has no line matching $1"
}
