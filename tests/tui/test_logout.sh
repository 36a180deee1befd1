# Esc goes back one level; logout asks "Đăng xuất?" and 'c' confirms.
# At the main menu Esc asks with "Không" focused, so Esc then Enter
# keeps the session; the "Đăng xuất" entry asks with "Có" focused.
. "$TUI_DIR/lib.sh"

mn_init
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")

echo "== Esc leaves a submenu quickly; cancel and confirm logout"
{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
# The first entry, "Trẻ em", opens a screen without the top-level menu.
key Enter
waitnot "Quản lý tài khoản"
key Esc
wait "Quản lý tài khoản" 1000
settle 200
key $LOGOUT_KEY
wait "Đăng xuất?"
wait "Có"
wait "Không"
key Esc
waitnot "Đăng xuất?"
wait "Quản lý tài khoản"
key $LOGOUT_KEY
wait "Đăng xuất?"
type c
waitnot "Đăng xuất?"
waitnot "Quản lý tài khoản"
EOF
} | drive -

echo "== Esc then Enter at the main menu keeps the session"
{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
key $LOGOUT_KEY
wait "Đăng xuất?"
settle 300
# "Không" has the focus, so Enter answers no.
key Enter
waitnot "Đăng xuất?"
wait "Quản lý tài khoản"
settle 300
expect "Quản lý tài khoản"
key $LOGOUT_KEY
wait "Đăng xuất?"
type c
waitnot "Đăng xuất?"
waitnot "Quản lý tài khoản"
EOF
} | drive -

echo "== the menu entry asks with Có focused: Enter logs out"
{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
pick Đăng xuất
key Enter
wait "Đăng xuất?"
key Enter
waitnot "Đăng xuất?"
waitnot "Quản lý tài khoản"
EOF
} | drive -
