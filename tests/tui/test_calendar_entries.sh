# The calendar's list of a school year: a holiday is added, edited,
# kept as a draft when the terminal closes inside its form, reopened
# at the next login and deleted.  A past holiday on which attendance
# was saved cannot be deleted, and the message gives the reason.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

DB=$TEST_TMP/mamnon.db
SY=$(school_year)

mn_init
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
PPW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")
reg_classes

# A weekday 20 to 26 days ahead, and the last day of the school year.
for n in 20 21 22 23 24 25 26; do
	if [ "$(TZ=Asia/Ho_Chi_Minh date -d "+$n days" +%u)" -le 5 ]; then
		AHEAD=$(TZ=Asia/Ho_Chi_Minh date -d "+$n days" +%d/%m/%Y)
		break
	fi
done
YEAR_END=$(sqlite3 "$DB" "SELECT strftime('%d/%m/%Y', last_day)
    FROM school_years WHERE name = '$SY'")

# Lines that log in and open the list of the current school year.
open_list() {
	login_steps hieutruong "$PPW"
	cat <<SCRIPT
wait "Lịch năm học" 10000
pick Lịch năm học
key Enter
wait "Năm học $SY"
key l
wait "Năm học $SY: ngày nghỉ, ngày học bù"
SCRIPT
}

echo "== add and edit a holiday"
{
	open_list
	cat <<SCRIPT
waitre "Năm học +[0-9/]+ +$YEAR_END +$SY"
key h
wait "Thêm ngày nghỉ"
wait "Đến ngày"
type "Nghỉ giữa kỳ"
key Enter
type $AHEAD
key Enter
key Enter
wait "Đã thêm ngày nghỉ Nghỉ giữa kỳ"
waitre "Ngày nghỉ +$AHEAD +$AHEAD +Nghỉ giữa kỳ"
pick Nghỉ giữa kỳ
key Enter
wait "Sửa ngày nghỉ"
wait "Nghỉ giữa kỳ"
key C-u
type "Nghỉ giữa học kỳ I"
key F2
wait "Đã lưu ngày nghỉ Nghỉ giữa học kỳ I"
waitre "Ngày nghỉ +$AHEAD +$AHEAD +Nghỉ giữa học kỳ I"
SCRIPT
} | drive - || fail "adding and editing a holiday failed"
[ "$(sqlite3 "$DB" "SELECT name || '|' || version FROM holidays")" = \
    "Nghỉ giữa học kỳ I|2" ] || fail "the edit was not stored as version 2"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE table_name =
    'holidays' AND action = 'update'")" = 1 ] || fail "no audit row"
id=$(sqlite3 "$DB" "SELECT id FROM holidays")

echo "== the terminal closes in the edit form"
{
	open_list
	cat <<SCRIPT
pick Nghỉ giữa học kỳ I
key Enter
wait "Sửa ngày nghỉ"
key C-u
type "Nghỉ chưa lưu"
settle 300
close
waitexit 5000
SCRIPT
} | drive -
[ "$(sqlite3 "$DB" "SELECT form_key FROM drafts")" = \
    "calendar_form:holiday:$id" ] || fail "no draft of the holiday form"

echo "== the next login reopens it; saving the draft stores the name"
{
	login_steps hieutruong "$PPW"
	cat <<SCRIPT
wait "Có bản nháp chưa lưu từ" 10000
expect "Lịch năm học"
type c
wait "Sửa ngày nghỉ"
wait "Nghỉ chưa lưu"
key F2
wait "Đã lưu ngày nghỉ Nghỉ chưa lưu"
SCRIPT
} | drive - || fail "reopening the draft failed"
[ "$(sqlite3 "$DB" "SELECT name || '|' || version FROM holidays")" = \
    "Nghỉ chưa lưu|3" ] || fail "the reopened draft was not saved"

echo "== delete the holiday"
{
	open_list
	cat <<SCRIPT
pick Nghỉ chưa lưu
key x
wait "Xóa ngày nghỉ Nghỉ chưa lưu?"
type c
wait "Đã xóa"
waitnot "Nghỉ chưa lưu"
SCRIPT
} | drive - || fail "deleting the holiday failed"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM holidays")" = 0 ] ||
    fail "the holiday is still stored"

echo "== a past holiday with saved attendance stays"
past=$(TZ=Asia/Ho_Chi_Minh date -d yesterday +%Y-%m-%d)
past_dmy=$(TZ=Asia/Ho_Chi_Minh date -d yesterday +%d/%m/%Y)
inside=$(sqlite3 "$DB" "SELECT count(*) FROM school_years
    WHERE name = '$SY' AND '$past' BETWEEN first_day AND last_day")
if [ "$inside" = 1 ]; then
	sqlite3 "$DB" "INSERT INTO holidays (name, first_day, last_day,
	    changed_by, changed_at) VALUES ('Nghỉ bão', '$past', '$past',
	    'test', '$past');
	    INSERT INTO class_days (class_id, day, attendance_saved,
	    changed_by, changed_at) SELECT id, '$past', 1, 'test', '$past'
	    FROM classes WHERE code = 'MG5A'"
	{
		open_list
		cat <<SCRIPT
pick Nghỉ bão
key x
wait "Xóa ngày nghỉ Nghỉ bão?"
type c
wait "đã lưu điểm danh cho 1 ngày bị ảnh hưởng, ngày đầu là $past_dmy"
expect "Nghỉ bão"
SCRIPT
	} | drive - || fail "the past holiday was not kept"
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM holidays")" = 1 ] ||
	    fail "the past holiday was deleted"
else
	echo "yesterday is outside the school year; part skipped"
fi
