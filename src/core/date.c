/*
 * Calendar dates in the proleptic Gregorian calendar.  Day numbers count
 * from 1970-01-01 and are computed with years that start on 1 March, so
 * the leap day is the last day of its year and month lengths from March
 * on follow a fixed pattern.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/text.h"

/* Years a person may type: births, enrolments, school calendars. */
#define YEAR_MIN 1900
#define YEAR_MAX 2200

static bool
is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
mn_days_in_month(int year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && is_leap(year))
		return 29;
	return days[month - 1];
}

/* Accepts years 1-9999; callers narrow the range for typed dates. */
bool
mn_date_valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
	    day >= 1 && day <= mn_days_in_month(year, month);
}

static long
floor_div(long a, long b)
{
	long q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* Days from 0000-03-01 to 1 March of March-based year y. */
static long
march_year_start(long y)
{
	return 365 * y + floor_div(y, 4) - floor_div(y, 100) +
	    floor_div(y, 400);
}

/*
 * Day of the March-based year on which month m' (0 = March ... 11 =
 * February) starts.  Month lengths from March repeat 31 30 31 30 31 in
 * blocks of 153 days per 5 months, which (153 m' + 2) / 5 reproduces.
 */
static long
month_start(long m)
{
	return (153 * m + 2) / 5;
}

/* Day number of 1970-01-01 counted from 0000-03-01. */
#define EPOCH_OFFSET 719468L

long
mn_date_to_days(const struct mn_date *d)
{
	long y = d->year;
	long m = d->month;

	if (m <= 2) {
		y--;
		m += 9;
	} else {
		m -= 3;
	}
	return march_year_start(y) + month_start(m) + d->day - 1 -
	    EPOCH_OFFSET;
}

void
mn_date_from_days(long days, struct mn_date *d)
{
	long z = days + EPOCH_OFFSET;
	long y, doy, m;

	/* 146097 days per 400 years gives an estimate off by at most one. */
	y = floor_div(z * 400, 146097);
	while (march_year_start(y + 1) <= z)
		y++;
	while (march_year_start(y) > z)
		y--;
	doy = z - march_year_start(y);
	m = (5 * doy + 2) / 153;
	d->day = (int)(doy - month_start(m) + 1);
	d->month = (int)(m < 10 ? m + 3 : m - 9);
	d->year = (int)(y + (d->month <= 2));
}

int
mn_date_weekday(const struct mn_date *d)
{
	/* 1970-01-01 was a Thursday, day 3 when Monday is 0. */
	long r = (mn_date_to_days(d) + 3) % 7;

	return (int)(r < 0 ? r + 7 : r);
}

void
mn_date_today(struct mn_date *d)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL) {
		d->year = 1970;
		d->month = 1;
		d->day = 1;
		return;
	}
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
}

int
mn_date_cmp(const struct mn_date *a, const struct mn_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

void
mn_date_format(const struct mn_date *d, char *buf, size_t size)
{
	snprintf(buf, size, "%02d/%02d/%04d", d->day, d->month, d->year);
}

void
mn_date_format_iso(const struct mn_date *d, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
}

/* Reads between min and max ASCII digits; returns the count or 0. */
static int
read_digits(const char **p, int min, int max, int *value)
{
	int n = 0;

	*value = 0;
	while (n < max && **p >= '0' && **p <= '9') {
		*value = *value * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n >= min ? n : 0;
}

static int
date_invalid(const char *text, const char *field, const char *form,
    struct mn_error *err)
{
	char shown[64];

	mn_text_safe(text != NULL ? text : "", shown, sizeof shown);
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: \"%s\" is not a valid date; expected %s with a year "
	    "from %d to %d",
	    "%s: \"%s\" không phải ngày hợp lệ; cần dạng %s, năm từ %d "
	    "đến %d"),
	    field, shown, form, YEAR_MIN, YEAR_MAX);
}

static int
date_missing_day(const char *text, const struct mn_date *d,
    const char *field, struct mn_error *err)
{
	char shown[64];

	mn_text_safe(text, shown, sizeof shown);
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: \"%s\" does not exist because %02d/%04d has %d days; "
	    "expected dd/mm/yyyy",
	    "%s: ngày \"%s\" không tồn tại vì tháng %02d/%04d chỉ có %d "
	    "ngày; cần dạng dd/mm/yyyy"),
	    field, shown, d->month, d->year,
	    mn_days_in_month(d->year, d->month));
}

