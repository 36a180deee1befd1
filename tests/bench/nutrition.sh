#!/bin/sh
# The balanced-portion calculation for a month of menus of both age
# groups (target: under 50 ms), on a fresh demo database.  Needs MAMNON
# (the built program) and the core library build/release/libmamnon.a;
# builds tests/bench/nutrition.c against it unless NUTRITION_BENCH names
# a built copy.  Prints figures only.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${MAMNON:?MAMNON must name the built mamnon program}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mamnon-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

bench=${NUTRITION_BENCH:-}
if [ -z "$bench" ]; then
	lib=$root/build/release/libmamnon.a
	[ -f "$lib" ] || make -C "$root" -s build/release/libmamnon.a
	bench=$tmp/nutrition
	${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -I"$root/src" \
	    $(pkg-config --cflags sqlite3 icu-uc) -o "$bench" \
	    "$here/nutrition.c" "$lib" \
	    $(pkg-config --libs ncursesw sqlite3 libxcrypt icu-uc icu-i18n \
	    xlsxwriter) -liniparser -lm
fi

cat >"$tmp/mamnon.ini" <<EOF
[database]
path = $tmp/mamnon.db

[school]
name = Benchmark
timezone = Asia/Ho_Chi_Minh
EOF
printf 'Bench-2024-xyz\n' |
    "$MAMNON" -c "$tmp/mamnon.ini" init --admin admin --password-stdin \
    >/dev/null
printf 'Bench-2024-xyz\n' |
    "$MAMNON" -c "$tmp/mamnon.ini" demo --password-stdin >/dev/null

# The last month the demo fills completely; the current one is partial.
month=$(TZ=Asia/Ho_Chi_Minh date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)
"$bench" "$tmp/mamnon.db" "$month" "${RUNS:-20}"
