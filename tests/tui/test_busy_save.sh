# A save that waits for another process's write shows a notice after a
# moment, and goes through once the other write ends.  The other process
# first has the writer queue's lock file, then SQLite's write lock itself
# (the sqlite3 shell, outside the queue).
. "$TUI_DIR/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || fail "sqlite3 is needed"
command -v flock >/dev/null 2>&1 || fail "flock (util-linux) is needed"

mn_init
DB=$TEST_TMP/mamnon.db
HOLD_MS=2500

# hold KIND: waits until the terminal script has written "ready", holds
# the lock for HOLD_MS, and writes "held" while holding it.
hold() {
	rm -f "$TEST_TMP/ready" "$TEST_TMP/held" "$TEST_TMP/released"
	(
		n=0
		while [ ! -f "$TEST_TMP/ready" ] && [ $n -lt 400 ]; do
			sleep 0.05
			n=$((n + 1))
		done
		case $1 in
		queue)
			flock "$DB-writer" sh -c "touch '$TEST_TMP/held';
			    sleep $((HOLD_MS / 1000)).$((HOLD_MS % 1000))"
			;;
		sqlite)
			{
				echo 'BEGIN IMMEDIATE;'
				sleep 0.2
				touch "$TEST_TMP/held"
				sleep "$((HOLD_MS / 1000)).$((HOLD_MS % 1000))"
				echo 'COMMIT;'
			} | sqlite3 "$DB"
			;;
		esac
		touch "$TEST_TMP/released"
	) &
	HOLDER=$!
}

# The save is the forced password change of a new account.  Logging in
# writes too, so the lock is taken only once the form is on screen.
run_case() {
	login=$1 kind=$2
	mn_user_add "$login" teacher "$TEACHER_PASSWORD"
	hold "$kind"
	{
		login_steps "$login" "$TEACHER_PASSWORD"
		cat <<EOS
wait "Nhập lại mật khẩu mới" 10000
dump $TEST_TMP/ready
sleep 1000
type $NEW_PASSWORD
key Enter
type $NEW_PASSWORD
key Enter
wait "Đang chờ cơ sở dữ liệu…" 2000
expect "Nhập lại mật khẩu mới"
waitnot "Đang chờ cơ sở dữ liệu…" 5000
wait "Trẻ em" 5000
expectnot "Đổi mật khẩu"
EOS
	} | drive - || { wait "$HOLDER" || true; fail "$kind: see above"; }
	wait "$HOLDER" || fail "$kind: the process holding the lock failed"
	[ -f "$TEST_TMP/held" ] || fail "$kind: the lock was never taken"
	[ -f "$TEST_TMP/released" ] || fail "$kind: the lock was not released"
	# The save went through: the new password logs in without a change.
	{
		login_steps "$login" "$NEW_PASSWORD"
		echo 'wait "Trẻ em" 10000'
		echo 'expectnot "Đổi mật khẩu"'
	} | drive - || fail "$kind: the new password was not saved"
}

echo "== another process holds the writer queue"
run_case cochi queue

echo "== another process holds SQLite's write lock"
run_case cothu sqlite

echo "== a save that does not wait shows no notice"
mn_user_add coan teacher "$TEACHER_PASSWORD"
{
	login_steps coan "$TEACHER_PASSWORD"
	change_password_steps "$NEW_PASSWORD"
	echo 'wait "Trẻ em" 10000'
	echo 'expectnot "Đang chờ cơ sở dữ liệu"'
} | drive -
