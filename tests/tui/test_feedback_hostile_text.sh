# Feedback whose stored text carries escape sequences, control
# characters and a 3000-letter word (a row written before the core
# cleaned text, or by hand) is drawn safely in the staff inbox and the
# thread: the sequences show as U+FFFD, the screen keeps its frame, and
# the long word is broken over lines so its end can be scrolled to.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/parent_lib.sh"

demo_init
child_id=$(db "SELECT pc.child_id FROM parent_children pc
    JOIN accounts a ON a.id = pc.account_id WHERE a.login = 'parent'
    ORDER BY pc.child_id LIMIT 1")
[ -n "$child_id" ] || fail "the demo parent has no child"
db "INSERT INTO feedback (parent_id, parent_login, child_id, recipient,
    kind, subject, body, created_at, changed_by, changed_at)
    SELECT id, login, $child_id, 'school', 'complaint',
    'Xin chào' || char(27) || '[2J' || char(27) || '[31mĐỏ' ||
    char(27) || ']0;pwned' || char(7) || ' hết',
    'Mở đầu ' || replace(hex(zeroblob(1500)), '0', 'A') || ' cuối' ||
    char(13) || char(8) || char(27) || 'c thư',
    '2030-01-01T00:00:00Z', login, '2030-01-01T00:00:00Z'
    FROM accounts WHERE login = 'parent'" ||
    fail "could not store the hostile feedback"

down=$(menu_down principal 80x24 "Góp ý phụ huynh")
{
	login_steps principal "$DEMO_PASSWORD"
	cat <<EOS
wait "Đăng xuất" 10000
$down
key Enter
wait "Xin chào"
settle 300
expectline 1 "$SCHOOL_NAME"
expectline 3 "Trạng thái"
expectline 4 "Xin chào�[2J�[31mĐỏ"
expectnot "pwned hết"
key Enter
wait "Mở đầu"
settle 300
expectline 1 "$SCHOOL_NAME"
expect "AAAAAAAAAAAAAAAAAAAA"
expect "r Trả lời"
key End
wait "cuối"
expect "�c thư"
expectline 1 "$SCHOOL_NAME"
EOS
} | drive -
