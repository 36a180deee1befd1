# A child's growth chart opens from the child's health page: braille
# dots on a UTF-8 terminal, ASCII only on a vt100, and keys 1-4 switch
# the indicator.
. "$TUI_DIR/lib.sh"

mn_init
printf '%s\n' "$TEACHER_PASSWORD" |
    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
    fail "mamnon demo failed"
nurse=$(mn_first_login nurse "$TEACHER_PASSWORD" "$NEW_PASSWORD")

# Steps that open the chart of the first child of MG5A; the screen is
# written to $1 for each indicator.
chart_steps() {
	login_steps nurse "$nurse"
	cat <<EOF
wait "Sức khỏe" 10000
pick Sức khỏe
key Enter
wait "Sức khỏe của trẻ"
pick Sức khỏe của trẻ
key Enter
wait "MG5A"
key /
type MG5A
key Enter
key Enter
wait "chọn trẻ"
key Enter
wait "sinh ngày"
wait "Các lần cân đo"
key g
wait "cân nặng theo tuổi"
settle
dump $1.wfa
key 2
wait "chiều cao theo tuổi"
settle
dump $1.lhfa
key 3
wait "cân nặng theo chiều"
settle
dump $1.wflh
key 4
wait "BMI theo tuổi"
settle
dump $1.bfa
key Esc
wait "Các lần cân đo"
EOF
}

# UTF-8 bytes of a braille pattern, U+2800-U+28FF, for a C-locale grep.
BRAILLE=$(printf '\342[\240-\243][\200-\277]')

# Rows 4-19 are the plot, 20 the axis, 21 its labels, 22 the legend.
plot_rows() {
	sed -n '4,21p' "$1"
}

echo "== braille on a UTF-8 terminal"
chart_steps "$TEST_TMP/utf8" | drive -
for ind in wfa lhfa wflh bfa; do
	dots=$(plot_rows "$TEST_TMP/utf8.$ind" |
	    LC_ALL=C grep -o "$BRAILLE" | wc -l)
	[ "$dots" -ge 100 ] ||
	    fail "$ind: only $dots braille cells in the plot"
	grep -q '│' "$TEST_TMP/utf8.$ind" || fail "$ind: no y axis"
	grep -q 'WHO -3 -2 0 +2 +3 SD' "$TEST_TMP/utf8.$ind" ||
	    fail "$ind: no legend"
done
# The demo child has two measurements; both show on weight-for-age.
points=$(plot_rows "$TEST_TMP/utf8.wfa" | LC_ALL=C.UTF-8 grep -o '●' |
    wc -l)
[ "$points" -ge 1 ] || fail "wfa: no point of the child on the chart"
grep -q 'tháng tuổi' "$TEST_TMP/utf8.wfa" || fail "wfa: no x unit"

echo "== ASCII on a vt100"
chart_steps "$TEST_TMP/vt100" | drive - -e TERM=vt100
for ind in wfa lhfa wflh bfa; do
	if plot_rows "$TEST_TMP/vt100.$ind" | LC_ALL=C grep -q '[^ -~]'; then
		plot_rows "$TEST_TMP/vt100.$ind" >&2
		fail "$ind: the vt100 chart has non-ASCII cells"
	fi
	plot_rows "$TEST_TMP/vt100.$ind" | grep -q '\*' ||
	    fail "$ind: no median curve"
	plot_rows "$TEST_TMP/vt100.$ind" | grep -q '\.' ||
	    fail "$ind: no 3 SD curve"
	grep -q '\* trung vị' "$TEST_TMP/vt100.$ind" ||
	    fail "$ind: no ASCII legend"
done
plot_rows "$TEST_TMP/vt100.wfa" | sed 's/^[ 0-9.,]*|//' | grep -q 'o' ||
    fail "wfa: no point of the child on the ASCII chart"
