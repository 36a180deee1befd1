# A holiday added over a day that already has a menu: the calendar asks
# first (a "no" leaves nothing saved), the week's menu marks the day
# "(nghỉ; thực đơn không dùng)", and the market list of the day is
# refused with the reason.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo

export TZ=Asia/Ho_Chi_Minh
this_monday=$(date -d "$(date +%F) -$(($(date +%u) - 1)) days" +%F)
# The first school day of next week gets a kindergarten lunch, written
# straight into the database because no host command plans a menu.
day=
for k in 7 8 9 10 11; do
	d=$(date -d "$this_monday +$k days" +%F)
	school=$(q "SELECT EXISTS (SELECT 1 FROM school_years WHERE '$d'
	    BETWEEN first_day AND last_day) AND NOT EXISTS (SELECT 1 FROM
	    holidays WHERE '$d' BETWEEN first_day AND last_day)")
	if [ "$school" = 1 ]; then
		day=$d
		break
	fi
done
[ -n "$day" ] || fail "no school day next week"
q "INSERT INTO menu_items (menu_date, age_group, meal, dish_id)
    SELECT '$day', 'mau-giao', 'lunch', min(d.id) FROM dishes d
    JOIN dish_items i ON i.dish_id = d.id AND i.age_group = 'mau-giao'" ||
    fail "could not plan the day's lunch"
day_vn=$(date -d "$day" +%d/%m/%Y)
weeks=$(( ($(date -d "$day" +%s) - $(date -d "$this_monday" +%s)) /
    (7 * 86400) ))
SY=$(q "SELECT name FROM school_years WHERE '$day' BETWEEN first_day
    AND last_day")
[ -n "$SY" ] || fail "no school year holds $day"

# holiday_steps ANSWER: the principal adds a holiday on the day and
# answers the question about its menu.
holiday_steps() {
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOF
wait "Lịch năm học" 10000
pick Lịch năm học
key Enter
wait "Năm học $SY"
key h
wait "Thêm ngày nghỉ"
wait "Đến ngày"
type "Nghỉ đột xuất"
key Enter
type $day_vn
key Enter
key Enter
wait "đã có thực đơn"
expect "$day_vn"
type $1
EOF
}

echo "== a holiday on $day_vn: refused first, then saved"
{
	holiday_steps k
	echo 'wait "chưa lưu ngày nghỉ"'
} | drive - || fail "the calendar did not ask about the menu"
[ "$(q "SELECT count(*) FROM holidays WHERE name = 'Nghỉ đột xuất'")" = 0 ] ||
    fail "the holiday was saved after the answer no"
# The form left open is kept as a draft; this test does not reopen it.
q "DELETE FROM drafts"
{
	holiday_steps c
	echo 'wait "Đã thêm ngày nghỉ Nghỉ đột xuất"'
} | drive - || fail "the holiday was not saved after the answer yes"
[ "$(q "SELECT count(*) FROM holidays WHERE name = 'Nghỉ đột xuất'
    AND first_day = '$day'")" = 1 ] || fail "the holiday is not stored"

echo "== the week marks the day, the market list is refused"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Thực đơn"
	echo 'wait "mẫu giáo, tuần"'
	k=0
	while [ "$k" -lt "$weeks" ]; do
		echo 'type ]'
		k=$((k + 1))
	done
	cat <<EOF
wait "$(date -d "$day" +%d/%m)"
wait "(nghỉ; thực đơn không dùng)"
key Esc
wait "Phiếu kê chợ"
pick "Phiếu kê chợ"
key Enter
wait "Tổng cộng"
type d
wait "Ngày (dd/mm/yyyy)"
key C-u
type $day_vn
key Enter
wait "không lập phiếu kê chợ"
expect "$day_vn"
EOF
} | drive - || fail "the kitchen screens did not follow the holiday"
