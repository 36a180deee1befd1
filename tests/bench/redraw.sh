#!/bin/sh
# Bytes the program sends to the terminal when the selection moves one
# line down a long list (the children register of the demo school), and
# when it moves one page down.  A line move should rewrite two rows, not
# the screen.  Prints figures; never fails on a target.
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

# The principal opens "Trẻ em", the first entry of the main menu.
cat > "$dir/steps" <<'STEPS'
wait Đăng nhập 10000
type principal
key Enter
type bench-pass-1
key Enter
wait Menu chính 10000
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
STEPS
"$VTDRIVE" -s 80x24 -f "$dir/steps" -- "$MAMNON" -c "$cfg" > "$dir/out"
awk '/^bytes / { n++; if (n <= 3) line[n] = $2; else page = $2 }
    END {
	printf "one line down: %s, %s, %s bytes (target: under 64)\n",
	    line[1], line[2], line[3]
	printf "one page down: %s bytes\n", page
    }' "$dir/out"
