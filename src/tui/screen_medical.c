/*
 * The nurse's medical room forms: a visit, a periodic check-up, medicine
 * sent by the parents and a dose given from it.  Form rows are named as
 * the core's error fields, so a rejected value puts the cursor on its
 * row.  Dates are typed dd/mm/yyyy and times YYYY-MM-DD HH:MM, as the
 * core stores them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "tui/health_ui.h"
#include "tui/screens.h"

#define TEXT_LETTERS 200

/* Local time now as "YYYY-MM-DD HH:MM". */
static void
now_text(char buf[17])
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		snprintf(buf, 17, "1970-01-01 00:00");
	else
		strftime(buf, 17, "%Y-%m-%d %H:%M", &tm);
}

/* Text of row i, malloc'd; "" when out of memory is turned into NULL. */
static char *
get(struct tui_form *form, int i)
{
	return tui_field_get(&form->rows[i].field);
}

static void
show_error(struct tui *ui, struct tui_form *form, const struct mn_error *err)
{
	tui_error(ui, "%s", err->message);
	tui_form_focus(form, err->field);
}

/* Converts a typed dd/mm/yyyy (or "" when allowed) to YYYY-MM-DD. */
static int
iso_date(const char *text, const char *field, const char *label,
    bool allow_empty, char out[11], struct mn_error *err)
{
	struct mn_date d;

	out[0] = '\0';
	if (allow_empty && (text == NULL || text[0] == '\0'))
		return MN_OK;
	if (mn_date_parse(text, label, &d, err) != MN_OK) {
		snprintf(err->field, sizeof err->field, "%s", field);
		return MN_ERR_INVALID;
	}
	mn_date_format_iso(&d, out, 11);
	return MN_OK;
}

/* Parses "c"/"có"/"y"/"yes" or "k"/"không"/"n"/"no"/"" into *yes. */
static int
parse_yes(const char *text, const char *field, const char *label,
    bool *yes, struct mn_error *err)
{
	static const char *const yes_words[] = { "c", "có", "y", "yes" };
	static const char *const no_words[] = { "", "k", "không", "n", "no" };

	for (size_t i = 0; i < sizeof yes_words / sizeof yes_words[0]; i++)
		if (strcasecmp(text, yes_words[i]) == 0) {
			*yes = true;
			return MN_OK;
		}
	for (size_t i = 0; i < sizeof no_words / sizeof no_words[0]; i++)
		if (strcasecmp(text, no_words[i]) == 0) {
			*yes = false;
			return MN_OK;
		}
	return mn_fail(err, MN_ERR_INVALID, field, T("%s \"%s\" is invalid; "
	    "expected c (yes) or k (no)", "%s \"%s\" không hợp lệ; cần c "
	    "(có) hoặc k (không)"), label, text);
}

static void
form_title(char *buf, size_t size, const char *what,
    const struct mn_child *c)
{
	snprintf(buf, size, "%s: %s (%s)", what, c->full_name, c->class_code);
}

/* ---- Visit ---------------------------------------------------------- */

enum { V_AT, V_COMPLAINT, V_TEMP, V_ACTION, V_MEDICINE, V_INFORMED,
    V_NOTE, V_ROWS };

