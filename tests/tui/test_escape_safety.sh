# Text from the database cannot act on the viewer's terminal.  A stored
# full name carries ESC [2J (clear screen), an OSC sequence (window
# title) and U+009B (a one-byte CSI).  Each control character must show
# as the placeholder U+FFFD, in the account list and in the edit form.
. "$TUI_DIR/lib.sh"

DB=$TEST_TMP/mamnon.db
# The replacement character U+FFFD, as the screen shows it.
PH=$(printf '\357\277\275')

mn_init
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")

echo "== the host command rejects a name with control characters"
bad_name=$(printf 'Lan\033[2J\033]0;PWNED\007Anh')
if printf '%s\n' "$TEACHER_PASSWORD" | "$MAMNON" -c "$CFG" user add \
    hostile --role teacher --name "$bad_name" --password-stdin; then
	fail "user add accepted a name with control characters"
fi
printf '%s\n' "$TEACHER_PASSWORD" | "$MAMNON" -c "$CFG" user add hostile \
    --role teacher --name "Trần Văn Lan" --password-stdin ||
    fail "mamnon user add hostile failed"

echo "== a hostile value written straight into the database"
sqlite3 "$DB" "UPDATE accounts SET full_name = 'A' || char(27) || '[2J'
    || char(27) || ']0;PWNED' || char(7) || 'B' || char(155) || '31mC'
    WHERE login = 'hostile'"
expected="A$PH[2J$PH]0;PWNED${PH}B${PH}31mC"

{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
pick Quản lý tài khoản
key Enter
wait "hostile"
settle 300
dump $TEST_TMP/list.screen
expectline $STATUS_ROW "$SCHOOL_NAME"
expect "$expected"
pick hostile
key Enter
wait "Sửa tài khoản"
settle 300
dump $TEST_TMP/form.screen
expectline $STATUS_ROW "$SCHOOL_NAME"
expect "$expected"
key Esc
wait "Khóa/mở"
EOF
} | drive -

for screen in list form; do
	# An executed OSC would have taken PWNED off the screen as a title,
	# and an executed ESC [2J would have wiped the status line.
	grep -q 'PWNED' "$TEST_TMP/$screen.screen" ||
	    fail "$screen: the OSC text is missing, so it reached the terminal"
	head -n 1 "$TEST_TMP/$screen.screen" | grep -q "$SCHOOL_NAME" ||
	    fail "$screen: the status line was cleared"
	if grep -q '\^\[' "$TEST_TMP/$screen.screen"; then
		fail "$screen: curses drew ^[, so mn_text_safe was bypassed"
	fi
done
