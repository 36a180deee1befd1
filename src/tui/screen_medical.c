/*
 * The nurse's medical room forms: a visit, a periodic check-up, medicine
 * sent by the parents and a dose given from it, an injury or accident,
 * and a vaccination.  Form rows are named as
 * the core's error fields, so a rejected value puts the cursor on its
 * row.  Dates are typed dd/mm/yyyy and times dd/mm/yyyy HH:MM, and they
 * reach the core as YYYY-MM-DD and YYYY-MM-DD HH:MM.  Every form keeps
 * its values as a draft when the session ends in it, under the key
 * "health_form:KIND:CHILD_ID" that health_form_reopen opens again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "tui/grid.h"
#include "tui/health_ui.h"
#include "tui/screens.h"

#define TEXT_LETTERS 200
#define TIME_LETTERS 20		/* dd/mm/yyyy HH:MM, room for spaces */

/* Local time now as "dd/mm/yyyy HH:MM". */
static void
now_text(char buf[17])
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		snprintf(buf, 17, "01/01/1970 00:00");
	else
		strftime(buf, 17, "%d/%m/%Y %H:%M", &tm);
}

/*
 * Rejects a day after today with the text as typed, because the core's
 * own message would show the stored YYYY-MM-DD form.
 */
static int
not_future(const struct mn_date *d, const char *text, const char *field,
    const char *label, struct mn_error *err)
{
	struct mn_date today;

	mn_date_today(&today);
	if (mn_date_cmp(d, &today) <= 0)
		return MN_OK;
	return mn_fail(err, MN_ERR_INVALID, field, T("%s %s is in the future; "
	    "enter a date up to today", "%s %s là ngày trong tương lai; hãy "
	    "nhập ngày đến hôm nay"), label, text);
}

/* Converts a typed "dd/mm/yyyy HH:MM" to "YYYY-MM-DD HH:MM". */
static int
iso_time(const char *text, const char *field, const char *label,
    char out[17], struct mn_error *err)
{
	char day[16], extra;
	struct mn_date d;
	int hour, minute;

	out[0] = '\0';
	if (text == NULL || sscanf(text, "%15s %2d:%2d%c", day, &hour,
	    &minute, &extra) != 3 || hour < 0 || hour > 23 || minute < 0 ||
	    minute > 59 || mn_date_parse(day, label, &d, NULL) != MN_OK)
		return mn_fail(err, MN_ERR_INVALID, field, T("%s \"%s\" is not "
		    "a time; expected dd/mm/yyyy HH:MM such as 04/12/2026 "
		    "09:30", "%s \"%s\" không phải là thời điểm; cần dạng "
		    "dd/mm/yyyy HH:MM, ví dụ 04/12/2026 09:30"), label,
		    text != NULL ? text : "");
	if (not_future(&d, text, field, label, err) != MN_OK)
		return MN_ERR_INVALID;
	snprintf(out, 17, "%04d-%02d-%02d %02d:%02d", d.year, d.month, d.day,
	    hour, minute);
	return MN_OK;
}

/* Writes the draft key "health_form:KIND:CHILD_ID" of a form. */
static void
draft_key(char *buf, size_t size, const char *kind, const struct mn_child *c)
{
	snprintf(buf, size, "health_form:%s:%lld", kind, (long long)c->id);
}

/*
 * Text of row i without spaces around it, malloc'd; NULL when out of
 * memory.  Spaces typed or pasted around a date, a time or a number
 * would otherwise make it unreadable; the core cleans text anyway.
 */
static char *
get(struct tui_form *form, int i)
{
	char *text = tui_field_get(&form->rows[i].field);
	size_t start, len;

	if (text == NULL)
		return NULL;
	start = strspn(text, " ");
	len = strlen(text + start);
	while (len > 0 && text[start + len - 1] == ' ')
		len--;
	memmove(text, text + start, len);
	text[len] = '\0';
	return text;
}

static void
show_error(struct tui *ui, struct tui_form *form, const struct mn_error *err)
{
	tui_error(ui, "%s", err->message);
	tui_form_focus(form, err->field);
}

/*
 * Converts a typed dd/mm/yyyy (or "" when allowed) to YYYY-MM-DD; past
 * also rejects a day after today.
 */
