/*
 * A child's health page: allergies and chronic conditions as a warning,
 * the latest classification of each indicator with its trend, then the
 * measurements, check-ups, medical room visits, medicines, injuries and
 * vaccinations.  The nurse opens their entry forms from here.  A teacher
 * gets the summary and the measurements only, because the core rejects
 * her other reads.  'g' opens the growth chart.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "tui/chart.h"
#include "tui/health_ui.h"
#include "tui/screens.h"

enum {
	ACT_CHART = TUI_ACT_USER,
	ACT_VISIT,
	ACT_CHECKUP,
	ACT_MEDICINE,
	ACT_DOSE,
	ACT_INJURY,
	ACT_VACCINATION,
};

static const struct tui_keydef page_keys[] = {
	{ { 'g' }, "g", "Growth chart", "Biểu đồ", ACT_CHART },
	{ { 'v' }, "v", "Visit", "Khám y tế", ACT_VISIT },
	{ { 'c' }, "c", "Check-up", "Khám định kỳ", ACT_CHECKUP },
	{ { 't' }, "t", "Medicine", "Thuốc", ACT_MEDICINE },
	{ { 'u' }, "u", "Dose given", "Cho uống", ACT_DOSE },
	{ { 'a' }, "a", "Injury", "Tai nạn", ACT_INJURY },
	{ { 'i' }, "i", "Vaccination", "Tiêm chủng", ACT_VACCINATION },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/* Keys for a reader: the teacher and the principal enter nothing here. */
static const struct tui_keydef read_keys[] = {
	{ { 'g' }, "g", "Growth chart", "Biểu đồ", ACT_CHART },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/*
 * True when the actor may read the medical room records.  Asking the
 * core for a teacher would only write a "denied" audit row per list.
 */
static bool
reads_medical(const struct tui *ui)
{
	return (ui->ctx->actor.roles & (MN_ROLE_NURSE | MN_ROLE_PRINCIPAL |
	    MN_ROLE_HOST)) != 0;
}

static void
add_growth(struct hui_page *p, const struct mn_growth_status *g)
{
	char day[16], z[16], dz[16], w[16], h[16], head[3][64];

	if (!g->has_latest) {
		hui_add(p, TUI_NORMAL, "%s", T("No measurement yet",
		    "Chưa có lần cân đo nào"));
		return;
	}
	hui_date(g->latest.date, day, sizeof day);
	hui_decimal(g->latest.weight_kg, w, sizeof w);
	hui_decimal(g->latest.height_cm, h, sizeof h);
	hui_add(p, TUI_HEADER, T("Nutrition status, measured %s: %s kg, %s cm",
	    "Tình trạng dinh dưỡng, đo ngày %s: %s kg, %s cm"), day, w, h);
	hui_pad(T("Index", "Chỉ số"), 8, head[0], sizeof head[0]);
	hui_pad("Z", 7, head[1], sizeof head[1]);
	hui_pad(T("Category", "Phân loại"), 29, head[2], sizeof head[2]);
	hui_add(p, TUI_NORMAL, "  %s%s%s%s", head[0], head[1], head[2],
	    T("Since the last one", "So với lần trước"));
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		int cat = g->latest.category[i];
		char trend[96] = "", label[128];

		hui_z(g->latest.z[i], z, sizeof z);
		if (g->trend[i] != MN_TREND_NONE) {
			hui_z(g->dz[i], dz, sizeof dz);
			snprintf(trend, sizeof trend, "%s (z %s)",
			    mn_trend_label(g->trend[i]), dz);
		}
		hui_pad(mn_growth_category_label(i, cat), 29, label,
		    sizeof label);
		hui_add(p, cat == MN_GROWTH_NORMAL || cat == MN_GROWTH_NONE ||
		    cat == MN_GROWTH_HIGH ? TUI_NORMAL : TUI_ERROR,
		    "  %-7s %-6s %s%s", hui_indicator_short(i), z, label,
		    trend);
	}
	if (g->has_previous) {
		hui_decimal(g->weight_gain_kg, w, sizeof w);
		hui_decimal(g->height_gain_cm, h, sizeof h);
		hui_add(p, g->no_weight_gain ? TUI_ERROR : TUI_NORMAL,
		    T("  Since the previous measurement: %s kg, %s cm%s",
		    "  Từ lần đo trước: %s kg, %s cm%s"), w, h,
		    g->no_weight_gain ? T(" (no weight gain)",
		    " (không tăng cân)") : "");
	}
}

