/*
 * Demo data for parents: the demo account "parent" linked to two
 * children, with consents, announcements and feedback threads, so the
 * parent screens and the staff inbox have something to show.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/announce.h"
#include "core/consent.h"
#include "core/demo.h"
#include "core/feedback.h"
#include "core/parents.h"
#include "core/privacy.h"

/* Makes out act as the account login; MN_ERR_NOTFOUND when missing. */
static int
act_as(const struct mn_ctx *ctx, const char *login, struct mn_ctx *out,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	*out = *ctx;
	memset(&out->actor, 0, sizeof out->actor);
	if (sqlite3_prepare_v2(ctx->db, "SELECT id, role FROM accounts a "
	    "JOIN account_roles r ON r.account_id = a.id WHERE a.login = ?",
	    -1, &stmt, NULL) != SQLITE_OK)
		return mn_fail(err, MN_ERR_DB, "", "%s",
		    sqlite3_errmsg(ctx->db));
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		unsigned role = 0;

		out->actor.account_id = sqlite3_column_int64(stmt, 0);
		if (mn_roles_parse((const char *)sqlite3_column_text(stmt, 1),
		    &role, NULL) == MN_OK)
			out->actor.roles |= role;
	}
	sqlite3_finalize(stmt);
	if (out->actor.account_id == 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "login",
		    T("demo account '%s' not found; build the demo accounts "
		    "first", "không có tài khoản mẫu '%s'; hãy tạo các tài "
		    "khoản mẫu trước"), login);
	snprintf(out->actor.login, sizeof out->actor.login, "%s", login);
	snprintf(out->actor.source, sizeof out->actor.source, "local");
	return MN_OK;
}

