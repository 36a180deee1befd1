# Screens offer only the keys the core allows: on the children list the
# nurse gets no add, edit or status key, a teacher edits but does not
# change a status, and the principal gets all three.  A hidden key
# still reports the core's refusal when pressed (test_children_roles.sh).
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init

# help_line LOGIN: writes the bottom row of LOGIN's children list to
# $TEST_TMP/help.
help_line() {
	_keys_screen=$TEST_TMP/keys.$1.screen
	rm -f "$_keys_screen"
	{
		login_steps "$1" "$DEMO_PASSWORD"
		echo 'wait "Đăng xuất" 10000'
		menu_down "$1" 80x24 "Trẻ em"
		echo 'key Enter'
		echo 'wait "Họ và tên" 10000'
		echo 'settle 300'
		echo "dump $_keys_screen"
	} | drive - >"$TEST_TMP/drive.log" 2>&1 ||
	    fail "children list of $1 not shown: $(cat "$TEST_TMP/drive.log")"
	[ -s "$_keys_screen" ] || fail "no screen dumped for $1"
	tail -n 1 "$_keys_screen" >"$TEST_TMP/help"
}

# offers LOGIN LABEL yes|no
offers() {
	help_line "$1"
	if grep -q "$2" "$TEST_TMP/help"; then
		[ "$3" = yes ] || fail "$1 is offered '$2'"
	else
		[ "$3" = no ] || fail "$1 is not offered '$2'"
	fi
	echo "ok $1 '$2' $3"
}

offers nurse "Thêm" no
offers nurse "Sửa" no
offers nurse "Trạng thái" no
offers nurse "Tìm" yes
offers teacher "Sửa" yes
offers teacher "Trạng thái" no
offers principal "Thêm" yes
offers principal "Sửa" yes
offers principal "Trạng thái" yes
