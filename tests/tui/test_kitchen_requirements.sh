# The principal sets the kindergarten's requirement from a date through
# the screen.  A malformed range is rejected with its field and nothing
# is written.  A good one adds a row and leaves the old one for earlier
# days.  The kitchen reads the table without the key that adds a row.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo

export TZ=Asia/Ho_Chi_Minh
from=2030-09-05
from_vn=05/09/2030

echo "== the principal adds a requirement from $from_vn"
{
	login_steps principal "$DEMO_PASSWORD"
	open_nutrition
	open_item "Nhu cầu dinh dưỡng"
	cat <<EOF
wait "01/01/2000"
expect "615-726"
type n
wait "Áp dụng từ"
key C-u
type $from_vn
key Tab
key C-u
type 700..750
key F2
wait "năng lượng: giá trị '700..750' không hợp lệ"
key C-u
type 700-750
key F2
wait "Đã lưu nhu cầu dinh dưỡng"
wait "700-750"
expect "615-726"
EOF
} | drive - || fail "the principal could not set the requirement"
[ "$(q "SELECT count(*) FROM nutrition_requirements
    WHERE age_group = 'mau-giao'")" = 2 ] ||
    fail "expected the seeded row and one new row"
row=$(q "SELECT kcal_min || '|' || kcal_max || '|' || protein_pct_min ||
    '|' || changed_by FROM nutrition_requirements WHERE age_group =
    'mau-giao' AND effective_from = '$from'")
[ "$row" = "700.0|750.0|13.0|principal" ] ||
    fail "the new requirement row is '$row'"
[ "$(q "SELECT kcal_min FROM nutrition_requirements WHERE
    age_group = 'mau-giao' AND effective_from = '2000-01-01'")" = 615.0 ] ||
    fail "the earlier requirement changed"

echo "== the kitchen reads the requirements without the add key"
{
	login_steps kitchen "$DEMO_PASSWORD"
	open_nutrition
	open_item "Nhu cầu dinh dưỡng"
	cat <<EOF
wait "700-750"
expectnot "Thêm từ ngày"
type n
settle 300
expectnot "Áp dụng từ"
EOF
} | drive - || fail "the kitchen's requirement screen is wrong"
