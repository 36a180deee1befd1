# A text box counts letters (grapheme clusters in NFC) against its limit
# and drops whole letters past it: a letter typed in NFD ("e" and two
# marks) that does not fit takes its marks along instead of stacking
# them on the letter before, and plain text past the limit is cut with
# a message rather than silently.  Letters typed in NFD are composed as
# they come, so a box holds its full limit of them.  The saved record
# then passes the core's length check.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

DB=$TEST_TMP/mamnon.db

mn_init
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
PW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")
reg_classes
reg_children

A248=$(printf 'a%.0s' $(seq 248))
B300=$(printf 'b%.0s' $(seq 300))
# "ệ" in NFD: e, U+0323 combining dot below, U+0302 combining circumflex.
NFD_E='e\xcc\xa3\xcc\x82'
NFD_250=$(printf "$NFD_E%.0s" $(seq 250))

echo "== allergies (max 250): 248 letters, then five NFD letters"
{
	login_steps hieutruong "$PW"
	open_children_steps
	cat <<SCRIPT
wait "Hoàng Minh Khoa"
pick Trần Văn An
key Enter
wait "Trần Văn An (mã T001)"
key e
wait "Đối tượng chính sách"
key F2
wait "Họ tên cha"
key Down 7
type $A248
type "$NFD_E$NFD_E"
settle 300
expectnot "đã cắt bớt"
type "$NFD_E$NFD_E$NFD_E"
wait "đã cắt bớt: tối đa 250 ký tự"
key Down
type $B300
wait "đã cắt bớt: tối đa 250 ký tự"
key Up 2
type "$NFD_250"
settle 300
expectnot "đã cắt bớt"
type "$NFD_E"
wait "đã cắt bớt: tối đa 250 ký tự"
key F2
wait "Đã lưu hồ sơ trẻ Trần Văn An"
SCRIPT
} | drive - || fail "the long allergies were not saved"

got=$(sqlite3 "$DB" "SELECT allergies FROM children
    WHERE school_code = 'T001'")
want="${A248}ệệ"
[ "$got" = "$want" ] ||
    fail "allergies: expected 248 a and two NFC ệ, got '$got'"
[ "$(sqlite3 "$DB" "SELECT length(allergies) FROM children
    WHERE school_code = 'T001'")" = 250 ] ||
    fail "allergies are not 250 characters long"
[ "$(sqlite3 "$DB" "SELECT pickup_people FROM children
    WHERE school_code = 'T001'")" = "$(printf 'ệ%.0s' $(seq 250))" ] ||
    fail "pick-up people: 250 letters typed in NFD were not all kept"
[ "$(sqlite3 "$DB" "SELECT chronic_conditions FROM children
    WHERE school_code = 'T001'")" = "$(printf 'b%.0s' $(seq 250))" ] ||
    fail "chronic conditions: the pasted text was not cut at 250"
