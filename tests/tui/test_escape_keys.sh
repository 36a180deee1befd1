# Esc acts at once, yet an arrow key whose bytes arrive 20 ms apart (a
# slow link) is still an arrow key and not Esc followed by text.
. "$TUI_DIR/lib.sh"

mn_init
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")

{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
settle 200
# Down in application cursor mode (ncurses sends smkx) is ESC O B.
type \e
sleep 20
type OB
settle 500
expectnot "Đăng xuất?"
key Esc
wait "Đăng xuất?" 1000
EOF
} | drive -
