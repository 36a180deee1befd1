# A principal's rejection that fails because the request was decided
# meanwhile keeps the reason form open with the reason typed; nothing
# overwrites the other decision.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
ID=KEPTREQ23456
REASON='Không cần danh sách tên'
until=$(TZ=Asia/Ho_Chi_Minh date -d "+20 days" +%Y-%m-%d)
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
db "INSERT INTO data_approvals (id, requested_by_id, requested_by,
    data_kind, purpose, valid_until, created_at, changed_by, changed_at)
    SELECT '$ID', id, login, 'attendance', 'Họp phụ huynh', '$until',
    '$now', login, '$now' FROM accounts WHERE login = 'teacher'"
[ "$(db "SELECT status FROM data_approvals WHERE id = '$ID'")" = \
    requested ] || fail "the request was not stored"

# The session types the reason, signals that it is ready by writing a
# screen dump and waits while the request is approved underneath.
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
pick Phê duyệt dữ liệu
key Enter
wait "$ID"
pick $ID
key r
wait "Từ chối $ID cho teacher"
key c
wait "Lý do"
type $REASON
settle 300
dump $TEST_TMP/form.ready
sleep 4000
key F2
wait "phê duyệt $ID đã ở trạng thái" 10000
expect "$REASON"
expect "Người đề nghị sẽ thấy lý do này."
key Esc
waitnot "Người đề nghị sẽ thấy lý do này."
EOS
} | drive - >"$TEST_TMP/session.log" 2>&1 &
pid=$!

waited=0
while [ ! -f "$TEST_TMP/form.ready" ]; do
	if ! kill -0 "$pid" 2>/dev/null || [ $waited -ge 60 ]; then
		cat "$TEST_TMP/session.log" >&2
		fail "the reason form did not open"
	fi
	sleep 1
	waited=$((waited + 1))
done
db "UPDATE data_approvals SET status = 'approved', decided_by = 'admin',
    decided_at = '$now', version = version + 1 WHERE id = '$ID'"
if ! wait "$pid"; then
	cat "$TEST_TMP/session.log" >&2
	fail "the failed rejection did not keep the reason form"
fi
[ "$(db "SELECT status || '|' || coalesce(decision_note, '')
    FROM data_approvals WHERE id = '$ID'")" = "approved|" ] ||
    fail "the other decision was overwritten: $(db "SELECT status,
    decision_note FROM data_approvals WHERE id = '$ID'")"
