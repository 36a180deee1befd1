# A dropped connection inside the child form keeps the typed values as a
# draft, and the next login reopens the form with them.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

DB=$TEST_TMP/mamnon.db
NAME='Trần Thị Nháp'

mn_init
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
PW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")
reg_classes
reg_children

echo "== the terminal closes in the new-child form"
{
	login_steps hieutruong "$PW"
	open_children_steps
	cat <<SCRIPT
key n
wait "Thêm trẻ"
wait "Đối tượng chính sách"
key Enter
type "$NAME"
settle 300
close
waitexit 5000
SCRIPT
} | drive -
[ "$(sqlite3 "$DB" "SELECT count(*) FROM drafts")" = 1 ] ||
    fail "no draft after the hangup"
key=$(sqlite3 "$DB" "SELECT form_key FROM drafts")
[ "$key" = "child_form:" ] ||
    fail "draft key: expected 'child_form:', got '$key'"
sqlite3 "$DB" "SELECT count(*) FROM children WHERE full_name = '$NAME'" |
    grep -qx 0 || fail "the unsaved child was stored"

echo "== the next login reopens the form with the typed name"
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
expect "Hồ sơ trẻ"
type c
wait "Thêm trẻ"
wait "$NAME"
key Esc
wait "Bỏ các thay đổi?"
type c
wait "Trẻ em"
SCRIPT
} | drive -
[ "$(sqlite3 "$DB" "SELECT count(*) FROM drafts")" = 0 ] ||
    fail "the reopened draft was not deleted"
