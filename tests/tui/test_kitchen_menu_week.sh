# The week's menu on the demo school: the kitchen copies this week onto
# the next, the principal approves the next week, after which the
# kitchen can no longer change it, and a parent reads it on a phone-sized
# screen (parents see approved weeks only).
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo

export TZ=Asia/Ho_Chi_Minh
this_monday=$(date -d "$(date +%F) -$(($(date +%u) - 1)) days" +%F)
next_monday=$(date -d "$this_monday +7 days" +%F)
next_week=$(date -d "$next_monday" +%G-W%V)
school_days=$(
	for k in 0 1 2 3 4; do
		d=$(date -d "$next_monday +$k days" +%F)
		q "SELECT EXISTS (SELECT 1 FROM school_years WHERE '$d' BETWEEN
		    first_day AND last_day) AND NOT EXISTS (SELECT 1 FROM
		    holidays WHERE '$d' BETWEEN first_day AND last_day)"
	done | grep -c 1 || true)
[ "$school_days" -gt 0 ] || fail "no school day in week $next_week"

# The menu screen is the entry "Thực đơn" of "Dinh dưỡng".
open_menus() {
	printf 'wait "Dinh dưỡng" 10000\npick "Dinh dưỡng"\nkey Enter\n'
	printf 'wait "Thực đơn"\npick "Thực đơn"\nkey Enter\n'
	printf 'wait "mẫu giáo, "\n'
}

echo "== kitchen copies the week onto $next_week"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_menus
	cat <<EOF
type c
wait "Chép sang tuần"
wait "$next_week"
key Enter
wait "Đã chép $school_days ngày sang tuần $next_week"
type ]
wait "tuần $next_week"
wait "chưa duyệt"
EOF
} | drive - || fail "copying the week failed"
[ "$(q "SELECT count(DISTINCT menu_date) FROM menu_items WHERE
    age_group = 'mau-giao' AND menu_date BETWEEN '$next_monday' AND
    date('$next_monday', '+6 days')")" = "$school_days" ] ||
    fail "copied week has not $school_days days"

echo "== principal approves $next_week"
{
	login_steps principal "$DEMO_PASSWORD"
	open_menus
	cat <<EOF
type ]
wait "tuần $next_week"
type a
wait "Duyệt thực đơn tuần $next_week?"
type c
wait "Đã duyệt tuần $next_week"
wait "đã duyệt"
EOF
} | drive - || fail "approving the week failed"
[ "$(q "SELECT status || '|' || approved_by FROM menu_weeks WHERE
    week = '$next_week' AND age_group = 'mau-giao'")" = \
    "approved|principal" ] || fail "approval not stored"

echo "== kitchen cannot change the approved week"
before=$(q "SELECT count(*) FROM menu_items WHERE menu_date >=
    '$next_monday'")
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_menus
	cat <<EOF
type ]
wait "đã duyệt"
type e
wait "Chọn món"
key Space
key F2
wait "đã được duyệt"
EOF
} | drive - || fail "the approved week was not protected"
[ "$(q "SELECT count(*) FROM menu_items WHERE menu_date >=
    '$next_monday'")" = "$before" ] || fail "the approved week changed"

echo "== parent reads the approved menu on a small screen"
DRIVE_SIZE=40x15
{
	login_steps parent "$DEMO_PASSWORD"
	open_menus
	cat <<EOF
type ]
wait "Đã duyệt, mẫu giáo"
wait "bữa trưa"
expectnot "quá nhỏ"
key Enter
wait "Protein (chất đạm): "
key PgDn
wait "tỷ lệ năng lượng từ protein"
EOF
} | drive - || fail "the parent could not read the menu"