static void
add_measurements(struct tui *ui, struct hui_page *p, int64_t child_id)
{
	struct mn_measurement *m = NULL;
	struct mn_error err;
	size_t n = 0;

	hui_add(p, TUI_NORMAL, "%s", "");
	if (mn_measure_list(ui->ctx, child_id, &m, &n, &err) != MN_OK) {
		hui_add(p, TUI_ERROR, "%s", err.message);
		return;
	}
	hui_add(p, TUI_HEADER, T("Measurements (%zu)", "Các lần cân đo (%zu)"),
	    n);
	for (size_t i = n; i-- > 0;) {
		char day[16], w[16], h[16], cats[160], head[48] = "";

		hui_date(m[i].date, day, sizeof day);
		hui_decimal(m[i].weight_kg, w, sizeof w);
		hui_decimal(m[i].height_cm, h, sizeof h);
		hui_categories(m[i].category, cats, sizeof cats);
		if (m[i].head_cm > 0) {
			char hc[16];

			hui_decimal(m[i].head_cm, hc, sizeof hc);
			snprintf(head, sizeof head, T("head %s cm ",
			    "vòng đầu %s cm "), hc);
		}
		hui_add(p, m[i].measure_again ? TUI_ERROR : TUI_NORMAL,
		    "  %s  %-7s %6s kg %6s cm %-5s %s%s", day, m[i].round, w,
		    h, m[i].position == MN_POSITION_LYING ? T("lying", "nằm") :
		    T("stand", "đứng"), head, m[i].measure_again ?
		    T("measure again", "cần đo lại") : cats[0] ? cats :
		    T("normal", "bình thường"));
	}
	free(m);
}

/* Adds the injuries and the vaccinations. */
static void
add_injuries(struct tui *ui, struct hui_page *p, int64_t child_id)
{
	struct mn_injury *in = NULL;
	struct mn_vaccination *va = NULL;
	struct mn_error err;
	size_t n = 0;

	if (mn_injury_list(ui->ctx, child_id, &in, &n, &err) == MN_OK) {
		hui_add(p, TUI_NORMAL, "%s", "");
		hui_add(p, TUI_HEADER, T("Injuries and accidents (%zu)",
		    "Tai nạn, thương tích (%zu)"), n);
		for (size_t i = n; i-- > 0;) {
			char at[32];

			hui_time(in[i].occurred_at, at, sizeof at);
			hui_add(p, TUI_NORMAL, T("  %s  %s, %s, %s, %s: %s",
			    "  %s  %s, %s, %s, mức %s: %s"), at,
			    health_injury_kind_label(in[i].kind), in[i].place,
			    in[i].body_part,
			    health_severity_label(in[i].severity),
			    in[i].first_aid);
		}
		mn_injury_list_free(in, n);
	}
	if (mn_vaccination_list(ui->ctx, child_id, &va, &n, &err) != MN_OK)
		return;
	hui_add(p, TUI_NORMAL, "%s", "");
	hui_add(p, TUI_HEADER, T("Vaccinations (%zu)", "Tiêm chủng (%zu)"), n);
	for (size_t i = 0; i < n; i++) {
		char day[16];

		hui_date(va[i].given_on, day, sizeof day);
		hui_add(p, va[i].given_on[0] ? TUI_NORMAL : TUI_ERROR,
		    T("  %s dose %d: %s", "  %s mũi %d: %s"), va[i].vaccine,
		    va[i].dose_number, va[i].given_on[0] ? day :
		    T("to catch up", "cần tiêm bù"));
	}
	mn_vaccination_list_free(va, n);
}

/* Adds the medical room sections the actor may read. */
static void
add_medical(struct tui *ui, struct hui_page *p, int64_t child_id)
{
	struct mn_checkup *cu = NULL;
	struct mn_visit *v = NULL;
	struct mn_medicine_request *md = NULL;
	struct mn_error err;
	size_t n = 0;

	if (mn_checkup_list(ui->ctx, child_id, &cu, &n, &err) != MN_OK)
		return;
	hui_add(p, TUI_NORMAL, "%s", "");
	hui_add(p, TUI_HEADER, T("Check-ups (%zu)", "Khám sức khỏe định kỳ "
	    "(%zu)"), n);
	for (size_t i = n; i-- > 0;) {
		char day[16];

		hui_date(cu[i].checked_on, day, sizeof day);
		hui_add(p, TUI_NORMAL, "  %s  %s: %s", day, cu[i].examiner,
		    cu[i].conclusion);
		if (cu[i].advice != NULL && cu[i].advice[0] != '\0')
			hui_add(p, TUI_NORMAL, T("      advice: %s",
			    "      lời khuyên: %s"), cu[i].advice);
	}
	mn_checkup_list_free(cu, n);
	if (mn_visit_list(ui->ctx, child_id, NULL, &v, &n, &err) == MN_OK) {
		hui_add(p, TUI_NORMAL, "%s", "");
		hui_add(p, TUI_HEADER, T("Medical room visits (%zu)",
		    "Khám tại phòng y tế (%zu)"), n);
		for (size_t i = n; i-- > 0;) {
			char t[16] = "", at[32];

			if (v[i].temperature_c > 0)
				hui_decimal(v[i].temperature_c, t, sizeof t);
			hui_time(v[i].visit_at, at, sizeof at);
			hui_add(p, TUI_NORMAL, "  %s  %s%s%s  %s%s",
			    at, v[i].complaint, t[0] ? ", " : "",
			    t[0] ? t : "",
			    mn_visit_action_label(v[i].action),
			    v[i].parent_informed ? T(", parents informed",
			    ", đã báo phụ huynh") : "");
		}
		mn_visit_list_free(v, n);
	}
	if (mn_medicine_list(ui->ctx, child_id, NULL, &md, &n, &err) ==
	    MN_OK) {
		hui_add(p, TUI_NORMAL, "%s", "");
		hui_add(p, TUI_HEADER, T("Medicines sent by parents (%zu)",
		    "Thuốc phụ huynh gửi (%zu)"), n);
		for (size_t i = n; i-- > 0;) {
			char a[16], b[16];

			hui_date(md[i].first_day, a, sizeof a);
			hui_date(md[i].last_day, b, sizeof b);
			hui_add(p, TUI_NORMAL, "  %s-%s  %s, %s, %s", a, b,
			    md[i].medicine, md[i].dose, md[i].times);
		}
		mn_medicine_list_free(md, n);
	}
	add_injuries(ui, p, child_id);
}

