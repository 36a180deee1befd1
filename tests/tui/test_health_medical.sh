# The nurse records a medical room visit: a temperature outside the
# core's range is rejected with its message and nothing is stored, the
# corrected visit is stored and shows on the child's health page.
. "$TUI_DIR/lib.sh"

mn_init
printf '%s\n' "$TEACHER_PASSWORD" |
    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
    fail "mamnon demo failed"
nurse=$(mn_first_login nurse "$TEACHER_PASSWORD" "$NEW_PASSWORD")
DB=$TEST_TMP/mamnon.db

visits() {
	sqlite3 "$DB" "SELECT count(*) FROM medical_visits $1"
}
before=$(visits "")

{
	login_steps nurse "$nurse"
	cat <<EOF
wait "Sức khỏe" 10000
pick Sức khỏe
key Enter
wait "Khám tại phòng y tế"
pick Khám tại phòng y tế
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
type Sốt nhẹ
key Tab
type 50
key F2
wait "nằm ngoài khoảng 34,0-43,0"
expect "nhiệt độ 50"
key Backspace 2
type 38,5
key F2
wait "Đã lưu lần khám"
key Esc
wait "Chọn lớp"
key Esc
wait "Sức khỏe của trẻ"
pick Sức khỏe của trẻ
key Enter
wait "MG5A"
key /
type MG5A
key Enter
key Enter
wait "chọn trẻ"
key Enter
wait "Khám tại phòng y tế ("
settle
expect "Sốt nhẹ, 38,5"
EOF
} | drive -

[ "$(visits "")" -eq $((before + 1)) ] ||
    fail "expected one new visit, found $(($(visits "") - before))"
[ "$(visits "WHERE complaint = 'Sốt nhẹ' AND temperature_c = 38.5
    AND action = 'rest' AND parent_informed = 0")" -eq 1 ] ||
    fail "the stored visit does not hold the values typed"
