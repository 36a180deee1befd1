/*
 * The day's allergy check: the children of an age group who must not
 * eat a food of the day's menu, with their names and classes.  The
 * kitchen, the principal and the nurse read every child, a teacher the
 * children of her own classes.
 *
 * A child is flagged against a dish food when the nurse linked the
 * child's allergy to that food (child_allergies) or to an allergen
 * group that contains it (child_allergy_groups, allergen_group_foods).
 * A child whose allergies text is not empty but is not yet linked
 * (allergy.h gives the rule) gets a row of its own, so the kitchen
 * checks by hand.  Such a child is also flagged by the foods the text
 * names.
 *
 * Matching the free text (allergy_text_names):
 *   - the text is cut into items at ',', ';', '/', '.', line breaks and
 *     the words "và" and "hoặc";
 *   - leading words such as "dị ứng", "với", "không ăn", "kiêng" are
 *     dropped from an item;
 *   - an item names a food when each of its remaining words is a whole
 *     word of the food's name.  Words are compared after mn_text_fold,
 *     which folds case, tone marks and đ, and mn_text_matches is the
 *     quick first test.  So "tôm" names "Tôm đồng" and "sữa bò" names
 *     "Sữa bò tươi";
 *   - a word written with tone marks must also match them ("cá" does not
 *     name "Cà rốt"); a word written without marks matches either.
 * A class of foods ("hải sản", "đạm sữa") names no food this way, which
 * is why such a child stays on the list as not yet linked until the
 * nurse links the text to an allergen group.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucasemap.h>

#include "core/audit.h"
#include "core/db.h"
#include "core/kitchen.h"
#include "core/kitchen_priv.h"
#include "core/text.h"

#define MAX_WORDS 64

/* Words of a text, folded and lower-cased, split at the same places. */
struct words {
	char *folded_text;	/* mn_text_fold of the whole text */
	char *fold_buf, *lower_buf;
	char *fold[MAX_WORDS];
	char *lower[MAX_WORDS];
	int count;
	bool aligned;		/* lower[i] is the same word as fold[i] */
};

/* One food of a dish of the day's menu. */
struct day_food {
	enum mn_meal meal;
	int64_t food_id;
	int food_code;
	char food[MN_FOOD_NAME_MAX];
	char dish[201];
	struct words words;
};

/* ASCII only: strtok_r works on bytes, and UTF-8 letters are several. */
static const char word_separators[] = " \t,;:()/.+-\"'";
/* Brackets too: "Lạc (đậu phộng)" gives the two names of one food. */
static const char item_separators[] = ",;/.()\r\n";

/* Returns s in lower case (Vietnamese rules), malloc'd; NULL on error. */
static char *
lower_text(const char *s)
{
	UErrorCode status = U_ZERO_ERROR;
	UCaseMap *map;
	int32_t n;
	char *out;

	map = ucasemap_open("vi", 0, &status);
	if (U_FAILURE(status))
		return NULL;
	n = ucasemap_utf8ToLower(map, NULL, 0, s, -1, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
		ucasemap_close(map);
		return NULL;
	}
	out = malloc((size_t)n + 1);
	if (out != NULL) {
		status = U_ZERO_ERROR;
		ucasemap_utf8ToLower(map, out, n + 1, s, -1, &status);
		if (U_FAILURE(status)) {
			free(out);
			out = NULL;
		}
	}
	ucasemap_close(map);
	return out;
}

static int
split_words(char *s, char **out)
{
	char *save = NULL, *w;
	int n = 0;

	for (w = strtok_r(s, word_separators, &save); w != NULL && n <
	    MAX_WORDS; w = strtok_r(NULL, word_separators, &save))
		out[n++] = w;
	return n;
}

static void
words_free(struct words *w)
{
	free(w->folded_text);
	free(w->fold_buf);
	free(w->lower_buf);
	memset(w, 0, sizeof *w);
}

/* Splits text into words; false when out of memory. */
static bool
words_init(struct words *w, const char *text)
{
	int lower_count;

	memset(w, 0, sizeof *w);
	w->folded_text = mn_text_fold(text);
	w->fold_buf = mn_text_fold(text);
	w->lower_buf = lower_text(text);
	if (w->folded_text == NULL || w->fold_buf == NULL ||
	    w->lower_buf == NULL) {
		words_free(w);
		return false;
	}
	w->count = split_words(w->fold_buf, w->fold);
	lower_count = split_words(w->lower_buf, w->lower);
	/* Folding keeps the word count of ordinary Vietnamese text. */
	w->aligned = lower_count == w->count;
	return true;
}

