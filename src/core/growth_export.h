/* The report of a measuring round as a CSV or XLSX file. */
#ifndef MN_CORE_GROWTH_EXPORT_H
#define MN_CORE_GROWTH_EXPORT_H

#include "core/mn.h"

/*
 * Writes the report of round ("YYYY-MM"), of one class or (class_code
 * NULL) the whole school, to path; path NULL writes CSV to standard
 * output.  Access is checked by mn_round_report_build; the caller checks
 * the "growth" approval first, because the follow-up list names children.
 */
int mn_growth_export(struct mn_ctx *ctx, const char *round,
    const char *class_code, bool xlsx, const char *path,
    struct mn_error *err);

#endif
