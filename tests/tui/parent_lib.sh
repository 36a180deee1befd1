# Helpers for the parent and privacy tests, sourced after lib.sh: the
# demo school and the step that selects a main menu entry by its label,
# so the tests do not depend on which other entries a role has.

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
# main menu's selection to the entry LABEL.  Only LABEL is used; the
# other arguments remain so that older callers keep working.
menu_down() {
	printf 'pick "%s"\n' "$3"
}

# audit_has PATTERN: the host's audit CSV has a line matching PATTERN.
audit_has() {
	"$MAMNON" -c "$CFG" audit --format csv >"$TEST_TMP/audit.csv" ||
	    fail "mamnon audit failed"
	grep -q -- "$1" "$TEST_TMP/audit.csv" ||
	    fail "audit has no line matching $1"
}
