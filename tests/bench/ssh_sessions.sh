#!/bin/sh
# SSH figures: the private memory of a mamnon session at the main menu
# beside the sshd process that carries it, and save latency and
# throughput with 50 concurrent writers.  Prints figures; never fails on
# a target.
#
# Needs: MAMNON, VTDRIVE, BENCH_SAVES (tests/bench/saves.c built), and
# what tests/ssh needs to start a private sshd (root, or a user whose
# login shell is a shell).  SSH_BENCH=memory measures the memory only;
# MEMORY_DETAIL=N also lists the N mappings with the most private memory.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
TESTDIR=$(mktemp -d "${TMPDIR:-/tmp}/mamnon-bench-ssh.XXXXXX")
chmod 0755 "$TESTDIR"
SSH_TESTS=$here/../ssh
export TESTDIR SSH_TESTS
cleanup() {
	stop_sshd
	rm -rf "$TESTDIR"
}
. "$SSH_TESTS/lib.sh"
ssh_setup
trap cleanup EXIT INT TERM

# private_kb PID: Private_Clean + Private_Dirty.
private_kb() {
	awk '/^Private_(Clean|Dirty):/ { kb += $2 } END { print kb }' \
	    "/proc/$1/smaps_rollup"
}

# private_detail PID N: the N mappings with the most private memory, in
# KiB, by file (or [heap], [anon] ...) and permissions.
private_detail() {
	awk '/^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "" ? "[anon]" : $6)
		key = name " " $2 }
	    /^Private_(Clean|Dirty):/ { kb[key] += $2 }
	    END { for (k in kb) if (kb[k] > 0) print kb[k], k }' \
	    "/proc/$1/smaps" | sort -rn | head -n "$2" | sed 's/^/    /'
}

percentile() {
	sort -n | awk -v p="$1" '{ v[NR] = $1 } END {
		i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1;
		print v[i] }'
}

# Two sessions at the main menu, so shared library pages count as shared;
# the figures are the second session's.
cat >"$TESTDIR/menu.vt" <<EOS
wait "Tên đăng nhập" 20000
type admin
key Enter
type $ADMIN_PASSWORD
key Enter
wait "Quản lý tài khoản" 10000
sleep 6000
EOS
menus=
for n in 1 2; do
	"$VTDRIVE" -t 60 -f "$TESTDIR/menu.vt" -- ssh -tt -e none -F /dev/null \
	    -i "$TESTDIR/key_plain" -o IdentitiesOnly=yes -o BatchMode=yes \
	    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	    -o LogLevel=ERROR -p "$PORT" "$USER_NAME@127.0.0.1" \
	    >"$TESTDIR/menu.$n.out" 2>&1 &
	menus="$menus $!"
	sleep 1.5
done
sleep 2
app=$(pgrep -n -f -- "-c $CFG --ssh" || true)
if [ -n "$app" ]; then
	carrier=$(ps -o ppid= -p "$app" | tr -d ' ')
	# A shell between sshd and mamnon would be counted as the carrier.
	case $(ps -o comm= -p "$carrier") in
	sh|dash|bash) carrier=$(ps -o ppid= -p "$carrier" | tr -d ' ') ;;
	esac
	echo "mamnon session at the main menu: $(private_kb "$app") KiB private"
	echo "its sshd session process ($(ps -o args= -p "$carrier")):" \
	    "$(private_kb "$carrier") KiB private (target: mamnon smaller)"
	if [ -n "${MEMORY_DETAIL:-}" ]; then
		echo "mamnon's largest private mappings (KiB):"
		private_detail "$app" "$MEMORY_DETAIL"
		echo "sshd's largest private mappings (KiB):"
		private_detail "$carrier" "$MEMORY_DETAIL"
	fi
else
	echo "no mamnon session reached the main menu:"
	cat "$TESTDIR/menu.1.out"
fi
# A bare wait would also wait for sshd.
# shellcheck disable=SC2086
wait $menus || true
[ "${SSH_BENCH:-}" != memory ] || exit 0

# 50 writers, one save every 2 s each for 20 s: the save path of a form,
# in 50 processes on the host (the SSH link adds nothing to a save).
run_writers() {
	mode=$1 seconds=$2 interval=$3
	rm -f "$TESTDIR"/lat.*
	pids=
	w=1
	while [ $w -le 50 ]; do
		"$BENCH_SAVES" "$DB" "$mode" "$seconds" "$interval" \
		    $((w * 10000000)) >"$TESTDIR/lat.$w" &
		pids="$pids $!"
		# Sessions do not save in step: spread the starts over one
		# interval (40 ms apart for 50 writers every 2 s).
		[ "$interval" = 0 ] ||
		    sleep "$(awk -v i="$interval" 'BEGIN { print i / 50000 }')"
		w=$((w + 1))
	done
	# shellcheck disable=SC2086
	wait $pids
	cat "$TESTDIR"/lat.* | grep -v '^saves' >"$TESTDIR/lat.all"
	saves=$(wc -l <"$TESTDIR/lat.all")
	errors=$(awk '/^saves/ { e += $4 } END { print e + 0 }' \
	    "$TESTDIR"/lat.*)
}

run_writers mamnon 20 2000
echo "50 writers, a save every 2 s each: $saves saves, $errors errors," \
    "p50 $(percentile 50 <"$TESTDIR/lat.all") us," \
    "p99 $(percentile 99 <"$TESTDIR/lat.all") us (target under 100000)," \
    "max $(percentile 100 <"$TESTDIR/lat.all") us"

# Back to back, three alternating rounds of 5 s each, because other work
# on the host moves single runs a lot.
: >"$TESTDIR/rounds"
for round in 1 2 3; do
	run_writers mamnon 5 0
	app_max=$(percentile 100 <"$TESTDIR/lat.all")
	app_saves=$saves
	run_writers raw 5 0
	echo "$app_saves $saves $app_max" >>"$TESTDIR/rounds"
	echo "back to back, round $round: mamnon $app_saves saves (longest" \
	    "wait $app_max us), plain SQLite loop $saves saves"
done
awk '{ a += $1; r += $2; if ($3 > m) m = $3 } END {
	printf "back to back over 3 rounds: throughput ratio %.2f (target: " \
	    "0.80 or more), longest wait %d us (target: under 2000000)\n",
	    (r > 0 ? a / r : 0), m }' "$TESTDIR/rounds"
