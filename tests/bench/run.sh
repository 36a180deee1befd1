#!/bin/sh
# Runs every benchmark script here.  Benchmarks print figures and never
# decide a pass or a fail; docs/BENCHMARKS.md records the results.
here=$(cd "$(dirname "$0")" && pwd)
for b in "$here"/*.sh; do
	[ "$(basename "$b")" = run.sh ] && continue
	echo "== $(basename "$b" .sh)"
	sh "$b" || echo "(benchmark $(basename "$b") stopped early)"
done