/* Builds the page; returns the number of lines that stay on top. */
static int
build_page(struct tui *ui, const struct mn_child *c, struct hui_page *p)
{
	struct mn_health_summary s;
	struct mn_error err;
	char birth[16];
	int header = 1;

	mn_date_format(&c->birth_date, birth, sizeof birth);
	hui_add(p, TUI_TITLE, T("%s, born %s, %s, class %s",
	    "%s, sinh ngày %s, %s, lớp %s"), c->full_name, birth,
	    c->sex == 'F' ? T("girl", "nữ") : T("boy", "nam"), c->class_code);
	mn_error_clear(&err);
	if (mn_health_summary_get(ui->ctx, c->id, &s, &err) != MN_OK) {
		hui_add(p, TUI_ERROR, "%s", err.message);
		return header;
	}
	if (s.allergies[0] != '\0') {
		hui_add(p, TUI_ERROR, T("! Allergies: %s", "! Dị ứng: %s"),
		    s.allergies);
		header++;
	}
	if (s.chronic_conditions[0] != '\0') {
		hui_add(p, TUI_ERROR, T("! Chronic conditions: %s",
		    "! Bệnh mạn tính: %s"), s.chronic_conditions);
		header++;
	}
	if (s.active_medicines > 0) {
		hui_add(p, TUI_ERROR, T("! Medicines to give today: %d",
		    "! Thuốc cần cho uống hôm nay: %d"), s.active_medicines);
		header++;
	}
	add_growth(p, &s.growth);
	add_measurements(ui, p, c->id);
	if (reads_medical(ui))
		add_medical(ui, p, c->id);
	return header;
}

/* Runs the page of one child until Esc. */
int
health_child_page(struct tui *ui, const struct mn_child *c)
{
	const char *saved = hui_enter(ui, T("Child's health",
	    "Sức khỏe của trẻ"));
	int rc = TUI_CANCEL;

	for (;;) {
		struct hui_page page = { 0 };
		int header = build_page(ui, c, &page), action;

		action = hui_page_run(ui, &page, header,
		    ui->ctx->actor.roles & MN_ROLE_NURSE ? page_keys :
		    read_keys);
		hui_page_free(&page);
		switch (action) {
		case TUI_ACT_END:
			rc = TUI_END;
			break;
		case ACT_CHART:
			rc = screen_growth_chart(ui, c, MN_WFA);
			break;
		case ACT_VISIT:
			rc = health_visit_form(ui, c);
			break;
		case ACT_CHECKUP:
			rc = health_checkup_form(ui, c);
			break;
		case ACT_MEDICINE:
			rc = health_medicine_form(ui, c);
			break;
		case ACT_DOSE:
			rc = health_dose_form(ui, c);
			break;
		case ACT_INJURY:
			rc = health_injury_form(ui, c);
			break;
		case ACT_VACCINATION:
			rc = health_vaccination_form(ui, c);
			break;
		case TUI_ACT_BACK:
			hui_leave(ui, saved);
			return TUI_CANCEL;
		default:
			break;
		}
		if (rc == TUI_END)
			break;
		rc = TUI_CANCEL;
	}
	hui_leave(ui, saved);
	return TUI_END;
}

int
screen_child_health(struct tui *ui)
{
	struct mn_class k;
	struct mn_child c;
	int rc;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	for (;;) {
		if ((rc = hui_pick_class(ui, &k)) != TUI_OK)
			return rc;
		while ((rc = hui_pick_child(ui, k.code, &c)) == TUI_OK)
			if (health_child_page(ui, &c) == TUI_END)
				return TUI_END;
		if (rc == TUI_END)
			return rc;
	}
}
