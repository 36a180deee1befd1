# Staff screens need 80x24 and say so when smaller; the login screen
# works at 40x15.
. "$TUI_DIR/lib.sh"

mn_init
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")

echo "== log in at 40x15, then grow the terminal"
{
	echo 'size 40 15'
	login_steps admin "$admin"
	cat <<EOF
wait "quá nhỏ" 10000
expectnot "Quản lý tài khoản"
settle 200
resize 80 24
wait "Quản lý tài khoản" 5000
waitnot "quá nhỏ"
EOF
} | drive -

echo "== shrink and grow the main menu"
{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
settle 200
resize 79 24
wait "quá nhỏ"
settle 200
resize 80 24
wait "Quản lý tài khoản"
waitnot "quá nhỏ"
settle 200
resize 80 23
wait "quá nhỏ"
settle 200
resize 120 40
wait "Quản lý tài khoản"
waitnot "quá nhỏ"
EOF
} | drive -
