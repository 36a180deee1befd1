# A session that ends inside a form with unsaved changes (the terminal
# closed, SIGTERM) keeps the form as a draft.  The next login of the same
# account offers it: "c" reopens the form filled in, "k" deletes it.
# Password fields never reach the draft.
. "$TUI_DIR/lib.sh"

DB=$TEST_TMP/mamnon.db
NAME='Nguyễn Thị Lan'
SECRET='Bimat-khong-luu-99'

mn_init
admin=$(mn_first_login admin "$ADMIN_PASSWORD" "$NEW_PASSWORD")

# Script lines: log in as admin and open the new-account form.
open_add_form() {
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
pick Quản lý tài khoản
key Enter
wait "Khóa/mở"
key n
wait "Nhập lại mật khẩu"
EOF
}

# Script lines: fill in login, name and both passwords, unsaved.
fill_add_form() {
	cat <<EOF
type gv.lan
key Tab
type $NAME
key Tab
key Tab
type $SECRET
key Tab
type $SECRET
settle 300
EOF
}

drafts() {
	sqlite3 "$DB" "SELECT count(*) FROM drafts"
}

# Fails when a mamnon on this test's configuration still runs.
no_mamnon_left() {
	if pgrep -f -- "$CFG" >/dev/null; then
		pgrep -af -- "$CFG" >&2
		fail "a mamnon process is still running after $1"
	fi
}

