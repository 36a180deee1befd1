# The program works on a plain vt100 terminal, as some SSH clients report.
. "$TUI_DIR/lib.sh"

mn_init
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")

{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
wait "Trẻ em"
EOF
} | drive - -e TERM=vt100

echo "== a move down the menu rewrites a few cells, not rows"
# The selection is drawn in reverse video, which a vt100 has and which
# needs no colour, so one move writes only the old and the new marked
# cells.
{
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
settle 500
mark
key Down
settle 300
bytes
key Up
settle 300
bytes
EOF
} | drive - -e TERM=vt100 >"$TEST_TMP/bytes.out"
moves=$(grep -c '^bytes ' "$TEST_TMP/bytes.out" || true)
[ "$moves" -eq 2 ] ||
    fail "expected 2 byte counts, got: $(cat "$TEST_TMP/bytes.out")"
while read -r word n; do
	[ "$word" = bytes ] || continue
	[ "$n" -gt 0 ] || fail "a move wrote nothing: the selection stayed"
	[ "$n" -lt 64 ] || fail "a move wrote $n bytes; expected under 64"
done <"$TEST_TMP/bytes.out"
