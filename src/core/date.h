/*
 * Calendar dates: dd/mm/yyyy for people, YYYY-MM-DD in the database,
 * day numbers for arithmetic.  "Today" is the school's day: the process
 * runs in the timezone set by [school] timezone.
 */
#ifndef MN_CORE_DATE_H
#define MN_CORE_DATE_H

#include "core/mn.h"

struct mn_date {
	int year, month, day;
};

/*
 * Parses "dd/mm/yyyy" (also d/m/yyyy) as typed by a person.  Spaces
 * around it are ignored, but a tab or line end is not.  Rejects days
 * that do not exist.
 */
int mn_date_parse(const char *text, const char *field, struct mn_date *d,
    struct mn_error *err);
/* Parses exactly "YYYY-MM-DD", the stored form (no spaces). */
int mn_date_parse_iso(const char *text, const char *field, struct mn_date *d,
    struct mn_error *err);
/* Writes "dd/mm/yyyy" into buf (at least 11 bytes). */
void mn_date_format(const struct mn_date *d, char *buf, size_t size);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
void mn_date_format_iso(const struct mn_date *d, char *buf, size_t size);

bool mn_date_valid(int year, int month, int day);
int mn_days_in_month(int year, int month);
/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
long mn_date_to_days(const struct mn_date *d);
void mn_date_from_days(long days, struct mn_date *d);
/* 0 = Monday ... 6 = Sunday. */
int mn_date_weekday(const struct mn_date *d);
/* Today in the process's timezone. */
void mn_date_today(struct mn_date *d);
int mn_date_cmp(const struct mn_date *a, const struct mn_date *b);

/*
 * Stored times are UTC, "YYYY-MM-DDTHH:MM[:SS]Z"; people see them in the
 * school's time zone (the process's, set from [school] timezone).  A
 * value that is not such a time is copied through mn_text_safe, and NULL
 * or "" gives "".  This one writes local "HH:MM dd/mm/yyyy".
 */
void mn_time_local(const char *utc_iso, char *buf, size_t size);
/* Local "HH:MM dd/mm". */
void mn_time_local_short(const char *utc_iso, char *buf, size_t size);
/* Local "dd/mm/yyyy": the school's day of the time. */
void mn_time_local_day(const char *utc_iso, char *buf, size_t size);

#endif
