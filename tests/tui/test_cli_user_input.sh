# Command-line messages that repeat what the user typed show it as safe
# text, `ssh HOST get` without a code prints get's usage line, an export
# reports a bad month before a missing approval, and `mamnon parent list`
# without --child lists every parent account with its children.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init

# has_control FILE: true when FILE holds an ESC or a BEL byte.
has_control() {
	LC_ALL=C grep -q "$(printf '[\033\007]')" "$1"
}

echo "== get with control characters"
bad=$(printf 'x\033]0;pwn\007')
if "$MAMNON" -c "$CFG" get "$bad" >out.bin 2>err.txt; then
	fail "get accepted a code with control characters"
fi
grep -q "pwn" err.txt ||
    fail "the message does not repeat the code: $(cat err.txt)"
! has_control err.txt || fail "get wrote control characters to stderr"
[ ! -s out.bin ] || fail "get wrote to standard output"

echo "== the same through the forced SSH command"
if SSH_ORIGINAL_COMMAND="get $bad" "$MAMNON" -c "$CFG" --ssh \
    >out.bin 2>err.txt; then
	fail "ssh get accepted a code with control characters"
fi
grep -q "pwn" err.txt || fail "ssh get: no code in $(cat err.txt)"
! has_control err.txt || fail "ssh get wrote control characters to stderr"

echo "== ssh get without a code"
for command in "get" "get  " "get A B"; do
	rc=0
	SSH_ORIGINAL_COMMAND="$command" "$MAMNON" -c "$CFG" --ssh \
	    >out.bin 2>err.txt || rc=$?
	[ "$rc" = 1 ] || fail "'ssh HOST $command': exit $rc, expected 1"
	grep -q "cách dùng: ssh MÁY_CHỦ get MÃ > TỆP" err.txt ||
	    fail "'ssh HOST $command' gave no usage line: $(cat err.txt)"
	! grep -q "chỉ chạy mamnon" err.txt ||
	    fail "'ssh HOST $command' gave the generic refusal"
done
# Anything else still gets the refusal.
if SSH_ORIGINAL_COMMAND="ls -la" "$MAMNON" -c "$CFG" --ssh \
    >out.bin 2>err.txt; then
	fail "'ssh HOST ls -la' succeeded"
fi
grep -q "chỉ chạy mamnon" err.txt || fail "no refusal for ls: $(cat err.txt)"

echo "== export: arguments before the approval"
if "$MAMNON" -c "$CFG" export attendance --class MG5A --month 2026-13 \
    --format csv >out.csv 2>err.txt; then
	fail "export with month 2026-13 succeeded"
fi
grep -q "2026-13" err.txt || fail "bad month not reported: $(cat err.txt)"
! grep -q "phê duyệt" err.txt ||
    fail "the approval was reported before the month: $(cat err.txt)"
if "$MAMNON" -c "$CFG" export children --format csv >out.csv 2>err.txt; then
	fail "export of children without approval succeeded"
fi
grep -q -- "--approval" err.txt ||
    fail "the command line does not say how to name an approval"
if "$MAMNON" -c "$CFG" export "$bad" >out.csv 2>err.txt; then
	fail "export of an unknown subject succeeded"
fi
! has_control err.txt || fail "export repeated control characters"

echo "== user commands"
for sub in lock unlock; do
	if "$MAMNON" -c "$CFG" user $sub "$bad" >out.txt 2>err.txt; then
		fail "user $sub accepted a login with control characters"
	fi
	grep -q "pwn" err.txt || fail "user $sub: no login in $(cat err.txt)"
	! has_control err.txt || fail "user $sub repeated control characters"
done

echo "== parent list"
"$MAMNON" -c "$CFG" parent list >parents.txt 2>err.txt ||
    fail "parent list without --child failed: $(cat err.txt)"
links=$(db "SELECT count(*) FROM parent_children")
[ "$links" -ge 2 ] || fail "the demo links fewer than 2 children"
for row in $(db "SELECT a.login || '|' || c.school_code FROM parent_children pc
    JOIN accounts a ON a.id = pc.account_id
    JOIN children c ON c.id = pc.child_id"); do
	grep -q "^${row%%|*} .* ${row#*|} " parents.txt ||
	    fail "parent list lacks ${row%%|*} with ${row#*|}:" \
	    "$(cat parents.txt)"
done
[ "$(grep -c '^parent ' parents.txt)" = \
    "$(db "SELECT count(*) FROM parent_children pc JOIN accounts a
    ON a.id = pc.account_id WHERE a.login = 'parent'")" ] ||
    fail "parent list: wrong number of lines for 'parent'"
code=$(db "SELECT c.school_code FROM parent_children pc
    JOIN children c ON c.id = pc.child_id LIMIT 1")
"$MAMNON" -c "$CFG" parent list --child "$code" >one.txt ||
    fail "parent list --child $code failed"
[ -s one.txt ] || fail "parent list --child $code printed nothing"
