# Feedback dates are the school's, not UTC's: a thread sent at 01:30 on
# 11 March in Việt Nam is stored as 18:30 on 10 March UTC, and its answer
# at 00:45 on 12 March as 17:45 on 11 March UTC.  The staff inbox and
# the thread show the local days.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
id=$(db "SELECT id FROM feedback WHERE answer <> '' ORDER BY id LIMIT 1")
[ -n "$id" ] || fail "the demo has no answered feedback"
subject=$(db "SELECT subject FROM feedback WHERE id = $id")
db "UPDATE feedback SET created_at = '2026-03-10T18:30:00Z',
    answered_at = '2026-03-11T17:45:00Z' WHERE id = $id"

{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
pick Góp ý phụ huynh
key Enter
wait "$subject"
expectre "^ *11/03/2026 .*$subject"
expectnot "10/03/2026"
pick $subject
key Enter
wait "Gửi: 11/03/2026"
expectre "Trả lời [(].*, 12/03/2026[)]:"
expectnot "10/03/2026"
EOS
} | drive - || fail "the feedback screens show the UTC day"
