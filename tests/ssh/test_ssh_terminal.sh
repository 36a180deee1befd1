#!/bin/sh
# An interactive SSH login (ssh -tt) reaches mamnon's login screen with
# correct Vietnamese whatever the client sends as TERM and LANG.  Ctrl-Z,
# Ctrl-C, Ctrl-\ and typed shell commands never reach a shell.  When the
# connection drops, the session's mamnon ends within seconds.
. "$SSH_TESTS/lib.sh"
[ -n "${VTDRIVE:-}" ] && [ -x "$VTDRIVE" ] ||
    skip "VTDRIVE is not set to the built terminal driver"
ssh_setup
status=0

# Typed shell syntax must land in a form field, not in a shell.
cat >"$TESTDIR/login.vt" <<'EOS'
wait "Đăng nhập" 20000
wait "Tên đăng nhập"
type "echo MN_SHELL_$((40+2))"
key Enter
settle 300 5000
expectnot MN_SHELL_42
expect "Đăng nhập"
close
waitexit 10000
EOS

# Runs one login; the arguments are vtdrive options for the ssh client's
# environment, then "--", then extra ssh options.
login() {
	label=$1
	shift
	script=$1
	shift
	vt_opts=
	while [ "$1" != -- ]; do
		vt_opts="$vt_opts $1"
		shift
	done
	shift
	# shellcheck disable=SC2086
	if ! "$VTDRIVE" -t 60 $vt_opts -f "$TESTDIR/$script" -- \
	    ssh -tt -e none -F /dev/null -i "$TESTDIR/key_plain" \
	    -o IdentitiesOnly=yes -o BatchMode=yes \
	    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	    -o LogLevel=ERROR -o ConnectTimeout=10 "$@" -p "$PORT" \
	    "$USER_NAME@127.0.0.1" >"$TESTDIR/vt.out" 2>&1; then
		echo "login with $label failed:"
		sed 's/^/  /' "$TESTDIR/vt.out"
		status=1
	fi
	# The session's mamnon must be gone once the connection is.
	waited=0
	while pgrep -f -- "-c $CFG --ssh" >/dev/null 2>&1; do
		if [ $waited -ge 50 ]; then
			echo "with $label: mamnon still runs 5 s after the" \
			    "connection closed"
			status=1
			break
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
}

login "TERM=xterm-256color, no LANG" login.vt --
login "TERM unset" login.vt -u TERM --
login "TERM=unknown" login.vt -e TERM=unknown --
login "TERM=dumb" login.vt -e TERM=dumb --
login "LANG=xx_XX.UTF-8" login.vt -e LANG=xx_XX.UTF-8 -- -o SendEnv=LANG
login "LANG=C, LC_ALL=POSIX" login.vt -e LANG=C -e LC_ALL=POSIX -- \
    -o SendEnv=LANG -o SendEnv=LC_ALL

# Ctrl-Z, Ctrl-C and Ctrl-\ arrive as keys in raw mode.  mamnon may
# ignore one or end on it; either way the screen afterwards shows
# mamnon or nothing (the connection closed), never a shell prompt.
n=0
for key in C-z C-c 'C-\'; do
	n=$((n + 1))
	rm -f "$TESTDIR/after.$n"
	printf 'wait "Đăng nhập" 20000\nkey %s\nsettle 300 5000\n' "$key" \
	    >"$TESTDIR/key$n.vt"
	printf 'dump %s\n' "$TESTDIR/after.$n" >>"$TESTDIR/key$n.vt"
	login "key $key" "key$n.vt" --
	[ -f "$TESTDIR/after.$n" ] || {
		echo "key $key: no screen dump"
		status=1
		continue
	}
	if grep -q '[^ ]' "$TESTDIR/after.$n" &&
	    ! grep -q 'Đăng nhập' "$TESTDIR/after.$n"; then
		echo "key $key left this on the screen:"
		sed 's/^/  /' "$TESTDIR/after.$n"
		status=1
	fi
done

# A key bound with command="mamnon --login teacher1" reaches the login
# screen with that login filled in, although ForceCommand replaced the
# key's command.
cat >"$TESTDIR/bound.vt" <<'EOS'
wait "Tên đăng nhập" 20000
wait teacher1
close
waitexit 10000
EOS
if ! "$VTDRIVE" -t 60 -f "$TESTDIR/bound.vt" -- \
    ssh -tt -e none -F /dev/null -i "$TESTDIR/key_teacher" \
    -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
    -o ConnectTimeout=10 -p "$PORT" "$USER_NAME@127.0.0.1" \
    >"$TESTDIR/vt.out" 2>&1; then
	echo "key bound to teacher1:"
	sed 's/^/  /' "$TESTDIR/vt.out"
	status=1
fi

# sshd must have run the forced command for every one of those logins.
sessions=$(grep -c "forced-command (config) '$MAMNON -c $CFG --ssh'" \
    "$TESTDIR/sshd.log" || true)
[ "$sessions" -ge 10 ] || {
	echo "sshd.log shows $sessions forced-command sessions, expected 10+"
	status=1
}
exit $status
