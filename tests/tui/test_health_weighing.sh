# The weighing grid as a nurse types it.  Enter goes to the next child's
# weight, and an empty box is named as missing.  A value that changed
# implausibly since the last measurement is marked "cần đo lại" and
# needs a decision before it is saved.  A child measured by someone else
# since the grid opened is named with the saved values, which can be
# reloaded.
. "$TUI_DIR/lib.sh"

mn_init
printf '%s\n' "$TEACHER_PASSWORD" |
    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
    fail "mamnon demo failed"
nurse=$(mn_first_login nurse "$TEACHER_PASSWORD" "$NEW_PASSWORD")
DB=$TEST_TMP/mamnon.db
CLASS=MG5A

# A weighing day with no measurement, since a child has one a day.
for back in 0 1 2 3 4 5 6 7 8 9; do
	DAY=$(TZ=Asia/Ho_Chi_Minh date -d "$back days ago" +%Y-%m-%d)
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM measurements
	    WHERE measured_on = '$DAY'")" -eq 0 ] && break
done
DAY_TYPED=$(TZ=Asia/Ho_Chi_Minh date -d "$DAY" +%d/%m/%Y)
ROUND=$(echo "$DAY" | cut -c1-7)

# Row N of the grid: the child's id, name and last weight and height
# before DAY ("id|name|weight|height").
row() {
	sqlite3 "$DB" "SELECT c.id, c.full_name,
	    (SELECT printf('%.1f', weight_kg) FROM measurements m
	     WHERE m.child_id = c.id AND m.measured_on < '$DAY'
	     ORDER BY measured_on DESC LIMIT 1),
	    (SELECT printf('%.1f', height_cm) FROM measurements m
	     WHERE m.child_id = c.id AND m.measured_on < '$DAY'
	     ORDER BY measured_on DESC LIMIT 1)
	    FROM children c JOIN classes k ON k.id = c.class_id
	    WHERE k.code = '$CLASS'
	    AND c.status IN ('enrolled', 'transferred_in')
	    ORDER BY c.name_key, c.id LIMIT 1 OFFSET $(($1 - 1))"
}
field() {
	echo "$1" | cut -d'|' -f"$2"
}
comma() {
	echo "$1" | tr . ,
}
# x plus d, one decimal.
add() {
	awk -v x="$1" -v d="$2" 'BEGIN { printf "%.1f", x + d }'
}
scale() {
	awk -v x="$1" -v f="$2" 'BEGIN { printf "%.1f", x * f }'
}
count_day() {
	sqlite3 "$DB" "SELECT count(*) FROM measurements
	    WHERE measured_on = '$DAY' $1"
}

R1=$(row 1)
R2=$(row 2)
R3=$(row 3)
for r in "$R1" "$R2" "$R3"; do
	[ -n "$(field "$r" 3)" ] || fail "demo child without a measurement: $r"
done
NAME2=$(field "$R2" 2)
NAME3=$(field "$R3" 2)

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
type " $DAY_TYPED "
key Enter
key Enter
wait "Lớp $CLASS, ngày $DAY_TYPED"
settle
EOF
}

echo "== Enter goes to the next child's weight; an empty box is missing"
{
	open_grid
	cat <<EOF
expectline -1 "Enter Trẻ sau"
expectline -1 "Esc Quay lại"
expectline -1 "F3 Số đo đúng"
type $(comma "$(field "$R1" 3)")
key Tab
type $(comma "$(field "$R1" 4)")
key Enter
type $(comma "$(field "$R2" 3)")
key F2
wait "Dòng 2 ($NAME2): chưa nhập chiều dài/chiều cao"
expectre "^ +2 .* $(comma "$(field "$R2" 3)") +$(comma "$(field "$R2" 3)") "
type $(comma "$(field "$R2" 4)")
key Enter
key Tab
type $(comma "$(field "$R3" 4)")
key F2
wait "Dòng 3 ($NAME3): chưa nhập cân nặng"
expectnot "cân nặng 0"
expectnot "ngoài khoảng"
key Esc
wait "Thoát mà không lưu"
key c
wait "Chọn lớp"
EOF
} | drive -
[ "$(count_day "")" -eq 0 ] || fail "a refused round wrote rows"