/* Returns the n-th child (by id) of class_id, or 0. */
static int64_t
child_in_class(sqlite3 *db, int64_t class_id, unsigned n)
{
	sqlite3_stmt *stmt;
	int64_t id = 0;

	if (sqlite3_prepare_v2(db, "SELECT id FROM children WHERE class_id = ? "
	    "ORDER BY id LIMIT 1 OFFSET ?", -1, &stmt, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(stmt, 1, class_id);
	sqlite3_bind_int(stmt, 2, (int)n);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return id;
}

/*
 * Chooses the classes of the two children: the demo teacher's class
 * when she has one, else the first class with children; the second
 * child's class is another one chosen by rng.
 */
static void
choose_classes(sqlite3 *db, int64_t teacher_id, struct mn_rng *rng,
    int64_t *first, int64_t *second)
{
	sqlite3_stmt *stmt;
	int64_t ids[64];
	unsigned n = 0;

	*first = *second = 0;
	if (sqlite3_prepare_v2(db, "SELECT ct.class_id FROM class_teachers ct "
	    "JOIN staff s ON s.id = ct.staff_id WHERE s.account_id = ? "
	    "ORDER BY ct.class_id LIMIT 1", -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, teacher_id);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			*first = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT class_id FROM children "
	    "WHERE class_id IS NOT NULL ORDER BY class_id", -1, &stmt,
	    NULL) != SQLITE_OK)
		return;
	while (n < 64 && sqlite3_step(stmt) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (n == 0)
		return;
	if (*first == 0)
		*first = ids[0];
	if (n > 1) {
		do
			*second = ids[mn_rng_below(rng, n)];
		while (*second == *first);
	}
}

static const char *const thanks[] = {
	"Cảm ơn cô đã chăm sóc cháu chu đáo, dạo này cháu ăn ngoan hơn.",
	"Cháu về nhà kể rất thích giờ hát múa, gia đình cảm ơn các cô.",
	"Gia đình cảm ơn cô đã báo kịp thời khi cháu bị sốt hôm trước.",
};

static const char *const questions[] = {
	"Xin cô cho biết tuần này lớp có hoạt động ngoài trời không ạ?",
	"Cháu dạo này ngủ trưa ít, nhờ cô để ý giúp gia đình.",
	"Gia đình muốn hỏi về thực đơn của cháu vì cháu hơi biếng ăn.",
};

int
mn_demo_parents(struct mn_ctx *ctx, unsigned seed, const char *password,
    struct mn_error *err)
{
	struct mn_ctx parent, teacher, principal;
	struct mn_feedback *f = NULL;
	struct mn_rng rng;
	int64_t class1, class2, child1, child2 = 0, id, ann;
	bool have_teacher;
	int rc;

	/* The parent account exists already; its password is not needed. */
	(void)password;
	mn_rng_seed(&rng, seed ^ 0x70a7e17u);
	if ((rc = act_as(ctx, "parent", &parent, err)) != MN_OK ||
	    (rc = act_as(ctx, "principal", &principal, err)) != MN_OK)
		return rc;
	have_teacher = act_as(ctx, "teacher", &teacher, NULL) == MN_OK;
	choose_classes(ctx->db, have_teacher ? teacher.actor.account_id : 0,
	    &rng, &class1, &class2);
	child1 = child_in_class(ctx->db, class1, mn_rng_below(&rng, 5));
	if (child1 == 0)
		child1 = child_in_class(ctx->db, class1, 0);
	if (class2 != 0)
		child2 = child_in_class(ctx->db, class2, mn_rng_below(&rng, 5));
	if (child1 == 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "child",
		    T("the demo school has no children to link the parent to",
		    "trường mẫu chưa có trẻ để liên kết với phụ huynh"));

	/* Without a teacher of that class, the principal plays her part. */
	if (!have_teacher || !mn_priv_teaches_child(&teacher, child1))
		teacher = principal;

	if ((rc = mn_parent_link(ctx, "parent", child1, err)) != MN_OK ||
	    (child2 != 0 &&
	    (rc = mn_parent_link(ctx, "parent", child2, err)) != MN_OK))
		return rc;

	/* Consents: some from the parent's account, one from a paper form. */
	if ((rc = mn_consent_set(&parent, child1, "photos_media", true, NULL,
	    NULL, err)) != MN_OK ||
	    (rc = mn_consent_set(&parent, child1, "class_group_contacts",
	    true, NULL, NULL, err)) != MN_OK ||
	    (rc = mn_consent_set(&principal, child1, "health_authority", true,
	    "PĐY-2026-014", "Đặng Văn Hùng", err)) != MN_OK)
		return rc;
	if (child2 != 0 && ((rc = mn_consent_set(&parent, child2,
	    "photos_media", true, NULL, NULL, err)) != MN_OK ||
	    (rc = mn_consent_set(&parent, child2, "photos_media", false, NULL,
	    NULL, err)) != MN_OK))
		return rc;

	/* Announcements: one to the school (read), one to the class. */
	if ((rc = mn_announce_post(&principal, 0, "Họp phụ huynh đầu năm",
	    "Nhà trường kính mời phụ huynh dự họp lúc 8 giờ sáng thứ Bảy "
	    "tại hội trường.", &ann, err)) != MN_OK ||
	    (rc = mn_announce_mark_read(&parent, ann, err)) != MN_OK ||
	    (rc = mn_announce_post(&teacher, class1, "Trang phục ngày hội",
	    "Thứ Sáu này các cháu mặc áo màu đỏ để dự ngày hội của lớp.",
	    NULL, err)) != MN_OK)
		return rc;

	/* Feedback: one answered by the teacher, one new, one correction. */
	if ((rc = mn_feedback_send(&parent, child1, "teacher", "feedback",
	    "Cảm ơn cô", thanks[mn_rng_below(&rng, 3)], &id, err)) != MN_OK)
		return rc;
	if ((f = malloc(sizeof *f)) == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if ((rc = mn_feedback_get(&teacher, id, f, err)) == MN_OK)
		rc = mn_feedback_answer(&teacher, id, "Cảm ơn anh chị đã phản "
		    "hồi, lớp sẽ tiếp tục theo dõi cháu.", f->version, err);
	free(f);
	if (rc != MN_OK)
		return rc;
	if ((rc = mn_feedback_send(&parent, child1, "school", "feedback",
	    "Câu hỏi của phụ huynh", questions[mn_rng_below(&rng, 3)], NULL,
	    err)) != MN_OK)
		return rc;
	return mn_correction_request(&parent, child1, "address",
	    "Số 8 ngõ 12 phố Huế, Hai Bà Trưng, Hà Nội",
	    "Gia đình đã chuyển nhà, nhờ nhà trường cập nhật địa chỉ.", NULL,
	    err);
}
