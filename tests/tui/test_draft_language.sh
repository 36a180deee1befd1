# A draft keeps each value under the field's identifier, not its label:
# a child's record edited with language = en and left by a dropped
# connection reopens with the change under language = vi.  The offer's
# title line names the child by name and code, not by its row id.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

DB=$TEST_TMP/mamnon.db

mn_init
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
PW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")
reg_classes
reg_children
id=$(sqlite3 "$DB" "SELECT id FROM children WHERE school_code = 'T002'")

echo "== in English: edit the name and allergies, then the line drops"
mn_ini ui language en
drive - <<SCRIPT || fail "the English edit form did not open"
wait "Log in"
type hieutruong
key Enter
type $PW
key Enter
wait "Children" 10000
key Enter
wait "Health warning"
pick Lê Thị Dung
key Enter
wait "Lê Thị Dung (code T002)"
key e
wait "Policy categories"
key Enter
key End
type " Nháp"
key F2
wait "Father's name"
key Down 7
key End
type ", cua"
settle 300
close
waitexit 5000
SCRIPT
[ "$(sqlite3 "$DB" "SELECT form_key FROM drafts")" = "child_form:$id" ] ||
    fail "no draft of child $id after the hangup"
sqlite3 "$DB" "SELECT json_extract(values_json, '\$.full_name')
    FROM drafts" | grep -qx "Lê Thị Dung Nháp" ||
    fail "the draft does not key the name by its identifier"
sqlite3 "$DB" "SELECT values_json FROM drafts" | grep -q "Full name" &&
    fail "the draft keys a value by its English label"

echo "== in Vietnamese: the offer names the child; the values are back"
mn_ini ui language vi
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Bản nháp chưa lưu › Hồ sơ trẻ: Lê Thị Dung (T002)"
expectnot "Hồ sơ trẻ: $id"
type c
wait "Sửa hồ sơ trẻ"
wait "Lê Thị Dung Nháp"
key F2
wait "Họ tên cha"
wait "tôm, cua"
key F2
wait "Đã lưu hồ sơ trẻ Lê Thị Dung Nháp"
SCRIPT
} | drive - || fail "the draft did not come back in Vietnamese"
sqlite3 "$DB" "SELECT full_name || '|' || allergies FROM children
    WHERE id = $id" | grep -qx "Lê Thị Dung Nháp|tôm, cua" ||
    fail "the reopened draft's values were not saved"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM drafts")" = 0 ] ||
    fail "the reopened draft was not deleted"

echo "== a new child's draft is named by the name typed"
{
	login_steps hieutruong "$PW"
	open_children_steps
	cat <<SCRIPT
key n
wait "Đối tượng chính sách"
key Enter
type "Mai Anh Thư"
settle 300
close
waitexit 5000
SCRIPT
} | drive -
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Bản nháp chưa lưu › Hồ sơ trẻ: Mai Anh Thư (trẻ mới)"
type k
wait "Trẻ em"
SCRIPT
} | drive - || fail "the new child's draft is not named"
