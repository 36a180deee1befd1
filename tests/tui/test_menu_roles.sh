# The main menu shows what each role works with, and the status line
# shows school, login, role and today's date.
. "$TUI_DIR/lib.sh"

mn_init
mn_user_add codau teacher "$TEACHER_PASSWORD"
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
teacher=$(mn_first_login codau "$TEACHER_PASSWORD" "$NEW_PASSWORD")
principal=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")
date=$(today)

echo "== teacher"
{
	login_steps codau "$teacher"
	cat <<EOF
wait "Trẻ em" 10000
settle 300
expectnot "Quản lý tài khoản"
expectline $STATUS_ROW "$SCHOOL_NAME"
expectline $STATUS_ROW "codau"
expectline $STATUS_ROW "giáo viên"
expectline $STATUS_ROW "$date"
EOF
} | drive -

echo "== principal"
{
	login_steps hieutruong "$principal"
	cat <<EOF
wait "Trẻ em" 10000
settle 300
expect "Lớp học"
expect "Nhân sự"
expectnot "Quản lý tài khoản"
expectline $STATUS_ROW "hieutruong"
expectline $STATUS_ROW "hiệu trưởng"
expectline $STATUS_ROW "$date"
EOF
} | drive -

echo "== admin"
{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
settle 300
expect "Trẻ em"
expect "Lớp học"
expect "Nhân sự"
expectline $STATUS_ROW "$SCHOOL_NAME"
expectline $STATUS_ROW "admin"
expectline $STATUS_ROW "quản trị"
expectline $STATUS_ROW "$date"
EOF
} | drive -
