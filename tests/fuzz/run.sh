#!/bin/sh
# Runs the input fuzzer over the corpus next to this script.
#   sh tests/fuzz/run.sh PATH/TO/fuzz_inputs [MUTATIONS]
# MUTATIONS is the count of mutated copies per corpus file (default 2000).
set -e
if [ $# -lt 1 ]; then
	echo "usage: $0 FUZZ_INPUTS [MUTATIONS]" >&2
	exit 2
fi
bin=$1
shift
corpus=$(dirname "$0")/corpus
# The parsers must not depend on the user's locale.
LC_ALL=C exec "$bin" "$corpus" "$@"
