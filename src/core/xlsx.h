/*
 * XLSX output through libxlsxwriter: a title row, a bold header row,
 * columns sized to their text, landscape A4 fitted to the page width
 * with the header row repeated on every printed page.
 */
#ifndef MN_CORE_XLSX_H
#define MN_CORE_XLSX_H

#include "core/mn.h"
#include "core/table.h"

/* Writes the table as a one-sheet workbook at path; cells are text. */
int mn_xlsx_write_table(const char *path, const struct mn_table *t,
    struct mn_error *err);

#endif
