/*
 * The school's registers: calendar (school years, holidays, make-up
 * days), classes with promotion to the next school year, children and
 * staff.  Every function checks the actor's role and scope first.  Every
 * write is one transaction with its audit row, and every read of one
 * full record writes a "view" audit row.
 */
#ifndef MN_CORE_REGISTERS_H
#define MN_CORE_REGISTERS_H

#include "core/date.h"
#include "core/mn.h"

/* ---- Calendar -------------------------------------------------------- */

struct mn_school_year {
	int64_t id;
	char name[16];		/* "2026-2027" */
	struct mn_date first_day, last_day;
	int64_t version;
};

/* Adds a school year named "YYYY-YYYY" after two consecutive years. */
int mn_school_year_add(struct mn_ctx *ctx, const char *name,
    const struct mn_date *first_day, const struct mn_date *last_day,
    int64_t *id, struct mn_error *err);
int mn_school_year_find(struct mn_ctx *ctx, const char *name,
    struct mn_school_year *year, struct mn_error *err);
/*
 * Finds the school year containing day, else one starting within 45
 * days after it, else the latest one that started before it, else
 * MN_ERR_NOTFOUND.
 */
int mn_school_year_current(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_school_year *year, struct mn_error *err);

/* Adds a holiday from first_day to last_day, both included. */
int mn_holiday_add(struct mn_ctx *ctx, const char *name,
    const struct mn_date *first_day, const struct mn_date *last_day,
    int64_t *id, struct mn_error *err);
/* Adds a weekend day taught to make up for a holiday. */
int mn_makeup_day_add(struct mn_ctx *ctx, const struct mn_date *day,
    const char *reason, int64_t *id, struct mn_error *err);
/*
 * True for days inside a school year that are Monday to Friday and not
 * in a holiday, and for make-up days inside a school year.  A database
 * error counts as "not a school day".
 */
bool mn_calendar_is_school_day(struct mn_ctx *ctx, const struct mn_date *day);

/* Calls fn for each school year, oldest first. */
int mn_school_year_list(struct mn_ctx *ctx,
    int (*fn)(const struct mn_school_year *y, void *arg), void *arg,
    struct mn_error *err);

/* A holiday (first_day to last_day) or a make-up day (both the same). */
struct mn_day_off {
	int64_t id;
	bool makeup;		/* a taught weekend day, not a day off */
	char name[256];		/* holiday name or make-up reason */
	struct mn_date first_day, last_day;
};

/* Calls fn for the holidays and make-up days touching from..to. */
int mn_day_off_list(struct mn_ctx *ctx, const struct mn_date *from,
    const struct mn_date *to,
    int (*fn)(const struct mn_day_off *d, void *arg), void *arg,
    struct mn_error *err);

/* A holiday or make-up day as the calendar screen edits it. */
struct mn_calendar_entry {
	int64_t id;
	bool makeup;		/* make-up day: first_day == last_day */
	char name[256];		/* holiday name or make-up reason */
	struct mn_date first_day, last_day;
	int64_t version;
};

/*
 * Calls fn for the holidays touching the school year and the make-up
 * days inside it, by first day.  Calendar entries are not personal data,
 * so any actor may read them, as with mn_day_off_list.
 */
int mn_calendar_entry_list(struct mn_ctx *ctx,
    const struct mn_school_year *year,
    int (*fn)(const struct mn_calendar_entry *e, void *arg), void *arg,
    struct mn_error *err);
/*
 * Edits and deletions check MN_ACT_CALENDAR_WRITE, match the row's
 * version (MN_ERR_CONFLICT when it changed) and write an audit row.
 * A change that would turn a day with saved attendance into a school
 * day or out of one is MN_ERR_INVALID naming the first such day: for
 * holidays and make-up days only days before today count, for a school
 * year every day does.  A school year with classes cannot be deleted.
 */
int mn_school_year_update(struct mn_ctx *ctx, int64_t id, int64_t version,
    const char *name, const struct mn_date *first_day,
    const struct mn_date *last_day, struct mn_error *err);
int mn_school_year_delete(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct mn_error *err);
int mn_holiday_update(struct mn_ctx *ctx, int64_t id, int64_t version,
    const char *name, const struct mn_date *first_day,
    const struct mn_date *last_day, struct mn_error *err);
