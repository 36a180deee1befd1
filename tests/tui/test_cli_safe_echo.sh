# Messages that repeat a typed value show it as safe text: an export's
# bad --month or --format and an unknown login carry no ESC or BEL byte
# to the terminal, but still name what was typed.
. "$TUI_DIR/lib.sh"

mn_init

# has_control FILE: true when FILE holds an ESC or a BEL byte.
has_control() {
	LC_ALL=C grep -q "$(printf '[\033\007]')" "$1"
}

bad=$(printf 'x\033]0;pwn\007')

# check_rejected WHAT: the last command's stderr repeats "pwn" safely.
check_rejected() {
	[ -s err.txt ] || fail "$1: no message"
	grep -q "pwn" err.txt || fail "$1: the message does not repeat the" \
	    "value: $(cat err.txt)"
	! has_control err.txt || fail "$1: control characters in the message"
}

echo "== export attendance --month with control characters"
if "$MAMNON" -c "$CFG" export attendance --class MG5A --month "$bad" \
    --format csv >out.csv 2>err.txt; then
	fail "export attendance accepted the month"
fi
check_rejected "--month"

echo "== export attendance --format with control characters"
if "$MAMNON" -c "$CFG" export attendance --class MG5A --month 2026-11 \
    --format "$bad" >out.csv 2>err.txt; then
	fail "export attendance accepted the format"
fi
check_rejected "--format"

echo "== give to an unknown login with control characters"
echo data >file.txt
if "$MAMNON" -c "$CFG" give "$bad" file.txt >out.txt 2>err.txt; then
	fail "give accepted an unknown login"
fi
check_rejected "give"
grep -q "không có tài khoản" err.txt ||
    fail "give: not the unknown-account message: $(cat err.txt)"
