/*
 * Unicode text handling for Vietnamese, built on ICU: NFC normalisation,
 * control-character removal, search folding, collation keys, display
 * width, and validation of names, phone numbers and identifiers.
 */
#ifndef MN_CORE_TEXT_H
#define MN_CORE_TEXT_H

#include "core/mn.h"

/*
 * Cleans user input for storage: checks that it is UTF-8, removes control
 * characters (C0, C1, DEL) and bidirectional overrides, collapses runs of
 * white space, trims both ends and normalises to NFC.  Returns a malloc'd
 * string in *out, or MN_ERR_INVALID naming field when the bytes are not
 * UTF-8 or the result exceeds max_chars characters.
 */
int mn_text_clean(const char *in, const char *field, size_t max_chars,
    char **out, struct mn_error *err);

/*
 * Folds text for search: NFD, marks removed, đ/Đ to d, lower case, and
 * runs of white space to one space.  Returns a malloc'd string or NULL.
 */
char *mn_text_fold(const char *in);

/*
 * True when every space-separated word of the folded needle occurs in the
 * folded haystack as a substring, in any order.  An empty needle matches.
 */
bool mn_text_matches(const char *folded_haystack, const char *folded_needle);

/*
 * Writes a Vietnamese collation key for a person's name, ordering by the
 * given name (last word) first, then by the rest, as schools sort lists.
 * The key is hex text, so it sorts with plain memcmp or SQLite's BINARY
 * collation.  Returns a malloc'd string or NULL.
 */
char *mn_text_name_sortkey(const char *name);

/* Collation key for any other text (class names, foods), hex text. */
char *mn_text_sortkey(const char *text);

/*
 * Number of terminal cells the UTF-8 text occupies: 2 for wide and
 * full-width characters, 0 for combining marks, 1 for the replacement
 * mn_text_safe shows for a control or an invalid byte.
 */
int mn_text_width(const char *text);

/*
 * Returns a malloc'd NFC copy of valid UTF-8 text with nothing else
 * changed (no control removal or trimming, as passwords need), or NULL
 * for invalid UTF-8.
 */
char *mn_text_nfc(const char *in);

/*
 * Copies text for display: control characters and bidi overrides become
 * U+FFFD, invalid UTF-8 bytes become '?'.  Always NUL-terminates out.
 */
void mn_text_safe(const char *in, char *out, size_t size);

/* Validators: return MN_OK or MN_ERR_INVALID with a message for field. */
int mn_valid_login(const char *login, struct mn_error *err);
int mn_valid_person_name(const char *name, const char *field,
    struct mn_error *err);
int mn_valid_phone(const char *phone, const char *field,
    struct mn_error *err);

#endif
