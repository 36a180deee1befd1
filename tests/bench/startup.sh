#!/bin/sh
# Time from start to the login screen, and the private memory of a
# session idle at the main menu, each beside the baseline ncurses
# program.  Prints figures; never fails on a target.
#
# Needs: MAMNON (the binary), VTDRIVE (the terminal driver), BASELINE
# (tests/bench/baseline.c built).  Runs in a temporary folder.
set -eu
runs=${RUNS:-20}
dir=$(mktemp -d "${TMPDIR:-/tmp}/mamnon-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM

cfg=$dir/mamnon.ini
printf '[database]\npath = %s/mamnon.db\n' "$dir" > "$cfg"
printf 'bench-pass-1\n' | "$MAMNON" -c "$cfg" init --admin admin \
    --password-stdin >/dev/null

now_us() {
	echo $(($(date +%s%N) / 1000))
}

# Median of the numbers on standard input.
median() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2];
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# time_to_text TEXT COMMAND...: microseconds until TEXT is on screen.
time_to_text() {
	text=$1
	shift
	printf 'wait %s 10000\n' "$text" > "$dir/wait.steps"
	start=$(now_us)
	"$VTDRIVE" -s 80x24 -f "$dir/wait.steps" -- "$@" >/dev/null
	echo $(($(now_us) - start))
}

: > "$dir/app.times"
: > "$dir/base.times"
i=0
while [ $i -lt "$runs" ]; do
	time_to_text "Đăng nhập" "$MAMNON" -c "$cfg" >> "$dir/app.times"
	time_to_text ready "$BASELINE" >> "$dir/base.times"
	i=$((i + 1))
done
app=$(median < "$dir/app.times")
base=$(median < "$dir/base.times")
echo "start to login screen: median ${app} us over $runs runs"
echo "baseline ncurses start: median ${base} us over $runs runs"
awk -v a="$app" -v b="$base" \
    'BEGIN { printf "ratio: %.2f (target: under 2.00)\n", a / b }'

# private_kb PATTERN: Private_Clean + Private_Dirty of the newest process
# whose command line matches PATTERN.
private_kb() {
	pid=$(pgrep -n -f "$1")
	awk '/^Private_(Clean|Dirty):/ { kb += $2 } END { print kb }' \
	    "/proc/$pid/smaps_rollup"
}

# Two sessions sit at the main menu, because a page of a shared library
# counts as private while only one process maps it.  The figure is the
# second session's Private_Clean + Private_Dirty: what each further
# session adds on a host where others already run.
cat > "$dir/menu.steps" <<'STEPS'
wait Đăng nhập 10000
type admin
key Enter
type bench-pass-1
key Enter
wait Quản lý tài khoản 10000
sleep 5000
STEPS
"$VTDRIVE" -s 80x24 -f "$dir/menu.steps" -- "$MAMNON" -c "$cfg" >/dev/null &
sleep 1
"$VTDRIVE" -s 80x24 -f "$dir/menu.steps" -- "$MAMNON" -c "$cfg" >/dev/null &
sleep 3
app_kb=$(private_kb "$MAMNON -c $cfg")
printf 'sleep 4000\n' > "$dir/idle.steps"
"$VTDRIVE" -s 80x24 -f "$dir/idle.steps" -- "$BASELINE" >/dev/null &
sleep 0.5
"$VTDRIVE" -s 80x24 -f "$dir/idle.steps" -- "$BASELINE" >/dev/null &
sleep 1
base_kb=$(private_kb "$BASELINE")
wait
echo "private memory of a second session at the main menu: ${app_kb} KiB" \
    "(target: under 3072)"
echo "baseline ncurses program, second instance: ${base_kb} KiB"