/* Words that introduce an allergy rather than name the food, folded. */
static bool
is_lead_word(const char *folded)
{
	static const char *const lead[] = { "di", "ung", "voi", "khong",
	    "duoc", "cho", "an", "uong", "kieng", "bi", "tre", "chat",
	    NULL };

	for (int i = 0; lead[i] != NULL; i++)
		if (strcmp(folded, lead[i]) == 0)
			return true;
	return false;
}

/* "và" or "hoặc", also written without tone marks. */
static bool
is_conjunction(const struct words *w, int i)
{
	static const char *const words[] = { "và", "hoặc", "va", "hoac",
	    NULL };

	if (!w->aligned)
		return false;
	for (int k = 0; words[k] != NULL; k++)
		if (strcmp(w->lower[i], words[k]) == 0)
			return true;
	return false;
}

/* True when item[first..last) names food by the rules at the top. */
static bool
item_names_food(const struct words *item, int first, int last,
    const struct words *food)
{
	while (first < last && is_lead_word(item->fold[first]))
		first++;
	if (first >= last)
		return false;
	for (int i = first; i < last; i++) {
		bool marked = item->aligned &&
		    strcmp(item->lower[i], item->fold[i]) != 0;
		bool found = false;

		if (!mn_text_matches(food->folded_text, item->fold[i]))
			return false;
		for (int j = 0; j < food->count && !found; j++) {
			if (strcmp(food->fold[j], item->fold[i]) != 0)
				continue;
			found = !marked || (food->aligned &&
			    strcmp(food->lower[j], item->lower[i]) == 0);
		}
		if (!found)
			return false;
	}
	return true;
}

/* True when one item of the allergies text names the food. */
static bool
allergy_text_names(const char *allergies, const struct words *food)
{
	const char *p = allergies;
	bool named = false;

	while (*p != '\0' && !named) {
		size_t n = strcspn(p, item_separators);
		struct words item;
		char *chunk;
		int start = 0;

		chunk = strndup(p, n);
		p += n;
		if (*p != '\0')
			p++;
		if (chunk == NULL || !words_init(&item, chunk)) {
			free(chunk);
			continue;
		}
		free(chunk);
		for (int i = 0; i <= item.count && !named; i++) {
			if (i < item.count && !is_conjunction(&item, i))
				continue;
			named = item_names_food(&item, start, i, food);
			start = i + 1;
		}
		words_free(&item);
	}
	return named;
}

bool
mn_kitchen_allergy_text_names(const char *allergies, const char *food)
{
	struct words w;
	bool named;

	if (allergies == NULL || food == NULL || !words_init(&w, food))
		return false;
	named = allergy_text_names(allergies, &w);
	words_free(&w);
	return named;
}

static void
free_foods(struct day_food *foods, size_t count)
{
	for (size_t i = 0; i < count; i++)
		words_free(&foods[i].words);
	free(foods);
}

static int
no_memory(struct mn_error *err)
{
	return mn_fail(err, MN_ERR_NOMEM, "", "%s", T("out of memory",
	    "hết bộ nhớ"));
}

