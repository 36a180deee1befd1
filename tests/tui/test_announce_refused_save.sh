# A teacher posting to a class she does not teach gets the refusal, and
# the form stays open with the title and the text typed; Esc then leaves
# without posting anything.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
TITLE='Lịch tham quan vườn rau'
TEXT='Các con mang mũ và bình nước vào sáng thứ Năm.'

own=$(db "SELECT cl.code FROM class_teachers ct
    JOIN staff s ON s.id = ct.staff_id
    JOIN accounts a ON a.id = s.account_id
    JOIN classes cl ON cl.id = ct.class_id WHERE a.login = 'gv.mg5a'")
[ "$own" = MG5A ] || fail "gv.mg5a teaches '$own', expected MG5A"
other=$(db "SELECT cl.code FROM classes cl
    JOIN school_years y ON y.id = cl.school_year_id
    WHERE cl.id NOT IN (SELECT ct.class_id FROM class_teachers ct
    JOIN staff s ON s.id = ct.staff_id JOIN accounts a
    ON a.id = s.account_id WHERE a.login = 'gv.mg5a')
    ORDER BY y.name DESC, cl.code LIMIT 1")
[ -n "$other" ] || fail "no class that gv.mg5a does not teach"
echo "== gv.mg5a posts to $other"

{
	login_steps gv.mg5a "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
pick Thông báo
key Enter
wait "Đăng mới"
key n
wait "Toàn trường"
pick "Lớp $other"
key Enter
wait "Nội dung"
type $TITLE
key Tab
type $TEXT
key F2
wait "giáo viên chỉ gửi thông báo cho lớp mình"
expect "$TITLE"
expect "$TEXT"
expect "Tiêu đề"
key Esc
wait "Bỏ các thay đổi?"
key c
waitnot "Bỏ các thay đổi?"
waitnot "Nội dung"
EOS
} | drive - || fail "the refused announcement did not keep its form"
[ "$(db "SELECT count(*) FROM announcements WHERE title = '$TITLE'")" = 0 ] ||
    fail "the refused announcement was posted"
