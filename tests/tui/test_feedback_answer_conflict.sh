# An answer typed while someone else changes the thread: F2 reports the
# conflict and keeps the form with the answer, and a second F2 sends it
# against the stored version.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
ANSWER='Dạ, nhà trường sẽ trả lời trong tuần này.'

id=$(db "SELECT id FROM feedback WHERE status = 'new' AND kind = 'feedback'
    ORDER BY id LIMIT 1")
[ -n "$id" ] || fail "the demo has no new feedback thread"
subject=$(db "SELECT subject FROM feedback WHERE id = $id")
# The list cuts long subjects, so the steps look for the first letters.
shown=$(db "SELECT substr(subject, 1, 12) FROM feedback WHERE id = $id")
echo "== thread $id: $subject"

# The session types an answer, signals that it is ready by writing a
# screen dump and waits while the thread changes underneath.
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
pick Góp ý phụ huynh
key Enter
wait "$shown"
pick $shown
key Enter
wait "$subject"
wait "Chưa có trả lời."
key r
wait "F2 Lưu"
type $ANSWER
settle 300
dump $TEST_TMP/form.ready
sleep 4000
key F2
wait "vừa được người khác sửa" 10000
expect "trạng thái: đang xử lý"
expect "$ANSWER"
expect "F2 Lưu"
key F2
wait "Đã gửi trả lời"
EOS
} | drive - >"$TEST_TMP/session.log" 2>&1 &
pid=$!

waited=0
while [ ! -f "$TEST_TMP/form.ready" ]; do
	if ! kill -0 "$pid" 2>/dev/null || [ $waited -ge 60 ]; then
		cat "$TEST_TMP/session.log" >&2
		fail "the answer form did not open"
	fi
	sleep 1
	waited=$((waited + 1))
done
db "UPDATE feedback SET status = 'in_progress', version = version + 1
    WHERE id = $id"
if ! wait "$pid"; then
	cat "$TEST_TMP/session.log" >&2
	fail "the conflict did not keep the answer form"
fi
[ "$(db "SELECT answer FROM feedback WHERE id = $id")" = "$ANSWER" ] ||
    fail "the answer was not stored: $(db "SELECT answer FROM feedback
    WHERE id = $id")"