# Row 1: height 5,8 cm below the last one, typed with a point.  Row 2:
# weight 30 % above the last one.
LOW=$(add "$(field "$R1" 4)" -5.8)
HEAVY=$(scale "$(field "$R2" 3)" 1.3)
echo "== implausible changes are marked and need a decision"
{
	open_grid
	cat <<EOF
type $(comma "$(field "$R1" 3)")
key Tab
type $LOW
wait "$LOW "
settle
expectre "^ +1 .*cần đo lại"
expect "chiều cao giảm; lần trước"
expect "$(comma "$(field "$R1" 3)") kg, $(comma "$(field "$R1" 4)") cm"
key Enter
type $(comma "$HEAVY")
key Tab
type $(comma "$(field "$R2" 4)")
key F2
wait "2 dòng"
wait "Vẫn lưu và đánh dấu cần đo lại"
key k
waitnot "Vẫn lưu"
key Up
key F3
wait "đã kiểm tra"
key F2
wait "1 dòng"
wait "dòng 2 ($NAME2)"
key c
wait "Đã lưu 2 số đo mới"
settle
expect "1 trẻ cần đo lại"
expectre "^ +1 .* $(comma "$LOW") "
expectnot "$LOW "
expectre "^ +2 .*đo lại"
expect "cân nặng thay đổi quá nhanh"
key F3
wait "đã kiểm tra"
key F2
wait "sửa 1"
settle
expect "0 trẻ cần đo lại"
expectnotre "^ +2 .*đo lại"
key Esc
wait "Chọn lớp"
EOF
} | drive -
C1=$(field "$R1" 1)
C2=$(field "$R2" 1)
[ "$(count_day "AND child_id = $C1 AND measure_again = 0
    AND height_cm = $LOW")" -eq 1 ] ||
    fail "the re-checked row was not saved unflagged"
[ "$(count_day "AND child_id = $C2 AND measure_again = 0
    AND version = 2")" -eq 1 ] ||
    fail "the flagged row confirmed with F3 was not saved again unflagged"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE table_name =
    'measurements' AND action = 'insert'
    AND detail = 'implausible change, measure again'")" -eq 1 ] ||
    fail "the unchecked row was not saved flagged"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE table_name =
    'measurements' AND action = 'insert'
    AND detail = 'implausible change checked'")" -eq 1 ] ||
    fail "the re-checked change is not in the audit log"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE table_name =
    'measurements' AND action = 'update'
    AND detail = 'implausible change checked'")" -eq 1 ] ||
    fail "the change confirmed after saving is not in the audit log"

# Someone else saves row 3's child once the grid has been read.
C3=$(field "$R3" 1)
SHEETS=$(sqlite3 "$DB" "SELECT count(*) FROM audit
    WHERE detail = 'measurement sheet'")
(
	i=0
	while [ $i -lt 150 ]; do
		n=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*)
		    FROM audit WHERE detail = 'measurement sheet'" 2>/dev/null)
		[ "${n:-0}" -gt "$SHEETS" ] && break
		sleep 0.2
		i=$((i + 1))
	done
	sqlite3 -cmd ".timeout 5000" "$DB" "INSERT INTO measurements
	    (child_id, measured_on, round, weight_kg, height_cm, position,
	    age_days, changed_by, changed_at) VALUES ($C3, '$DAY', '$ROUND',
	    14.9, 96.0, 'standing', 1500, 'yta2', '2026-01-01T00:00:00Z')"
) &
INSERTER=$!

echo "== a child measured meanwhile is named, with a reload offered"
{
	open_grid
	cat <<EOF
key Down 2
type $(comma "$(field "$R3" 3)")
key Tab
type $(comma "$(field "$R3" 4)")
sleep 3000
key F2
wait "Chưa lưu gì"
wait "[ Có ]"
expect "$NAME3 đã được yta2 cân đo ngày $DAY_TYPED: 14,9 kg"
expect "96,0"
expectnot "trẻ $C3"
key c
wait "đã tải lại số đo đã lưu"
expectre "^ +3 .* 14,9 "
key Esc
wait "Chọn lớp"
EOF
} | drive -
wait $INSERTER
[ "$(count_day "AND child_id = $C3")" -eq 1 ] ||
    fail "the second save wrote a row"
[ "$(count_day "AND child_id = $C3 AND weight_kg = 14.9")" -eq 1 ] ||
    fail "the first save was overwritten"
