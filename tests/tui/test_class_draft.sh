# The class form and the teachers form keep unsaved input as a draft
# when the connection drops, and the next login reopens them.  A class
# draft reopened after someone else saved the class reports the
# conflict and keeps the newer save.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

DB=$TEST_TMP/mamnon.db
YEAR=$(school_year)

mn_init
mn_user_add covai teacher "$TEACHER_PASSWORD"
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
reg_classes
reg_staff covai MG5A
PW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")

drafts() {
	sqlite3 "$DB" "SELECT count(*) FROM drafts"
}

room() {
	sqlite3 "$DB" "SELECT room FROM classes WHERE code = 'MG4B'"
}

# Script lines: log in and open the class list; MG4B is selected.
open_classes() {
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Lớp học" 10000
pick Lớp học
key Enter
wait "Lớp Lá A"
SCRIPT
}

# Script lines: open MG4B's edit form and type a new room.
edit_room() {
	open_classes
	cat <<SCRIPT
key e
wait "Sửa lớp"
wait "Lớp Chồi B"
key Down 2
key C-u
type "$1"
settle 300
SCRIPT
}

echo "== a hangup in the class form keeps a draft"
{ edit_room "Phòng 12"; echo signal HUP; echo waitexit 5000; } | drive - ||
    fail "the class form failed"
key=$(sqlite3 "$DB" "SELECT form_key FROM drafts")
[ "$key" = "class_form:$YEAR/MG4B" ] ||
    fail "draft key: expected 'class_form:$YEAR/MG4B', got '$key'"
[ "$(room)" = P2 ] || fail "the unsaved room was stored: $(room)"

echo "== the next login reopens the class form; F2 saves it"
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Lớp học: lớp MG4B, năm học $YEAR"
type c
wait "Sửa lớp"
wait "Phòng 12"
key F2
wait "Đã lưu lớp MG4B"
SCRIPT
} | drive - || fail "reopening the class draft failed"
[ "$(room)" = "Phòng 12" ] || fail "the draft's room was not saved: $(room)"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"

echo "== a class draft reopened after someone else's save: conflict"
{ edit_room "Phòng 14"; echo close; echo waitexit 5000; } | drive - ||
    fail "the class form failed"
sqlite3 "$DB" "UPDATE classes SET room = 'Phòng 20', version = version + 1
    WHERE code = 'MG4B'"
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
type c
wait "Phòng 14"
key F2
wait "Lớp MG4B vừa được người khác sửa"
expect "phòng Phòng 20"
expect "Phòng 14"
key Esc
wait "Bỏ các thay đổi?"
key c
waitnot "Bỏ các thay đổi?"
wait "Đăng xuất"
expectnot "Phòng 14"
SCRIPT
} | drive - || fail "the conflicting class draft was not reported"
[ "$(room)" = "Phòng 20" ] ||
    fail "the class draft overwrote a newer save: $(room)"

echo "== the teachers form keeps a draft and saves it when reopened"
{
	open_classes
	cat <<SCRIPT
key t
wait "Giáo viên (mã cán bộ)"
type CB-001
settle 300
close
waitexit 5000
SCRIPT
} | drive - || fail "the teachers form failed"
key=$(sqlite3 "$DB" "SELECT form_key FROM drafts")
[ "$key" = "class_teachers:$YEAR/MG4B" ] ||
    fail "draft key: expected 'class_teachers:$YEAR/MG4B', got '$key'"
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Giáo viên của lớp"
type c
wait CB-001
key Enter
wait "Đã lưu giáo viên của lớp MG4B"
SCRIPT
} | drive - || fail "reopening the teachers draft failed"
sqlite3 "$DB" "SELECT s.staff_code FROM class_teachers t
    JOIN classes c ON c.id = t.class_id JOIN staff s ON s.id = t.staff_id
    WHERE c.code = 'MG4B'" | grep -qx CB-001 ||
    fail "the teachers draft was not saved"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"

echo "== the new-class form keeps a draft and saves it when reopened"
{
	open_classes
	cat <<SCRIPT
key n
wait "Thêm lớp"
wait "Sĩ số tối đa"
type MG3C
key Tab
type "Lớp Mầm C"
key Tab
type mg-3-4
key Tab
type P3
key Tab
type 25
settle 300
signal HUP
waitexit 5000
SCRIPT
} | drive - || fail "the new-class form failed"
key=$(sqlite3 "$DB" "SELECT form_key FROM drafts")
[ "$key" = "class_form:$YEAR" ] ||
    fail "draft key: expected 'class_form:$YEAR', got '$key'"
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
expect "Thêm lớp"
type c
wait "Lớp Mầm C"
key F2
wait "Đã lưu lớp MG3C"
SCRIPT
} | drive - || fail "reopening the new-class draft failed"
[ "$(sqlite3 "$DB" "SELECT name || '|' || age_group || '|' || room || '|' ||
    capacity FROM classes WHERE code = 'MG3C'")" = \
    "Lớp Mầm C|mg-3-4|P3|25" ] || fail "the new class was not stored as typed"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"
