# A teacher enters measurements in the weighing grid of her own class,
# and reaches the round report and the children's health pages of her
# own class only.  The medical room forms
# are not in her menu, and her screens cause no rejected core call.
. "$TUI_DIR/lib.sh"

mn_init
printf '%s\n' "$TEACHER_PASSWORD" |
    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
    fail "mamnon demo failed"
teacher=$(mn_first_login gv.mg5a "$TEACHER_PASSWORD" "$NEW_PASSWORD")
# The demo's first round; the report counts each measured child once.
round=$(sqlite3 "$TEST_TMP/mamnon.db" \
    "SELECT min(round) FROM measurements WHERE round <> ''")
[ -n "$round" ] || fail "the demo wrote no measuring round"
measured=$(sqlite3 "$TEST_TMP/mamnon.db" "SELECT count(DISTINCT m.child_id)
    FROM measurements m JOIN children c ON c.id = m.child_id
    JOIN classes k ON k.id = c.class_id
    WHERE m.round = '$round' AND k.code = 'MG5A'")

DB=$TEST_TMP/mamnon.db
# A day without demo measurements: a child has one measurement a day.
for back in 0 1 2 3 4 5 6 7 8 9; do
	DAY=$(TZ=Asia/Ho_Chi_Minh date -d "$back days ago" +%Y-%m-%d)
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM measurements
	    WHERE measured_on = '$DAY'")" -eq 0 ] && break
done
DAY_TYPED=$(TZ=Asia/Ho_Chi_Minh date -d "$DAY" +%d/%m/%Y)

{
	login_steps gv.mg5a "$teacher"
	cat <<EOF
wait "Sức khỏe" 10000
pick Sức khỏe
key Enter
wait "Cân đo theo lớp"
settle
expect "Báo cáo đợt cân đo"
expectnot "Khám tại phòng y tế"
expectnot "Thuốc phụ huynh gửi"
key Enter
wait "MG5A"
settle
expectnot "MG5B"
expectnot "MG4A"
expectnot "NT1A"
key Enter
wait "Cân đo lớp MG5A"
key C-u
type $DAY_TYPED
key Enter
key Enter
wait "Lớp MG5A, ngày $DAY_TYPED"
settle
expect "trước"
type 18,6
key Tab
type 109
key F2
wait "Đã lưu 1 số đo mới"
key Esc
wait "Chọn lớp"
key Esc
wait "Báo cáo đợt cân đo"
pick Báo cáo đợt cân đo
key Enter
wait "Mã lớp"
settle
expect "MG5A"
key Backspace 7
type $round
key Enter
key Enter
wait "Đợt $round, MG5A"
settle
expect "Lớp MG5A: đã đo $measured,"
key Esc
wait "Báo cáo đợt cân đo"
pick Báo cáo đợt cân đo
key Enter
wait "Mã lớp"
settle
key Backspace 7
type $round
key Tab
key C-u
type " mg5a "
key Enter
wait "Đợt $round, MG5A"
settle
expect "Lớp MG5A: đã đo $measured,"
expectnot "chỉ được xem"
key Esc
wait "Sức khỏe của trẻ"
pick Sức khỏe của trẻ
key Enter
wait "MG5A"
settle
expectnot "MG5B"
key Enter
wait "chọn trẻ"
key Enter
wait "Các lần cân đo"
settle
expect "Tình trạng dinh dưỡng"
expectnot "Khám tại phòng y tế ("
expectnot "v Khám y tế"
key g
wait "cân nặng theo tuổi"
EOF
} | drive -

denied=$(sqlite3 "$TEST_TMP/mamnon.db" "SELECT count(*) FROM audit
    WHERE login = 'gv.mg5a' AND action = 'denied'")
[ "$denied" -eq 0 ] || fail "the teacher's screens caused $denied rejections"
views=$(sqlite3 "$TEST_TMP/mamnon.db" "SELECT count(*) FROM audit
    WHERE login = 'gv.mg5a' AND action = 'view'")
[ "$views" -gt 0 ] || fail "no view of the teacher in the audit trail"
saved=$(sqlite3 "$DB" "SELECT count(*) FROM measurements
    WHERE measured_on = '$DAY' AND changed_by = 'gv.mg5a'
    AND weight_kg = 18.6 AND height_cm = 109.0")
[ "$saved" -eq 1 ] || fail "the teacher's measurement was not stored"
