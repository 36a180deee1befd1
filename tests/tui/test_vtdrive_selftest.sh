# Checks vtdrive itself against fake_app, a small curses program, so the
# terminal tests of mamnon can trust what the driver reports.
. "$TUI_DIR/lib.sh"

if [ -z "${FAKE_APP:-}" ]; then
	FAKE_APP=$TEST_TMP/fake_app
	cc -std=c11 -D_GNU_SOURCE -o "$FAKE_APP" "$TUI_DIR/fake_app.c" \
	    $(pkg-config --cflags --libs ncursesw) ||
	    fail "cannot build fake_app"
fi

# vt SCRIPT MODE [OPTION]...: drives fake_app under SCRIPT; MODE is
# curses, --plain, --env or "--list STYLE" (unquoted, two words).
vt() {
	_script=$1
	_mode=$2
	shift 2
	[ "$_mode" != curses ] || _mode=
	"$VTDRIVE" -e LANG=C.UTF-8 -u LC_ALL "$@" -f "$_script" -- \
	    "$FAKE_APP" $_mode
}

# vt_status SCRIPT MODE [OPTION]...: prints vtdrive's exit status; its
# output goes to out.txt.
vt_status() {
	_rc=0
	vt "$@" >out.txt 2>&1 || _rc=$?
	echo "$_rc"
}

echo "== Vietnamese text, wide and combining characters"
cat >vi.txt <<'EOF'
# "Tên:" is drawn last, so the rows above are complete once it shows.
wait "Tên:"
expectline 1 "  Đăng nhập"
expectline 3 "Rộng: 中文|"
# fake_app writes "e" and U+0301; the cell keeps both, unnormalized.
expectline 4 "Dấu rời: e\xcc\x81|"
expectnot "Dấu rời: é|"
expectline 5 "============================================================"
type Nguyễn Thị Ánh Tuyết
wait "Tên: Nguyễn Thị Ánh Tuyết"
key Backspace
wait "Phím: KEY_BACKSPACE"
expectline 7 "Tên: Nguyễn Thị Ánh Tuyế"
expectnot "Tuyết"
key Enter
wait "Bạn nhập: Nguyễn Thị Ánh Tuyế"
dump
EOF
vt vi.txt curses >vi.out || fail "Vietnamese script failed"
grep -qx '  Đăng nhập' vi.out || fail "dump lacks the title row"
grep -qx 'Rộng: 中文|' vi.out || fail "dump lacks the wide characters"
grep -qx 'Bạn nhập: Nguyễn Thị Ánh Tuyế' vi.out ||
    fail "dump lacks the entered line"
[ "$(wc -l <vi.out)" -eq 24 ] || fail "dump is not 24 rows"

echo "== resize, Esc, Enter, function keys"
cat >keys.txt <<'EOF'
size 100 30
wait "Kích thước: 100x30"
# With ncurses 6.4, a SIGWINCH that arrives while the program is still
# drawing can go unnoticed until the next key, so let it finish first.
settle 100
resize 90 25
wait "Đổi kích thước: 90x25"
key Esc
wait "Đã nhấn Esc"
key Up
wait "Phím: KEY_UP"
key PgDn
wait "Phím: KEY_NPAGE"
key F5
wait "Phím: KEY_F(5)"
key BTab
wait "Phím: KEY_BTAB"
key Delete
wait "Phím: KEY_DC"
key C-a
wait "Phím: ^A"
type abc\r
wait "Bạn nhập: abc"
type quit
key Enter
waitexit 3000 0
EOF
vt keys.txt curses || fail "key script failed"

echo "== exact bytes of keys, answers to DA and DSR, byte count"
cat >plain.txt <<'EOF'
wait ready
expect "DA: \\e[?"
expect "DSR: \\e[2;1R"
key Up
wait "in: 1b 5b 41"
key Enter
wait "in: 0d"
key Backspace
wait "in: 7f"
key C-\
wait "in: 1c"
key BTab
wait "in: 1b 5b 5a"
key F1
wait "in: 1b 4f 50"
key F12
wait "in: 1b 5b 32 34 7e"
key M-x
wait "in: 1b 78"
type \e\t\x01
wait "in: 1b 09 01"
type Đ
wait "in: c4 90"
settle 200
mark
type w
wait WROTE
# WROTE shows before its line end has been read, so wait for quiet.
settle 200
bytes
type q
waitexit 3000 0
EOF
vt plain.txt --plain >plain.out || fail "plain script failed"
grep -qx 'bytes 109' plain.out ||
    fail "byte count: expected 'bytes 109', got '$(cat plain.out)'"

