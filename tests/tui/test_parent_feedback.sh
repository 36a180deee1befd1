# A parent reads their child's page (attendance, daily log, growth) and
# sends feedback from a 40x15 terminal.  The class teacher answers it in
# the inbox, the parent reads the answer, and the host's audit trail
# shows every step.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
SUBJECT='Hỏi về bữa trưa'
# Longer than the 40-column field, so only the preview shows it whole.
BODY='Cháu có được ăn thêm rau không ạ? Ở nhà cháu ăn rau mỗi bữa,'
BODY="$BODY nhưng tuần này cháu kể ở lớp không có rau xanh."
ANSWER='Dạ, cô sẽ cho cháu ăn rau.'

# The parent's children in the order the screens list them, and the
# first one whose class teacher has a demo account gv.<class>.
db "SELECT c.school_code || '|' || c.id || '|' || cl.code || '|' ||
    c.full_name FROM parent_children pc
    JOIN accounts a ON a.id = pc.account_id
    JOIN children c ON c.id = pc.child_id
    JOIN classes cl ON cl.id = c.class_id
    WHERE a.login = 'parent' ORDER BY c.name_key, c.id" >kids
[ -s kids ] || fail "the demo parent has no child in a class"
nkids=$(wc -l <kids)
index=0
code=
while IFS='|' read -r k_code k_id k_class k_name; do
	teacher=gv.$(printf '%s' "$k_class" | tr 'A-Z' 'a-z')
	if [ -n "$(db "SELECT id FROM accounts WHERE login = '$teacher'")" ]
	then
		code=$k_code child_id=$k_id class=$k_class name=$k_name
		break
	fi
	index=$((index + 1))
done <kids
[ -n "$code" ] || fail "no child of the demo parent has a class teacher"

# Today's attendance mark and daily log of the child, written straight
# into the database because no host command records them.
day=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)
month=$(TZ=Asia/Ho_Chi_Minh date +%m/%Y)
BEHAVIOUR='Ngoan, chơi cùng bạn'
db "INSERT OR IGNORE INTO class_days (class_id, day, changed_by,
    changed_at) SELECT class_id, '$day', 'test', '$day' FROM children
    WHERE id = $child_id;
    UPDATE class_days SET attendance_saved = 1 WHERE day = '$day'
    AND class_id = (SELECT class_id FROM children WHERE id = $child_id);
    INSERT OR REPLACE INTO attendance_marks SELECT d.id, $child_id,
    'late', 'Đến lúc 8:15' FROM class_days d JOIN children c
    ON c.class_id = d.class_id WHERE c.id = $child_id AND d.day = '$day';
    INSERT OR REPLACE INTO daily_logs (child_id, day, breakfast, lunch,
    nap_minutes, behaviour, changed_by, changed_at) VALUES ($child_id,
    '$day', 'all', 'part', 90, '$BEHAVIOUR', 'test', '$day')" ||
    fail "could not record the day's attendance and log"

echo "== parent reads the page of $code at 40x15"
down=$(menu_down parent 40x15 "Con của tôi")
{
	login_steps parent "$DEMO_PASSWORD"
	cat <<EOS
wait "Con của tôi" 10000
$down
key Enter
wait "Tìm mã"
expectnot "quá nhỏ"
key m
wait "Mã trẻ"
type $code
key Enter
wait "Thông tin của trẻ"
expectline 2 "$name"
expectnot "quá nhỏ"
key Enter
wait "Mã trẻ: $code"
wait "Lớp: $class"
key Esc
wait "Điểm danh"
pick Điểm danh
key Enter
wait "Tháng $month"
wait "Đi muộn: Đến lúc 8:15"
expectnot "quá nhỏ"
key Esc
waitnot "Đến lúc"
pick Nhật ký hằng ngày
key Enter
wait "Enter Đọc"
wait "$(today)"
key Enter
wait "Hành vi: $BEHAVIOUR"
wait "Ngủ trưa: 90 phút"
expectnot "quá nhỏ"
key Esc
waitnot "Hành vi"
key Esc
wait "Tăng trưởng"
pick Tăng trưởng
key Enter
waitre "Ngày cân đo|chưa được cân đo"
expectnot "quá nhỏ"
EOS
} | DRIVE_SIZE=40x15 drive -