/* Loads the foods of the group's dishes on date, by meal and dish. */
static int
load_day_foods(struct mn_ctx *ctx, const char *date, enum mn_age_group group,
    struct day_food **out, size_t *count, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = mn_prepare(ctx->db, "SELECT m.meal, f.id, f.name, d.name, "
	    "f.code FROM menu_items m JOIN dish_items i "
	    "ON i.dish_id = m.dish_id AND i.age_group = m.age_group "
	    "JOIN foods f ON f.id = i.food_id "
	    "JOIN dishes d ON d.id = m.dish_id "
	    "WHERE m.menu_date = ?1 AND m.age_group = ?2 "
	    "ORDER BY m.meal, m.position, f.code", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
	    SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct day_food *f;

		if (*count == cap) {
			cap = cap ? cap * 2 : 32;
			f = realloc(*out, cap * sizeof *f);
			if (f == NULL)
				break;
			*out = f;
		}
		f = &(*out)[*count];
		memset(f, 0, sizeof *f);
		mn_meal_parse((const char *)sqlite3_column_text(stmt, 0),
		    &f->meal, NULL);
		f->food_id = sqlite3_column_int64(stmt, 1);
		f->food_code = sqlite3_column_int(stmt, 4);
		snprintf(f->food, sizeof f->food, "%s",
		    (const char *)sqlite3_column_text(stmt, 2));
		snprintf(f->dish, sizeof f->dish, "%s",
		    (const char *)sqlite3_column_text(stmt, 3));
		if (!words_init(&f->words, f->food))
			break;
		(*count)++;
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return MN_OK;
	free_foods(*out, *count);
	*out = NULL;
	*count = 0;
	return rc == SQLITE_ROW ? no_memory(err) : mn_db_fail(ctx->db, err);
}

/*
 * Finds whether the child's links cover the food: found, and in via the
 * name of a linked group that contains it ("" for a direct link).
 */
static int
linked(struct mn_ctx *ctx, sqlite3_stmt *stmt, int64_t child_id,
    const struct day_food *f, bool *found, char *via, size_t size,
    struct mn_error *err)
{
	const char *name;
	int rc;

	sqlite3_reset(stmt);
	sqlite3_bind_int64(stmt, 1, child_id);
	sqlite3_bind_int64(stmt, 2, f->food_id);
	sqlite3_bind_int(stmt, 3, f->food_code);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	*found = rc == SQLITE_ROW;
	name = *found ? (const char *)sqlite3_column_text(stmt, 0) : NULL;
	snprintf(via, size, "%s", name != NULL ? name : "");
	return MN_OK;
}

/* Appends a row for the child of the current row of stmt child. */
static int
append_row(struct mn_allergy_child **out, size_t *count, size_t *cap,
    sqlite3_stmt *child, enum mn_allergy_reason reason,
    const struct day_food *f, const char *via, struct mn_error *err)
{
	struct mn_allergy_child *c;
	const char *text;

	if (*count == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;

		c = realloc(*out, ncap * sizeof *c);
		if (c == NULL)
			return no_memory(err);
		*out = c;
		*cap = ncap;
	}
	c = &(*out)[(*count)++];
	memset(c, 0, sizeof *c);
	c->child_id = sqlite3_column_int64(child, 0);
	snprintf(c->name, sizeof c->name, "%s",
	    (const char *)sqlite3_column_text(child, 1));
	snprintf(c->class_code, sizeof c->class_code, "%s",
	    (const char *)sqlite3_column_text(child, 2));
	snprintf(c->class_name, sizeof c->class_name, "%s",
	    (const char *)sqlite3_column_text(child, 3));
	text = (const char *)sqlite3_column_text(child, 4);
	snprintf(c->allergies, sizeof c->allergies, "%s", text ? text : "");
	c->reason = reason;
	c->from_text = reason == MN_ALLERGY_TEXT;
	if (f != NULL) {
		c->meal = f->meal;
		snprintf(c->food, sizeof c->food, "%s", f->food);
		snprintf(c->dish, sizeof c->dish, "%s", f->dish);
	}
	snprintf(c->via, sizeof c->via, "%s", via != NULL ? via : "");
	return MN_OK;
}

/*
 * The children of the age group in a class on ?1 with what the check
 * needs: column 5 is 1 when the allergy is not yet linked, by the rule
 * of allergy.h (non-empty text, and either a review of another text or
 * no review and no link).
 */
static const char children_sql[] =
    "SELECT ch.id, ch.full_name, c.code, c.name, ch.allergies, "
    "ch.allergies <> '' AND CASE WHEN r.child_id IS NOT NULL "
    "THEN r.allergies <> ch.allergies "
    "ELSE NOT EXISTS (SELECT 1 FROM child_allergies a "
    "WHERE a.child_id = ch.id) AND NOT EXISTS (SELECT 1 FROM "
    "child_allergy_groups g WHERE g.child_id = ch.id) END, "
    "EXISTS (SELECT 1 FROM child_allergies a WHERE a.child_id = ch.id) "
    "OR EXISTS (SELECT 1 FROM child_allergy_groups g "
    "WHERE g.child_id = ch.id) "
    "FROM child_class_history h "
    "JOIN children ch ON ch.id = h.child_id "
    "JOIN classes c ON c.id = h.class_id "
    "JOIN age_groups a ON a.code = c.age_group "
    "LEFT JOIN child_allergy_reviews r ON r.child_id = ch.id "
    "WHERE h.from_date <= ?1 AND (h.to_date IS NULL OR "
    "h.to_date > ?1) AND (a.level = 'nt') = ?2 "
    "GROUP BY ch.id ORDER BY c.code, ch.name_key";

/*
 * A direct link of child ?1 to food row ?2 first, then a linked group
 * that contains food code ?3.
 */
static const char link_sql_vi[] =
    "SELECT '', 0 FROM child_allergies WHERE child_id = ?1 "
    "AND food_id = ?2 UNION ALL SELECT g.name, g.position "
    "FROM child_allergy_groups l JOIN allergen_group_foods gf "
    "ON gf.group_id = l.group_id AND gf.food_code = ?3 "
    "JOIN allergen_groups g ON g.id = l.group_id WHERE l.child_id = ?1 "
    "ORDER BY 2 LIMIT 1";
static const char link_sql_en[] =
    "SELECT '', 0 FROM child_allergies WHERE child_id = ?1 "
    "AND food_id = ?2 UNION ALL SELECT g.name_en, g.position "
    "FROM child_allergy_groups l JOIN allergen_group_foods gf "
    "ON gf.group_id = l.group_id AND gf.food_code = ?3 "
    "JOIN allergen_groups g ON g.id = l.group_id WHERE l.child_id = ?1 "
    "ORDER BY 2 LIMIT 1";

/* Appends the rows of the child on the current row of stmt child. */
static int
check_child(struct mn_ctx *ctx, sqlite3_stmt *child, sqlite3_stmt *link,
    const struct day_food *foods, size_t nfoods,
    struct mn_allergy_child **out, size_t *count, size_t *cap,
    struct mn_error *err)
{
	const char *text = (const char *)sqlite3_column_text(child, 4);
	bool unlinked = sqlite3_column_int(child, 5) != 0;
	bool has_links = sqlite3_column_int(child, 6) != 0;
	int rc = MN_OK;

	if (unlinked)
		rc = append_row(out, count, cap, child, MN_ALLERGY_UNLINKED,
		    NULL, NULL, err);
	for (size_t i = 0; i < nfoods && rc == MN_OK; i++) {
		char via[96];
		bool hit = false;

		if (has_links && (rc = linked(ctx, link,
		    sqlite3_column_int64(child, 0), &foods[i], &hit, via,
		    sizeof via, err)) != MN_OK)
			break;
		if (hit)
			rc = append_row(out, count, cap, child,
			    MN_ALLERGY_LINKED, &foods[i], via, err);
		else if (unlinked && text != NULL &&
		    allergy_text_names(text, &foods[i].words))
			rc = append_row(out, count, cap, child,
			    MN_ALLERGY_TEXT, &foods[i], NULL, err);
	}
	return rc;
}

/* Walks the group's children in a class on date and appends their rows. */
static int
collect_flags(struct mn_ctx *ctx, const char *date, enum mn_age_group group,
    const struct day_food *foods, size_t nfoods,
    struct mn_allergy_child **out, size_t *count, struct mn_error *err)
{
	sqlite3_stmt *child = NULL, *link = NULL;
	size_t cap = 0;
	int rc;

	if ((rc = mn_prepare(ctx->db, children_sql, &child, err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, mn_language() == MN_LANG_EN ?
	    link_sql_en : link_sql_vi, &link, err)) != MN_OK) {
		sqlite3_finalize(child);
		return rc;
	}
	sqlite3_bind_text(child, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_int(child, 2, group == MN_GROUP_NHA_TRE);
	while (rc == MN_OK) {
		int step = sqlite3_step(child);

		if (step == SQLITE_DONE)
			break;
		if (step != SQLITE_ROW) {
			rc = mn_db_fail(ctx->db, err);
			break;
		}
		rc = check_child(ctx, child, link, foods, nfoods, out, count,
		    &cap, err);
	}
	sqlite3_finalize(child);
	sqlite3_finalize(link);
	return rc;
}

/* Drops the rows of children outside the teacher's classes. */
static void
keep_own_classes(struct mn_ctx *ctx, struct mn_allergy_child *rows,
    size_t *count)
{
	size_t kept = 0;

	for (size_t i = 0; i < *count; i++)
		if (mn_teaches_child(ctx, rows[i].child_id))
			rows[kept++] = rows[i];
	*count = kept;
}

int
mn_kitchen_allergy_children(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, struct mn_allergy_child **out, size_t *count,
    struct mn_error *err)
{
	struct day_food *foods = NULL;
	size_t nfoods = 0;
	char date[11], detail[96];
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = kitchen_require(ctx, MAY_ALLERGY_READ, "allergy_read",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK)
		return rc;
	if ((unsigned)group >= MN_GROUP_COUNT)
		return mn_fail(err, MN_ERR_INVALID, "group", "%s",
		    T("age group: invalid value", "nhóm tuổi: không hợp lệ"));
	kitchen_iso(day, date);
	if ((rc = load_day_foods(ctx, date, group, &foods, &nfoods, err))
	    != MN_OK)
		return rc;
	rc = collect_flags(ctx, date, group, foods, nfoods, out, count, err);
	free_foods(foods, nfoods);
	if (rc == MN_OK && !mn_allowed_all(&ctx->actor, MN_ACT_ALLERGY_READ))
		keep_own_classes(ctx, *out, count);
	/* Names were read: one view row for the whole list. */
	if (rc == MN_OK && *count > 0) {
		snprintf(detail, sizeof detail, "allergy flags %s %s: %zu",
		    date, mn_menu_group_key(group), *count);
		rc = mn_audit(ctx->db, &ctx->actor, "view", "children", 0,
		    NULL, NULL, detail, err);
	}
	if (rc != MN_OK) {
		free(*out);
		*out = NULL;
		*count = 0;
	}
	return rc;
}
