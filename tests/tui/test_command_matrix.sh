# The command side of the access matrix: host commands that act on an
# account's word.  `approval add --principal LOGIN` signs only with an
# account whose roles may decide approvals (the principal), and an
# export names an approval that must be approved, current and given to
# the host.  Every refusal leaves a row in the audit trail.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
mn_user_add gv.yte teacher,nurse "$DEMO_PASSWORD"
mn_user_add ht.khoa principal "$DEMO_PASSWORD"
"$MAMNON" -c "$CFG" user lock ht.khoa >/dev/null ||
    fail "cannot lock ht.khoa"
until=$(TZ=Asia/Ho_Chi_Minh date -d "+30 days" +%Y-%m-%d)

# sign LOGIN: requests an approval of children's data signed by LOGIN;
# prints the ID on success.
sign() {
	printf '%s\n' "$DEMO_PASSWORD" | "$MAMNON" -c "$CFG" approval add \
	    --data children --purpose "Báo cáo phòng giáo dục" \
	    --until "$until" --principal "$1" --password-stdin
}

# Only the principal signs; every other role, the teacher who is also a
# nurse and a locked principal are refused and audited.
for login in admin teacher nurse kitchen accountant clerk parent gv.yte \
    ht.khoa; do
	if sign "$login" >"$TEST_TMP/out" 2>"$TEST_TMP/err"; then
		fail "approval signed by $login was accepted"
	fi
	grep -q 'hiệu trưởng' "$TEST_TMP/err" ||
	    fail "refusal of $login does not say why: $(cat "$TEST_TMP/err")"
	audit_has "principal '$login' not verified"
	echo "ok $login may not sign"
done
id=$(sign principal) || fail "approval signed by principal was refused"
[ -n "$id" ] || fail "approval add printed no ID"
echo "ok principal signs $id"

# Exports without an approval, with an unknown one and with a valid one.
out=$TEST_TMP/children.csv
if "$MAMNON" -c "$CFG" export children --output "$out" \
    >/dev/null 2>"$TEST_TMP/err"; then
	fail "export without approval succeeded"
fi
grep -q 'phê duyệt' "$TEST_TMP/err" ||
    fail "refusal does not name the approval: $(cat "$TEST_TMP/err")"
[ ! -s "$out" ] || fail "export without approval wrote a file"
if "$MAMNON" -c "$CFG" export children --approval NOPE-0000 \
    --output "$out" >/dev/null 2>"$TEST_TMP/err"; then
	fail "export with an unknown approval succeeded"
fi
[ ! -s "$out" ] || fail "export with an unknown approval wrote a file"
"$MAMNON" -c "$CFG" export children --approval "$id" --output "$out" ||
    fail "export with approval $id failed"
[ -s "$out" ] || fail "export with approval $id wrote nothing"
audit_has "$id"
echo "ok export with approval"

# An approval for staff data does not open children's data.
staff_id=$(printf '%s\n' "$DEMO_PASSWORD" | "$MAMNON" -c "$CFG" approval \
    add --data staff --purpose "Thi đua" --until "$until" \
    --principal principal --password-stdin) || fail "staff approval failed"
rm -f "$out"
if "$MAMNON" -c "$CFG" export children --approval "$staff_id" \
    --output "$out" >/dev/null 2>"$TEST_TMP/err"; then
	fail "export of children under a staff approval succeeded"
fi
[ ! -s "$out" ] || fail "export under a staff approval wrote a file"
echo "ok approval kind checked"

# Replayed after its last day.
db "UPDATE data_approvals SET valid_until = '2020-01-01' WHERE id = '$id'"
if "$MAMNON" -c "$CFG" export children --approval "$id" --output "$out" \
    >/dev/null 2>"$TEST_TMP/err"; then
	fail "export with an expired approval succeeded"
fi
grep -q '2020-01-01' "$TEST_TMP/err" ||
    fail "expired approval message lacks its date: $(cat "$TEST_TMP/err")"
echo "ok expired approval refused"