int mn_holiday_delete(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct mn_error *err);
int mn_makeup_day_update(struct mn_ctx *ctx, int64_t id, int64_t version,
    const struct mn_date *day, const char *reason, struct mn_error *err);
int mn_makeup_day_delete(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct mn_error *err);

/* ---- Code lists ------------------------------------------------------ */

/* Calls fn(code, label, arg) for each entry in code order. */
int mn_ethnicity_list(struct mn_ctx *ctx,
    int (*fn)(const char *code, const char *label, void *arg), void *arg,
    struct mn_error *err);
int mn_policy_category_list(struct mn_ctx *ctx,
    int (*fn)(const char *code, const char *label, void *arg), void *arg,
    struct mn_error *err);
/* Age groups from the youngest ("nt-3-12") to the oldest ("mg-5-6"). */
int mn_age_group_list(struct mn_ctx *ctx,
    int (*fn)(const char *code, const char *label, void *arg), void *arg,
    struct mn_error *err);

/* ---- Classes --------------------------------------------------------- */

#define MN_CLASS_CODE_MAX 16

struct mn_class {
	int64_t id;
	int64_t school_year_id;
	char school_year[16];
	char code[MN_CLASS_CODE_MAX + 1];	/* "MG5A" */
	char name[256];
	char age_group[12];	/* "nt-3-12" ... "mg-5-6" */
	char room[256];
	int capacity;		/* at most the age group's legal maximum */
	int enrolled;		/* children in the class now (read only) */
	int64_t version;
};

/* Legal maximum class size for an age group code, or 0 if unknown. */
int mn_age_group_max(struct mn_ctx *ctx, const char *age_group);
/* Vietnamese label of an age group ("Mẫu giáo 5-6 tuổi") into buf. */
int mn_age_group_label(struct mn_ctx *ctx, const char *age_group,
    char *buf, size_t size);
/* Writes into code the age group code for a code or a label. */
int mn_age_group_parse(struct mn_ctx *ctx, const char *text,
    const char *field, char *code, size_t size, struct mn_error *err);

/* Adds a class and sets c->id and c->version. */
int mn_class_add(struct mn_ctx *ctx, struct mn_class *c,
    struct mn_error *err);
/*
 * Updates code, name, age group, room and capacity if c->version
 * matches and the class still fits its children.
 */
int mn_class_update(struct mn_ctx *ctx, struct mn_class *c,
    struct mn_error *err);
int mn_class_get(struct mn_ctx *ctx, int64_t school_year_id,
    const char *code, struct mn_class *c, struct mn_error *err);
/* Calls fn for each class of the school year in code order. */
int mn_class_list(struct mn_ctx *ctx, int64_t school_year_id,
    int (*fn)(const struct mn_class *c, void *arg), void *arg,
    struct mn_error *err);
/* Replaces the class's teachers by the given staff members. */
int mn_class_set_teachers(struct mn_ctx *ctx, int64_t class_id,
    const int64_t *staff_ids, size_t count, struct mn_error *err);

enum mn_promotion_action {
	MN_PROMOTE_MOVE,	/* to to_class in the new school year */
	MN_PROMOTE_GRADUATE,	/* last age group: status "graduated" */
	MN_PROMOTE_UNPLACED,	/* no class of the next age group has room */
};

struct mn_promotion_item {
	int64_t child_id;
	char school_code[32];
	char full_name[256];
	char from_class[MN_CLASS_CODE_MAX + 1];
	char to_class[MN_CLASS_CODE_MAX + 1];
	int64_t to_class_id;
	enum mn_promotion_action action;
};

struct mn_promotion_plan {
	int64_t from_year_id, to_year_id;
	struct mn_date day;		/* first day of the new school year */
	struct mn_promotion_item *items;
	size_t count;
};

/*
 * Plans moving every attending child of from_year up one age group into
 * the classes of to_year: a class with the same letter suffix first
 * (MG4A to MG5A), else the next-age class with most room.  Children of
 * the last age group graduate.  Writes nothing.  Free the plan with
 * mn_promotion_free.
 */
