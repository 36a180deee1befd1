#!/bin/sh
# A save on a full filesystem fails with a clear message and leaves the
# database whole with every earlier save.  Needs a 4 MiB tmpfs, so it
# runs as root where mount works and is skipped elsewhere.
set -eu
. "$(dirname "$0")/lib_fault.sh"
small=$TESTDIR/small
mkdir -p "$small"
if [ "$(id -u)" != 0 ] ||
    ! mount -t tmpfs -o size=4m,mode=0770 tmpfs "$small" 2>/dev/null; then
	echo "SKIP: cannot mount a small tmpfs here (needs root and mount" \
	    "permission); the full-disk case was not tested"
	exit 0
fi
trap 'umount "$small" 2>/dev/null || umount -l "$small"' EXIT
db=$small/mamnon.db
make_db "$db" "$TESTDIR/mamnon.ini"
status=0

# Saves of 4000 bytes fill the rest within about a thousand saves.
rc=0
"$WRITER" "$db" 1 100000 4000 >"$TESTDIR/acks" 2>"$TESTDIR/writer.err" ||
    rc=$?
[ "$rc" = 1 ] || {
	echo "writer exit $rc on a full disk, expected 1"
	status=1
}
grep -q 'đầy\|full' "$TESTDIR/writer.err" || {
	echo "no 'disk full' message: $(cat "$TESTDIR/writer.err")"
	status=1
}
acked=$(grep -c . "$TESTDIR/acks" || true)
[ "$acked" -gt 0 ] || { echo "nothing was saved before the disk filled"; \
    status=1; }
last=$(tail -n 1 "$TESTDIR/acks")
check=$(integrity "$db")
[ "$check" = ok ] || { echo "integrity_check: $check"; status=1; }
found=$(saves_between "$db" 1 "$last")
[ "$found" = "$acked" ] || {
	echo "$acked saves acknowledged, $found found"
	status=1
}

# The program's own save path reports it too, and nothing is half-done.
rc=0
printf 'pass-word-1\n' | "$MAMNON" -c "$TESTDIR/mamnon.ini" user add \
    gv1 --role teacher --password-stdin >/dev/null 2>"$TESTDIR/add.err" ||
    rc=$?
if [ "$rc" = 0 ]; then
	# The account fitted in the last free pages: that is not an error.
	echo "note: user add still fitted on the full disk"
else
	grep -q 'đầy\|full' "$TESTDIR/add.err" || {
		echo "user add on a full disk said: $(cat "$TESTDIR/add.err")"
		status=1
	}
fi
[ "$(integrity "$db")" = ok ] || { echo "integrity after user add"; status=1; }
[ "$(saves_between "$db" 1 "$last")" = "$acked" ] || {
	echo "earlier saves changed after the failed save"
	status=1
}
echo "$acked saves fitted; the failing save reported: $(head -n 1 \
    "$TESTDIR/writer.err")"
exit $status
