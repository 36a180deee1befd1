# Shared set-up for the fault tests: a database made by mamnon init and
# the writer helper built beside the binary (make $(BUILD)/tests/writer).

: "${MAMNON:?MAMNON must name the built mamnon program}"
: "${TESTDIR:?run the tests through tests/load/run.sh}"
WRITER=${WRITER:-$(dirname "$MAMNON")/tests/writer}
[ -x "$WRITER" ] || {
	echo "FAIL: $WRITER is missing; build it with" \
	    "'make $(dirname "$MAMNON")/tests/writer'"
	exit 1
}

# Writes a config for the database at $1 and creates it.
make_db() {
	cfg_path=$2
	mkdir -p -m 0770 "$(dirname "$1")"
	printf '[database]\npath = %s\n[backup]\ndir = %s/backups\nkeep = 3\n' \
	    "$1" "$TESTDIR" >"$cfg_path"
	printf 'admin-pass-1\n' | "$MAMNON" -c "$cfg_path" init \
	    --admin admin --password-stdin >/dev/null
}

# Prints a random whole number from 0 to $1 - 1.
random_below() {
	echo $(( $(od -An -N4 -tu4 /dev/urandom | tr -d ' ') % $1 ))
}

integrity() {
	sqlite3 "$1" 'PRAGMA integrity_check'
}

# Number of writer saves with row_id from $2 to $3 in database $1.
saves_between() {
	sqlite3 "$1" "SELECT count(*) FROM audit WHERE table_name = \
'loadtest' AND row_id BETWEEN $2 AND $3"
}