int mn_promotion_preview(struct mn_ctx *ctx, int64_t from_year_id,
    int64_t to_year_id, struct mn_promotion_plan *plan,
    struct mn_error *err);
/*
 * Applies a plan from mn_promotion_preview in one transaction.  Returns
 * MN_ERR_CONFLICT, writing nothing, when a child changed class or status
 * since the preview or a class would go over its capacity.
 */
int mn_promotion_apply(struct mn_ctx *ctx,
    const struct mn_promotion_plan *plan, struct mn_error *err);
void mn_promotion_free(struct mn_promotion_plan *plan);
/*
 * Finds the school year that promotion into to_year starts from: the
 * latest one that begins before it.  MN_ERR_NOTFOUND when none does.
 */
int mn_promotion_previous_year(struct mn_ctx *ctx, int64_t to_year_id,
    struct mn_school_year *from, struct mn_error *err);

/* ---- Children -------------------------------------------------------- */

/* Flags for writes. */
#define MN_REG_OVERRIDE 0x1	/* principal accepts an age-group warning */

/* Field groups an actor may see, in mn_child.visible. */
#define MN_CHILD_BASIC 0x01	/* code, name, birth date, sex, class */
#define MN_CHILD_PERSONAL 0x02	/* ethnicity, ID, birth place, address */
#define MN_CHILD_FAMILY 0x04	/* parents, guardian, pick-up people */
#define MN_CHILD_ALLERGY 0x08
#define MN_CHILD_CHRONIC 0x10	/* chronic conditions */
#define MN_CHILD_POLICY 0x20
#define MN_CHILD_ALL 0x3f

struct mn_child {
	int64_t id;
	char school_code[32];
	char full_name[256];
	struct mn_date birth_date;
	char sex;			/* 'M' or 'F' */
	char ethnicity[4];		/* code, "01" = Kinh */
	char personal_id[16];		/* 12 digits or "" */
	char id_mismatch_reason[512];
	char birth_place[512];
	char address[768];
	char father_name[256], father_phone[16];
	char mother_name[256], mother_phone[16];
	char guardian_name[256], guardian_phone[16];
	char pickup_people[768];
	int64_t class_id;		/* 0 = no class */
	char class_code[MN_CLASS_CODE_MAX + 1];
	struct mn_date enrolment_date;
	char status[20];		/* enrolled, transferred_in, ... */
	char policies[128];		/* codes separated by ',' */
	char allergies[768];
	char chronic_conditions[768];
	unsigned visible;		/* MN_CHILD_* groups filled in */
	int64_t version;
};

/* Returns the MN_CHILD_* groups the actor may see. */
unsigned mn_child_visible_fields(const struct mn_actor *actor);

/*
 * Adds a child.  An empty school_code gets the next free "YYYY-NNNN"
 * after the enrolment year.  Text is cleaned, and names, phones, the ID
 * and dates are checked.  An ID whose digits disagree with sex or birth
 * year needs id_mismatch_reason.  A birth date outside the class's age
 * group is rejected unless flags has MN_REG_OVERRIDE and the actor is
 * the principal.
 */
int mn_child_add(struct mn_ctx *ctx, struct mn_child *c, unsigned flags,
    struct mn_error *err);
/* Updates the fields the actor may see if c->version matches. */
int mn_child_update(struct mn_ctx *ctx, struct mn_child *c, unsigned flags,
    struct mn_error *err);
/*
 * True when the actor may write the record of child_id (> 0), or add a
 * child to class_id (child_id 0), or, with both 0, add a child to some
 * class.  Screens ask before offering a key or opening a form; it
 * writes no audit row, and the write functions check again.
 */
bool mn_child_may_write(struct mn_ctx *ctx, int64_t child_id,
    int64_t class_id);
/* Reads one full record (fields the actor may see) and audits the view. */
int mn_child_get(struct mn_ctx *ctx, int64_t id, struct mn_child *c,
    struct mn_error *err);
/* Finds a child's id by school code (no personal data read). */
int mn_child_find(struct mn_ctx *ctx, const char *school_code, int64_t *id,
    struct mn_error *err);
/*
 * Moves a child to another class (0: none) from day on, closing the
 * current class history row.
 */
