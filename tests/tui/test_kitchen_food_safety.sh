# Food-safety logs through the kitchen's screen.  A receiving check from
# a supplier picked in the register and a 24-hour sample are recorded
# for today.  Disposing of the fresh sample is rejected because it has
# not been kept for 24 hours.
. "$TUI_DIR/lib.sh"
. "$TUI_DIR/kitchen_lib.sh"

mn_demo
export TZ=Asia/Ho_Chi_Minh
today=$(date +%F)
checks_before=$(q "SELECT count(*) FROM food_checks WHERE day = '$today'")
samples_before=$(q "SELECT count(*) FROM food_samples WHERE day = '$today'")
# The new sample must be the only one of today, so that it is selected.
[ "$samples_before" = 0 ] || fail "the demo has samples of today"

{
	login_steps kitchen "$DEMO_PASSWORD"
	cat <<'EOF'
wait "Dinh dưỡng" 10000
pick Dinh dưỡng
key Enter
wait "Thực đơn"
pick Kiểm thực
key Enter
wait "Kiểm thực 3 bước"
type n
wait "Nơi cung cấp thực phẩm (bước 1)"
wait "(không chọn trong danh sách)"
type /
type "An Phát"
key Enter
wait "thịt, cá, trứng, sữa"
key Enter
wait "Nội dung kiểm tra"
wait "Công ty TNHH Thực phẩm sạch An Phát"
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
type "Thịt tươi, có giấy kiểm dịch"
key F2
wait "Đã lưu kiểm thực"
waitre "^ 1 +[0-9/]+ [0-9:]+ +Thịt lợn nạc +12,50 kg +đạt +kitchen"
key Tab
wait "Lưu mẫu thức ăn 24 giờ"
type n
wait "Người lấy mẫu"
key Tab
type "Canh bí đỏ nấu tôm"
key Tab
key C-u
type 150
key F2
wait "Đã lưu mẫu"
waitre "bữa trưa +Canh bí đỏ nấu tôm +150 .* kitchen +đang lưu"
type h
wait "Ghi hủy mẫu Canh bí đỏ nấu tôm"
type c
waitre "giờ hủy .*: mới 0,[0-9] giờ sau khi lấy mẫu"
EOF
} | drive - || fail "the food-safety screen failed"

[ "$(q "SELECT count(*) FROM food_checks WHERE day = '$today'")" = \
    $((checks_before + 1)) ] || fail "no inspection entry stored"
[ "$(q "SELECT step || '|' || item || '|' || quantity || '|' || unit ||
    '|' || result || '|' || checked_by FROM food_checks WHERE day =
    '$today' ORDER BY id DESC LIMIT 1")" = \
    "1|Thịt lợn nạc|12.5|kg|accepted|kitchen" ] ||
    fail "inspection entry stored wrong"
[ "$(q "SELECT c.supplier FROM food_checks c JOIN suppliers s ON
    s.id = c.supplier_id WHERE c.day = '$today' ORDER BY c.id DESC
    LIMIT 1")" = "Công ty TNHH Thực phẩm sạch An Phát" ] ||
    fail "inspection entry not linked to the supplier register"
[ "$(q "SELECT count(*) FROM food_samples WHERE day = '$today'")" = \
    $((samples_before + 1)) ] || fail "no sample stored"
[ "$(q "SELECT meal || '|' || quantity_g || '|' || taken_by || '|' ||
    coalesce(disposed_at, 'kept') FROM food_samples WHERE day = '$today'
    ORDER BY id DESC LIMIT 1")" = "lunch|150.0|kitchen|kept" ] ||
    fail "sample stored wrong or disposed too early"
