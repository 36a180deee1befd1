#!/bin/sh
# Children register search with 20,000 children; see search.c.
set -eu
dir=$(mktemp -d "${TMPDIR:-/tmp}/mamnon-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
"$BENCH_SEARCH" "$dir"
