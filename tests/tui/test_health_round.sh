# The nurse enters a class's weighing round in one grid, reads each
# child's classification, then the round's report.  The report's counts
# equal the stored rows, and a round with one bad row writes nothing.
. "$TUI_DIR/lib.sh"

mn_init
printf '%s\n' "$TEACHER_PASSWORD" |
    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
    fail "mamnon demo failed"
nurse=$(mn_first_login nurse "$TEACHER_PASSWORD" "$NEW_PASSWORD")
DB=$TEST_TMP/mamnon.db
ROUND=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)
CLASS=MG5A

count_round() {
	sqlite3 "$DB" "SELECT count(*) FROM measurements m
	    JOIN children c ON c.id = m.child_id
	    JOIN classes k ON k.id = c.class_id
	    WHERE m.round = '$ROUND' AND k.code = '$CLASS' $1"
}

before=$(count_round "")

# A weighing day with no demo measurement, because a child has at most
# one measurement a day: today unless the demo's round fell on it.
for back in 0 1 2 3 4 5 6 7 8 9; do
	DAY=$(TZ=Asia/Ho_Chi_Minh date -d "$back days ago" +%Y-%m-%d)
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM measurements
	    WHERE measured_on = '$DAY'")" -eq 0 ] && break
done
DAY_TYPED=$(TZ=Asia/Ho_Chi_Minh date -d "$DAY" +%d/%m/%Y)

# Steps that open the grid of $CLASS for today from the main menu.
open_grid() {
	login_steps nurse "$nurse"
	cat <<EOF
wait "Sức khỏe" 10000
pick Sức khỏe
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

echo "== a bad row stops the whole round"
{
	open_grid
	cat <<EOF
type 18,5
key Tab
type 110.2
key Tab 3
type 250
key Tab
type 112
key Tab 3
key F2
wait "Dòng 2"
expect "cân nặng"
expect "250"
type abc
key F2
wait "không phải là số"
expect "Dòng 2"
key Esc
wait "Thoát mà không lưu"
key c
wait "Chọn lớp"
EOF
} | drive -
[ "$(count_round "")" -eq "$before" ] ||
    fail "a rejected round wrote $(($(count_round "") - before)) rows"

echo "== the round is saved and classified"
{
	open_grid
	cat <<EOF
type 18,5
key Tab
type 110.2
key Tab 2
type 49,5
key Tab
type 19.4
key Tab
type 112,0
key Tab 3
type 45
key Tab
type 108
wait "cần đo lại"
key F2
wait "Vẫn lưu và đánh dấu cần đo lại"
key c
wait "Đã lưu 3 số đo mới"
settle
expect "1 trẻ cần đo lại"
expectre "^ +1 .*49,5 +bình thường"
expectre "^ +3 .*đo lại"
key PgUp
wait "vòng đầu 49,5 cm"
key Esc
wait "Chọn lớp"
key Esc
wait "Báo cáo đợt cân đo"
EOF
} | drive -

stored=$(count_round "")
flagged=$(count_round "AND m.measure_again = 1")
normal=$(count_round "AND m.cat_wfa = 'normal' AND m.measure_again = 0")
[ "$stored" -eq $((before + 3)) ] ||
    fail "expected $((before + 3)) rows in round $ROUND, found $stored"
[ "$flagged" -ge 1 ] || fail "the 45 kg row is not flagged"
[ "$normal" -ge 2 ] || fail "expected 2 normal weight-for-age rows"
[ "$(count_round "AND m.weight_kg = 18.5 AND m.head_cm = 49.5")" -eq 1 ] ||
    fail "the head circumference 49,5 cm was not stored with 18,5 kg"
[ "$(count_round "AND m.weight_kg = 19.4 AND m.head_cm IS NULL")" -eq 1 ] ||
    fail "an empty head circumference was not stored as unmeasured"
for weight in 18.5 19.4 45.0; do
	[ "$(count_round "AND m.weight_kg = $weight")" -ge 1 ] ||
	    fail "no $weight kg row stored in round $ROUND"
done

# The report counts each child's last measurement in the round.
measured=$(sqlite3 "$DB" "SELECT count(DISTINCT m.child_id)
    FROM measurements m JOIN children c ON c.id = m.child_id
    JOIN classes k ON k.id = c.class_id
    WHERE m.round = '$ROUND' AND k.code = '$CLASS'")
counted=$((measured - flagged))
summary="Lớp $CLASS: đã đo $measured, cần đo lại $flagged,"
summary="$summary đưa vào thống kê $counted"

echo "== the report shows the stored counts"
{
	login_steps nurse "$nurse"
	cat <<EOF
wait "Sức khỏe" 10000
pick Sức khỏe
key Enter
wait "Báo cáo đợt cân đo"
pick Báo cáo đợt cân đo
key Enter
wait "Mã lớp"
settle
key Tab
type $CLASS
key Enter
wait "Đợt $ROUND, $CLASS"
settle
expect "$summary"
expect "CN/T (trên $counted)"
key End
wait "Trẻ cần theo dõi"
settle
expect "cần đo lại"
EOF
} | drive -

echo "== the saved round reopens and a changed row is updated"
{
	open_grid
	cat <<EOF
expectre "^ +1 .*bình thường"
expectre "^ +3 .*đo lại"
key F2
wait "Không có số đo mới để lưu"
key Down 2
key C-u
type 17,4
wait "chưa lưu"
key F2
wait "sửa 1"
settle
expect "0 trẻ cần đo lại"
expectnotre "^ +3 .*đo lại"
EOF
} | drive -
[ "$(count_round "")" -eq "$stored" ] ||
    fail "reopening the round added rows: $(count_round "") != $stored"
[ "$(count_round "AND m.weight_kg = 17.4 AND m.measure_again = 0")" -eq 1 ] ||
    fail "the 45 kg row was not updated to 17,4 kg"
[ "$(count_round "AND m.weight_kg = 45.0")" -eq 0 ] ||
    fail "the 45 kg row is still stored"
