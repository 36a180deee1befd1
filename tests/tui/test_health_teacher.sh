# A teacher reaches the weighing grid of her own class only, and the
# medical room forms are not in her menu.
. "$TUI_DIR/lib.sh"

mn_init
printf '%s\n' "$TEACHER_PASSWORD" |
    "$MAMNON" -c "$CFG" demo --password-stdin >/dev/null ||
    fail "mamnon demo failed"
teacher=$(mn_first_login gv.mg5a "$TEACHER_PASSWORD" "$NEW_PASSWORD")

{
	login_steps gv.mg5a "$teacher"
	cat <<EOF
wait "Sức khỏe" 10000
key Down 2
key Enter
wait "Cân đo theo lớp"
settle
expect "Báo cáo đợt cân đo"
expectnot "Khám tại phòng y tế"
expectnot "Thuốc phụ huynh gửi"
key Enter
wait "MG5A"
settle
expectnot "MG5B"
expectnot "MG4A"
expectnot "NT1A"
key Enter
wait "Cân đo lớp MG5A"
key Enter
key Enter
wait "Lớp MG5A, ngày"
settle
expect "trước"
EOF
} | drive -
