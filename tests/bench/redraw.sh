#!/bin/sh
# Bytes the program sends to the terminal when the selection moves one
# line down a long list (the children register of the demo school), and
# when it moves one page down and then one line past the page; also one
# line down the main menu.  A line move should rewrite a few cells, not
# rows or the screen.  Runs once as xterm-256color (colour) and once as
# vt100 (monochrome).  A vt100 has no PgDn key, so there the page figure
# is 0 and the next move stays within the page.  Prints figures; never
# fails on a target.
#
# Needs: MAMNON and VTDRIVE.
set -eu
dir=$(mktemp -d "${TMPDIR:-/tmp}/mamnon-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM

cfg=$dir/mamnon.ini
printf '[database]\npath = %s/mamnon.db\n' "$dir" > "$cfg"
printf 'bench-pass-1\n' | "$MAMNON" -c "$cfg" init --admin admin \
    --password-stdin >/dev/null
printf 'bench-pass-1\n' | "$MAMNON" -c "$cfg" demo --password-stdin \
    >/dev/null

# The principal moves down the main menu and back, then opens "Trẻ em",
# the first entry of the main menu.
cat > "$dir/steps" <<'STEPS'
wait Đăng nhập 10000
type principal
key Enter
type bench-pass-1
key Enter
wait Menu chính 10000
settle 500
mark
key Down
settle 300
bytes
key Up
settle 300
mark
key Enter
wait Họ và tên 10000
settle 500
mark
key Down
settle 300
bytes
key Down
settle 300
bytes
key Down
settle 300
bytes
key PgDn
settle 300
bytes
key Down
settle 300
bytes
STEPS
for term in xterm-256color vt100; do
	"$VTDRIVE" -s 80x24 -e TERM=$term -f "$dir/steps" -- \
	    "$MAMNON" -c "$cfg" > "$dir/out"
	awk -v term=$term '/^bytes / { v[++n] = $2 }
	    END {
		printf "%s: one line down the register: %s, %s, %s bytes " \
		    "(target: under 64)\n", term, v[2], v[3], v[4]
		printf "%s: one page down the register: %s bytes\n", term,
		    v[5]
		printf "%s: one line down past the page, scrolling: %s " \
		    "bytes\n", term, v[6]
		printf "%s: one line down the main menu: %s bytes\n", term,
		    v[1]
	    }' "$dir/out"
done