/*
 * Only the space is a blank: a box cannot hold a tab or a line end, and
 * one in a file or an argument is more likely a fault than padding.
 */
static bool
is_blank(char c)
{
	return c == ' ';
}

static const char *
skip_blanks(const char *p)
{
	while (is_blank(*p))
		p++;
	return p;
}

/* Leading and trailing spaces are ignored; anything else must fit. */
int
mn_date_parse(const char *text, const char *field, struct mn_date *d,
    struct mn_error *err)
{
	const char *p = skip_blanks(text != NULL ? text : "");
	struct mn_date parsed;

	if (!read_digits(&p, 1, 2, &parsed.day) || *p++ != '/' ||
	    !read_digits(&p, 1, 2, &parsed.month) || *p++ != '/' ||
	    !read_digits(&p, 4, 4, &parsed.year))
		return date_invalid(text, field, "dd/mm/yyyy", err);
	p = skip_blanks(p);
	if (*p != '\0' || parsed.year < YEAR_MIN || parsed.year > YEAR_MAX ||
	    parsed.month < 1 || parsed.month > 12 || parsed.day < 1)
		return date_invalid(text, field, "dd/mm/yyyy", err);
	if (!mn_date_valid(parsed.year, parsed.month, parsed.day))
		return date_missing_day(text, &parsed, field, err);
	*d = parsed;
	return MN_OK;
}

/*
 * Strict: exactly YYYY-MM-DD, no blanks, same year range as typed dates.
 * Callers store the text they checked, so a blank let through here
 * would end up in the database.
 */
int
mn_date_parse_iso(const char *text, const char *field, struct mn_date *d,
    struct mn_error *err)
{
	const char *p = text != NULL ? text : "";
	struct mn_date parsed;

	if (strlen(p) != 10 || !read_digits(&p, 4, 4, &parsed.year) ||
	    *p++ != '-' || !read_digits(&p, 2, 2, &parsed.month) ||
	    *p++ != '-' || !read_digits(&p, 2, 2, &parsed.day) ||
	    parsed.year < YEAR_MIN || parsed.year > YEAR_MAX ||
	    !mn_date_valid(parsed.year, parsed.month, parsed.day))
		return date_invalid(text, field, "YYYY-MM-DD", err);
	*d = parsed;
	return MN_OK;
}

/* ---- Stored UTC times shown in the school's time zone ---------------- */

/* Converts a stored UTC time to local time, or copies it safely to buf. */
static bool
to_local(const char *utc_iso, struct tm *tm, char *buf, size_t size)
{
	time_t t;

	if (size == 0)
		return false;
	buf[0] = '\0';
	if (utc_iso == NULL || *utc_iso == '\0')
		return false;
	memset(tm, 0, sizeof *tm);
	/* Seconds and the "Z" are optional: rows differ in their precision. */
	if (strptime(utc_iso, "%Y-%m-%dT%H:%M", tm) == NULL) {
		mn_text_safe(utc_iso, buf, size);
		return false;
	}
	t = timegm(tm);
	if (utc_iso[16] == ':' && utc_iso[17] >= '0' && utc_iso[17] <= '5' &&
	    utc_iso[18] >= '0' && utc_iso[18] <= '9')
		t += (utc_iso[17] - '0') * 10 + (utc_iso[18] - '0');
	if (localtime_r(&t, tm) == NULL) {
		mn_text_safe(utc_iso, buf, size);
		return false;
	}
	return true;
}

void
mn_time_local(const char *utc_iso, char *buf, size_t size)
{
	struct tm tm;

	/* strftime leaves buf undefined when it does not fit. */
	if (to_local(utc_iso, &tm, buf, size) &&
	    strftime(buf, size, "%H:%M %d/%m/%Y", &tm) == 0)
		buf[0] = '\0';
}

void
mn_time_local_short(const char *utc_iso, char *buf, size_t size)
{
	struct tm tm;

	/* strftime leaves buf undefined when it does not fit. */
	if (to_local(utc_iso, &tm, buf, size) &&
	    strftime(buf, size, "%H:%M %d/%m", &tm) == 0)
		buf[0] = '\0';
}

void
mn_time_local_day(const char *utc_iso, char *buf, size_t size)
{
	struct tm tm;

	/* strftime leaves buf undefined when it does not fit. */
	if (to_local(utc_iso, &tm, buf, size) &&
	    strftime(buf, size, "%d/%m/%Y", &tm) == 0)
		buf[0] = '\0';
}
