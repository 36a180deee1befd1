# Helpers for tests/ssh/test_*.sh: a private sshd on 127.0.0.1 with a
# generated host key, its own authorized_keys file and the project's
# sshd drop-in, adapted to force this build of mamnon for the user who
# runs the tests.  run.sh sets TESTDIR (fresh folder) and SSH_TESTS.

set -eu

: "${MAMNON:?MAMNON must name the built mamnon program}"
: "${TESTDIR:?run the tests through tests/ssh/run.sh}"
: "${SSH_TESTS:?run the tests through tests/ssh/run.sh}"

REPO=$(cd "$SSH_TESTS/../.." && pwd)
DROPIN=$REPO/etc/sshd_config.d/mamnon.conf
CFG=$TESTDIR/mamnon.ini
DB=$TESTDIR/db/mamnon.db
SSHD=${SSHD:-/usr/sbin/sshd}
ADMIN_PASSWORD='Quantri-2024-xyz'
TEACHER_PASSWORD='Giaovien-2024-abc'
USER_NAME=$(id -un)
SSHD_PID=
PORT=

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*"
	exit 77
}

stop_sshd() {
	if [ -n "$SSHD_PID" ]; then
		kill "$SSHD_PID" 2>/dev/null || true
		wait "$SSHD_PID" 2>/dev/null || true
		SSHD_PID=
	fi
}

# A database with an admin and a teacher, in a folder only the owner and
# group may enter, as the deployment guide sets it up.
make_school() {
	mkdir -m 0770 "$TESTDIR/db"
	cat >"$CFG" <<EOC
[database]
path = $DB

[school]
name = MN Hoa Sen
timezone = Asia/Ho_Chi_Minh

[ui]
language = vi

[backup]
dir = $TESTDIR/backups
keep = 3
EOC
	printf '%s\n' "$ADMIN_PASSWORD" | "$MAMNON" -c "$CFG" init \
	    --admin admin --password-stdin >/dev/null
	printf '%s\n' "$TEACHER_PASSWORD" | "$MAMNON" -c "$CFG" user add \
	    teacher1 --role teacher --password-stdin >/dev/null
}

make_keys() {
	ssh-keygen -q -t ed25519 -N '' -C host -f "$TESTDIR/host_key"
	ssh-keygen -q -t ed25519 -N '' -C plain -f "$TESTDIR/key_plain"
	ssh-keygen -q -t ed25519 -N '' -C teacher1 -f "$TESTDIR/key_teacher"
	{
		cat "$TESTDIR/key_plain.pub"
		printf 'restrict,pty,command="mamnon --login teacher1" %s\n' \
		    "$(cat "$TESTDIR/key_teacher.pub")"
	} >"$TESTDIR/authorized_keys"
	chmod 0600 "$TESTDIR/authorized_keys"
}

# Writes sshd_config: the test's global part, then the project's drop-in
# with its Match line and ForceCommand pointed at this build.
write_sshd_config() {
	use_pam=$1
	cat >"$TESTDIR/sshd_config" <<EOC
ListenAddress 127.0.0.1
Port $PORT
HostKey $TESTDIR/host_key
PidFile $TESTDIR/sshd.pid
AuthorizedKeysFile $TESTDIR/authorized_keys
# The temporary folder is not owned by root, so sshd's ownership checks
# of the key file's folders would reject it.
StrictModes no
UsePAM $use_pam
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
# The test logs in as the user running it, which is root in CI.
PermitRootLogin prohibit-password
AcceptEnv LANG LC_*
Subsystem sftp /usr/lib/openssh/sftp-server
LogLevel VERBOSE
EOC
	fc_old='/usr/local/bin/mamnon --ssh'
	fc_new="$MAMNON -c $CFG --ssh"
	sed -e "s|^Match Group mamnon\$|Match User $USER_NAME|" \
	    -e "s|^\(.\)ForceCommand $fc_old\$|\1ForceCommand $fc_new\\
\1SetEnv MAMNON_AUTHORIZED_KEYS=$TESTDIR/authorized_keys|" \
	    "$DROPIN" >>"$TESTDIR/sshd_config"
	grep -q "^Match User $USER_NAME\$" "$TESTDIR/sshd_config" ||
	    fail "the drop-in $DROPIN has no 'Match Group mamnon' line"
	grep -q "ForceCommand $MAMNON -c $CFG --ssh\$" \
	    "$TESTDIR/sshd_config" ||
	    fail "the drop-in $DROPIN has no ForceCommand for mamnon --ssh"
}

# Starts sshd on a free port; sets PORT and SSHD_PID.
start_sshd() {
	use_pam=${1:-no}
	tries=0
	while [ $tries -lt 8 ]; do
		tries=$((tries + 1))
		PORT=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') \
		    % 40000))
		write_sshd_config "$use_pam"
		"$SSHD" -t -f "$TESTDIR/sshd_config" ||
		    fail "sshd -t rejected the test configuration"
		: >"$TESTDIR/sshd.log"
		"$SSHD" -D -e -f "$TESTDIR/sshd_config" \
		    2>>"$TESTDIR/sshd.log" &
		SSHD_PID=$!
		waited=0
		while [ $waited -lt 50 ]; do
			if grep -q 'Server listening on 127.0.0.1' \
			    "$TESTDIR/sshd.log"; then
				return 0
			fi
			kill -0 "$SSHD_PID" 2>/dev/null || break
			sleep 0.1
			waited=$((waited + 1))
		done
		grep -q 'Address already in use' "$TESTDIR/sshd.log" ||
		    { cat "$TESTDIR/sshd.log" >&2; fail "sshd did not start"; }
		stop_sshd
	done
	fail "no free port for sshd after $tries tries"
}

# ssh to the test sshd with one of the generated keys (default: plain).
ssh_as() {
	key=$1
	shift
	ssh -F /dev/null -i "$TESTDIR/key_$key" -o IdentitiesOnly=yes \
	    -o BatchMode=yes -o StrictHostKeyChecking=no \
	    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
	    -o ConnectTimeout=10 -o ServerAliveInterval=5 -p "$PORT" \
	    "$USER_NAME@127.0.0.1" "$@"
}

ssh_run() {
	ssh_as plain "$@"
}

# Prepares everything and leaves sshd running until the test exits.
ssh_setup() {
	[ -x "$SSHD" ] || skip "$SSHD not installed (package openssh-server)"
	command -v ssh >/dev/null ||
	    skip "ssh not installed (package openssh-client)"
	if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
		# The folder Debian's ssh.service creates; sshd running as
		# root needs it for privilege separation.
		mkdir -m 0755 /run/sshd ||
		    skip "cannot create /run/sshd for sshd's" \
		    "privilege separation"
	fi
	make_school
	make_keys
	trap stop_sshd EXIT
	# SSH_TEST_PAM=yes starts with PAM, to try the path taken below.
	start_sshd "${SSH_TEST_PAM:-no}"
	# With UsePAM no, sshd rejects an account whose password field is
	# locked ("!"), as root's may be in a container; PAM does not.
	if ! ssh_run get PROBE-PROBE-PROB >/dev/null \
	    2>"$TESTDIR/probe.err"; then
		if grep -q 'account is locked' "$TESTDIR/sshd.log"; then
			stop_sshd
			start_sshd yes
		fi
	fi
	ssh_run get PROBE-PROBE-PROB >/dev/null 2>"$TESTDIR/probe.err" || true
	grep -q 'mamnon' "$TESTDIR/probe.err" || {
		cat "$TESTDIR/probe.err" >&2
		fail "ssh login to the test sshd did not reach mamnon"
	}
}
