/*
 * One entry point for every export the program writes to a file, used
 * by the terminal interface's export screen (which hands the file on
 * through core/exports.h) and by `mamnon export`.  It checks the
 * principal's approval for personal data, then access through the
 * functions that read the records, then writes CSV or XLSX.
 */
#ifndef MN_CORE_EXPORT_FILE_H
#define MN_CORE_EXPORT_FILE_H

#include "core/mn.h"

enum mn_export_kind {
	MN_EXPORT_CLASSES,
	MN_EXPORT_CHILDREN,
	MN_EXPORT_STAFF,
	MN_EXPORT_ATTENDANCE,
	MN_EXPORT_GROWTH,
	MN_EXPORT_MENU,
	MN_EXPORT_NUTRITION,
	MN_EXPORT_MARKET,
	MN_EXPORT_MEALFEES,
	MN_EXPORT_KIND_COUNT
};

/*
 * An export: its kind, format and parameters.  Each kind reads only its
 * own parameters, and NULL or "" means not given:
 *   classes     year, class_code (optional)
 *   children    year, class_code (optional), approval
 *   staff       year (optional), approval
 *   attendance  class_code, month, approval
 *   growth      round, class_code (optional: whole school), approval
 *   menu        week, group
 *   nutrition   group, and date or week (the week's average)
 *   market      date
 *   mealfees    month
 * year is "YYYY-YYYY" (default: the current school year), month and
 * round "YYYY-MM", week "YYYY-Www", date "YYYY-MM-DD" or "dd/mm/yyyy",
 * group "nha-tre" or "mau-giao".
 */
struct mn_export_request {
	enum mn_export_kind kind;
	bool xlsx;
	const char *class_code;
	const char *year;
	const char *month;
	const char *round;
	const char *week;
	const char *group;
	const char *date;
	const char *approval;
};

/* The kind's name on the command line ("children") or NULL. */
const char *mn_export_kind_name(enum mn_export_kind kind);
/* The kind's label for the user, in the interface language. */
const char *mn_export_kind_label(enum mn_export_kind kind);
/* Sets *kind from its command-line name; false for an unknown name. */
bool mn_export_kind_parse(const char *name, enum mn_export_kind *kind);
/* True when the kind contains personal data and needs an approval. */
bool mn_export_kind_personal(enum mn_export_kind kind);
/* The approval kind (core/approvals.h) a personal kind needs, or NULL. */
const char *mn_export_kind_approval(enum mn_export_kind kind);
/*
 * True when one of the actor's roles may export the kind.  Writing
 * checks access again (mn_export_write for the registers, the readers
 * for the rest, a teacher's classes included), so this only decides
 * what a screen offers.
 */
bool mn_export_kind_allowed(const struct mn_actor *actor,
    enum mn_export_kind kind);

/*
 * Writes the export that req describes into the file path (created or
 * truncated).  A personal kind first uses req->approval through
 * mn_approval_check.  Errors name the request's field: "approval",
 * "class", "year", "month", "round", "week", "group", "date" or
 * "format".  On an error the file may be partly written, so the caller
 * removes it (mn_export_abort does).
 */
int mn_export_write(struct mn_ctx *ctx, const struct mn_export_request *req,
    const char *path, struct mn_error *err);

#endif
