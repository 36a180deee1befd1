#!/bin/sh
# Installs the Debian packages named as arguments that are not installed
# yet.  As a non-root user it prints the command to run instead.
set -eu
missing=
for pkg in "$@"; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	case $status in
	*" installed") ;;
	*) missing="$missing $pkg" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "mamnon needs these Debian packages:$missing" >&2
	echo "Run as root: apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "Installing:$missing"
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    $missing
