#!/bin/sh
# Regenerates src/core/foods_table.c from data/foods/foods.csv.  Run from
# the top folder after editing the CSV file, then commit both files.
set -eu
out=build/tools
mkdir -p "$out"
${CC:-cc} -std=c11 -D_GNU_SOURCE -Wall -Wextra -Isrc \
    $(pkg-config --cflags sqlite3) -o "$out/gen_foods_table" \
    tools/gen_foods_table.c src/core/foods.c src/core/mn.c -lm
"$out/gen_foods_table" data/foods/foods.csv > src/core/foods_table.c.tmp
mv src/core/foods_table.c.tmp src/core/foods_table.c
