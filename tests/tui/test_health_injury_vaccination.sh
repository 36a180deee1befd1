# The nurse records an injury and a vaccination from a child's health
# page.  A kind outside 1-8, and a vaccination without a date that is
# not marked to catch up, are rejected with their messages and nothing
# is stored.  The corrected entries are stored and listed on the page.
. "$TUI_DIR/lib.sh"

mn_init
printf '%s\n' "$TEACHER_PASSWORD" |
    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
    fail "mamnon demo failed"
nurse=$(mn_first_login nurse "$TEACHER_PASSWORD" "$NEW_PASSWORD")
DB=$TEST_TMP/mamnon.db

count() {
	sqlite3 "$DB" "SELECT count(*) FROM $1"
}
injuries=$(count injuries)
vaccinations=$(count vaccinations)
given=$(TZ=Asia/Ho_Chi_Minh date -d "-3 days" +%d/%m/%Y)
given_iso=$(TZ=Asia/Ho_Chi_Minh date -d "-3 days" +%Y-%m-%d)

{
	login_steps nurse "$nurse"
	cat <<EOF
wait "Sức khỏe" 10000
pick Sức khỏe
key Enter
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
wait "Tai nạn, thương tích ("
type a
wait "Nơi xảy ra"
settle
type Sân chơi
key Tab
type 9
key Tab
type Đầu gối
key Tab
type 1
key Tab
type Rửa vết thương, băng lại
key F2
wait "loại \"9\" không hợp lệ; cần số từ 1 đến 8"
key Backspace
type 1
key F2
wait "Đã lưu tai nạn"
key End
wait "ngã, Sân chơi, Đầu gối, mức nhẹ: Rửa vết thương, băng lại"
type i
wait "Vắc xin"
settle
type Sởi - Rubella
key Tab
key C-u
type 2
key F2
wait "thiếu ngày tiêm"
type $given
key F2
wait "Đã lưu tiêm chủng"
key End
wait "Sởi - Rubella mũi 2: $given"
EOF
} | drive - || fail "the nurse's injury and vaccination forms failed"

[ "$(count injuries)" -eq $((injuries + 1)) ] ||
    fail "expected one new injury, found $(($(count injuries) - injuries))"
[ "$(count "injuries WHERE place = 'Sân chơi' AND kind = 'fall'
    AND body_part = 'Đầu gối' AND severity = 'minor'
    AND first_aid = 'Rửa vết thương, băng lại' AND days_absent = 0
    AND reported_on IS NULL")" -eq 1 ] ||
    fail "the stored injury does not hold the values typed"
[ "$(count vaccinations)" -eq $((vaccinations + 1)) ] ||
    fail "expected one new vaccination"
[ "$(count "vaccinations WHERE vaccine = 'Sởi - Rubella'
    AND dose_number = 2 AND given_on = '$given_iso'
    AND source = 'family_book' AND catch_up = 0")" -eq 1 ] ||
    fail "the stored vaccination does not hold the values typed"