static int
iso_date(const char *text, const char *field, const char *label,
    bool allow_empty, bool past, char out[11], struct mn_error *err)
{
	struct mn_date d;

	out[0] = '\0';
	if (allow_empty && (text == NULL || text[0] == '\0'))
		return MN_OK;
	if (mn_date_parse(text, label, &d, err) != MN_OK) {
		snprintf(err->field, sizeof err->field, "%s", field);
		return MN_ERR_INVALID;
	}
	if (past && not_future(&d, text, field, label, err) != MN_OK)
		return MN_ERR_INVALID;
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
		rc = iso_time(t[V_AT], "visit_at", T("visit time",
		    "thời điểm đến phòng y tế"), v.visit_at, &err);
	if (rc == MN_OK)
		rc = parse_yes(t[V_INFORMED], "parent_informed",
		    T("parents informed", "đã báo phụ huynh"),
		    &v.parent_informed, &err);
	if (rc == MN_OK) {
		v.child_id = c->id;
		v.complaint = t[V_COMPLAINT];
		v.temperature_c = temp;
		v.action = action - 1;
		v.medicine = t[V_MEDICINE];
		v.note = t[V_NOTE];
		rc = mn_visit_add(ui->ctx, &v, &id, &err);
	}
	if (rc == MN_OK)
		tui_message(ui, T("Visit of %s saved",
		    "Đã lưu lần khám của %s"), c->full_name);
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
		{ .name = "visit_at", .en = "Time (dd/mm/yyyy HH:MM)",
		    .vi = "Thời điểm (dd/mm/yyyy HH:MM)" },
		{ .name = "complaint", .en = "Complaint", .vi = "Lý do đến" },
		{ .name = "temperature", .en = "Temperature °C",
		    .vi = "Nhiệt độ °C" },
		{ .name = "action", .en = "Action (1-6)",
		    .vi = "Xử trí (1-6)" },
		{ .name = "medicine", .en = "Medicine given",
		    .vi = "Thuốc đã dùng" },
		{ .name = "parent_informed", .en = "Parents informed (c/k)",
		    .vi = "Đã báo phụ huynh (c/k)" },
		{ .name = "note", .en = "Note", .vi = "Ghi chú" },
	};
	struct tui_form form = { .rows = rows, .nrows = V_ROWS };
	char heading[320], note[512], now[17], key[MN_DRAFT_KEY_SIZE];
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
	draft_key(key, sizeof key, "visit", c);
	form.draft_key = key;
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
		    "ngày khám"), false, true, k.checked_on, &err);
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
	char heading[320], today[16], key[MN_DRAFT_KEY_SIZE];
	struct mn_date d;
	const char *saved;
	int rc;

	form_title(heading, sizeof heading, T("Periodic check-up",
	    "Khám sức khỏe định kỳ"), c);
	/* Seventeen rows fill 24 lines, so the child goes in the title. */
	draft_key(key, sizeof key, "checkup", c);
	form.draft_key = key;
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
		    "từ ngày"), false, false, m.first_day, &err);
	if (rc == MN_OK)
		rc = iso_date(t[M_LAST], "last_day", T("last day",
		    "đến ngày"), false, false, m.last_day, &err);
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
	char heading[320], today[16], key[MN_DRAFT_KEY_SIZE];
	struct mn_date d;
	const char *saved;
	int rc;

	form_title(heading, sizeof heading, T("Medicine sent by parents",
	    "Thuốc phụ huynh gửi"), c);
	form.heading = heading;
	form.note = T("Dose such as \"5 ml\" or \"1 tablet\"; times such as "
	    "\"10:30, 14:00\".", "Liều dùng như \"5 ml\" hoặc \"1 viên\"; "
	    "giờ uống như \"10:30, 14:00\".");
	draft_key(key, sizeof key, "medicine", c);
	form.draft_key = key;
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

/*
 * Rejects a dose time outside the request's days with dd/mm/yyyy dates,
 * before the core does the same check with its stored forms.
 */
static int
within_days(const struct mn_medicine_request *req, const char *iso,
    const char *typed, struct mn_error *err)
{
	char first[16], last[16];

	if (strncmp(iso, req->first_day, 10) >= 0 &&
	    strncmp(iso, req->last_day, 10) <= 0)
		return MN_OK;
	hui_date(req->first_day, first, sizeof first);
	hui_date(req->last_day, last, sizeof last);
	return mn_fail(err, MN_ERR_INVALID, "given_at", T("%s is outside the "
	    "days the parents asked for, %s to %s", "%s nằm ngoài những ngày "
	    "cha mẹ dặn, từ %s đến %s"), typed, first, last);
}

