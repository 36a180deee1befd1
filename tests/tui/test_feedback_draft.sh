# Feedback a parent is writing, and a staff answer, stay as drafts when
# the connection drops and come back at the next login.  A staff answer
# reopened after someone else changed the thread reports the conflict,
# keeps the form and stores nothing until the next F2.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
SUBJECT='Hỏi về giờ đón'
BODY='Chiều thứ Sáu cháu được đón lúc 16 giờ ạ.'
ANSWER='Dạ, nhà trường đồng ý.'

drafts() {
	db "SELECT count(*) FROM drafts"
}

nkids=$(db "SELECT count(*) FROM parent_children pc
    JOIN accounts a ON a.id = pc.account_id WHERE a.login = 'parent'")
[ "$nkids" -gt 0 ] || fail "the demo parent has no child"

echo "== a hangup while the parent writes keeps a draft"
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
		echo 'key Enter'
	fi
	cat <<EOS
wait "Gửi nhà trường"
key Down
key Enter
wait "Khiếu nại"
key Enter
wait "Nội dung"
type $SUBJECT
key Enter
type $BODY
settle 300
signal HUP
waitexit 5000
EOS
} | DRIVE_SIZE=40x15 drive - || fail "the feedback form failed"
key=$(db "SELECT form_key FROM drafts")
case $key in
feedback_new:*:school:feedback) ;;
*) fail "draft key: expected 'feedback_new:CHILD:school:feedback', got '$key'"
esac
child_id=$(printf '%s\n' "$key" | cut -d: -f2)
[ "$(db "SELECT count(*) FROM feedback WHERE subject = '$SUBJECT'")" = 0 ] ||
    fail "the unsent feedback was stored"

echo "== the next login reopens the message; F2 sends it"
{
	login_steps parent "$DEMO_PASSWORD"
	cat <<EOS
wait "Có bản nháp chưa lưu từ" 10000
expect "Góp ý, khiếu nại: góp ý gửi nhà"
expect "Góp ý › Gửi nhà"
type c
wait "$SUBJECT"
expect "Gửi nhà trường"
key F2
wait "Xem lại trước khi gửi"
wait "Chiều thứ Sáu cháu được đón"
key Enter
wait "Đã gửi"
EOS
} | DRIVE_SIZE=40x15 drive - || fail "reopening the feedback draft failed"
[ "$(db "SELECT recipient || '|' || kind || '|' || child_id || '|' || body
    FROM feedback WHERE subject = '$SUBJECT'")" = \
    "school|feedback|$child_id|$BODY" ] ||
    fail "the reopened feedback was not sent as written"
[ "$(drafts)" = 0 ] || fail "drafts left after sending: $(drafts)"
id=$(db "SELECT id FROM feedback WHERE subject = '$SUBJECT'")

answer() {
	db "SELECT answer FROM feedback WHERE id = $id"
}

# Script lines: the principal opens the thread and types an answer.
down=$(menu_down principal 80x24 "Góp ý phụ huynh")
type_answer() {
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
wait "$SUBJECT"
key Enter
wait "Chưa có trả lời."
key r
wait "F2 Lưu"
type $ANSWER
settle 300
EOS
}

echo "== an answer reopened after the thread changed: conflict"
{ type_answer; echo close; echo waitexit 5000; } | drive - ||
    fail "the answer form failed"
[ "$(db "SELECT form_key FROM drafts")" = "feedback_answer:$id" ] ||
    fail "no draft of the answer: $(db "SELECT form_key FROM drafts")"
db "UPDATE feedback SET status = 'in_progress', version = version + 1
    WHERE id = $id"
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Có bản nháp chưa lưu từ" 10000
expect "Trả lời góp ý: $id"
expect "Góp ý phụ huynh › $SUBJECT"
type c
wait "$ANSWER"
key F2
wait "vừa được người khác sửa"
expect "$ANSWER"
key Esc
wait "Bỏ các thay đổi?"
key c
waitnot "Bỏ các thay đổi?"
wait "Đăng xuất"
expectnot "$ANSWER"
EOS
} | drive - || fail "the conflicting answer was not reported"
[ -z "$(answer)" ] || fail "the stale answer was stored: $(answer)"

echo "== an answer draft saves when nobody else changed the thread"
{ type_answer; echo signal HUP; echo waitexit 5000; } | drive - ||
    fail "the answer form failed"
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Có bản nháp chưa lưu từ" 10000
type c
wait "$ANSWER"
key F2
wait "Đã gửi trả lời"
EOS
} | drive - || fail "the reopened answer was not sent"
[ "$(answer)" = "$ANSWER" ] || fail "answer not stored: $(answer)"
[ "$(drafts)" = 0 ] || fail "drafts left after answering: $(drafts)"
