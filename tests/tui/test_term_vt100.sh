# The program works on a plain vt100 terminal, as some SSH clients report.
. "$TUI_DIR/lib.sh"

mn_init
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")

{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
wait "Trẻ em"
EOF
} | drive - -e TERM=vt100
