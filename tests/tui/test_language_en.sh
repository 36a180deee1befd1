# With [ui] language = en the screens are in English.
. "$TUI_DIR/lib.sh"

mn_init
# The first login runs in Vietnamese, which mn_first_login recognizes.
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")
mn_ini ui language en

drive - <<EOF
wait "Log in"
settle 300
expectnot "Đăng nhập"
type admin
key Enter
type $admin
key Enter
wait "Account management" 10000
wait "Children"
expectnot "Trẻ em"
expectnot "Quản lý tài khoản"
EOF