static int
try_visit(struct tui *ui, struct tui_form *form, const struct mn_child *c)
{
	struct mn_visit v;
	struct mn_error err;
	char *t[V_ROWS];
	int64_t id;
	int action = 0, rc = MN_OK;
	double temp = 0;
	char end;

	memset(&v, 0, sizeof v);
	mn_error_clear(&err);
	for (int i = 0; i < V_ROWS; i++)
		if ((t[i] = get(form, i)) == NULL)
			rc = mn_fail(&err, MN_ERR_NOMEM, "", "%s",
			    T("out of memory", "hết bộ nhớ"));
	if (rc == MN_OK && !hui_parse_decimal(t[V_TEMP], &temp))
		rc = mn_fail(&err, MN_ERR_INVALID, "temperature",
		    T("temperature \"%s\" is not a number; expected a form "
		    "like 37,5 or nothing", "nhiệt độ \"%s\" không phải là "
		    "số; cần dạng 37,5 hoặc để trống"), t[V_TEMP]);
	if (rc == MN_OK && (sscanf(t[V_ACTION], "%d%c", &action, &end) != 1 ||
	    action < 1 || action > MN_VISIT_ACTION_COUNT))
		rc = mn_fail(&err, MN_ERR_INVALID, "action",
		    T("action \"%s\" is invalid; expected a number from 1 to "
		    "%d", "xử trí \"%s\" không hợp lệ; cần số từ 1 đến %d"),
		    t[V_ACTION], MN_VISIT_ACTION_COUNT);
	if (rc == MN_OK)
		rc = parse_yes(t[V_INFORMED], "parent_informed",
		    T("parents informed", "đã báo phụ huynh"),
		    &v.parent_informed, &err);
	if (rc == MN_OK) {
		v.child_id = c->id;
		snprintf(v.visit_at, sizeof v.visit_at, "%s", t[V_AT]);
		v.complaint = t[V_COMPLAINT];
		v.temperature_c = temp;
		v.action = action - 1;
		v.medicine = t[V_MEDICINE];
		v.note = t[V_NOTE];
		rc = mn_visit_add(ui->ctx, &v, &id, &err);
	}
	if (rc == MN_OK)
		tui_message(ui, T("Visit of %s saved", "Đã lưu lần khám của %s"),
		    c->full_name);
	else
		show_error(ui, form, &err);
	for (int i = 0; i < V_ROWS; i++)
		free(t[i]);
	return rc;
}