static int
give_dose(struct tui *ui, const struct mn_child *c,
    const struct mn_medicine_request *req)
{
	struct tui_form_row rows[D_ROWS] = {
		{ .name = "given_at", .en = "Time (dd/mm/yyyy HH:MM)",
		    .vi = "Thời điểm (dd/mm/yyyy HH:MM)" },
		{ .name = "note", .en = "Note", .vi = "Ghi chú" },
	};
	struct tui_form form = { .rows = rows, .nrows = D_ROWS,
	    .enter_submits = true };
	struct mn_error err;
	char heading[320], now[17], key[MN_DRAFT_KEY_SIZE];
	int64_t id;
	int rc;

	snprintf(heading, sizeof heading, "%s: %s, %s", c->full_name,
	    req->medicine, req->dose);
	form.heading = heading;
	snprintf(key, sizeof key, "health_form:dose:%lld:%lld",
	    (long long)c->id, (long long)req->id);
	form.draft_key = key;
	tui_field_init(&rows[D_AT].field, TIME_LETTERS, TUI_SHOW);
	tui_field_init(&rows[D_NOTE].field, TEXT_LETTERS, TUI_SHOW);
	now_text(now);
	tui_field_set(&rows[D_AT].field, now);
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		char *at = get(&form, D_AT), *note = get(&form, D_NOTE);
		char iso[17];
		int stored;

		mn_error_clear(&err);
		stored = at != NULL && note != NULL ? iso_time(at, "given_at",
		    T("time given", "thời điểm cho uống"), iso, &err) :
		    MN_ERR_NOMEM;
		if (stored == MN_OK)
			stored = within_days(req, iso, at, &err);
		if (stored == MN_OK)
			stored = mn_medicine_give(ui->ctx, req->id, iso, note,
			    &id, &err);
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

/* ---- Injury -------------------------------------------------------- */

enum { I_AT, I_PLACE, I_KIND, I_BODY, I_SEVERITY, I_FIRST_AID, I_REFERRAL,
    I_OUTCOME, I_DAYS, I_REPORTED, I_ROWS };

const char *
health_injury_kind_label(int kind)
{
	static const char *const en[MN_INJURY_KIND_COUNT] = { "fall",
	    "burn", "drowning", "choking", "cut", "bite", "poisoning",
	    "other" };
	static const char *const vi[MN_INJURY_KIND_COUNT] = { "ngã",
	    "bỏng", "đuối nước", "hóc dị vật", "vết cắt", "bị cắn",
	    "ngộ độc", "khác" };

	if (kind < 0 || kind >= MN_INJURY_KIND_COUNT)
		return "?";
	return T(en[kind], vi[kind]);
}

const char *
health_severity_label(int severity)
{
	switch (severity) {
	case MN_SEVERITY_MINOR:
		return T("minor", "nhẹ");
	case MN_SEVERITY_MODERATE:
		return T("moderate", "vừa");
	case MN_SEVERITY_SEVERE:
		return T("severe", "nặng");
	default:
		return "?";
	}
}

/* Parses a choice "1".."count" into 0..count-1; label names the row. */
static int
parse_choice(const char *text, int count, const char *field,
    const char *label, int *out, struct mn_error *err)
{
	int n;
	char end;

	if (sscanf(text, "%d%c", &n, &end) != 1 || n < 1 || n > count)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s \"%s\" is invalid; expected a number from 1 to %d",
		    "%s \"%s\" không hợp lệ; cần số từ 1 đến %d"), label,
		    text, count);
	*out = n - 1;
	return MN_OK;
}

/* Writes "prefix1 a, 2 b, ..." of count labels into buf. */
static void
choice_note(char *buf, size_t size, const char *prefix, int count,
    const char *(*label)(int))
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < count && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%d %s",
		    i ? ", " : prefix, i + 1, label(i));

		if (n < 0)
			break;
		used += (size_t)n;
	}
}

