# The principal's promotion screen shows which class moves into which
# and who completes the programme.  Leaving it writes nothing, and
# confirming moves the children as `mamnon promote --apply` does.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

DB=$TEST_TMP/mamnon.db
SY=$(school_year)
NEXT=$((YEAR_START + 1))-$((YEAR_START + 2))

mn_init
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
PPW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")
reg_classes
reg_children
cat >"$TEST_TMP/next.csv" <<CSV
Mã lớp,Tên lớp,Nhóm tuổi,Năm học,Phòng,Sĩ số tối đa
MG5B,Lớp Lá B,mg-5-6,$NEXT,P2,30
MG4A,Lớp Chồi A,mg-4-5,$NEXT,P1,30
CSV
"$MAMNON" -c "$CFG" import classes "$TEST_TMP/next.csv" >/dev/null ||
    fail "mamnon import of next year's classes failed"

# Lines that log in and show the plan into the next school year.
plan_steps() {
	login_steps hieutruong "$PPW"
	cat <<SCRIPT
wait "Lên lớp năm học mới" 10000
pick Lên lớp năm học mới
key Enter
wait "Lên lớp: chọn năm học mới"
wait "$NEXT"
pick $NEXT
key Enter
wait "Từ $SY sang $NEXT: 1 lên lớp, 4 ra trường, 0 chưa có chỗ"
waitre "MG4B +MG5B +1"
waitre "MG5A +hoàn thành chương trình +1 +Trần Văn An [(]T001[)]"
waitre "MG5A +hoàn thành chương trình +1 +Hoàng Minh Khoa [(]T004[)]"
SCRIPT
}

class_of() {
	sqlite3 "$DB" "SELECT coalesce(k.code, '-') || '|' || c.status
	    FROM children c LEFT JOIN classes k ON k.id = c.class_id
	    WHERE c.school_code = '$1'"
}

echo "== the plan, left without applying"
{
	plan_steps
	cat <<SCRIPT
key Esc
wait "Lên lớp: chọn năm học mới"
SCRIPT
} | drive - || fail "the promotion plan was not shown"
[ "$(class_of T005)" = "MG4B|enrolled" ] ||
    fail "leaving the plan moved T005: $(class_of T005)"

echo "== the plan, confirmed"
{
	plan_steps
	cat <<SCRIPT
key F2
wait "Thực hiện?"
expect "Lên lớp sang năm học $NEXT: 1 trẻ lên lớp, 4 trẻ hoàn thành"
expect "0 trẻ chưa có chỗ"
type c
wait "Đã lên lớp sang năm học $NEXT: 1 trẻ lên lớp, 4 trẻ hoàn thành"
wait "Lên lớp năm học mới"
SCRIPT
} | drive - || fail "applying the promotion failed"
next_id=$(sqlite3 "$DB" "SELECT id FROM school_years WHERE name = '$NEXT'")
[ "$(class_of T005)" = "MG5B|enrolled" ] ||
    fail "T005 did not move to MG5B: $(class_of T005)"
[ "$(sqlite3 "$DB" "SELECT k.school_year_id FROM children c JOIN classes k
    ON k.id = c.class_id WHERE c.school_code = 'T005'")" = "$next_id" ] ||
    fail "T005's class is not in $NEXT"
for code in T001 T002 T003 T004; do
	class_of "$code" | grep -q '|graduated$' ||
	    fail "$code did not complete the programme: $(class_of "$code")"
done
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE table_name =
    'school_years' AND detail LIKE 'promotion of 5 children%'")" = 1 ] ||
    fail "no audit row for the promotion"
