# A session with no key for [ui] idle_timeout is logged out, and the
# logout is in the audit trail.
. "$TUI_DIR/lib.sh"

mn_init
mn_ini ui idle_timeout 2s
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")

count_logouts() {
	sqlite3 "$TEST_TMP/mamnon.db" \
	    "SELECT count(*) FROM audit WHERE action = 'logout'"
}
before=$(count_logouts)

{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
waitnot "Quản lý tài khoản" 8000
EOF
} | drive -

[ "$(count_logouts)" -gt "$before" ] ||
    fail "no logout in the audit after the idle timeout"
