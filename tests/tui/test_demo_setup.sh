# `make demo-db`, which `make run` uses, leaves the demo's folder and
# database as `mamnon check` wants them (nothing for other users) even
# under the usual umask 022, and tightens an older demo folder.
. "$TUI_DIR/lib.sh"

need_mamnon
src=$(cd "$TUI_DIR/../.." && pwd)
mkdir -p demo/etc
cp "$src/Makefile" demo/ || fail "no Makefile in $src"
cp "$src/etc/mamnon.ini" demo/etc/ || fail "no etc/mamnon.ini in $src"
cp "$MAMNON" demo/mamnon
# An older demo folder, open to everybody.
mkdir -m 0755 demo/var

# mode PATH: the permission bits of PATH, in octal.
mode() {
	stat -c %a "$1"
}

(
	cd demo && umask 022 &&
	    make -s -o mamnon demo-db >make.log 2>&1
) || fail "make demo-db failed: $(cat demo/make.log)"
[ -f demo/var/mamnon.db ] || fail "make demo-db made no database"
[ "$(mode demo/var)" = 750 ] || fail "var/ has mode $(mode demo/var)"
for f in demo/var/mamnon.db demo/var/mamnon.ini; do
	case $(mode "$f") in
	*0) ;;
	*) fail "$f is open to other users (mode $(mode "$f"))" ;;
	esac
done
(cd demo && ./mamnon -c var/mamnon.ini check) >check.log 2>&1 ||
    fail "mamnon check fails on the demo: $(cat check.log)"
grep -q "LỖI\|ERROR" check.log && fail "mamnon check reports: $(cat check.log)"
echo "ok demo passes its own check"
