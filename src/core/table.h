/*
 * A table of text cells with a title and a header row: what the
 * exports build before writing it as CSV or XLSX.
 */
#ifndef MN_CORE_TABLE_H
#define MN_CORE_TABLE_H

#include "core/mn.h"

struct mn_table {
	char *title;		/* shown above the header in XLSX only */
	size_t ncols;
	char **headers;
	size_t nrows, cap;
	char **cells;		/* nrows * ncols, row-major */
};

int mn_table_init(struct mn_table *t, const char *title,
    const char *const *headers, size_t ncols);
/* Appends a row of ncols values (NULL is stored as ""). */
int mn_table_add_row(struct mn_table *t, const char *const *values);
const char *mn_table_cell(const struct mn_table *t, size_t row, size_t col);
void mn_table_free(struct mn_table *t);

#endif
