/*
 * Meal counts from the day's attendance: the kitchen copies the number
 * of children present per age group, as counted by the attendance
 * module, into the "from attendance" meal counts.
 */
#include <stdio.h>
#include <string.h>

#include "core/attendance.h"
#include "core/kitchen.h"
#include "core/kitchen_priv.h"
#include "core/kitchen_view.h"
#include "core/registers.h"

int
mn_kitchen_meals_from_attendance(struct mn_ctx *ctx,
    const struct mn_date *day, int meals[MN_GROUP_COUNT],
    int *classes_not_taken, struct mn_error *err)
{
	struct mn_school_day sd;
	int rc, not_taken = 0;

	/* Access: mn_attendance_school_day checks who may count the school,
	 * then mn_kitchen_meals_set who may write the counts. */
	if ((rc = mn_attendance_school_day(ctx, day, &sd, err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < sd.class_count; i++)
		if (!sd.classes[i].taken)
			not_taken++;
	if (sd.class_count == 0 || !mn_calendar_is_school_day(ctx, day))
		rc = mn_fail(err, MN_ERR_INVALID, "date", "%s",
		    T("date: not a school day; meal counts come from the "
		    "attendance of a school day",
		    "ngày: không phải ngày học; số suất ăn theo điểm danh chỉ "
		    "lấy cho ngày học"));
	/* NOTE: each age group is written in its own transaction, so a
	 * failure on the second group leaves the first one updated. */
	for (int g = 0; g < MN_GROUP_COUNT && rc == MN_OK; g++)
		rc = mn_kitchen_meals_set(ctx, day, g, MN_COUNT_ATTENDANCE,
		    sd.kitchen_meals[g], NULL, err);
	if (rc == MN_OK) {
		if (meals != NULL)
			memcpy(meals, sd.kitchen_meals,
			    sizeof sd.kitchen_meals);
		if (classes_not_taken != NULL)
			*classes_not_taken = not_taken;
	}
	mn_school_day_free(&sd);
	return rc;
}

int
mn_kitchen_meals_check(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_meal_check *out, struct mn_error *err)
{
	struct mn_school_day sd;
	struct mn_ctx counter;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = kitchen_require(ctx, MAY_READ_COUNTS, "meal_count_read",
	    err)) != MN_OK)
		return rc;
	for (int g = 0; g < MN_GROUP_COUNT; g++) {
		struct mn_meal_count_info info;

		if ((rc = mn_kitchen_meal_count_get(ctx, day, g, &info,
		    err)) != MN_OK)
			return rc;
		out->saved[g] = info.effective;
		out->manual[g] = info.manual >= 0;
	}
	/*
	 * The attendance module lets fewer roles see its counts than read
	 * meal counts.  Only the number of children eating is read here,
	 * so the accountant may compare it too.
	 */
	counter = *ctx;
	counter.actor.roles |= MN_ROLE_KITCHEN;
	if ((rc = mn_attendance_school_day(&counter, day, &sd, err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < sd.class_count; i++)
		if (sd.classes[i].taken)
			out->classes_taken++;
	for (int g = 0; g < MN_GROUP_COUNT; g++) {
		out->attendance[g] = sd.kitchen_meals[g];
		if (out->classes_taken > 0 && !out->manual[g] &&
		    out->saved[g] != out->attendance[g])
			out->stale = true;
	}
	mn_school_day_free(&sd);
	return MN_OK;
}

void
mn_kitchen_meals_check_text(const struct mn_meal_check *c, char *buf,
    size_t size)
{
	int now = 0, saved = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	if (!c->stale)
		return;
	for (int g = 0; g < MN_GROUP_COUNT; g++)
		if (!c->manual[g]) {
			now += c->attendance[g];
			saved += c->saved[g];
		}
	snprintf(buf, size, T("attendance now has %d children eating, the "
	    "meal count saved is %d; update it from attendance (key a of "
	    "the market list)?", "điểm danh hiện có %d trẻ, suất ăn đã ghi "
	    "%d — cập nhật từ điểm danh (phím a ở Phiếu kê chợ)?"), now,
	    saved);
}
