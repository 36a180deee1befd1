# A check-box label wider than the form's value column wraps under its
# own first letter: no continuation line reaches the row labels on the
# left, and the next box starts below the wrapped label.  checks_app
# draws the row with the program's own objects at 80 columns.
. "$TUI_DIR/lib.sh"

need_mamnon
# make check-tui builds checks_app with the build's flags; alone, the
# test builds it from the objects next to $MAMNON.
if [ -n "${CHECKS_APP:-}" ]; then
	[ -x "$CHECKS_APP" ] || fail "CHECKS_APP is not a program: $CHECKS_APP"
	cp "$CHECKS_APP" checks_app
else
	BUILD_DIR=$(dirname "$MAMNON")
	for dir in src/core src/tui gen; do
		ls "$BUILD_DIR/$dir/"*.o >/dev/null 2>&1 ||
		    fail "no objects in $BUILD_DIR/$dir: build with make first"
	done
	ar rcs objs.a "$BUILD_DIR"/src/core/*.o "$BUILD_DIR"/gen/*.o \
	    "$BUILD_DIR"/src/tui/*.o "$BUILD_DIR"/src/cli/*.o ||
	    fail "ar failed"
	SRC_DIR=$(cd "$TUI_DIR/../.." && pwd)
	${CC:-cc} -std=c11 -D_GNU_SOURCE -I"$SRC_DIR/src" -o checks_app \
	    "$TUI_DIR/checks_app.c" objs.a \
	    $(pkg-config --libs ncursesw icu-i18n icu-uc sqlite3) \
	    -lcrypt -lxlsxwriter -liniparser -lm ||
	    fail "building checks_app failed"
fi

ROW='Cần đồng ý (nếu có)'
LONG='chia sẻ dữ liệu sức khỏe của trẻ với trạm y tế phường'
LONG="$LONG và trung tâm y tế quận để theo dõi tiêm chủng"
# The row label takes columns 3 to 21, so the boxes start at column 24
# and a wrapped label continues at column 28, after "[ ] ".
BOX_COL=24
LABEL_COL=28

"$VTDRIVE" -s 80x24 -e LANG=C.UTF-8 -u LC_ALL -u LC_CTYPE -f - -- \
    ./checks_app "$ROW" "hình ảnh" "$LONG" "khác" <<EOF ||
wait "lines "
dump $TEST_TMP/screen.txt
key q
waitexit 5000
EOF
    fail "checks_app failed"
cat screen.txt

# first_col TEXT: the column (0-based, in characters) where the first
# row containing TEXT starts.
first_col() {
	grep -F -- "$1" screen.txt | head -n 1 | sed 's/[^ ].*//' |
	    awk '{ print length($0) }'
}

grep -F -q "$ROW  [ ] hình ảnh" screen.txt ||
    fail "the first box is not beside the row label"
[ "$(first_col "[ ] chia sẻ")" = "$BOX_COL" ] ||
    fail "the long box does not start at column $BOX_COL"
# Every row below the first one, up to the status line, keeps columns
# 0 to BOX_COL-1 blank.
awk -v box="$BOX_COL" 'NR >= 4 && !/^lines / && length($0) > 0 {
	if (substr($0, 1, box) ~ /[^ ]/) {
		print "row " NR " has text left of the boxes: " $0
		bad = 1
	}
} END { exit bad }' screen.txt || fail "text drawn in the label column"
grep -F -q "trung tâm" screen.txt || fail "the label's middle is missing"
[ "$(first_col "[ ] khác")" = "$BOX_COL" ] ||
    fail "the box after the long label does not start a line at $BOX_COL"
long_row=$(grep -n -F "[ ] chia sẻ" screen.txt | cut -d: -f1)
khac_row=$(grep -n -F "[ ] khác" screen.txt | cut -d: -f1)
[ "$khac_row" -gt $((long_row + 1)) ] ||
    fail "the long label did not wrap onto a second line"
# Each continuation line starts under the label's first letter.
awk -v from=$((long_row + 1)) -v to=$((khac_row - 1)) -v col="$LABEL_COL" \
    'NR >= from && NR <= to {
	match($0, /[^ ]/)
	if (RSTART - 1 != col) {
		print "row " NR " starts at column " RSTART - 1 ": " $0
		bad = 1
	}
} END { exit bad }' screen.txt ||
    fail "a continuation line does not start at column $LABEL_COL"
grep -F -q "chủng" screen.txt || fail "the label's last word is missing"
# The row starts on screen row 3 (line 3 of the dump).
lines=$(sed -n 's/^lines \([0-9]*\) .*/\1/p' screen.txt)
[ "$lines" = $((khac_row - 2)) ] ||
    fail "tui_checks_lines says $lines, the drawing takes $((khac_row - 2))"
grep -q "^lines $lines cursor $((khac_row - 1)),$((BOX_COL + 1))\$" \
    screen.txt || fail "the cursor is not on the last box"