echo "== the terminal closes in the form: draft kept, quick exit"
{
	open_add_form
	fill_add_form
	cat <<EOF
close
waitexit 5000
EOF
} | drive -
no_mamnon_left "the terminal closed"
[ "$(drafts)" = 1 ] || fail "expected 1 draft, found $(drafts)"
key=$(sqlite3 "$DB" "SELECT d.form_key FROM drafts d
    JOIN accounts a ON a.id = d.account_id WHERE a.login = 'admin'")
[ "$key" = "account_form:" ] ||
    fail "draft key: expected 'account_form:', got '$key'"
sqlite3 "$DB" "SELECT json_extract(values_json, '\$.full_name')
    FROM drafts" | grep -qx "$NAME" || fail "draft lacks the full name"
sqlite3 "$DB" "SELECT json_extract(values_json, '\$.login')
    FROM drafts" | grep -qx "gv.lan" || fail "draft lacks the login"
if sqlite3 "$DB" "SELECT values_json FROM drafts" | grep -q "$SECRET"; then
	fail "the draft contains the typed password"
fi
sqlite3 "$DB" "SELECT count(*) FROM accounts WHERE login = 'gv.lan'" |
    grep -qx 0 || fail "the unsaved account was stored"
sqlite3 "$DB" "PRAGMA integrity_check" | grep -qx ok ||
    fail "database integrity check failed"

echo "== next login offers the draft; c reopens the form filled in"
when=$(TZ=Asia/Ho_Chi_Minh sqlite3 "$DB" "SELECT strftime('%d/%m/%Y %H:%M',
    saved_at, 'localtime') FROM drafts")
{
	login_steps admin "$admin"
	cat <<EOF
wait "Có bản nháp chưa lưu từ $when. Mở lại?" 10000
expectline 2 "Bản nháp chưa lưu › Biểu mẫu tài khoản"
expect "Menu chính › Quản lý tài khoản › Thêm tài khoản"
type c
wait "Nhập lại mật khẩu"
wait "$NAME"
expect gv.lan
expectnot "$SECRET"
key Esc
wait "Bỏ các thay đổi?"
type c
wait "Quản lý tài khoản"
EOF
} | drive -
[ "$(drafts)" = 0 ] || fail "the reopened draft was not deleted"

echo "== SIGTERM in the form keeps a draft and restores the terminal"
{
	open_add_form
	fill_add_form
	cat <<EOF
signal TERM
waitexit 5000 0
waitnot "Nhập lại mật khẩu"
EOF
} | drive -
no_mamnon_left SIGTERM
[ "$(drafts)" = 1 ] || fail "SIGTERM: expected 1 draft, found $(drafts)"

echo "== a hangup during the question keeps the draft"
{
	login_steps admin "$admin"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
signal HUP
waitexit 5000
EOF
} | drive -
no_mamnon_left "a hangup during the question"
[ "$(drafts)" = 1 ] || fail "the unanswered draft was lost: $(drafts)"

echo "== k declines: the draft is deleted and the menu opens"
{
	login_steps admin "$admin"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
type k
waitnot "Mở lại?"
wait "Quản lý tài khoản"
EOF
} | drive -
[ "$(drafts)" = 0 ] || fail "the declined draft was not deleted"

echo "== Ctrl-C in the form is a key: it asks before discarding"
{
	open_add_form
	fill_add_form
	cat <<EOF
key C-c
wait "Bỏ các thay đổi?"
type c
wait "Khóa/mở"
signal INT
waitexit 5000 0
EOF
} | drive -
no_mamnon_left SIGINT
[ "$(drafts)" = 0 ] || fail "a discarded form left a draft"

echo "== a hangup in an unchanged form leaves no draft"
{
	open_add_form
	cat <<EOF
signal HUP
waitexit 5000
EOF
} | drive -
no_mamnon_left SIGHUP
[ "$(drafts)" = 0 ] || fail "an unchanged form left a draft"

echo "== the edit form's draft keeps the row version it was read at"
printf '%s\n' "$TEACHER_PASSWORD" | "$MAMNON" -c "$CFG" user add gv.mai \
    --role teacher --name "Trần Thị Mai" --password-stdin ||
    fail "mamnon user add gv.mai failed"
version() {
	sqlite3 "$DB" "SELECT version FROM accounts WHERE login = 'gv.mai'"
}
full_name() {
	sqlite3 "$DB" "SELECT full_name FROM accounts WHERE login = 'gv.mai'"
}

# Script lines: open the edit form of gv.mai and type a new name.
edit_mai() {
	login_steps admin "$admin"
	cat <<EOF
wait "Quản lý tài khoản" 10000
pick Quản lý tài khoản
key Enter
wait "gv.mai"
pick gv.mai
key Enter
wait "Sửa tài khoản"
key C-u
type $1
settle 300
EOF
}

old_version=$(version)
{ edit_mai "Trần Thị Mai Anh"; echo close; echo waitexit 5000; } | drive -
no_mamnon_left "the terminal closed in the edit form"
sqlite3 "$DB" "SELECT json_extract(values_json, '\$.\"@version\"')
    FROM drafts WHERE form_key = 'account_form:gv.mai'" |
    grep -qx "$old_version" || fail "the draft lacks the row version"

# Someone else saves the account before the draft is reopened.
sqlite3 "$DB" "UPDATE accounts SET full_name = 'Trần Mai',
    version = version + 1 WHERE login = 'gv.mai'"
{
	login_steps admin "$admin"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
expectline 2 "Biểu mẫu tài khoản: gv.mai"
type c
wait "Trần Thị Mai Anh"
key F2
wait "vừa được người khác sửa (họ tên đã lưu: Trần Mai)"
expect "Sửa tài khoản"
expect "Trần Thị Mai Anh"
key Esc
wait "Bỏ các thay đổi?"
type c
wait "Menu chính"
EOF
} | drive -
[ "$(full_name)" = "Trần Mai" ] ||
    fail "the draft overwrote a newer save: $(full_name)"
[ "$(drafts)" = 0 ] || fail "drafts left after the conflict: $(drafts)"

echo "== a reopened edit draft saves when nobody else changed the row"
{ edit_mai "Trần Thị Mai Chi"; echo signal HUP; echo waitexit 5000; } |
    drive -
{
	login_steps admin "$admin"
	cat <<EOF
wait "Có bản nháp chưa lưu từ" 10000
type c
wait "Trần Thị Mai Chi"
key F2
wait "Đã lưu tài khoản gv.mai"
EOF
} | drive -
[ "$(full_name)" = "Trần Thị Mai Chi" ] ||
    fail "the reopened draft was not saved: $(full_name)"
[ "$(drafts)" = 0 ] || fail "drafts left after saving: $(drafts)"

echo "== the idle timeout in a form keeps a draft"
mn_ini ui idle_timeout 2s
{ edit_mai "Trần Thị Mai Ly"; echo waitexit 8000 0; } | drive -
[ "$(drafts)" = 1 ] || fail "idle timeout: expected 1 draft, found $(drafts)"
