# `mamnon --login LOGIN`, as an SSH key's command= option runs it.  With
# [security] ask_password_with_key = no the key alone logs in, and a
# forced password change still applies.  With yes the login screen shows
# the login fixed and requests the password.
. "$TUI_DIR/lib.sh"

DB=$TEST_TMP/mamnon.db

mn_init
mn_user_add teacher teacher "$TEACHER_PASSWORD"
mn_user_add locked teacher "$TEACHER_PASSWORD"
"$MAMNON" -c "$CFG" user lock locked || fail "mamnon user lock failed"

# drive_key LOGIN: runs the script from standard input on mamnon --login.
drive_key() {
	"$VTDRIVE" -s "$DRIVE_SIZE" -e LANG=C.UTF-8 -u LC_ALL -u LC_CTYPE \
	    -u LC_MESSAGES -e HOME="$TEST_TMP" -u MAMNON_CONFIG -u TERMINFO \
	    -f - -- "$MAMNON" -c "$CFG" --login "$1"
}

key_logins() {
	sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'login'
	    AND login = '$1' AND detail = 'ssh key'"
}

echo "== ask_password_with_key = no: no password, forced change applies"
mn_ini security ask_password_with_key no
{
	echo 'wait "Đổi mật khẩu" 10000'
	echo 'expectnot "Tên đăng nhập"'
	change_password_steps "$NEW_PASSWORD"
	cat <<EOF
wait "Trẻ em" 10000
expectline $STATUS_ROW teacher
EOF
} >"$TEST_TMP/first.script"
drive_key teacher <"$TEST_TMP/first.script"
[ "$(key_logins teacher)" = 1 ] ||
    fail "expected one audit row 'login' with detail 'ssh key'"

echo "== ask_password_with_key = no: straight to the menu"
drive_key teacher <<EOF
wait "Trẻ em" 10000
expectnot "Tên đăng nhập"
expectnot "Đổi mật khẩu"
expectline $STATUS_ROW teacher
expectline $STATUS_ROW "giáo viên"
EOF
[ "$(key_logins teacher)" = 2 ] || fail "the second key login was not audited"

echo "== a locked account is refused"
drive_key locked <<EOF
wait "bị khóa" 10000
expectnot "Trẻ em"
key Enter
waitexit 5000 0
EOF
[ "$(key_logins locked)" = 0 ] || fail "a locked account was logged in"

echo "== an unknown account is refused"
drive_key nobody <<EOF
wait "không có tài khoản 'nobody'" 10000
key Enter
waitexit 5000 0
EOF

echo "== ask_password_with_key = yes: login fixed, password asked"
mn_ini security ask_password_with_key yes
drive_key teacher <<EOF
wait "Mật khẩu" 10000
expect "Đăng nhập"
expect teacher
expectnot "Trẻ em"
type wrong-password
key Enter
wait "Sai tên đăng nhập hoặc mật khẩu" 10000
type $NEW_PASSWORD
key Enter
wait "Trẻ em" 10000
expectline $STATUS_ROW teacher
EOF
[ "$(key_logins teacher)" = 2 ] ||
    fail "a password login was audited as a key login"
