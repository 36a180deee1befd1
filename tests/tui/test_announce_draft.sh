# An announcement being written stays as a draft when the connection
# drops, keeps its audience (one class), and is posted from the draft
# at the next login.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
TITLE='Họp phụ huynh cuối kỳ'
TEXT='Mời phụ huynh dự họp lúc 17 giờ thứ Sáu.'

drafts() {
	db "SELECT count(*) FROM drafts"
}

echo "== a hangup in the announcement form keeps a draft"
down=$(menu_down principal 80x24 "Thông báo")
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
wait "Đăng mới"
key n
wait "Toàn trường"
key Down
key Enter
wait "Nội dung"
type $TITLE
key Tab
type $TEXT
settle 300
signal HUP
waitexit 5000
EOS
} | drive - || fail "the announcement form failed"
key=$(db "SELECT form_key FROM drafts")
class=${key#announcement:}
[ -n "$class" ] && [ "$key" = "announcement:$class" ] ||
    fail "draft key: expected 'announcement:CLASS', got '$key'"
[ "$(db "SELECT count(*) FROM announcements WHERE title = '$TITLE'")" = 0 ] ||
    fail "the unsaved announcement was posted"
[ "$(db "SELECT json_extract(values_json, '\$.body') FROM drafts")" = \
    "$TEXT" ] || fail "the draft lacks the text"

echo "== the next login reopens it; F2 posts it to the class"
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Thông báo: $class"
type c
wait "$TEXT"
expect "$TITLE"
expectline 2 "Thông báo"
key F2
wait "Đã đăng thông báo"
EOS
} | drive - || fail "reopening the announcement draft failed"
[ "$(db "SELECT c.code || '|' || a.body FROM announcements a
    JOIN classes c ON c.id = a.class_id WHERE a.title = '$TITLE'")" = \
    "$class|$TEXT" ] || fail "the announcement was not posted to $class"
[ "$(drafts)" = 0 ] || fail "drafts left after posting: $(drafts)"

echo "== declining the offer deletes the draft and posts nothing"
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
wait "Đăng mới"
key n
wait "Toàn trường"
key Enter
wait "Nội dung"
type Bản nháp bỏ đi
settle 300
close
waitexit 5000
EOS
} | drive - || fail "the announcement form failed"
[ "$(db "SELECT form_key FROM drafts")" = "announcement:" ] ||
    fail "no school-wide draft: $(db "SELECT form_key FROM drafts")"
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "› Thông báo"
type k
wait "Đăng xuất"
EOS
} | drive - || fail "declining the draft failed"
[ "$(drafts)" = 0 ] || fail "the declined draft was kept"
[ "$(db "SELECT count(*) FROM announcements
    WHERE title = 'Bản nháp bỏ đi'")" = 0 ] ||
    fail "a declined draft was posted"
