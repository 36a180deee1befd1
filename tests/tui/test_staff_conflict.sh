# A staff record saved by someone else while the edit form is open: F2
# reports the conflict with the stored phone number and keeps the form
# and the number typed, and a second F2 saves it over the stored one.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

DB=$TEST_TMP/mamnon.db

mn_init
mn_user_add covai teacher "$TEACHER_PASSWORD"
mn_user_add hieutruong principal "$TEACHER_PASSWORD"
reg_classes
reg_staff covai MG5A
PW=$(mn_first_login hieutruong "$TEACHER_PASSWORD" "$NEW_PASSWORD")

phone() {
	sqlite3 "$DB" "SELECT phone FROM staff WHERE staff_code = 'CB-001'"
}

# The session types a new phone number, signals that it is ready by
# writing a screen dump and waits while the record changes underneath.
{
	login_steps hieutruong "$PW"
	cat <<SCRIPT
wait "Nhân sự" 10000
pick Nhân sự
key Enter
wait "Lớp phụ trách"
waitre "CB-001 +Vũ Thị Mai"
pick Vũ Thị Mai
key e
wait "Sửa hồ sơ cán bộ"
wait "Vũ Thị Mai"
key Down 7
key C-u
type 0911111111
settle 300
dump $TEST_TMP/form.ready
sleep 4000
key F2
wait "Người khác vừa sửa hồ sơ này" 10000
expect "0922222222"
expect "Sửa hồ sơ cán bộ"
expect "0911111111"
dump $TEST_TMP/conflict.screen
key F2
wait "Đã lưu cán bộ Vũ Thị Mai"
SCRIPT
} | drive - >"$TEST_TMP/session.log" 2>&1 &
pid=$!

waited=0
while [ ! -f "$TEST_TMP/form.ready" ]; do
	if ! kill -0 "$pid" 2>/dev/null || [ $waited -ge 60 ]; then
		cat "$TEST_TMP/session.log" >&2
		fail "the staff edit form did not open"
	fi
	sleep 1
	waited=$((waited + 1))
done
sqlite3 "$DB" "UPDATE staff SET phone = '0922222222',
    version = version + 1 WHERE staff_code = 'CB-001'"
if ! wait "$pid"; then
	cat "$TEST_TMP/session.log" >&2
	fail "the conflict was not reported with the form kept open"
fi
[ "$(phone)" = 0911111111 ] ||
    fail "the second F2 did not save the typed number: $(phone)"