echo "== parent sends feedback at 40x15"
down=$(menu_down parent 40x15 "Góp ý")
{
	login_steps parent "$DEMO_PASSWORD"
	echo 'wait "Con của tôi" 10000'
	echo "$down"
	echo 'key Enter'
	echo 'wait "n Viết"'
	echo 'key n'
	if [ "$nkids" -gt 1 ]; then
		echo 'wait "Về trẻ nào?"'
		[ "$index" -gt 0 ] && echo "key Down $index"
		echo 'key Enter'
	fi
	cat <<EOS
wait "Gửi giáo viên lớp"
key Enter
wait "Khiếu nại"
key Enter
wait "Nội dung"
expectnot "quá nhỏ"
type $SUBJECT
key Enter
type $BODY
key Enter
wait "Xem lại trước khi gửi"
wait "Enter Gửi"
key Esc
waitnot "Xem lại trước khi gửi"
wait "Nội dung"
key F2
wait "Enter Gửi"
settle
dump preview.txt
key Enter
wait "Đã gửi"
wait "$SUBJECT"
EOS
} | DRIVE_SIZE=40x15 drive -
# The preview's wrapped lines, joined again, give the whole message.
shown=$(sed -n '/Nội dung:/,/^$/p' preview.txt | sed '1d;/^$/d' |
    sed 's/^ *//; s/ *$//' | tr '\n' ' ' | sed 's/ *$//')
[ "$shown" = "$BODY" ] || fail "the preview shows '$shown'"

feedback_id=$(db "SELECT id FROM feedback WHERE subject = '$SUBJECT'")
[ -n "$feedback_id" ] || fail "the feedback was not stored"
[ "$(db "SELECT recipient || ' ' || child_id || ' ' || status
    FROM feedback WHERE id = $feedback_id")" = "teacher $child_id new" ] ||
    fail "the feedback is not a new one to the teacher about $code"

echo "== $teacher answers in the inbox"
down=$(menu_down "$teacher" 80x24 "Góp ý phụ huynh")
{
	login_steps "$teacher" "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
wait "$SUBJECT"
expect "$code"
key Enter
wait "Chưa có trả lời."
wait "cháu kể ở lớp không có rau xanh."
key r
wait "F2 Lưu"
type $ANSWER
key Enter
wait "Đã gửi trả lời"
wait "$ANSWER"
EOS
} | drive -

echo "== parent reads the answer at 40x15"
down=$(menu_down parent 40x15 "Góp ý")
{
	login_steps parent "$DEMO_PASSWORD"
	cat <<EOS
wait "Con của tôi" 10000
$down
key Enter
wait "$SUBJECT"
expectline 4 "$SUBJECT"
expectline 4 "đã trả lời"
key Enter
wait "$ANSWER"
wait "$teacher"
expectnot "quá nhỏ"
EOS
} | DRIVE_SIZE=40x15 drive -

[ -n "$(db "SELECT answer_read_at FROM feedback WHERE id = $feedback_id")" ] ||
    fail "the parent's reading of the answer was not recorded"

echo "== the audit trail shows each step"
aud_parent="\"parent\",\"[^\"]*\""
aud_view="$aud_parent,\"view\",\"children\",\"$child_id\""
aud_fb="\"feedback\",\"$feedback_id\""
audit_has "$aud_view,\"child_card\""
audit_has "$aud_view,\"attendance_view ${day%-*}\""
audit_has "$aud_view,\"daily_log_view $day\""
audit_has "$aud_view,\"growth_view\""
audit_has "$aud_parent,\"insert\",$aud_fb,\"feedback sent\""
audit_has "\"$teacher\",\"[^\"]*\",\"view\",\"feedback\",\"$feedback_id\""
audit_has "\"$teacher\",\"[^\"]*\",\"update\",$aud_fb,\"feedback answered\""
audit_has "$aud_parent,\"view\",$aud_fb,\"answer read by the parent\""
