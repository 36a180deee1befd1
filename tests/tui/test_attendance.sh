# A teacher marks three absences with reasons on the latest school day,
# saves, and finds them when a new session opens the day again.  The
# month's attendance sheet then has the right marks and totals.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/attendance_lib.sh"

att_setup
day=$(att_school_day)
[ -n "$day" ] || fail "no school day in the last 25 days of the demo year"
class=$(att_class_of teacher)
att_clear_day "$class" "$day"
downs="Điểm danh"
dmy=$(echo "$day" | awk -F- '{ print $3 "/" $2 "/" $1 }')
echo "== day $day, class $class"

echo "== mark three absences with notes and save"
{
	att_open_steps teacher "$downs" "$day"
	cat <<EOF
wait "Có mặt:"
expect "Lớp $class"
key Home
key n
wait "Ghi chú:"
key C-u
type "Sốt, mẹ xin nghỉ"
key Enter
type p
key n
key C-u
type "Về quê"
key Enter
type k
key n
key C-u
type "Đi khám răng"
key Enter
type p
key F2
wait "Đã lưu điểm danh lớp $class ngày $dmy"
wait "đã lưu: teacher"
settle
dump $TEST_TMP/saved.screen
EOF
} | drive - || fail "taking attendance failed"

# The first three rows of the list: "  1   CODE  NAME  P Vắng có phép ...".
codes=$(awk '$1 ~ /^[123]$/ && NF > 2 { print $2 }' "$TEST_TMP/saved.screen")
set -- $codes
[ $# -eq 3 ] || fail "expected three children on the list, got: $codes"
c1=$1 c2=$2 c3=$3

stored() {
	att_sql "SELECT m.mark || '|' || m.note FROM attendance_marks m
	    JOIN class_days d ON d.id = m.class_day_id
	    JOIN classes cl ON cl.id = d.class_id
	    JOIN children ch ON ch.id = m.child_id
	    WHERE d.day = '$day' AND cl.code = '$class'
	    AND ch.school_code = '$1'"
}
[ "$(stored "$c1")" = "excused|Sốt, mẹ xin nghỉ" ] ||
    fail "$c1 stored as '$(stored "$c1")'"
[ "$(stored "$c2")" = "unexcused|Về quê" ] ||
    fail "$c2 stored as '$(stored "$c2")'"
[ "$(stored "$c3")" = "excused|Đi khám răng" ] ||
    fail "$c3 stored as '$(stored "$c3")'"
audits=$(att_sql "SELECT count(*) FROM audit a
    JOIN class_days d ON d.id = a.row_id JOIN classes cl ON cl.id = d.class_id
    WHERE a.login = 'teacher' AND a.table_name = 'class_days'
    AND d.day = '$day' AND cl.code = '$class'")
[ "$audits" -ge 1 ] || fail "the save left no audit row"

present=$(att_sql "SELECT count(*) FROM attendance_marks m
    JOIN class_days d ON d.id = m.class_day_id
    JOIN classes cl ON cl.id = d.class_id
    WHERE d.day = '$day' AND cl.code = '$class'
    AND m.mark IN ('present', 'late')")
enrolled=$(att_sql "SELECT count(*) FROM attendance_marks m
    JOIN class_days d ON d.id = m.class_day_id
    JOIN classes cl ON cl.id = d.class_id
    WHERE d.day = '$day' AND cl.code = '$class'")
grep -q "Có mặt: $present/$enrolled" "$TEST_TMP/saved.screen" ||
    fail "the screen does not show Có mặt: $present/$enrolled"

echo "== a new session shows the saved day"
{
	att_open_steps teacher "$downs" "$day"
	cat <<EOF
wait "Có mặt: $present/$enrolled"
wait "đã lưu: teacher"
waitre "^ +1 +.$c1 .*P Vắng có phép +Sốt, mẹ xin nghỉ"
waitre "^ +2 +.$c2 .*K Vắng không phép +Về quê"
waitre "^ +3 +.$c3 .*P Vắng có phép +Đi khám răng"
key Esc
wait "Menu chính"
EOF
} | drive - || fail "the saved day did not show again"

echo "== the month's sheet"
month=$(echo "$day" | cut -c1-7)
dom=$(echo "$day" | cut -c9-10 | sed 's/^0//')
# The sheet names children, so its export needs the principal's approval.
until=$(TZ=Asia/Ho_Chi_Minh date -d '+30 days' +%Y-%m-%d)
approval=$(printf '%s\n' "$DEMO_PASSWORD" | "$MAMNON" -c "$CFG" approval add \
    --data attendance --purpose "Sổ điểm danh tháng" --until "$until" \
    --principal principal --password-stdin) ||
    fail "approval add failed"
"$MAMNON" -c "$CFG" export attendance --class "$class" --month "$month" \
    --approval "$approval" --format csv >"$TEST_TMP/sheet.csv" ||
    fail "export attendance failed"
tr -d '\r' <"$TEST_TMP/sheet.csv" >"$TEST_TMP/sheet.txt"
head -1 "$TEST_TMP/sheet.txt" | grep -q '^STT,Mã trẻ,Họ và tên,1,2,' ||
    fail "unexpected header: $(head -1 "$TEST_TMP/sheet.txt")"

# The day's letter of a child: column 3 + day of month.
mark_of() {
	awk -F, -v c="$1" -v col=$((3 + dom)) '$2 == c { print $col }' \
	    "$TEST_TMP/sheet.txt"
}
[ "$(mark_of "$c1")" = P ] || fail "$c1 has '$(mark_of "$c1")' on $day"
[ "$(mark_of "$c2")" = K ] || fail "$c2 has '$(mark_of "$c2")' on $day"
[ "$(mark_of "$c3")" = P ] || fail "$c3 has '$(mark_of "$c3")' on $day"

# Every row's totals count its marks; the Tổng row counts each day's x
# and M and sums the totals.  No name contains a comma in the demo.
awk -F, '
NR == 1 { days = NF - 7; next }
$1 == "Tổng" {
	for (d = 1; d <= days; d++)
		if (($(3 + d) == "" ? 0 : $(3 + d)) != col[d]) {
			print "Tổng of day " d ": " $(3 + d) ", counted " col[d]
			bad = 1
		}
	if ($(NF - 3) != tp || $(NF - 2) != te || $(NF - 1) != tu ||
	    $NF != tl) {
		print "Tổng totals " $(NF - 3) "," $(NF - 2) "," $(NF - 1) \
		    "," $NF ", counted " tp "," te "," tu "," tl
		bad = 1
	}
	total = 1
	next
}
{
	p = e = u = l = 0
	for (d = 1; d <= days; d++) {
		m = $(3 + d)
		if (m == "x" || m == "M") { p++; col[d]++ }
		if (m == "M") l++
		if (m == "P") e++
		if (m == "K") u++
		if (m != "" && m != "x" && m != "M" && m != "P" && m != "K") {
			print "row " $2 ": bad mark " m
			bad = 1
		}
	}
	if ($(NF - 3) != p || $(NF - 2) != e || $(NF - 1) != u || $NF != l) {
		print "row " $2 ": totals " $(NF - 3) "," $(NF - 2) "," \
		    $(NF - 1) "," $NF ", marks " p "," e "," u "," l
		bad = 1
	}
	tp += p; te += e; tu += u; tl += l
}
END {
	if (!total) { print "no Tổng row"; bad = 1 }
	exit bad
}' "$TEST_TMP/sheet.txt" || fail "the sheet's totals do not match its marks"

day_total=$(awk -F, -v col=$((3 + dom)) '$1 == "Tổng" { print $col }' \
    "$TEST_TMP/sheet.txt")
[ "$day_total" = "$present" ] ||
    fail "Tổng of $day is '$day_total', stored present $present"
echo "sheet: $c1 P, $c2 K, $c3 P; $present present on $day"
