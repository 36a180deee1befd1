# The staff form keeps unsaved input as a draft when the connection
# drops, and the next login reopens it.  A reopened edit draft saves
# against the version it was read at, so a newer save by someone else
# is reported as a conflict and kept.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

DB=$TEST_TMP/mamnon.db

mn_init
mn_user_add covai teacher "$TEACHER_PASSWORD"
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
reg_classes
reg_staff covai MG5A
PW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")

drafts() {
	sqlite3 "$DB" "SELECT count(*) FROM drafts"
}

# Script lines: log in and open the staff list.
open_staff() {
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Nhân sự" 10000
pick Nhân sự
key Enter
wait "Lớp phụ trách"
waitre "CB-001 +Vũ Thị Mai"
SCRIPT
}

echo "== a hangup in the new staff form keeps a draft"
{
	open_staff
	cat <<SCRIPT
key n
wait "Thêm cán bộ"
wait "Tài khoản"
key Enter
type "Y Moan Ênuôl"
key Enter
type 15/08/1995
key Enter
type Nam
settle 300
signal HUP
waitexit 5000
SCRIPT
} | drive - || fail "the new staff form failed"
[ "$(drafts)" = 1 ] || fail "expected 1 draft, found $(drafts)"
key=$(sqlite3 "$DB" "SELECT form_key FROM drafts")
[ "$key" = "staff_form:" ] ||
    fail "draft key: expected 'staff_form:', got '$key'"
sqlite3 "$DB" "SELECT json_extract(values_json, '\$.full_name')
    FROM drafts" | grep -qx "Y Moan Ênuôl" || fail "draft lacks the name"
sqlite3 "$DB" "SELECT count(*) FROM staff WHERE full_name = 'Y Moan Ênuôl'" |
    grep -qx 0 || fail "the unsaved staff member was stored"

echo "== the next login reopens the form filled in; F2 saves it"
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Bản nháp chưa lưu › Hồ sơ cán bộ"
expect "Nhân sự › Thêm cán bộ"
type c
waitnot "Mở lại?"
wait "Thêm cán bộ"
wait "Y Moan Ênuôl"
wait 15/08/1995
key F2
wait "Đã lưu cán bộ Y Moan Ênuôl"
SCRIPT
} | drive - || fail "reopening the staff draft failed"
sqlite3 "$DB" "SELECT birth_date, sex FROM staff
    WHERE full_name = 'Y Moan Ênuôl'" | grep -qx "1995-08-15|M" ||
    fail "the reopened draft was not stored as typed: $(sqlite3 "$DB" \
    "SELECT birth_date, sex FROM staff WHERE full_name = 'Y Moan Ênuôl'")"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"

phone() {
	sqlite3 "$DB" "SELECT phone FROM staff WHERE staff_code = 'CB-001'"
}

# Script lines: open CB-001's edit form and type a new phone number.
edit_phone() {
	open_staff
	cat <<SCRIPT
pick Vũ Thị Mai
key e
wait "Sửa hồ sơ cán bộ"
wait "Vũ Thị Mai"
key Down 7
key C-u
type $1
settle 300
SCRIPT
}

echo "== an edit draft reopened after someone else's save: conflict"
{ edit_phone 0911111111; echo close; echo waitexit 5000; } | drive - ||
    fail "the staff edit form failed"
key=$(sqlite3 "$DB" "SELECT form_key FROM drafts")
id=$(sqlite3 "$DB" "SELECT id FROM staff WHERE staff_code = 'CB-001'")
[ "$key" = "staff_form:$id" ] ||
    fail "draft key: expected 'staff_form:$id', got '$key'"
sqlite3 "$DB" "UPDATE staff SET phone = '0922222222',
    version = version + 1 WHERE staff_code = 'CB-001'"
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Hồ sơ cán bộ: Vũ Thị Mai (CB-001)"
type c
waitnot "Mở lại?"
wait "Sửa hồ sơ cán bộ"
wait 0911111111
key F2
wait "Người khác vừa sửa hồ sơ này"
expect 0911111111
key Esc
wait "Bỏ các thay đổi?"
key c
waitnot "Bỏ các thay đổi?"
wait "Đăng xuất"
expectnot 0911111111
SCRIPT
} | drive - || fail "the conflicting draft was not reported"
[ "$(phone)" = 0922222222 ] ||
    fail "the draft overwrote a newer save: $(phone)"

echo "== an edit draft saves when nobody else changed the row"
{ edit_phone 0933333333; echo signal HUP; echo waitexit 5000; } |
    drive - || fail "the staff edit form failed"
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
type c
waitnot "Mở lại?"
wait 0933333333
key F2
wait "Đã lưu cán bộ Vũ Thị Mai"
SCRIPT
} | drive - || fail "the reopened edit draft was not saved"
[ "$(phone)" = 0933333333 ] || fail "phone not saved: $(phone)"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"
