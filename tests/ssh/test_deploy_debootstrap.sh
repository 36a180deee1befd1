#!/bin/sh
# timeout: 900
# Follows the deployment guide from its first step on a fresh Debian 12
# that debootstrap builds in $TESTDIR.  Nothing comes from this host's
# installed packages.  The steps: GNU make from apt, then `make deps`,
# `make` and `make install` on the project's tracked files, then sections
# 2 to 4 through test_deploy_guide.sh's inner part (password and key
# logins over SSH, no shell).  So a build dependency missing from the
# Makefile's DEPS fails here, where the overlay test still passes.
# Needs root, debootstrap and the first Debian mirror of the apt sources.
set -eu

: "${MAMNON:?}" "${TESTDIR:?}" "${SSH_TESTS:?}"
[ -n "${VTDRIVE:-}" ] && [ -x "$VTDRIVE" ] ||
    { echo "SKIP: VTDRIVE is not set to the built terminal driver"; exit 77; }
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for debootstrap"; exit 77; }
command -v debootstrap >/dev/null && command -v unshare >/dev/null ||
    { echo "SKIP: needs debootstrap and unshare"; exit 77; }
REPO=$(cd "$SSH_TESTS/../.." && pwd)
command -v git >/dev/null && git -C "$REPO" rev-parse >/dev/null 2>&1 ||
    { echo "SKIP: needs the project as a git checkout"; exit 77; }

mirror=$(sed -n 's,^URIs: *\(http[^ ]*/debian\)/*$,\1,p' \
    /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
[ -n "$mirror" ] || mirror=$(sed -n \
    's,^deb  *\(http[^ ]*/debian\)/*  *bookworm .*,\1,p' \
    /etc/apt/sources.list 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}

root=$TESTDIR/root
tries=0
until debootstrap --variant=minbase bookworm "$root" "$mirror" \
    >"$TESTDIR/debootstrap.log" 2>&1; do
	tries=$((tries + 1))
	[ $tries -lt 3 ] || {
		echo "FAIL: debootstrap from $mirror"
		tail -n 20 "$TESTDIR/debootstrap.log"
		exit 1
	}
	rm -rf "$root"
	sleep 5
done
cp /etc/resolv.conf "$root/etc/resolv.conf"

# The tracked files as they are in the working tree, without build
# products, as a fresh clone would have them.
mkdir -p "$root/root/mamnon" "$root/root/w"
(cd "$REPO" && git ls-files -z | tar --null -T - -cf -) |
    tar -xf - -C "$root/root/mamnon"
cp "$VTDRIVE" "$root/root/vtdrive"

port=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
cat >"$root/root/deploy.sh" <<EOS
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update >/root/w/apt.log 2>&1
apt-get install -y --no-install-recommends make >>/root/w/apt.log 2>&1
cd /root/mamnon
# Section 1 of the guide.
make deps >/root/w/deps.log 2>&1 || { tail -n 30 /root/w/deps.log; exit 1; }
make -j2 >/root/w/build.log 2>&1 || { tail -n 30 /root/w/build.log; exit 1; }
make install >/root/w/install.log 2>&1 ||
    { tail -n 30 /root/w/install.log; exit 1; }
mkdir -p -m 0755 /run/sshd
sh tests/ssh/test_deploy_guide.sh inner /root/w $port \
    /usr/local/bin/mamnon /root/vtdrive /root/mamnon debootstrap
EOS

# A private mount namespace takes the mounts away when the test ends.
unshare -m sh -c "mount -t proc proc '$root/proc' &&
mount --rbind /dev '$root/dev' &&
mount -t sysfs sys '$root/sys' &&
chroot '$root' /bin/sh /root/deploy.sh"
