# The nurse's connection drops in the weighing grid and in a medical
# room form: nothing is stored, the typed values stay as drafts, and the
# next login reopens each with the values to save.  The head
# circumference typed in the grid is stored and shown; the visit form
# takes its time as dd/mm/yyyy HH:MM and refuses the ISO form.
. "$TUI_DIR/lib.sh"

mn_init
printf '%s\n' "$TEACHER_PASSWORD" |
    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
    fail "mamnon demo failed"
nurse=$(mn_first_login nurse "$TEACHER_PASSWORD" "$NEW_PASSWORD")
DB=$TEST_TMP/mamnon.db
ROUND=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)
CLASS=MG5A

sql() {
	sqlite3 -batch -noheader "$DB" "$1"
}
drafts() {
	sql "SELECT count(*) FROM drafts"
}

# A weighing day without a demo measurement (one a day per child).
for back in 0 1 2 3 4 5 6 7 8 9; do
	DAY=$(TZ=Asia/Ho_Chi_Minh date -d "$back days ago" +%Y-%m-%d)
	[ "$(sql "SELECT count(*) FROM measurements
	    WHERE measured_on = '$DAY'")" -eq 0 ] && break
done
DAY_TYPED=$(TZ=Asia/Ho_Chi_Minh date -d "$DAY" +%d/%m/%Y)
class_id=$(sql "SELECT k.id FROM classes k JOIN school_years y
    ON y.id = k.school_year_id WHERE k.code = '$CLASS'
    AND '$DAY' BETWEEN y.first_day AND y.last_day")
wkey="weighing:$class_id:$DAY:$ROUND"
measured() {
	sql "SELECT count(*) FROM measurements WHERE measured_on = '$DAY' $1"
}

# Steps that open the weighing grid of $CLASS on $DAY.
open_weighing() {
	login_steps nurse "$nurse"
	cat <<EOF
wait "Sức khỏe" 10000
key Down 2
key Enter
wait "Cân đo theo lớp"
key Enter
wait "$CLASS"
key /
type $CLASS
key Enter
key Enter
wait "Cân đo lớp $CLASS"
key C-u
type $DAY_TYPED
key Enter
key Enter
wait "Lớp $CLASS, ngày $DAY_TYPED"
settle
EOF
}

echo "== the connection drops in the weighing grid"
{
	open_weighing
	cat <<EOF
type 18,5
key Tab
type 110.2
key Tab 2
type 49,5
waitre "^ +1 .*18,5.*110.2.*49,5"
close
waitexit 5000
EOF
} | drive - || fail "the weighing session failed"
[ "$(drafts)" = 1 ] || fail "expected 1 draft, found $(drafts)"
[ "$(sql "SELECT form_key FROM drafts")" = "$wkey" ] ||
    fail "draft key: '$(sql "SELECT form_key FROM drafts")', want '$wkey'"
cells=$(sql "SELECT value FROM drafts, json_each(values_json)")
echo "$cells" | grep -q '^18,5|110.2|[0-9]|49,5|0$' ||
    fail "the draft lacks the typed cells: $cells"
[ "$(measured "")" -eq 0 ] || fail "the unsaved grid stored measurements"
sql "PRAGMA integrity_check" | grep -qx ok ||
    fail "database integrity check failed"

echo "== the next login reopens the grid; saving stores the head"
{
	login_steps nurse "$nurse"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Bản nháp chưa lưu › Cân đo theo lớp: lớp $CLASS, $DAY_TYPED"
wait "Cân đo theo lớp › Lớp $CLASS, ngày $DAY_TYPED, đợt"
type c
wait "bản nháp, chưa lưu"
waitre "^ +1 .*18,5.*110.2.*49,5 +bản nháp"
key F2
wait "Đã lưu 1 số đo mới"
waitnot "bản nháp"
wait "vòng đầu 49,5 cm"
EOF
} | drive - || fail "reopening the weighing draft failed"
[ "$(measured "AND weight_kg = 18.5 AND height_cm = 110.2
    AND head_cm = 49.5")" -eq 1 ] ||
    fail "the reopened grid did not store 18,5 kg, 110,2 cm, 49,5 cm"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"

echo "== a draft of a saved row meets a later change as a conflict"
{
	open_weighing
	cat <<EOF
key C-u
type 18,7
waitre "^ +1 .*18,7 .*chưa lưu"
signal HUP
waitexit 5000
EOF
} | drive - || fail "the second weighing session failed"
cells=$(sql "SELECT value FROM drafts, json_each(values_json)")
version=$(sql "SELECT version FROM measurements WHERE measured_on = '$DAY'
    AND weight_kg = 18.5")
echo "$cells" | grep -q "^18,7|110,2|[0-9]|49,5|$version\$" ||
    fail "the draft of the saved row: '$cells', version $version"
sql "UPDATE measurements SET weight_kg = 18.6, version = version + 1
    WHERE measured_on = '$DAY' AND weight_kg = 18.5"
{
	login_steps nurse "$nurse"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
type c
waitre "^ +1 .*18,7 .*chưa lưu"
key F2
wait "đã bị người khác sửa"
EOF
} | drive - || fail "the conflict of the weighing draft was not shown"
[ "$(measured "AND weight_kg = 18.6")" -eq 1 ] ||
    fail "the weighing draft overwrote the later change"
# The session ended in the grid still unsaved, which left a new draft.
sql "DELETE FROM drafts"

# Steps that open the visit form of the first child of MG5A.
open_visit() {
	login_steps nurse "$nurse"
	cat <<EOF
wait "Sức khỏe" 10000
key Down 2
key Enter
wait "Khám tại phòng y tế"
key Down 3
key Enter
wait "MG5A"
key /
type MG5A
key Enter
key Enter
wait "chọn trẻ"
key Enter
wait "Lý do đến"
settle
EOF
}
visits() {
	sql "SELECT count(*) FROM medical_visits $1"
}
before=$(visits "")

echo "== the connection drops in the visit form; the time is dd/mm/yyyy"
now_re='[0-3][0-9]/[01][0-9]/20[0-9][0-9] [0-2][0-9]:[0-5][0-9]'
{
	open_visit
	cat <<EOF
expect "Thời điểm (dd/mm/yyyy HH:MM)"
expectre "$now_re"
type Đau bụng
settle
signal HUP
waitexit 5000
EOF
} | drive - || fail "the visit session failed"
vkey=$(sql "SELECT form_key FROM drafts")
echo "$vkey" | grep -q '^health_form:visit:[0-9][0-9]*$' ||
    fail "visit draft key: '$vkey'"
sql "SELECT json_extract(values_json, '\$.complaint') FROM drafts" |
    grep -qx "Đau bụng" || fail "the visit draft lacks the complaint"
[ "$(visits "")" -eq "$before" ] || fail "the unsaved visit was stored"

YESTERDAY=$(TZ=Asia/Ho_Chi_Minh date -d yesterday +%d/%m/%Y)
YESTERDAY_ISO=$(TZ=Asia/Ho_Chi_Minh date -d yesterday +%Y-%m-%d)
TOMORROW=$(TZ=Asia/Ho_Chi_Minh date -d tomorrow +%d/%m/%Y)
echo "== the reopened visit rejects ISO and future times, saves dd/mm/yyyy"
{
	login_steps nurse "$nurse"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Bản nháp chưa lưu › Phòng y tế: khám, "
type c
wait "Đau bụng"
key BTab
key C-u
type $YESTERDAY_ISO 07:45
key F2
wait "không phải là thời điểm; cần dạng"
wait "dd/mm/yyyy HH:MM, ví dụ"
key C-u
type $TOMORROW 07:45
key F2
wait "$TOMORROW 07:45 là ngày trong tương lai"
key C-u
type $YESTERDAY 07:45
key F2
wait "Đã lưu lần khám"
EOF
} | drive - || fail "reopening the visit draft failed"
[ "$(visits "WHERE complaint = 'Đau bụng'
    AND visit_at = '$YESTERDAY_ISO 07:45'")" -eq 1 ] ||
    fail "the visit was not stored at $YESTERDAY_ISO 07:45"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"

echo "== a dose form left unsaved reopens on its medicine"
doses() {
	sql "SELECT count(*) FROM medicine_doses $1"
}
doses_before=$(doses "")
{
	login_steps nurse "$nurse"
	cat <<EOF
wait "Sức khỏe" 10000
key Down 2
key Enter
wait "Sức khỏe của trẻ"
key Down 1
key Enter
wait "MG5A"
key /
type MG5A
key Enter
key Enter
wait "chọn trẻ"
key Enter
wait "Thuốc phụ huynh gửi (0)"
expect "$YESTERDAY 07:45  Đau bụng"
type t
wait "Tên thuốc"
settle
type Siro ho
key Tab
type 5 ml
key Tab
type 10:30
key F2
wait "Đã lưu thuốc gửi"
type u
wait "Siro ho"
key Enter
wait "Thời điểm (dd/mm/yyyy HH:MM)"
settle
key C-u
type $YESTERDAY 10:30
key Tab
type Uống sau ăn
settle
close
waitexit 5000
EOF
} | drive - || fail "the dose session failed"
dkey=$(sql "SELECT form_key FROM drafts")
echo "$dkey" | grep -q '^health_form:dose:[0-9][0-9]*:[0-9][0-9]*$' ||
    fail "dose draft key: '$dkey'"
[ "$(doses "")" -eq "$doses_before" ] || fail "the unsaved dose was stored"
TODAY=$(TZ=Asia/Ho_Chi_Minh date +%d/%m/%Y)
TODAY_ISO=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)
{
	login_steps nurse "$nurse"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
type c
wait "Uống sau ăn"
expect "$YESTERDAY 10:30"
key F2
wait "$YESTERDAY 10:30 nằm ngoài những ngày cha mẹ dặn, từ $TODAY"
key C-u
type $TODAY 00:00
key F2
wait "Đã ghi lần cho uống Siro ho"
EOF
} | drive - || fail "reopening the dose draft failed"
[ "$(doses "WHERE given_at = '$TODAY_ISO 00:00' AND note = 'Uống sau ăn'")" \
    -eq 1 ] || fail "the reopened dose was not stored"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"
