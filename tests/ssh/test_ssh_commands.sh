#!/bin/sh
# Over SSH the account runs mamnon and nothing else: shell commands, scp
# (both protocols), sftp and rsync are rejected, and no port forwarding
# of any direction is set up.
. "$SSH_TESTS/lib.sh"
ssh_setup
status=0

# A shell would print the user id; mamnon rejects the command.
for cmd in 'id' 'sh -c id' '/bin/sh' 'echo $((6*7))' 'get' 'get A B' \
    'rsync --server --sender -e.L . /etc/hostname'; do
	rc=0
	ssh_run "$cmd" >"$TESTDIR/out" 2>"$TESTDIR/err" || rc=$?
	if [ "$rc" != 1 ]; then
		echo "command '$cmd': exit $rc, expected 1"
		status=1
	fi
	if grep -q 'uid=\|^42$' "$TESTDIR/out"; then
		echo "command '$cmd' ran in a shell: $(cat "$TESTDIR/out")"
		status=1
	fi
	if [ -s "$TESTDIR/out" ]; then
		echo "command '$cmd' wrote to standard output: $(head -c 200 \
		    "$TESTDIR/out")"
		status=1
	fi
	grep -q 'mamnon' "$TESTDIR/err" || {
		echo "command '$cmd': no message from mamnon:" \
		    "$(cat "$TESTDIR/err")"
		status=1
	}
done

ssh_opts="-F /dev/null -i $TESTDIR/key_plain -o IdentitiesOnly=yes \
-o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
-o ConnectTimeout=10"

# scp over the SFTP protocol (the default since OpenSSH 9.0) and over
# the old scp protocol (-O); neither may copy a file either way.
echo secret >"$TESTDIR/local.txt"
# shellcheck disable=SC2086
for mode in '' '-O'; do
	rm -f "$TESTDIR/fetched"
	if timeout 30 scp $mode $ssh_opts -P "$PORT" \
	    "$USER_NAME@127.0.0.1:/etc/hostname" "$TESTDIR/fetched" \
	    >/dev/null 2>&1; then
		echo "scp $mode copied a file from the host"
		status=1
	fi
	[ ! -s "$TESTDIR/fetched" ] || {
		echo "scp $mode fetched /etc/hostname"
		status=1
	}
	if timeout 30 scp $mode $ssh_opts -P "$PORT" "$TESTDIR/local.txt" \
	    "$USER_NAME@127.0.0.1:$TESTDIR/uploaded.txt" >/dev/null 2>&1; then
		echo "scp $mode uploaded a file"
		status=1
	fi
	[ ! -e "$TESTDIR/uploaded.txt" ] || {
		echo "scp $mode created $TESTDIR/uploaded.txt"
		status=1
	}
done

# sftp asks for the sftp subsystem; ForceCommand runs mamnon instead.
printf 'get /etc/hostname %s/sftp-got\n' "$TESTDIR" >"$TESTDIR/batch"
# shellcheck disable=SC2086
if timeout 30 sftp $ssh_opts -P "$PORT" -b "$TESTDIR/batch" \
    "$USER_NAME@127.0.0.1" >/dev/null 2>&1; then
	echo "sftp session succeeded"
	status=1
fi
[ ! -e "$TESTDIR/sftp-got" ] || {
	echo "sftp fetched a file"
	status=1
}

# Local forwarding to the sshd port itself: if the channel opened,
# ssh-keyscan through it would read the server's SSH banner and key.
lport=$((PORT + 1))
[ $lport -lt 65000 ] || lport=$((PORT - 1))
# shellcheck disable=SC2086
ssh $ssh_opts -N -o ExitOnForwardFailure=yes -L "$lport:127.0.0.1:$PORT" \
    -p "$PORT" "$USER_NAME@127.0.0.1" 2>"$TESTDIR/fwd.err" &
fwd=$!
sleep 1.5
if ssh-keyscan -T 5 -p "$lport" 127.0.0.1 2>/dev/null | grep -q ssh-; then
	echo "ssh -N -L forwarded a connection"
	status=1
fi
kill $fwd 2>/dev/null || true
wait $fwd 2>/dev/null || true
grep -qi 'prohibited\|refused\|denied' "$TESTDIR/fwd.err" ||
    grep -qi 'refused local port forward\|forwarding disabled\|not permitted' \
    "$TESTDIR/sshd.log" || {
	echo "no sign that sshd refused the -L channel:"
	cat "$TESTDIR/fwd.err"
	status=1
}

# Remote forwarding: the server must refuse the request.  Dynamic
# forwarding (-D) opens the same kind of channel as -L.
rport=$((PORT + 2))
# shellcheck disable=SC2086
if timeout 20 ssh $ssh_opts -N -o ExitOnForwardFailure=yes \
    -R "$rport:127.0.0.1:$PORT" -p "$PORT" "$USER_NAME@127.0.0.1" \
    2>/dev/null; then
	echo "ssh -N -R was accepted"
	status=1
fi
grep -q 'forced-command (config)' "$TESTDIR/sshd.log" || {
	echo "sshd.log shows no session with the forced command"
	status=1
}
exit $status