int mn_child_move(struct mn_ctx *ctx, int64_t child_id, int64_t class_id,
    const struct mn_date *day, unsigned flags, struct mn_error *err);
/*
 * Records a status change.  Leaving statuses (transferred_out, left,
 * graduated) also end the class stay.
 */
int mn_child_set_status(struct mn_ctx *ctx, int64_t child_id,
    const char *status, const struct mn_date *day, const char *reason,
    struct mn_error *err);

/* Vietnamese label of a status code ("Đang học"), or NULL. */
const char *mn_child_status_label(const char *status);
/* Returns the status code for a code or a label, or NULL. */
const char *mn_child_status_parse(const char *text);

struct mn_child_filter {
	int64_t school_year_id;	/* 0: the current school year */
	const char *class_code;	/* NULL: every class the actor may see */
	const char *search;	/* NULL or text matched without accents */
	bool with_unplaced;	/* include children without a class */
};

/*
 * Calls fn for each child the actor may see, in list order: class code,
 * then Vietnamese name order, then birth date.  Fields outside the
 * actor's groups are empty.  Writes one "view" audit row for the list.
 */
int mn_child_list(struct mn_ctx *ctx, const struct mn_child_filter *filter,
    int (*fn)(const struct mn_child *c, void *arg), void *arg,
    struct mn_error *err);

/* One child in a searchable list: what a list line shows. */
struct mn_child_row {
	int64_t id;
	char school_code[32];
	char full_name[256];
	char class_code[MN_CLASS_CODE_MAX + 1];
	struct mn_date birth_date;
	char sex;
	bool health_warning;	/* allergies or chronic conditions known */
	char *allergies;	/* "" when none or hidden from the actor */
	char *chronic_conditions;
	char *fold;		/* folded name and school code */
};

/* The children list in list order, held in memory for fast narrowing. */
struct mn_child_index {
	struct mn_child_row *rows;
	size_t count;
};

/*
 * Loads the children the actor may see (filter->search is ignored) with
 * one query and one "view" audit row.  Free with mn_child_index_free.
 */
int mn_child_index_load(struct mn_ctx *ctx,
    const struct mn_child_filter *filter, struct mn_child_index *idx,
    struct mn_error *err);
/*
 * Writes into matches (room for idx->count entries) the positions of the
 * rows whose folded text contains every word of needle, accents and
 * case ignored and đ matching d; returns how many.  An empty needle
 * matches every row.
 */
size_t mn_child_index_search(const struct mn_child_index *idx,
    const char *needle, size_t *matches);
void mn_child_index_free(struct mn_child_index *idx);

/* ---- Staff ----------------------------------------------------------- */

struct mn_staff {
	int64_t id;
	char staff_code[32];
	char full_name[256];
	struct mn_date birth_date;	/* year 0: unknown */
	char sex;
	char position[256];
	char qualification[256];
	char training[768];
	char phone[16];
	struct mn_date start_date;	/* year 0: unknown */
	char contract_type[256];
	int64_t account_id;		/* 0: no account */
	char account_login[64];
	char classes[256];		/* class codes of one school year */
	int64_t version;
};

/* Adds a staff member.  An empty staff_code gets the next "CB-NNN". */
int mn_staff_add(struct mn_ctx *ctx, struct mn_staff *s,
    struct mn_error *err);
int mn_staff_update(struct mn_ctx *ctx, struct mn_staff *s,
    struct mn_error *err);
/* Reads one full record and audits the view. */
int mn_staff_get(struct mn_ctx *ctx, int64_t id, struct mn_staff *s,
    struct mn_error *err);
int mn_staff_find(struct mn_ctx *ctx, const char *staff_code, int64_t *id,
    struct mn_error *err);
/*
 * Calls fn for each staff member in Vietnamese name order, with the
 * classes they teach in the current school year.
 */
int mn_staff_list(struct mn_ctx *ctx,
    int (*fn)(const struct mn_staff *s, void *arg), void *arg,
    struct mn_error *err);
/* As mn_staff_list, with the classes of the given school year. */
int mn_staff_list_year(struct mn_ctx *ctx, int64_t school_year_id,
    int (*fn)(const struct mn_staff *s, void *arg), void *arg,
    struct mn_error *err);

#endif
