# After max_failed_logins (3) wrong passwords the account is locked, even
# for the right password, and other accounts are not.
. "$TUI_DIR/lib.sh"

mn_init
mn_user_add codau teacher "$TEACHER_PASSWORD"

# Each attempt is a new program run: failures are counted in the database.
for i in 1 2; do
	echo "== wrong password $i"
	{
		login_steps codau "Sai-matkhau-$i"
		echo 'wait "Sai tên đăng nhập hoặc mật khẩu" 15000'
	} | drive -
done

echo "== wrong password 3 locks the account"
{
	login_steps codau "Sai-matkhau-3"
	echo 'waitre "Sai tên đăng nhập hoặc mật khẩu|bị khóa" 15000'
} | drive -

echo "== the right password is refused while locked"
{
	login_steps codau "$TEACHER_PASSWORD"
	cat <<EOF
wait "bị khóa" 15000
settle 300
expectnot "Đổi mật khẩu"
expectnot "Trẻ em"
EOF
} | drive -

echo "== another account still logs in"
{
	login_steps admin "$ADMIN_PASSWORD"
	cat <<EOF
waitre "Đổi mật khẩu|Trẻ em" 10000
expectnot "bị khóa"
EOF
} | drive -
