# A new account must change its password at first login; a mismatched
# repeat is rejected; afterwards only the new password works.
. "$TUI_DIR/lib.sh"

mn_init
mn_user_add codau teacher "$TEACHER_PASSWORD"

echo "== first login asks for a new password"
{
	login_steps codau "$TEACHER_PASSWORD"
	cat <<EOF
wait "Đổi mật khẩu" 10000
wait "Mật khẩu mới"
wait "Nhập lại mật khẩu mới"
type $NEW_PASSWORD
key Enter
type Khac-matkhau-999
key Enter
settle 500
expect "Đổi mật khẩu"
expectnot "Trẻ em"
expectnot "$NEW_PASSWORD"
expectnot "Khac-matkhau-999"
EOF
} | drive -

echo "== matching passwords lead to the main menu"
{
	login_steps codau "$TEACHER_PASSWORD"
	change_password_steps "$NEW_PASSWORD"
	cat <<EOF
wait "Trẻ em" 10000
expectnot "Đổi mật khẩu"
expectnot "$NEW_PASSWORD"
EOF
} | drive -

echo "== the new password logs in without a change"
{
	login_steps codau "$NEW_PASSWORD"
	cat <<EOF
wait "Trẻ em" 10000
expectnot "Đổi mật khẩu"
EOF
} | drive -

echo "== the old password no longer works"
{
	login_steps codau "$TEACHER_PASSWORD"
	echo 'wait "Sai tên đăng nhập hoặc mật khẩu" 15000'
} | drive -
