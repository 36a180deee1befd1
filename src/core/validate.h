/*
 * Validation of identifiers and numbers typed by staff: Vietnamese phone
 * numbers, the 12-digit personal identification number, integers and
 * decimals written as the screens print them.  The login,
 * person-name and phone validators declared in core/text.h are
 * implemented in validate.c too.
 */
#ifndef MN_CORE_VALIDATE_H
#define MN_CORE_VALIDATE_H

#include "core/mn.h"
#include "core/text.h"

/*
 * Status of mn_personal_id_check for a number that is well formed but
 * disagrees with the record (sex, birth year) or has a province code
 * outside the known table.  It is not an input error, so the caller
 * shows the message as a warning and requests a written reason before
 * saving.
 * The value lies beyond enum mn_status so it never collides with it.
 */
#define MN_ERR_MISMATCH 100

/* Length of a personal identification number, in digits. */
#define MN_PERSONAL_ID_LEN 12

/*
 * Writes the canonical form of a Vietnamese phone number into out: the
 * domestic digits, "0xxxxxxxxx" for a mobile (10 digits, 03/05/07/08/09)
 * or "02xxxxxxxxx" for a landline (11 digits).  Spaces, dots and hyphens
 * are ignored, and "+84"/"84" in front is replaced by "0".  Returns
 * MN_ERR_INVALID naming field when the number has another form, or when
 * out is smaller than 12 bytes.
 */
int mn_phone_normalise(const char *in, char *out, size_t size,
    const char *field, struct mn_error *err);

/*
 * Writes the 12 digits of a personal identification number into out
 * (at least 13 bytes), dropping spaces and dots.  Returns MN_ERR_INVALID
 * naming the field when anything else is left or the count is not 12.
 */
int mn_personal_id_normalise(const char *id, char *out, size_t size,
    struct mn_error *err);

/*
 * Checks a personal identification number (PPP G YY RRRRRR: province of
 * birth registration, century-and-sex digit, year of birth, random).
 * sex is 'M' or 'F', or 0 when unknown; birth_year is 0 when unknown.
 * Returns MN_OK, MN_ERR_INVALID when the text is not 12 digits, or
 * MN_ERR_MISMATCH with a message listing every disagreement.
 */
int mn_personal_id_check(const char *id, int sex, int birth_year,
    struct mn_error *err);

/* True when code (e.g. 79) is in the table of birth-registration
 * province codes used in personal identification numbers. */
bool mn_personal_id_province_known(int code);

/*
 * Formats a decimal for a message shown to a user: value with exactly
 * `decimals` digits after the separator of the interface language, a
 * comma in Vietnamese ("34,0") and a point in English ("34.0").  CSV
 * files and command-line outputs keep their specified "." and do not
 * use it.  In English a value such as 1.125 is written "1.1250",
 * because "1.125" reads back as 1125 under the rule of mn_parse_number.
 */
void mn_format_decimal(double value, int decimals, char *buf, size_t size);
/*
 * As mn_format_decimal with the fewest decimals, 1 to 3, that show
 * value as typed: 3.75 gives "3,75", 16 gives "16,0".  For echoing a
 * typed value in a message.
 */
void mn_format_value(double value, char *buf, size_t size);

/*
 * Parses a number typed by a user, written as the screens print it:
 * '.', a space or an NBSP between thousands and ',' before the decimals
 * ("150.000", "24 000", "1.000,5", "12,5").  A '.' is a decimal point
 * only when the text is not a grouped whole number ("92.3", "1.5",
 * "0.250"), so "1.000" is one thousand.  A leading '-' is accepted only
 * when min is negative, so "-0" is rejected where min >= 0.  Leading and
 * trailing spaces are ignored; exponents, hex, inf/nan, other digits,
 * "1,000.5" and other mixed separators are rejected.  At most
 * `decimals` digits after the separator count (trailing zeros do not).
 * Errors are MN_ERR_INVALID with err->field set to field and a message
 * that starts with label and states the value and the expected form.
 */
int mn_parse_number(const char *text, const char *field, const char *label,
    int decimals, double min, double max, double *out,
    struct mn_error *err);

/*
 * As mn_parse_number for a sum of whole đồng from 0 to max: "150.000"
 * and "150000" are both 150000, and a decimal part ("150,5") is
 * rejected with a message saying the sum must be whole đồng.
 */
int mn_parse_money(const char *text, const char *field, const char *label,
    int64_t max, int64_t *out, struct mn_error *err);

/* As mn_parse_number with field as both the error field and label. */
int mn_parse_decimal(const char *text, const char *field, int decimals,
    double min, double max, double *out, struct mn_error *err);

/*
 * Parses a base-10 integer with an optional leading '-' in [min, max].
 * Leading and trailing spaces are ignored.  Returns MN_ERR_INVALID naming
 * field, value and range.
 */
int mn_parse_int(const char *text, const char *field, long min, long max,
    long *out, struct mn_error *err);

#endif