int
health_visit_form(struct tui *ui, const struct mn_child *c)
{
	struct tui_form_row rows[V_ROWS] = {
		{ .name = "visit_at", .en = "Time (YYYY-MM-DD HH:MM)",
		    .vi = "Thời điểm (YYYY-MM-DD HH:MM)" },
		{ .name = "complaint", .en = "Complaint", .vi = "Lý do đến" },
		{ .name = "temperature", .en = "Temperature °C",
		    .vi = "Nhiệt độ °C" },
		{ .name = "action", .en = "Action (1-6)", .vi = "Xử trí (1-6)" },
		{ .name = "medicine", .en = "Medicine given",
		    .vi = "Thuốc đã dùng" },
		{ .name = "parent_informed", .en = "Parents informed (c/k)",
		    .vi = "Đã báo phụ huynh (c/k)" },
		{ .name = "note", .en = "Note", .vi = "Ghi chú" },
	};
	struct tui_form form = { .rows = rows, .nrows = V_ROWS };
	char heading[320], note[512], now[17];
	const char *saved;
	size_t used = 0;
	int rc;

	form_title(heading, sizeof heading, T("Medical room visit",
	    "Khám tại phòng y tế"), c);
	form.heading = heading;
	note[0] = '\0';
	for (int i = 0; i < MN_VISIT_ACTION_COUNT && used < sizeof note; i++) {
		int n = snprintf(note + used, sizeof note - used, "%s%d %s",
		    i ? ", " : T("Action: ", "Xử trí: "), i + 1,
		    mn_visit_action_label(i));

		if (n < 0)
			break;
		used += (size_t)n;
	}
	form.note = note;
	for (int i = 0; i < V_ROWS; i++)
		tui_field_init(&rows[i].field, TEXT_LETTERS, TUI_SHOW);
	now_text(now);
	tui_field_set(&rows[V_AT].field, now);
	tui_field_set(&rows[V_ACTION].field, "2");
	tui_field_set(&rows[V_INFORMED].field, "k");
	form.focus = V_COMPLAINT;
	saved = hui_enter(ui, T("Medical room", "Phòng y tế"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK &&
	    try_visit(ui, &form, c) != MN_OK)
		;
	hui_leave(ui, saved);
	return rc;
}

/* ---- Check-up ------------------------------------------------------- */

enum { K_ON, K_EXAMINER, K_FACILITY, K_BP, K_HR, K_EYE_L, K_EYE_R,
    K_EYES, K_ENT, K_TEETH, K_SKIN, K_HEART, K_LUNGS, K_OTHER,
    K_CONCLUSION, K_ADVICE, K_REFERRAL, K_ROWS };

static int
try_checkup(struct tui *ui, struct tui_form *form, const struct mn_child *c)
{
	struct mn_checkup k;
	struct mn_error err;
	char *t[K_ROWS];
	int64_t id;
	int rc = MN_OK, hr = 0;
	char end;

	memset(&k, 0, sizeof k);
	mn_error_clear(&err);
	for (int i = 0; i < K_ROWS; i++)
		if ((t[i] = get(form, i)) == NULL)
			rc = mn_fail(&err, MN_ERR_NOMEM, "", "%s",
			    T("out of memory", "hết bộ nhớ"));
	if (rc == MN_OK)
		rc = iso_date(t[K_ON], "checked_on", T("check-up date",
		    "ngày khám"), false, k.checked_on, &err);
	if (rc == MN_OK && t[K_HR][0] != '\0' &&
	    sscanf(t[K_HR], "%d%c", &hr, &end) != 1)
		rc = mn_fail(&err, MN_ERR_INVALID, "heart_rate",
		    T("heart rate \"%s\" is not a whole number; expected "
		    "beats per minute such as 100", "nhịp tim \"%s\" không "
		    "phải là số nguyên; cần số lần/phút, ví dụ 100"),
		    t[K_HR]);
	if (rc == MN_OK) {
		k.child_id = c->id;
		k.examiner = t[K_EXAMINER];
		k.facility = t[K_FACILITY];
		k.blood_pressure = t[K_BP];
		k.heart_rate = hr;
		k.eyesight_left = t[K_EYE_L];
		k.eyesight_right = t[K_EYE_R];
		k.eyes = t[K_EYES];
		k.ent = t[K_ENT];
		k.teeth = t[K_TEETH];
		k.skin = t[K_SKIN];
		k.heart = t[K_HEART];
		k.lungs = t[K_LUNGS];
		k.other = t[K_OTHER];
		k.conclusion = t[K_CONCLUSION];
		k.advice = t[K_ADVICE];
		k.referral = t[K_REFERRAL];
		rc = mn_checkup_add(ui->ctx, &k, &id, &err);
	}
	if (rc == MN_OK)
		tui_message(ui, T("Check-up of %s saved",
		    "Đã lưu kết quả khám của %s"), c->full_name);
	else
		show_error(ui, form, &err);
	for (int i = 0; i < K_ROWS; i++)
		free(t[i]);
	return rc;
}

int
health_checkup_form(struct tui *ui, const struct mn_child *c)
{
	struct tui_form_row rows[K_ROWS] = {
		{ .name = "checked_on", .en = "Date (dd/mm/yyyy)",
		    .vi = "Ngày khám (dd/mm/yyyy)" },
		{ .name = "examiner", .en = "Examiner", .vi = "Người khám" },
		{ .name = "facility", .en = "Facility", .vi = "Cơ sở y tế" },
		{ .name = "blood_pressure", .en = "Blood pressure",
		    .vi = "Huyết áp" },
		{ .name = "heart_rate", .en = "Heart rate /min",
		    .vi = "Nhịp tim /phút" },
		{ .name = "eyesight_left", .en = "Eyesight left",
		    .vi = "Thị lực mắt trái" },
		{ .name = "eyesight_right", .en = "Eyesight right",
		    .vi = "Thị lực mắt phải" },
		{ .name = "eyes", .en = "Eyes", .vi = "Mắt" },
		{ .name = "ent", .en = "Ear, nose, throat",
		    .vi = "Tai mũi họng" },
		{ .name = "teeth", .en = "Teeth", .vi = "Răng hàm mặt" },
		{ .name = "skin", .en = "Skin", .vi = "Da liễu" },
		{ .name = "heart", .en = "Heart", .vi = "Tim mạch" },
		{ .name = "lungs", .en = "Lungs", .vi = "Hô hấp" },
		{ .name = "other", .en = "Other", .vi = "Khác" },
		{ .name = "conclusion", .en = "Conclusion", .vi = "Kết luận" },
		{ .name = "advice", .en = "Advice to parents",
		    .vi = "Lời khuyên cho phụ huynh" },
		{ .name = "referral", .en = "Referral", .vi = "Chuyển khám" },
	};
	struct tui_form form = { .rows = rows, .nrows = K_ROWS };
	char heading[320], today[16];
	struct mn_date d;
	const char *saved;
	int rc;

	form_title(heading, sizeof heading, T("Periodic check-up",
	    "Khám sức khỏe định kỳ"), c);
	/* Seventeen rows fill 24 lines, so the child goes in the title. */
	for (int i = 0; i < K_ROWS; i++)
		tui_field_init(&rows[i].field, TEXT_LETTERS, TUI_SHOW);
	mn_date_today(&d);
	mn_date_format(&d, today, sizeof today);
	tui_field_set(&rows[K_ON].field, today);
	form.focus = K_EXAMINER;
	saved = hui_enter(ui, heading);
	while ((rc = tui_form_run(ui, &form)) == TUI_OK &&
	    try_checkup(ui, &form, c) != MN_OK)
		;
	hui_leave(ui, saved);
	return rc;
}

/* ---- Medicine ------------------------------------------------------- */

enum { M_MEDICINE, M_DOSE, M_TIMES, M_FIRST, M_LAST, M_NOTE, M_ROWS };

static int
try_medicine(struct tui *ui, struct tui_form *form, const struct mn_child *c)
{
	struct mn_medicine_request m;
	struct mn_error err;
	char *t[M_ROWS];
	int64_t id;
	int rc = MN_OK;

	memset(&m, 0, sizeof m);
	mn_error_clear(&err);
	for (int i = 0; i < M_ROWS; i++)
		if ((t[i] = get(form, i)) == NULL)
			rc = mn_fail(&err, MN_ERR_NOMEM, "", "%s",
			    T("out of memory", "hết bộ nhớ"));
	if (rc == MN_OK)
		rc = iso_date(t[M_FIRST], "first_day", T("first day",
		    "từ ngày"), false, m.first_day, &err);
	if (rc == MN_OK)
		rc = iso_date(t[M_LAST], "last_day", T("last day",
		    "đến ngày"), false, m.last_day, &err);
	if (rc == MN_OK) {
		m.child_id = c->id;
		m.medicine = t[M_MEDICINE];
		m.dose = t[M_DOSE];
		m.times = t[M_TIMES];
		m.parent_note = t[M_NOTE];
		rc = mn_medicine_add(ui->ctx, &m, &id, &err);
	}
	if (rc == MN_OK)
		tui_message(ui, T("Medicine for %s saved",
		    "Đã lưu thuốc gửi cho %s"), c->full_name);
	else
		show_error(ui, form, &err);
	for (int i = 0; i < M_ROWS; i++)
		free(t[i]);
	return rc;
}

int
health_medicine_form(struct tui *ui, const struct mn_child *c)
{
	struct tui_form_row rows[M_ROWS] = {
		{ .name = "medicine", .en = "Medicine", .vi = "Tên thuốc" },
		{ .name = "dose", .en = "Dose", .vi = "Liều dùng" },
		{ .name = "times", .en = "Times of day", .vi = "Giờ uống" },
		{ .name = "first_day", .en = "First day (dd/mm/yyyy)",
		    .vi = "Từ ngày (dd/mm/yyyy)" },
		{ .name = "last_day", .en = "Last day (dd/mm/yyyy)",
		    .vi = "Đến ngày (dd/mm/yyyy)" },
		{ .name = "parent_note", .en = "Parents' note",
		    .vi = "Lời dặn của phụ huynh" },
	};
	struct tui_form form = { .rows = rows, .nrows = M_ROWS };
	char heading[320], today[16];
	struct mn_date d;
	const char *saved;
	int rc;

	form_title(heading, sizeof heading, T("Medicine sent by parents",
	    "Thuốc phụ huynh gửi"), c);
	form.heading = heading;
	form.note = T("Dose such as \"5 ml\" or \"1 tablet\"; times such as "
	    "\"10:30, 14:00\".", "Liều dùng như \"5 ml\" hoặc \"1 viên\"; "
	    "giờ uống như \"10:30, 14:00\".");
	for (int i = 0; i < M_ROWS; i++)
		tui_field_init(&rows[i].field, TEXT_LETTERS, TUI_SHOW);
	mn_date_today(&d);
	mn_date_format(&d, today, sizeof today);
	tui_field_set(&rows[M_FIRST].field, today);
	tui_field_set(&rows[M_LAST].field, today);
	saved = hui_enter(ui, T("Medical room", "Phòng y tế"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK &&
	    try_medicine(ui, &form, c) != MN_OK)
		;
	hui_leave(ui, saved);
	return rc;
}

/* ---- Dose given ----------------------------------------------------- */

static const struct tui_keydef request_keys[] = {
	{ { TK_ENTER }, "Enter", "Log a dose", "Ghi lần cho uống",
	    TUI_ACT_SELECT },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column request_columns[] = {
	{ "Medicine", "Thuốc", 24 },
	{ "Dose", "Liều", 10 },
	{ "Times", "Giờ uống", 14 },
	{ "Days", "Ngày", 0 },
};

enum { D_AT, D_NOTE, D_ROWS };

static int
give_dose(struct tui *ui, const struct mn_child *c,
    const struct mn_medicine_request *req)
{
	struct tui_form_row rows[D_ROWS] = {
		{ .name = "given_at", .en = "Time (YYYY-MM-DD HH:MM)",
		    .vi = "Thời điểm (YYYY-MM-DD HH:MM)" },
		{ .name = "note", .en = "Note", .vi = "Ghi chú" },
	};
	struct tui_form form = { .rows = rows, .nrows = D_ROWS,
	    .enter_submits = true };
	struct mn_error err;
	char heading[320], now[17];
	int64_t id;
	int rc;

	snprintf(heading, sizeof heading, "%s: %s, %s", c->full_name,
	    req->medicine, req->dose);
	form.heading = heading;
	tui_field_init(&rows[D_AT].field, 16, TUI_SHOW);
	tui_field_init(&rows[D_NOTE].field, TEXT_LETTERS, TUI_SHOW);
	now_text(now);
	tui_field_set(&rows[D_AT].field, now);
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		char *at = get(&form, D_AT), *note = get(&form, D_NOTE);
		int stored;

		mn_error_clear(&err);
		stored = at != NULL && note != NULL ?
		    mn_medicine_give(ui->ctx, req->id, at, note, &id, &err) :
		    MN_ERR_NOMEM;
		free(at);
		free(note);
		if (stored == MN_OK) {
			tui_message(ui, T("Dose of %s logged",
			    "Đã ghi lần cho uống %s"), req->medicine);
			break;
		}
		show_error(ui, &form, &err);
	}
	return rc;
}

int
health_dose_form(struct tui *ui, const struct mn_child *c)
{
	struct mn_medicine_request *rq = NULL;
	struct tui_list list;
	struct mn_error err;
	const char *saved;
	size_t n = 0;
	int rc = TUI_CANCEL;

	mn_error_clear(&err);
	if (mn_medicine_list(ui->ctx, c->id, NULL, &rq, &n, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	saved = hui_enter(ui, T("Medicine: log a dose",
	    "Thuốc: ghi lần cho uống"));
	tui_list_init(&list, request_columns, 4);
	list.empty_en = "No medicine sent for this child";
	list.empty_vi = "Phụ huynh chưa gửi thuốc cho trẻ";
	for (size_t i = 0; i < n; i++) {
		char days[32], a[16], b[16];
		const char *cells[4];

		hui_date(rq[i].first_day, a, sizeof a);
		hui_date(rq[i].last_day, b, sizeof b);
		snprintf(days, sizeof days, "%s-%s", a, b);
		cells[0] = rq[i].medicine;
		cells[1] = rq[i].dose;
		cells[2] = rq[i].times;
		cells[3] = days;
		tui_list_add(&list, cells);
	}
	for (;;) {
		int action = tui_list_run(ui, &list, request_keys), row;

		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if ((row = tui_list_selected(&list)) >= 0 &&
		    give_dose(ui, c, &rq[row]) == TUI_END) {
			rc = TUI_END;
			break;
		}
	}
	tui_list_free(&list);
	mn_medicine_list_free(rq, n);
	hui_leave(ui, saved);
	return rc;
}

/* ---- Menu entries ----------------------------------------------------- */

/* Chooses children one after another for form until Esc. */
static int
for_children(struct tui *ui, int (*form)(struct tui *,
    const struct mn_child *))
{
	struct mn_class k;
	struct mn_child c;
	int rc;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	for (;;) {
		if ((rc = hui_pick_class(ui, &k)) != TUI_OK)
			return rc;
		while ((rc = hui_pick_child(ui, k.code, &c)) == TUI_OK)
			if (form(ui, &c) == TUI_END)
				return TUI_END;
		if (rc == TUI_END)
			return rc;
	}
}

int
screen_visit(struct tui *ui)
{
	return for_children(ui, health_visit_form);
}

int
screen_medicine(struct tui *ui)
{
	return for_children(ui, health_medicine_form);
}

int
screen_checkup(struct tui *ui)
{
	return for_children(ui, health_checkup_form);
}
