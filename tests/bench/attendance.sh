#!/bin/sh
# Attendance saves and the monthly sheet, each beside a plain C loop of
# the same SQLite transactions where that applies.  Prints figures;
# never fails on a target.
#
#   paced: SESSIONS processes each save a class of SIZE children every
#          INTERVAL ms through mn_attendance_save; p50/p99/max save time
#   burst: the same processes save back to back for SECONDS, through the
#          core and then through the plain loop.  Prints saves per
#          second and the longest save.
#   demo:  mn_demo_attendance on a school year of 350 children that
#          started 280 days ago
#   sheet: ten school years of a 350-child school, every school day
#          marked; time of one class's monthly sheet
#
# Builds tests/bench/attendance_bench.c against build/release/libmamnon.a.
# The core queues writers on a flock(2) of DB-writer (see db.c), and the
# plain loop takes the same lock.  BENCH_BUSY=poll retries a busy
# database every 0.1-0.3 ms, in place of
# the busy timeout that mn_db_open sets.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
sessions=${SESSIONS:-50}
size=${SIZE:-35}
interval=${INTERVAL:-2000}
rounds=${ROUNDS:-15}
seconds=${SECONDS_BURST:-10}
dir=$(mktemp -d "${TMPDIR:-/tmp}/mamnon-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM

make -s -C "$top" build/release/libmamnon.a
bench=$dir/attendance_bench
# shellcheck disable=SC2046
cc -std=c11 -D_GNU_SOURCE -O2 -I"$top/src" -o "$bench" \
    "$here/attendance_bench.c" "$top/build/release/libmamnon.a" \
    $(pkg-config --cflags --libs sqlite3 libxcrypt icu-uc icu-i18n \
    xlsxwriter) -liniparser -lm

# percentile P: the P-th percentile of the numbers on standard input.
percentile() {
	sort -n | awk -v p="$1" '{ v[NR] = $1 } END {
		i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1;
		print v[i] }'
}

ms() {
	awk '{ printf "%.2f ms", $1 / 1000 }'
}

db=$dir/paced.db
"$bench" setup "$db" "$sessions" "$size"
"$bench" paced "$db" "$sessions" "$interval" "$rounds"
cat "$db".times.* > "$dir/paced.times"
echo "paced: $sessions sessions, $size children, every $interval ms," \
    "$(wc -l < "$dir/paced.times") saves:" \
    "p50 $(percentile 50 < "$dir/paced.times" | ms)," \
    "p99 $(percentile 99 < "$dir/paced.times" | ms)," \
    "max $(percentile 100 < "$dir/paced.times" | ms)"

for kind in core plain; do
	db=$dir/burst-$kind.db
	"$bench" setup "$db" "$sessions" "$size"
	"$bench" burst "$db" "$sessions" "$seconds" "$kind"
	cat "$db".times.* | grep -v failed > "$dir/$kind.times" || :
	failed=$(cat "$db".times.* | grep -c failed || :)
	n=$(wc -l < "$dir/$kind.times")
	echo "burst $kind: $n saves in $seconds s, $failed failed," \
	    "$(awk -v n="$n" -v s="$seconds" \
	    'BEGIN { printf "%.0f", n / s }')" \
	    "saves/s, p99 $(percentile 99 < "$dir/$kind.times" | ms)," \
	    "max $(percentile 100 < "$dir/$kind.times" | ms)"
done
core=$(wc -l < "$dir/core.times")
plain=$(wc -l < "$dir/plain.times")
echo "burst: core throughput is" \
    "$(awk -v a="$core" -v b="$plain" \
    'BEGIN { printf "%.0f", 100 * a / b }')%" \
    "of the plain loop"

"$bench" demo "$dir/demo.db" 10 35
"$bench" sheet "$dir/sheet.db" 10 350
