# Helpers for the attendance terminal tests, sourced after lib.sh.  They
# build the demo school, find a school day that a teacher may still
# change, and open the attendance screen on it.

DEMO_PASSWORD='Demo-2024-truong'

# Creates the database with the demo school; teachers may change the
# last 30 days, so a recent school day is open whatever today is.
att_setup() {
	mn_config
	mn_ini attendance edit_days 30
	mn_init
	printf '%s\n' "$DEMO_PASSWORD" |
	    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
	    fail "mamnon demo failed"
	command -v sqlite3 >/dev/null || fail "sqlite3 is needed"
}

att_sql() {
	sqlite3 -batch -noheader "$TEST_TMP/mamnon.db" "$1"
}

# Prints the latest school day (YYYY-MM-DD) not after today, in the
# school's time zone, with the calendar rules of the core: a day of a
# school year that is a make-up day, or a weekday outside the holidays.
att_school_day() {
	_today=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)
	att_sql "WITH RECURSIVE d(x) AS (SELECT date('$_today')
	    UNION ALL SELECT date(x, '-1 day') FROM d
	    WHERE x > date('$_today', '-25 day'))
	    SELECT x FROM d
	    WHERE EXISTS (SELECT 1 FROM school_years
	        WHERE x BETWEEN first_day AND last_day)
	    AND (EXISTS (SELECT 1 FROM makeup_days WHERE day = x)
	        OR (strftime('%w', x) NOT IN ('0', '6')
	        AND NOT EXISTS (SELECT 1 FROM holidays
	            WHERE x BETWEEN first_day AND last_day)))
	    ORDER BY x DESC LIMIT 1"
}

# Removes what the demo may have recorded for CLASS on DAY (marks, daily
# logs, diary), so a test starts from a day nobody has taken yet.
att_clear_day() {
	att_sql "DELETE FROM attendance_marks WHERE class_day_id IN
	    (SELECT d.id FROM class_days d JOIN classes cl ON cl.id = d.class_id
	    WHERE cl.code = '$1' AND d.day = '$2');
	DELETE FROM class_diary WHERE class_day_id IN
	    (SELECT d.id FROM class_days d JOIN classes cl ON cl.id = d.class_id
	    WHERE cl.code = '$1' AND d.day = '$2');
	DELETE FROM class_days WHERE day = '$2' AND class_id IN
	    (SELECT id FROM classes WHERE code = '$1');
	DELETE FROM daily_logs WHERE day = '$2' AND child_id IN
	    (SELECT h.child_id FROM child_class_history h
	    JOIN classes cl ON cl.id = h.class_id WHERE cl.code = '$1')" ||
	    fail "clearing $1 on $2 failed"
}

# Prints the code of the only class LOGIN teaches.
att_class_of() {
	_n=$(att_sql "SELECT count(*) FROM class_teachers ct
	    JOIN staff s ON s.id = ct.staff_id
	    JOIN accounts a ON a.id = s.account_id WHERE a.login = '$1'")
	[ "$_n" = 1 ] || fail "$1 teaches $_n classes, expected 1"
	att_sql "SELECT cl.code FROM class_teachers ct
	    JOIN staff s ON s.id = ct.staff_id
	    JOIN accounts a ON a.id = s.account_id
	    JOIN classes cl ON cl.id = ct.class_id WHERE a.login = '$1'"
}

# Prints how many Down presses reach ENTRY on LOGIN's main menu.  New
# tests pass the entry's label to att_open_steps instead.
att_menu_downs() {
	{
		login_steps "$1" "$DEMO_PASSWORD"
		echo 'wait "Menu chính" 10000'
		echo 'settle 300'
		echo "dump $TEST_TMP/menu.screen"
	} | drive - || fail "login of $1 failed"
	_row=$(awk -v e=" $2" '$0 == e { print NR; exit }' \
	    "$TEST_TMP/menu.screen")
	[ -n "$_row" ] || fail "no menu entry '$2' for $1"
	# Row 3 is the first entry.
	echo $((_row - 3))
}

# att_open_steps LOGIN ENTRY DAY: script lines that log LOGIN in and open
# the main menu's ENTRY (its label, or a count of Down presses) on the
# day DAY (YYYY-MM-DD).  DAY is the latest school day, so
# when it is not today, today is no school day and the screen opens the
# date form at once.
att_open_steps() {
	_dmy=$(echo "$3" | awk -F- '{ print $3 "/" $2 "/" $1 }')
	login_steps "$1" "$DEMO_PASSWORD"
	echo 'wait "Menu chính" 10000'
	case $2 in
	*[!0-9]*) echo "pick \"$2\"" ;;
	0) ;;
	*) echo "key Down $2" ;;
	esac
	echo 'key Enter'
	if [ "$3" != "$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)" ]; then
		echo 'wait "Ngày (dd/mm/yyyy)"'
		echo 'key C-u'
		echo "type $_dmy"
		echo 'key Enter'
	fi
	echo "wait \"$_dmy\""
}
