# Locking an account ends that account's sessions already open: the next
# key ends the session before it acts, and nothing is saved after it.
. "$TUI_DIR/lib.sh"

mn_init
mn_user_add codau teacher "$TEACHER_PASSWORD"
teacher=$(mn_first_login codau "$TEACHER_PASSWORD" "$NEW_PASSWORD")

{
	login_steps codau "$teacher"
	cat <<EOF
wait "Trẻ em" 10000
sleep 3000
key Down
waitexit 5000
wait "bị khóa" 2000
EOF
} > "$TEST_TMP/steps"

drive "$TEST_TMP/steps" > "$TEST_TMP/drive.out" 2>&1 &
driver=$!
sleep 1.5
"$MAMNON" -c "$CFG" user lock codau || fail "mamnon user lock failed"
wait "$driver" || {
	cat "$TEST_TMP/drive.out"
	fail "the open session did not end after the lock"
}
