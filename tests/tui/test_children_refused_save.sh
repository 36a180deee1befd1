# A save the core refuses keeps the child form open with everything
# typed on both pages.  Here the teacher loses her class while she edits
# one of its children, so the final F2 is refused.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/children_lib.sh"

DB=$TEST_TMP/mamnon.db

mn_init
mn_user_add covai teacher "$TEACHER_PASSWORD"
reg_classes
reg_children
reg_staff covai MG5A
PW=$(mn_first_login covai "$TEACHER_PASSWORD" "$NEW_PASSWORD")
id=$(sqlite3 "$DB" "SELECT id FROM children WHERE school_code = 'T001'")

# views N: how many times covai has read child T001.
views() {
	sqlite3 "$DB" "SELECT count(*) FROM audit WHERE login = 'covai'
	    AND action = 'view' AND table_name = 'children' AND row_id = $id"
}

# Once the edit form has read the child (the second read, after the
# record view), the teacher is taken off MG5A.
(
	i=0
	while [ "$(views)" -lt 2 ] && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sqlite3 "$DB" "DELETE FROM class_teachers"
) &
unlink_pid=$!

{
	login_steps covai "$PW"
	open_children_steps
	cat <<SCRIPT
wait "Hoàng Minh Khoa"
pick Trần Văn An
key Enter
wait "Trần Văn An (mã T001)"
key e
wait "Đối tượng chính sách"
key Enter
key End
type " Bình"
key F2
wait "Họ tên cha"
key Down 7
type "sữa"
sleep 2500
key F2
wait "Không được phép: trẻ này nằm ngoài lớp hoặc vai trò của bạn"
expect "Họ tên cha"
expect "sữa"
key Esc
wait "Đối tượng chính sách"
expect "Trần Văn An Bình"
key Esc
wait "Bỏ các thay đổi?"
type c
wait "Trần Văn An (mã T001)"
SCRIPT
} | drive -
rc=$?
wait "$unlink_pid"
[ $rc = 0 ] || fail "the refused save closed the form or lost its values"
[ "$(sqlite3 "$DB" "SELECT full_name FROM children WHERE id = $id")" = \
    "Trần Văn An" ] || fail "the refused save changed the record"