echo "== golden screens, hangup"
cat >golden.txt <<'EOF'
size 40 10
wait "Tên:"
settle 100
dump screen.txt
expectscreen screen.txt
type x
wait "Tên: x"
close
waitexit 3000
EOF
vt golden.txt curses || fail "golden screen script failed"
[ "$(sed -n 2p screen.txt)" = 'Kích thước: 40x10' ] ||
    fail "dump FILE: row 2 is '$(sed -n 2p screen.txt)'"
[ "$(wc -l <screen.txt)" -eq 10 ] || fail "dump FILE is not 10 rows"
printf 'wait "Tên:"\ntype x\nwait "Tên: x"\nexpectscreen screen.txt\n' \
    >golden_diff.txt
rc=$(vt_status golden_diff.txt curses -s 40x10)
[ "$rc" -eq 1 ] || fail "expectscreen on a changed screen: expected 1, got $rc"
grep -q 'row 7 differs' out.txt ||
    fail "expectscreen: no differing row named; got: $(cat out.txt)"

echo "== TERM from -e and -u"
printf 'wait TERM=\nwaitexit 3000 0\ndump\n' >env.txt
vt env.txt --env >env.out || fail "env script failed"
grep -qx 'TERM=xterm-256color' env.out || fail "default TERM not set"
vt env.txt --env -e TERM=vt100 >env.out || fail "TERM=vt100 failed"
grep -qx 'TERM=vt100' env.out || fail "-e TERM=vt100 not applied"
vt env.txt --env -u TERM >env.out || fail "-u TERM failed"
grep -qx 'TERM=<unset>' env.out || fail "-u TERM not applied"
TERM=dumb vt env.txt --env >env.out || fail "inherited TERM failed"
grep -qx 'TERM=xterm-256color' env.out || fail "inherited TERM leaked"
# The curses screen under vt100.
printf 'wait "Đăng nhập"\ntype Hà\nwait "Tên: Hà"\n' >vt100.txt
vt vt100.txt curses -e TERM=vt100 || fail "curses under TERM=vt100 failed"

echo "== a missing text fails with the line, the text and the screen"
printf 'wait "Đăng nhập"\n# comment\n\nwait "Không có chữ này" 300\n' \
    >missing.txt
rc=$(vt_status missing.txt curses)
[ "$rc" -eq 1 ] || fail "missing text: expected status 1, got $rc"
grep -q 'missing.txt:4: wait "Không có chữ này" 300: text not on the screen' \
    out.txt ||
    fail "missing text: no message with the line; got: $(cat out.txt)"
grep -q '^  1|  Đăng nhập$' out.txt || fail "missing text: no screen dump"
printf 'wait "Đăng nhập"\nwaitnot "Đăng nhập" 300\n' >present.txt
rc=$(vt_status present.txt curses)
[ "$rc" -eq 1 ] || fail "waitnot on shown text: expected 1, got $rc"
printf 'wait "Tên:"\nexpectline 2 "Đăng nhập"\n' >row.txt
rc=$(vt_status row.txt curses)
[ "$rc" -eq 1 ] || fail "expectline on a wrong row: expected 1, got $rc"
printf 'wait "Tên:"\nexpectre "^Đăng"\n' >re.txt
rc=$(vt_status re.txt curses)
[ "$rc" -eq 1 ] || fail "expectre that does not match: expected 1, got $rc"

echo "== pick moves the selection onto a row, for each highlight style"
cat >pick.txt <<'EOF'
wait "Đăng xuất"
pick Dinh dưỡng
key Enter
wait "Chọn: Dinh dưỡng"
# Three rows contain "Lớp học"; only one is exactly that.
pick Lớp học
key Enter
wait "Chọn: Lớp học"
pick "Nhật ký truy cập" 3000
key Enter
wait "Chọn: Nhật ký truy cập"
# Already selected: no key is sent, so Enter chooses the same row.
pick Nhật ký truy cập
key Enter
wait "Chọn: Nhật ký truy cập"
pick Trẻ em
key Enter
wait "Chọn: Trẻ em"
# The message row repeats "Trẻ em" below a blank row, outside the list.
pick Dinh dưỡng
pick Trẻ em
key Enter
wait "Chọn: Trẻ em"
type q
waitexit 3000 0
EOF
for style in reverse part marker color; do
	vt pick.txt "--list $style" >out.txt 2>&1 ||
	    fail "pick with style $style failed: $(cat out.txt)"
