#!/bin/sh
# Follows docs/DEPLOYMENT.md sections 2 to 4 on this host inside a
# private mount namespace whose /etc, /var, /usr/local and /home are
# overlays in $TESTDIR, so the host itself is not changed.  Then both
# ways in must reach mamnon: the shared account's Unix password followed
# by mamnon's login up to the main menu, and a key bound to "admin".
# A shell command must be rejected.  Keep the commands below in step
# with the guide.  Needs root, unshare and overlayfs; skipped otherwise.
set -eu

if [ "${1:-}" = inner ]; then
	W=$2 PORT=$3 MAMNON=$4 VTDRIVE=$5 REPO=$6 WHERE=${7:-overlay}
	# In a debootstrap root (test_deploy_debootstrap.sh) section 1 has
	# run for real and the whole system is scratch.
	if [ "$WHERE" = overlay ]; then
		for d in /etc /var /usr/local /home; do
			fs=$(findmnt -n -o FSTYPE --target "$d")
			[ "$fs" = overlay ] || {
				echo "FAIL: $d is not the private overlay"
				exit 1
			}
		done
		# make install, without building: the binary under test
		# and the sample settings.
		install -d /usr/local/bin /etc/mamnon
		install -m 755 "$MAMNON" /usr/local/bin/mamnon
		install -m 640 "$REPO/etc/mamnon.ini" /etc/mamnon/mamnon.ini
	fi

	# Section 2.
	groupadd --system mamnon
	useradd --system --gid mamnon --home-dir /var/lib/mamnon \
	    --shell /usr/sbin/nologin mamnon
	install -d -o mamnon -g mamnon -m 2770 /var/lib/mamnon
	install -d -o mamnon -g mamnon -m 2750 /var/backups/mamnon
	chgrp mamnon /etc/mamnon/mamnon.ini
	chmod 0640 /etc/mamnon/mamnon.ini
	printf '%s\n' 'FIRST-ADMIN-PASSWORD' |
	    runuser -u mamnon -- mamnon init --admin admin --password-stdin
	runuser -u mamnon -- mamnon check

	# Section 3; chpasswd in place of the interactive passwd.
	useradd --create-home --gid mamnon --shell /bin/sh truong
	echo 'truong:Truong-pass-1' | chpasswd
	ssh-keygen -q -t ed25519 -N '' -C admin -f "$W/key_admin"
	key_opts='restrict,pty,command="/usr/local/bin/mamnon --login admin"'
	printf '%s %s\n' "$key_opts" \
	    "$(cat "$W/key_admin.pub")" >"$W/keys.txt"
	install -d -o root -g root -m 0755 /home/truong/.ssh
	install -o root -g mamnon -m 0644 "$W/keys.txt" \
	    /home/truong/.ssh/authorized_keys

	# Section 4, with sshd on a test port instead of a reload.
	install -m 0644 "$REPO/etc/sshd_config.d/mamnon.conf" \
	    /etc/ssh/sshd_config.d/
	[ -f /etc/ssh/ssh_host_ed25519_key ] || ssh-keygen -A
	/usr/sbin/sshd -t
	/usr/sbin/sshd -D -e -p "$PORT" -o ListenAddress=127.0.0.1 \
	    -o PidFile="$W/guide-sshd.pid" 2>"$W/sshd.log" &
	sshd=$!
	trap 'kill $sshd 2>/dev/null || true' EXIT
	sleep 1
	status=0
	opts="-F /dev/null -o StrictHostKeyChecking=no \
-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=10 \
-p $PORT"

	cat >"$W/password.vt" <<'EOS'
wait "password:" 15000
type "Truong-pass-1"
key Enter
wait "Tên đăng nhập" 15000
type admin
key Enter
type FIRST-ADMIN-PASSWORD
key Enter
wait "Quản lý tài khoản" 15000
close
EOS
	# shellcheck disable=SC2086
	"$VTDRIVE" -t 60 -f "$W/password.vt" -- ssh -tt -e none $opts \
	    -o PubkeyAuthentication=no -o PreferredAuthentications=password \
	    truong@127.0.0.1 >"$W/password.out" 2>&1 || {
		echo "shared account with password:"
		cat "$W/password.out"
		status=1
	}

	# The key logs the admin in without a password.
	cat >"$W/key.vt" <<'EOS'
waitre "Menu chính|Đổi mật khẩu" 15000
expectline 1 admin
expectnot "Tên đăng nhập"
close
EOS
	# shellcheck disable=SC2086
	"$VTDRIVE" -t 60 -f "$W/key.vt" -- ssh -tt -e none $opts \
	    -i "$W/key_admin" -o IdentitiesOnly=yes truong@127.0.0.1 \
	    >"$W/key.out" 2>&1 || {
		echo "key bound to admin:"
		cat "$W/key.out"
		status=1
	}

	# shellcheck disable=SC2086
	if ssh $opts -i "$W/key_admin" -o IdentitiesOnly=yes -o BatchMode=yes \
	    truong@127.0.0.1 id >"$W/id.out" 2>/dev/null; then
		echo "a shell command ran: $(cat "$W/id.out")"
		status=1
	fi
	runuser -u mamnon -- mamnon backup >/dev/null
	runuser -u mamnon -- mamnon check >"$W/check.out" || {
		cat "$W/check.out"
		status=1
	}
	exit $status
fi

: "${MAMNON:?}" "${TESTDIR:?}" "${SSH_TESTS:?}"
[ -n "${VTDRIVE:-}" ] && [ -x "$VTDRIVE" ] ||
    { echo "SKIP: VTDRIVE is not set to the built terminal driver"; exit 77; }
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for useradd"; exit 77; }
command -v unshare >/dev/null && [ -x /usr/sbin/sshd ] ||
    { echo "SKIP: needs unshare and sshd"; exit 77; }
[ -d /run/sshd ] || mkdir -m 0755 /run/sshd
REPO=$(cd "$SSH_TESTS/../.." && pwd)
mounts=
for d in etc var usrlocal home; do
	mkdir -p "$TESTDIR/ov/$d/up" "$TESTDIR/ov/$d/work"
done
overlay() {
	ov=$TESTDIR/ov/$2
	echo "mount -t overlay overlay" \
	    "-o lowerdir=$1,upperdir=$ov/up,workdir=$ov/work $1"
}
mounts="$(overlay /etc etc) && $(overlay /var var) && \
$(overlay /usr/local usrlocal) && $(overlay /home home)"
unshare -m sh -c "$mounts" 2>/dev/null ||
    { echo "SKIP: overlayfs mounts are not available here"; exit 77; }
port=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
# A failed mount stops the chain before the guide's commands run.
unshare -m sh -c "$mounts && sh '$0' inner '$TESTDIR' $port '$MAMNON' \
'$VTDRIVE' '$REPO'"
