# The principal adds two children through the form, one name typed with
# precomposed letters and one with combining marks; both are found by a
# search without diacritics, sit in Vietnamese name order, and come out
# of `mamnon export children` byte for byte in NFC.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

mn_init
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
PW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")
reg_classes
reg_children

# "Nguyễn Thị Hà" in NFC, and "Lê Văn Bình" in NFC as export must
# write them.
HA_NFC=$(printf 'Nguy\341\273\205n Th\341\273\213 H\303\240')
BINH_NFC=$(printf 'L\303\252 V\304\203n B\303\254nh')

# add_steps NAME_AS_TYPED BIRTH: fills the add form and saves it.
add_steps() {
	cat <<SCRIPT
key n
wait "Thêm trẻ"
wait "Đối tượng chính sách"
key Enter
type "$1"
key Enter
type $2
key Enter
type Nữ
key Down 6
type MG5A
key F2
wait "Họ tên cha"
key F2
SCRIPT
}

echo "== add a child typed in NFC and one typed with combining marks"
{
	login_steps hieutruong "$PW"
	open_children_steps
	add_steps 'Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc3\xa0' \
	    "20/06/$BORN_MG5"
	echo "wait \"Đã thêm trẻ $HA_NFC\""
	add_steps 'Le\xcc\x82 Va\xcc\x86n Bi\xcc\x80nh' "21/07/$BORN_MG5"
	echo "wait \"Đã thêm trẻ $BINH_NFC\""
	cat <<SCRIPT
settle 300
dump $TEST_TMP/list.screen
key /
type "nguyen thi ha"
wait "/nguyen thi ha"
settle 300
expect "$HA_NFC"
expectnot "Trần Văn An"
dump $TEST_TMP/search.screen
key Esc
key /
type "le van binh"
settle 300
expect "$BINH_NFC"
expectnot "$HA_NFC"
key Esc
key /
type "DUNG"
settle 300
expect "Lê Thị Dung"
expect "Phạm Văn Dũng"
expectnot "Trần Văn An"
key Esc
settle 300
SCRIPT
} | drive - || fail "adding or searching failed"

echo "== list order: class code, then given name in Vietnamese order"
# Rows of the list in the saved screen: the name column of each data row.
order=$(grep -n -E 'MG4B|MG5A' "$TEST_TMP/list.screen" |
    sed -E 's/^[0-9]+: *//' | awk '{ print $2, $3, $4 }')
expected="Đỗ Thu Trang
Trần Văn An
$BINH_NFC
Lê Thị Dung
Phạm Văn Dũng
$HA_NFC
Hoàng Minh Khoa"
if [ "$order" != "$expected" ]; then
	cat "$TEST_TMP/list.screen"
	fail "list order is
$order
expected
$expected"
fi

echo "== export children writes the names in NFC, in list order"
mn_export children --format csv -o "$TEST_TMP/out.csv" ||
    fail "mamnon export children failed"
grep -q ",$HA_NFC,20/06/$BORN_MG5,Nữ," "$TEST_TMP/out.csv" ||
    fail "export lacks $HA_NFC in NFC: $(cat "$TEST_TMP/out.csv")"
grep -q ",$BINH_NFC,21/07/$BORN_MG5,Nữ," "$TEST_TMP/out.csv" ||
    fail "export lacks $BINH_NFC in NFC"
# No combining mark (U+0300..U+036F: bytes CC 80..CD AF) may remain.
if LC_ALL=C grep -q "$(printf '\314[\200-\277]\|\315[\200-\257]')" \
    "$TEST_TMP/out.csv"; then
	fail "export contains combining marks"
fi
csv_order=$(cut -d, -f2 "$TEST_TMP/out.csv" | tail -n +2)
[ "$csv_order" = "$expected" ] ||
    fail "export order is
$csv_order
expected
$expected"
