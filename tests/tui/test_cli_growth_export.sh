# `mamnon export growth` goes through the shared export path: a bad
# round is reported before a missing approval, an approval limited to a
# class works with --class of that class only, and nothing is written
# to standard output when the export fails.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init

round=$(db "SELECT round FROM measurements WHERE round <> ''
    GROUP BY round ORDER BY round DESC LIMIT 1")
[ -n "$round" ] || fail "the demo has no measuring round"
class=$(db "SELECT cl.code FROM classes cl JOIN child_class_history h
    ON h.class_id = cl.id JOIN measurements m ON m.child_id = h.child_id
    WHERE m.round = '$round' AND h.to_date IS NULL
    GROUP BY cl.code ORDER BY cl.code LIMIT 1")
[ -n "$class" ] || fail "no class has children measured in $round"
other=$(db "SELECT code FROM classes WHERE code <> '$class'
    ORDER BY code LIMIT 1")
echo "== round $round, class $class, other class $other"

echo "== a bad round without --approval: the round first"
if "$MAMNON" -c "$CFG" export growth --round 2026-13 --format csv \
    >out.csv 2>err.txt; then
	fail "export growth with round 2026-13 succeeded"
fi
grep -q "2026-13" err.txt || fail "bad round not reported: $(cat err.txt)"
! grep -q "phê duyệt" err.txt ||
    fail "the approval was reported before the round: $(cat err.txt)"
[ ! -s out.csv ] || fail "a failed export wrote to standard output"

echo "== a good round without --approval: the approval is missing"
if "$MAMNON" -c "$CFG" export growth --round "$round" --format csv \
    >out.csv 2>err.txt; then
	fail "export growth without an approval succeeded"
fi
grep -q "phê duyệt" err.txt || fail "no approval message: $(cat err.txt)"
grep -q -- "--approval" err.txt || fail "no --approval hint: $(cat err.txt)"

echo "== an approval limited to a class"
mn_user_add duyet.ht principal "$TEACHER_PASSWORD" >/dev/null
approval=$(printf '%s\n' "$TEACHER_PASSWORD" | "$MAMNON" -c "$CFG" \
    approval add --data growth --purpose "Báo cáo lớp" --class "$class" \
    --until "$(TZ=Asia/Ho_Chi_Minh date -d "+30 days" +%Y-%m-%d)" \
    --principal duyet.ht --password-stdin) ||
    fail "approval add --class $class failed"
[ -n "$approval" ] || fail "approval add printed no ID"

if "$MAMNON" -c "$CFG" export growth --round "$round" --format csv \
    --approval "$approval" >out.csv 2>err.txt; then
	fail "a class approval exported the whole school"
fi
[ ! -s out.csv ] || fail "the refused whole-school export wrote output"
if [ -n "$other" ]; then
	if "$MAMNON" -c "$CFG" export growth --round "$round" --class \
	    "$other" --format csv --approval "$approval" >out.csv \
	    2>err.txt; then
		fail "an approval for $class exported class $other"
	fi
fi

"$MAMNON" -c "$CFG" export growth --round "$round" --class "$class" \
    --format csv --approval "$approval" >out.csv 2>err.txt ||
    fail "export growth --class $class failed: $(cat err.txt)"
[ -s out.csv ] || fail "export growth --class $class wrote nothing"
grep -q "$class" out.csv || fail "the report does not name $class"

echo "== xlsx to a file with the same approval"
"$MAMNON" -c "$CFG" export growth --round "$round" --class "$class" \
    --format xlsx -o growth.xlsx --approval "$approval" 2>err.txt ||
    fail "export growth xlsx failed: $(cat err.txt)"
[ "$(head -c 2 growth.xlsx)" = PK ] || fail "growth.xlsx is not a zip file"
