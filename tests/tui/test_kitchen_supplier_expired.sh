# A supplier whose food-safety certificate expired before today cannot
# be used for a receiving check: the screen gives the supplier, the
# expiry date and what to do, and nothing is stored.  A sample below
# the 100 g of QĐ 1246/QĐ-BYT is rejected too.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo
export TZ=Asia/Ho_Chi_Minh
today=$(date +%F)
yesterday=$(date -d "$today -1 day" +%F)
expired_vn=$(date -d "$yesterday" +%d/%m/%Y)
q "UPDATE suppliers SET certificate_expiry = '$yesterday'
    WHERE name LIKE '%An Phát%'"
[ "$(q "SELECT count(*) FROM suppliers WHERE name LIKE '%An Phát%'
    AND certificate_expiry = '$yesterday'")" = 1 ] ||
    fail "the demo has no supplier An Phát"
checks_before=$(q "SELECT count(*) FROM food_checks")
samples_before=$(q "SELECT count(*) FROM food_samples")

{
	login_steps kitchen "$DEMO_PASSWORD"
	cat <<EOF
wait "Dinh dưỡng" 10000
pick Dinh dưỡng
key Enter
wait "Thực đơn"
pick Kiểm thực
key Enter
wait "Kiểm thực 3 bước"
type n
wait "Nơi cung cấp thực phẩm (bước 1)"
type /
type "An Phát"
key Enter
wait "GCN hết hạn $expired_vn - thịt, cá"
key Enter
wait "Nội dung kiểm tra"
type 1
key Tab
key Tab
type "Thịt lợn nạc"
key Tab
key Tab
type "12,5"
key Tab
type kg
key Tab
type "Thịt tươi"
key F2
wait "hết hạn ngày $expired_vn"
expect "An Phát"
EOF
} | drive - || fail "the expired certificate was not reported"
q "DELETE FROM drafts"
{
	login_steps kitchen "$DEMO_PASSWORD"
	cat <<EOF
wait "Dinh dưỡng" 10000
pick Dinh dưỡng
key Enter
wait "Thực đơn"
pick Kiểm thực
key Enter
wait "Kiểm thực 3 bước"
key Tab
wait "Lưu mẫu thức ăn 24 giờ"
type n
wait "Người lấy mẫu"
key Tab
type "Canh bí đỏ nấu tôm"
key Tab
key C-u
type 5
key F2
wait "là quá ít"
expect "100 g"
EOF
} | drive - || fail "the 5 g sample was not rejected"
[ "$(q "SELECT count(*) FROM food_checks")" = "$checks_before" ] ||
    fail "a check with an expired supplier was stored"
[ "$(q "SELECT count(*) FROM food_samples")" = "$samples_before" ] ||
    fail "a sample was stored"
