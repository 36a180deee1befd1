# A parent who types another family's child code, or a code that does
# not exist, in the search of "Con của tôi" gets the same refusal and
# sees nothing of that child; the attempt is in the audit trail.  The
# parent's menu offers no staff screen.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
other=$(db "SELECT school_code || '|' || id || '|' || full_name
    FROM children WHERE id NOT IN (SELECT pc.child_id
    FROM parent_children pc JOIN accounts a ON a.id = pc.account_id
    WHERE a.login = 'parent') ORDER BY id LIMIT 1")
[ -n "$other" ] || fail "the demo has no child of another family"
other_code=${other%%|*}
rest=${other#*|}
other_id=${rest%%|*}
other_name=${rest#*|}
missing_code=9999-0000
[ -z "$(db "SELECT id FROM children WHERE school_code = '$missing_code'")" ] ||
    fail "$missing_code exists in the demo"

down=$(menu_down parent 40x15 "Con của tôi")
{
	login_steps parent "$DEMO_PASSWORD"
	cat <<EOS
wait "Con của tôi" 10000
wait "Đăng xuất"
settle 300
expect "Góp ý"
expect "Thông báo"
expectnot "Góp ý phụ huynh"
expectnot "Nhật ký truy cập"
expectnot "Phê duyệt dữ liệu"
expectnot "Đồng ý của phụ huynh"
expectnot "Trẻ em"
$down
key Enter
wait "Tìm mã"
key m
waitnot "Tìm mã"
wait "Mã trẻ"
type $other_code
key Enter
wait "khoản của bạn"
expectnot "$other_name"
key Enter
waitnot "khoản của bạn"
wait "Tìm mã"
expectnot "$other_name"
expectnot "Thông tin của trẻ"
key /
waitnot "Tìm mã"
wait "Mã trẻ"
type $missing_code
key Enter
wait "khoản của bạn"
key Enter
waitnot "khoản của bạn"
wait "Tìm mã"
expectnot "Thông tin của trẻ"
EOS
} | DRIVE_SIZE=40x15 drive -

aud_denied="\"parent\",\"[^\"]*\",\"denied\",\"children\""
audit_has "$aud_denied,\"$other_id\",\"child_find: child out of scope\""
# The unknown code is refused the same way, on no record.
refused='"parent","[^"]*","denied","children","[0-9]*",'
refused="$refused"'"child_find: child out of scope"'
[ "$(grep -c "$refused" \
    "$TEST_TMP/audit.csv")" -eq 2 ] ||
    fail "the audit does not show both refused codes"
if grep -q "\"parent\",\"[^\"]*\",\"view\",\"children\",\"$other_id\"" \
    "$TEST_TMP/audit.csv"; then
	fail "the parent viewed child $other_code"
fi
