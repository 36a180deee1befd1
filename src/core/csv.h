/*
 * CSV as RFC 4180 describes it, for exports and imports.  The writer
 * quotes fields that contain the separator, a quote or a line break and
 * ends lines with CRLF.  The reader takes UTF-8 with or without a BOM,
 * CRLF or LF line ends, ',' or ';' as separator (whichever appears more
 * often outside quotes in the header line), and quoted fields holding
 * separators, doubled quotes and line breaks.
 */
#ifndef MN_CORE_CSV_H
#define MN_CORE_CSV_H

#include <stdio.h>

#include "core/mn.h"
#include "core/table.h"

/* Writes one record; sep is ',' or ';'.  Returns MN_OK or MN_ERR_IO. */
int mn_csv_write_row(FILE *f, const char *const *fields, size_t count,
    char sep);
/* Writes the table's header row and rows (not its title). */
int mn_csv_write_table(FILE *f, const struct mn_table *t,
    struct mn_error *err);

struct mn_csv_reader;

struct mn_csv_row {
	char **fields;		/* owned by the reader until the next call */
	size_t count;
	size_t line;		/* line number where the record starts */
};

/*
 * Takes a copy of the bytes; invalid UTF-8 is MN_ERR_INVALID naming the
 * line.  name is used in messages (the file name).
 */
int mn_csv_open_mem(const char *data, size_t len, const char *name,
    struct mn_csv_reader **out, struct mn_error *err);
/* Reads a whole file, then as mn_csv_open_mem. */
int mn_csv_open_file(const char *path, struct mn_csv_reader **out,
    struct mn_error *err);
/*
 * Reads the next record, skipping empty lines.  Returns MN_OK with row
 * filled, MN_ERR_NOTFOUND at the end, MN_ERR_INVALID for a broken quote
 * (message names the line).
 */
int mn_csv_next(struct mn_csv_reader *r, struct mn_csv_row *row,
    struct mn_error *err);
/* The separator detected from the header line. */
char mn_csv_separator(const struct mn_csv_reader *r);
void mn_csv_close(struct mn_csv_reader *r);

#endif