done
vt pick.txt "--list part" -e TERM=vt100 >out.txt 2>&1 ||
    fail "pick under TERM=vt100 failed: $(cat out.txt)"

echo "== pick fails on a missing or ambiguous text and without a selection"
printf 'wait "Đăng xuất"\npick Sức khỏe\n' >pick_missing.txt
rc=$(vt_status pick_missing.txt "--list reverse")
[ "$rc" -eq 1 ] || fail "pick of a missing text: expected 1, got $rc"
grep -q 'pick_missing.txt:2: pick Sức khỏe: text not on the screen' \
    out.txt || fail "pick of a missing text: no message; got: $(cat out.txt)"
grep -q '^  3|  Trẻ em' out.txt || fail "pick of a missing text: no screen"
printf 'wait "Đăng xuất"\npick Nhật ký\n' >pick_two.txt
rc=$(vt_status pick_two.txt "--list reverse")
[ "$rc" -eq 1 ] || fail "pick of an ambiguous text: expected 1, got $rc"
grep -q 'pick Nhật ký: text is on 2 rows' out.txt ||
    fail "pick of an ambiguous text: no message; got: $(cat out.txt)"
printf 'wait "Đăng xuất"\npick Dinh dưỡng\n' >pick_none.txt
rc=$(vt_status pick_none.txt "--list none")
[ "$rc" -eq 1 ] || fail "pick without a selection: expected 1, got $rc"
grep -q 'pick Dinh dưỡng: no row looks selected' out.txt ||
    fail "pick without a selection: no message; got: $(cat out.txt)"
# The title row contains the text but the list cannot select it.
printf 'wait "Đăng xuất"\npick "Menu chính" 2000\n' >pick_title.txt
rc=$(vt_status pick_title.txt "--list reverse")
[ "$rc" -eq 1 ] || fail "pick of an unselectable row: expected 1, got $rc"
grep -q 'the selection did not move from row 3 towards row 2' out.txt ||
    fail "pick of an unselectable row: no message; got: $(cat out.txt)"

echo "== exit status, signals and script errors"
printf 'wait "Đăng nhập"\nkey C-d\nwaitexit 3000 0\n' >status.txt
rc=$(vt_status status.txt curses)
[ "$rc" -eq 1 ] || fail "wrong exit status: expected 1, got $rc"
grep -q 'exit status 3, expected 0' out.txt ||
    fail "wrong exit status: message missing; got: $(cat out.txt)"
printf 'wait "Đăng nhập"\nsignal KILL\nwaitexit 3000 137\n' >kill.txt
vt kill.txt curses || fail "signal KILL not reported as status 137"
printf 'wait "Đăng nhập"\nfrobnicate\n' >bad.txt
rc=$(vt_status bad.txt curses)
[ "$rc" -eq 1 ] || fail "unknown step: expected 1, got $rc"
grep -q "bad.txt:2: unknown step 'frobnicate'" out.txt ||
    fail "unknown step: message missing; got: $(cat out.txt)"

echo "== the global timeout stops a stuck program"
printf 'wait started\nwait "never shown" 100000\n' >stuck.txt
start=$(date +%s)
rc=0
"$VTDRIVE" -t 2 -f stuck.txt -- sh -c 'echo $$ >pid; echo started; \
    trap "" HUP; exec sleep 1000' >out.txt 2>&1 || rc=$?
elapsed=$(($(date +%s) - start))
[ "$rc" -eq 1 ] || fail "global timeout: expected status 1, got $rc"
grep -q 'global timeout of 2 s reached' out.txt ||
    fail "global timeout: message missing; got: $(cat out.txt)"
[ "$elapsed" -le 8 ] || fail "global timeout: took $elapsed s"
pid=$(cat pid)
if [ -r "/proc/$pid/stat" ] &&
    [ "$(awk '{ print $3 }' "/proc/$pid/stat")" != Z ]; then
	fail "global timeout: program $pid still running"
fi

echo "selftest done"
