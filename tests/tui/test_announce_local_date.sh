# Announcement dates are the school's, not UTC's: one posted at 01:59 on
# 5 December in Việt Nam is stored as 18:59 on 4 December UTC, and both
# the staff list and the parent's list show 05/12/2026.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
TITLE='Lịch nghỉ Tết'
db "INSERT INTO announcements (class_id, title, body, author, published_at,
    changed_by, changed_at) VALUES (NULL, '$TITLE', 'Nghỉ từ thứ hai.',
    'principal', '2026-12-04T18:59:37Z', 'principal',
    '2026-12-04T18:59:37Z')"

echo "== staff list and detail"
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
pick Thông báo
key Enter
wait "$TITLE"
expectre "05/12/2026 +toàn trường.*$TITLE"
expectnotre "04/12/2026 +toàn trường.*$TITLE"
pick $TITLE
key Enter
wait "01:59 05/12/2026, toàn trường"
EOS
} | drive - || fail "the staff list shows the UTC date"

echo "== parent list"
{
	login_steps parent "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
pick Thông báo
key Enter
wait "$TITLE"
expectre "05/12/2026 +$TITLE"
expectnotre "04/12/2026 +$TITLE"
EOS
} | drive - || fail "the parent's list shows the UTC date"
