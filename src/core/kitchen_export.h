/*
 * The kitchen's exports as CSV or XLSX files.  path NULL writes CSV to
 * standard output (the command line's default); XLSX needs a path
 * because libxlsxwriter writes to a named file.  Each export checks
 * access through the kitchen functions it reads with, and records an
 * "export" audit row once the file is written.
 */
#ifndef MN_CORE_KITCHEN_EXPORT_H
#define MN_CORE_KITCHEN_EXPORT_H

#include "core/date.h"
#include "core/kitchen.h"

/* Writes the menu of week ("YYYY-Www") for age group g. */
int mn_kitchen_export_menu(struct mn_ctx *ctx, const char *week,
    enum mn_age_group g, bool xlsx, const char *path, struct mn_error *err);

/* Writes the nutrition of a day (date) or a week's average (week). */
int mn_kitchen_export_nutrition(struct mn_ctx *ctx, const struct mn_date *date,
    const char *week, enum mn_age_group g, bool xlsx, const char *path,
    struct mn_error *err);

/* Writes the market list of day, its meal count and cost per meal. */
int mn_kitchen_export_market(struct mn_ctx *ctx, const struct mn_date *day,
    bool xlsx, const char *path, struct mn_error *err);

/* Writes the meal-fee book of month ("YYYY-MM"). */
int mn_kitchen_export_mealfees(struct mn_ctx *ctx, const char *month, bool xlsx,
    const char *path, struct mn_error *err);

#endif
