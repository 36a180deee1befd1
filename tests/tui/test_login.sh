# Login screen: labels, hidden password, the same message for a wrong
# password and an unknown login, and the main menu after a good login.
. "$TUI_DIR/lib.sh"

mn_init

echo "== labels and a wrong password"
drive - <<EOF
wait "Đăng nhập"
wait "Tên đăng nhập"
wait "Mật khẩu"
type admin
key Enter
type Sai-matkhau-123
settle 300
expectnot "Sai-matkhau-123"
key Enter
wait "Sai tên đăng nhập hoặc mật khẩu" 15000
expectnot "Sai-matkhau-123"
EOF

echo "== unknown login gets the same message"
{
	login_steps khongcoai "$ADMIN_PASSWORD"
	echo 'wait "Sai tên đăng nhập hoặc mật khẩu" 15000'
} | drive -

echo "== good login reaches the main menu, password never shown"
password=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")
{
	login_steps admin "$password"
	cat <<EOF
wait "Trẻ em" 10000
expectnot "Sai tên đăng nhập hoặc mật khẩu"
expectnot "$password"
EOF
} | drive -
