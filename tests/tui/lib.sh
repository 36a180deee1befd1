# Helpers for the terminal tests, sourced by each tests/tui/test_*.sh.
# run.sh sets TUI_DIR, TEST_TMP (a fresh folder, also the working
# folder), VTDRIVE, MAMNON and, when it could build it, FAKE_APP.

set -eu

: "${TEST_TMP:?run the tests through tests/tui/run.sh}"
: "${VTDRIVE:?run the tests through tests/tui/run.sh}"

CFG=$TEST_TMP/mamnon.ini
ADMIN_PASSWORD='Quantri-2024-xyz'
SCHOOL_NAME='MN Hoa Sen'
# Screen size for drive unless its caller gives -s.
DRIVE_SIZE=80x24
# Row of the status line (school, login, role, date); 1 is the top row.
STATUS_ROW=1
# The key that opens the "Đăng xuất?" question on the main menu.
LOGOUT_KEY=Esc
# Password every test account gets, and the one it changes to.
TEACHER_PASSWORD='Giaovien-2024-abc'
NEW_PASSWORD='Matkhau-2025-moi'

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

need_mamnon() {
	if [ -z "${MAMNON:-}" ] || [ ! -x "$MAMNON" ]; then
		fail "MAMNON must name the built mamnon program"
	fi
}

# Today in the school's time zone, as the status line shows it.
today() {
	TZ=Asia/Ho_Chi_Minh date +%d/%m/%Y
}

# Writes a fresh mamnon.ini for this test: database in TEST_TMP,
# Vietnamese interface, 3 failed logins lock an account for 60 s.
mn_config() {
	cat >"$CFG" <<EOF
[database]
path = $TEST_TMP/mamnon.db

[school]
name = $SCHOOL_NAME
timezone = Asia/Ho_Chi_Minh

[ui]
language = vi

[security]
max_failed_logins = 3
lockout_time = 60s
EOF
}

# Sets KEY in [SECTION] of the test's mamnon.ini, adding either if needed.
mn_ini() {
	awk -v sec="$1" -v key="$2" -v val="$3" '
	function put() { print key " = " val; done = 1 }
	/^\[/ {
		if (insec && !done)
			put()
		insec = ($0 == "[" sec "]")
	}
	insec && !done && $0 ~ "^[ \t]*" key "[ \t]*=" { put(); next }
	insec && done && $0 ~ "^[ \t]*" key "[ \t]*=" { next }
	{ print }
	END {
		if (!done) {
			if (!insec)
				print "[" sec "]"
			put()
		}
	}' "$CFG" >"$CFG.new"
	mv "$CFG.new" "$CFG"
}

# Writes the config and creates the database with the account "admin".
mn_init() {
	need_mamnon
	[ -f "$CFG" ] || mn_config
	printf '%s\n' "$ADMIN_PASSWORD" |
	    "$MAMNON" -c "$CFG" init --admin admin --password-stdin ||
	    fail "mamnon init failed"
}

# mn_user_add LOGIN ROLES PASSWORD: adds an account (roles comma-separated).
mn_user_add() {
	printf '%s\n' "$3" |
	    "$MAMNON" -c "$CFG" user add "$1" --role "$2" --password-stdin ||
	    fail "mamnon user add $1 failed"
}

# drive SCRIPT [VTDRIVE_OPTION]...: runs mamnon on the test's config in
# an 80x24 terminal under the script (- reads standard input).  The
# locale is fixed so the result does not depend on the caller's.
drive() {
	_script=$1
	shift
	need_mamnon
	"$VTDRIVE" -s "$DRIVE_SIZE" -e LANG=C.UTF-8 -u LC_ALL -u LC_CTYPE \
	    -u LC_MESSAGES -e HOME="$TEST_TMP" -u MAMNON_CONFIG -u TERMINFO \
	    "$@" -f "$_script" -- "$MAMNON" -c "$CFG"
}

# Script lines that log LOGIN in with PASSWORD from the login screen.
login_steps() {
	cat <<EOF
wait "Tên đăng nhập"
type $1
key Enter
type $2
key Enter
EOF
}

# Script lines that fill in the forced password change with PASSWORD.
change_password_steps() {
	cat <<EOF
wait "Đổi mật khẩu" 10000
wait "Nhập lại mật khẩu mới"
type $1
key Enter
type $1
key Enter
EOF
}

# mn_first_login LOGIN PASSWORD NEW_PASSWORD: logs in once and, if the
# program asks for a new password, sets NEW_PASSWORD.  Prints the password
# that is valid afterwards, so later logins reach the main menu directly.
mn_first_login() {
	{ login_steps "$1" "$2"; echo 'settle 500 10000'; echo dump; } |
	    drive - >"$TEST_TMP/first_login.screen" ||
	    fail "first login of $1 failed"
	if grep -q 'Đổi mật khẩu' "$TEST_TMP/first_login.screen"; then
		{
			login_steps "$1" "$2"
			change_password_steps "$3"
			echo 'waitnot "Đổi mật khẩu" 10000'
		} | drive - || fail "password change of $1 failed"
		printf '%s\n' "$3"
	else
		printf '%s\n' "$2"
	fi
}

# Prints an approval ID for exporting KIND (children, staff, growth,
# attendance ...), approved by a principal account made for the purpose.
mn_approval() {
	if ! "$MAMNON" -c "$CFG" user list | grep -q '^duyet\.ht '; then
		mn_user_add duyet.ht principal "$TEACHER_PASSWORD" >/dev/null
	fi
	printf '%s\n' "$TEACHER_PASSWORD" | "$MAMNON" -c "$CFG" approval add \
	    --data "$1" --purpose "Kiểm thử" \
	    --until "$(TZ=Asia/Ho_Chi_Minh date -d "+30 days" +%Y-%m-%d)" \
	    --principal duyet.ht --password-stdin
}

# Runs `mamnon export KIND ARGS...` with a fresh approval for KIND.
mn_export() {
	kind=$1
	shift
	"$MAMNON" -c "$CFG" export "$kind" --approval "$(mn_approval "$kind")" \
	    "$@"
}