static int
try_injury(struct tui *ui, struct tui_form *form, const struct mn_child *c)
{
	struct mn_injury in;
	struct mn_error err;
	char *t[I_ROWS];
	int64_t id;
	int rc = MN_OK, days = 0;
	char end;

	memset(&in, 0, sizeof in);
	mn_error_clear(&err);
	for (int i = 0; i < I_ROWS; i++)
		if ((t[i] = get(form, i)) == NULL)
			rc = mn_fail(&err, MN_ERR_NOMEM, "", "%s",
			    T("out of memory", "hết bộ nhớ"));
	if (rc == MN_OK)
		rc = parse_choice(t[I_KIND], MN_INJURY_KIND_COUNT, "kind",
		    T("kind", "loại"), &in.kind, &err);
	if (rc == MN_OK)
		rc = parse_choice(t[I_SEVERITY], MN_SEVERITY_COUNT, "severity",
		    T("severity", "mức độ"), &in.severity, &err);
	if (rc == MN_OK && t[I_DAYS][0] != '\0' &&
	    sscanf(t[I_DAYS], "%d%c", &days, &end) != 1)
		rc = mn_fail(&err, MN_ERR_INVALID, "days_absent",
		    T("days absent \"%s\" is not a whole number",
		    "số ngày nghỉ \"%s\" không phải số nguyên"), t[I_DAYS]);
	if (rc == MN_OK)
		rc = iso_time(t[I_AT], "occurred_at", T("time of the injury",
		    "thời điểm xảy ra"), in.occurred_at, &err);
	if (rc == MN_OK)
		rc = iso_date(t[I_REPORTED], "reported_on", T("report date",
		    "ngày báo cáo"), true, true, in.reported_on, &err);
	if (rc == MN_OK) {
		in.child_id = c->id;
		in.place = t[I_PLACE];
		in.body_part = t[I_BODY];
		in.first_aid = t[I_FIRST_AID];
		in.referral = t[I_REFERRAL];
		in.outcome = t[I_OUTCOME];
		in.days_absent = days;
		rc = mn_injury_add(ui->ctx, &in, &id, &err);
	}
	if (rc == MN_OK)
		tui_message(ui, T("Injury of %s saved",
		    "Đã lưu tai nạn của %s"), c->full_name);
	else
		show_error(ui, form, &err);
	for (int i = 0; i < I_ROWS; i++)
		free(t[i]);
	return rc;
}

int
health_injury_form(struct tui *ui, const struct mn_child *c)
{
	struct tui_form_row rows[I_ROWS] = {
		{ .name = "occurred_at", .en = "Time (dd/mm/yyyy HH:MM)",
		    .vi = "Thời điểm (dd/mm/yyyy HH:MM)" },
		{ .name = "place", .en = "Place", .vi = "Nơi xảy ra" },
		{ .name = "kind", .en = "Kind (1-8)", .vi = "Loại (1-8)" },
		{ .name = "body_part", .en = "Body part",
		    .vi = "Bộ phận bị thương" },
		{ .name = "severity", .en = "Severity (1-3)",
		    .vi = "Mức độ (1-3)" },
		{ .name = "first_aid", .en = "First aid", .vi = "Sơ cứu" },
		{ .name = "referral", .en = "Referral", .vi = "Chuyển viện" },
		{ .name = "outcome", .en = "Outcome", .vi = "Kết quả" },
		{ .name = "days_absent", .en = "Days absent",
		    .vi = "Số ngày nghỉ" },
		{ .name = "reported_on", .en = "Reported on (dd/mm/yyyy)",
		    .vi = "Ngày báo cáo (dd/mm/yyyy)" },
	};
	struct tui_form form = { .rows = rows, .nrows = I_ROWS };
	char heading[320], note[512], kinds[320], levels[128], now[17];
	char key[MN_DRAFT_KEY_SIZE];
	const char *saved;
	int rc;

	form_title(heading, sizeof heading, T("Injury or accident",
	    "Tai nạn, thương tích"), c);
	form.heading = heading;
	choice_note(kinds, sizeof kinds, T("Kind: ", "Loại: "),
	    MN_INJURY_KIND_COUNT, health_injury_kind_label);
	choice_note(levels, sizeof levels, T("Severity: ", "Mức độ: "),
	    MN_SEVERITY_COUNT, health_severity_label);
	snprintf(note, sizeof note, "%s. %s", kinds, levels);
	form.note = note;
	draft_key(key, sizeof key, "injury", c);
	form.draft_key = key;
	for (int i = 0; i < I_ROWS; i++)
		tui_field_init(&rows[i].field, TEXT_LETTERS, TUI_SHOW);
	now_text(now);
	tui_field_set(&rows[I_AT].field, now);
	tui_field_set(&rows[I_DAYS].field, "0");
	form.focus = I_PLACE;
	saved = hui_enter(ui, T("Medical room", "Phòng y tế"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK &&
	    try_injury(ui, &form, c) != MN_OK)
		;
	hui_leave(ui, saved);
	return rc;
}

/* ---- Vaccination ---------------------------------------------------- */

enum { A_VACCINE, A_DOSE, A_GIVEN, A_SOURCE, A_CATCH_UP, A_ROWS };

const char *
health_vaccine_source_label(int source)
{
	switch (source) {
	case MN_VACCINE_FAMILY_BOOK:
		return T("family vaccination book", "sổ tiêm chủng gia đình");
	case MN_VACCINE_NATIONAL_RECORD:
		return T("national immunisation record",
		    "hệ thống tiêm chủng quốc gia");
	case MN_VACCINE_SCHOOL:
		return T("given at school", "tiêm tại trường");
	default:
		return "?";
	}
}

static int
try_vaccination(struct tui *ui, struct tui_form *form,
    const struct mn_child *c)
{
	struct mn_vaccination va;
	struct mn_error err;
	char *t[A_ROWS];
	int64_t id;
	int rc = MN_OK, dose = 0;
	char end;

	memset(&va, 0, sizeof va);
	mn_error_clear(&err);
	for (int i = 0; i < A_ROWS; i++)
		if ((t[i] = get(form, i)) == NULL)
			rc = mn_fail(&err, MN_ERR_NOMEM, "", "%s",
			    T("out of memory", "hết bộ nhớ"));
	if (rc == MN_OK && sscanf(t[A_DOSE], "%d%c", &dose, &end) != 1)
		rc = mn_fail(&err, MN_ERR_INVALID, "dose_number",
		    T("dose number \"%s\" is not a whole number; expected 1 "
		    "to 10", "mũi thứ \"%s\" không phải số nguyên; cần từ 1 "
		    "đến 10"), t[A_DOSE]);
	if (rc == MN_OK)
		rc = iso_date(t[A_GIVEN], "given_on", T("vaccination date",
		    "ngày tiêm"), true, true, va.given_on, &err);
	if (rc == MN_OK)
		rc = parse_choice(t[A_SOURCE], MN_VACCINE_SOURCE_COUNT,
		    "source", T("source", "nguồn"), &va.source, &err);
	if (rc == MN_OK)
		rc = parse_yes(t[A_CATCH_UP], "catch_up", T("to catch up",
		    "cần tiêm bù"), &va.catch_up, &err);
	if (rc == MN_OK) {
		va.child_id = c->id;
		va.vaccine = t[A_VACCINE];
		va.dose_number = dose;
		rc = mn_vaccination_add(ui->ctx, &va, &id, &err);
	}
	if (rc == MN_OK)
		tui_message(ui, T("Vaccination of %s saved",
		    "Đã lưu tiêm chủng của %s"), c->full_name);
	else
		show_error(ui, form, &err);
	for (int i = 0; i < A_ROWS; i++)
		free(t[i]);
	return rc;
}

int
health_vaccination_form(struct tui *ui, const struct mn_child *c)
{
	struct tui_form_row rows[A_ROWS] = {
		{ .name = "vaccine", .en = "Vaccine", .vi = "Vắc xin" },
		{ .name = "dose_number", .en = "Dose number (1-10)",
		    .vi = "Mũi thứ (1-10)" },
		{ .name = "given_on", .en = "Given on (dd/mm/yyyy)",
		    .vi = "Ngày tiêm (dd/mm/yyyy)" },
		{ .name = "source", .en = "Source (1-3)",
		    .vi = "Nguồn (1-3)" },
		{ .name = "catch_up", .en = "To catch up (c/k)",
		    .vi = "Cần tiêm bù (c/k)" },
	};
	struct tui_form form = { .rows = rows, .nrows = A_ROWS };
	char heading[320], note[320], key[MN_DRAFT_KEY_SIZE];
	const char *saved;
	int rc;

	form_title(heading, sizeof heading, T("Vaccination", "Tiêm chủng"),
	    c);
	form.heading = heading;
	choice_note(note, sizeof note, T("Source: ", "Nguồn: "),
	    MN_VACCINE_SOURCE_COUNT, health_vaccine_source_label);
	form.note = note;
	draft_key(key, sizeof key, "vaccination", c);
	form.draft_key = key;
	for (int i = 0; i < A_ROWS; i++)
		tui_field_init(&rows[i].field, TEXT_LETTERS, TUI_SHOW);
	tui_field_set(&rows[A_DOSE].field, "1");
	tui_field_set(&rows[A_SOURCE].field, "1");
	tui_field_set(&rows[A_CATCH_UP].field, "k");
	saved = hui_enter(ui, T("Medical room", "Phòng y tế"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK &&
	    try_vaccination(ui, &form, c) != MN_OK)
		;
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

/* Opens the dose form of the child's medicine request_id, if still listed. */
static int
reopen_dose(struct tui *ui, const struct mn_child *c, int64_t request_id)
{
	struct mn_medicine_request *rq = NULL;
	struct mn_error err;
	const char *saved;
	size_t n = 0;
	int rc = TUI_OK;

	mn_error_clear(&err);
	if (mn_medicine_list(ui->ctx, c->id, NULL, &rq, &n, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	saved = hui_enter(ui, T("Medicine: log a dose",
	    "Thuốc: ghi lần cho uống"));
	for (size_t i = 0; i < n; i++)
		if (rq[i].id == request_id) {
			rc = give_dose(ui, c, &rq[i]);
			break;
		}
	hui_leave(ui, saved);
	mn_medicine_list_free(rq, n);
	return rc;
}

/* The forms a draft "health_form:KIND:CHILD_ID" reopens. */
static const struct {
	const char *kind;
	int (*form)(struct tui *, const struct mn_child *);
} reopen_forms[] = {
	{ "visit", health_visit_form },
	{ "checkup", health_checkup_form },
	{ "medicine", health_medicine_form },
	{ "injury", health_injury_form },
	{ "vaccination", health_vaccination_form },
};

/*
 * Opens the form of a draft "KIND:CHILD_ID" ("dose:CHILD_ID:REQUEST_ID"
 * for a dose), filled in from ui->resume.
 */
int
health_form_reopen(struct tui *ui, const char *record)
{
	size_t len = strcspn(record, ":");
	struct mn_child c;
	struct mn_error err;
	long long id, request = 0;
	char *end;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	if (record[len] != ':')
		return TUI_OK;
	id = strtoll(record + len + 1, &end, 10);
	if (len == 4 && strncmp(record, "dose", 4) == 0 && *end == ':')
		request = strtoll(end + 1, &end, 10);
	if (*end != '\0' || id <= 0)
		return TUI_OK;
	if (request > 0) {
		mn_error_clear(&err);
		if (mn_child_get(ui->ctx, id, &c, &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			return TUI_OK;
		}
		return reopen_dose(ui, &c, request) == TUI_END ? TUI_END :
		    TUI_OK;
	}
	for (size_t i = 0; i < sizeof reopen_forms / sizeof reopen_forms[0];
	    i++) {
		if (strlen(reopen_forms[i].kind) != len ||
		    strncmp(reopen_forms[i].kind, record, len) != 0)
			continue;
		mn_error_clear(&err);
		if (mn_child_get(ui->ctx, id, &c, &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			return TUI_OK;
		}
		return reopen_forms[i].form(ui, &c) == TUI_END ? TUI_END :
		    TUI_OK;
	}
	return TUI_OK;
}

/* Names a draft "KIND:CHILD_ID[:REQUEST]" by its form and child. */
void
health_form_describe(struct tui *ui, const char *record,
    const struct tui_resume *draft, char *buf, size_t size)
{
	static const char *const kinds[][3] = {
		{ "visit", "visit", "khám" },
		{ "checkup", "check-up", "khám sức khỏe" },
		{ "medicine", "medicine", "gửi thuốc" },
		{ "dose", "dose", "cho uống thuốc" },
		{ "injury", "injury", "tai nạn" },
		{ "vaccination", "vaccination", "tiêm chủng" },
	};
	size_t len = strcspn(record, ":");
	struct mn_child c;
	struct mn_error err;
	long long id;

	buf[0] = '\0';
	if (record[len] != ':' || (id = strtoll(record + len + 1, NULL,
	    10)) <= 0)
		return;
	mn_error_clear(&err);
	if (mn_child_get(ui->ctx, id, &c, &err) != MN_OK)
		return;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strlen(kinds[i][0]) == len &&
		    strncmp(kinds[i][0], record, len) == 0)
			snprintf(buf, size, "%s, %s", T(kinds[i][1],
			    kinds[i][2]), c.full_name);
}
