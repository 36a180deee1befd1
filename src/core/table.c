/*
 * In-memory text tables for exports.
 */
#include <stdlib.h>
#include <string.h>

#include "core/table.h"

int
mn_table_init(struct mn_table *t, const char *title,
    const char *const *headers, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->title = strdup(title != NULL ? title : "");
	t->headers = calloc(ncols, sizeof *t->headers);
	if (t->title == NULL || t->headers == NULL) {
		mn_table_free(t);
		return MN_ERR_NOMEM;
	}
	t->ncols = ncols;
	for (size_t i = 0; i < ncols; i++) {
		t->headers[i] = strdup(headers[i]);
		if (t->headers[i] == NULL) {
			mn_table_free(t);
			return MN_ERR_NOMEM;
		}
	}
	return MN_OK;
}

int
mn_table_add_row(struct mn_table *t, const char *const *values)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		char **grown = realloc(t->cells,
		    cap * t->ncols * sizeof *grown);

		if (grown == NULL)
			return MN_ERR_NOMEM;
		t->cells = grown;
		t->cap = cap;
	}
	for (size_t i = 0; i < t->ncols; i++) {
		char *v = strdup(values[i] != NULL ? values[i] : "");

		if (v == NULL) {
			for (size_t j = 0; j < i; j++)
				free(t->cells[t->nrows * t->ncols + j]);
			return MN_ERR_NOMEM;
		}
		t->cells[t->nrows * t->ncols + i] = v;
	}
	t->nrows++;
	return MN_OK;
}

const char *
mn_table_cell(const struct mn_table *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

void
mn_table_free(struct mn_table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	for (size_t i = 0; t->headers != NULL && i < t->ncols; i++)
		free(t->headers[i]);
	free(t->cells);
	free(t->headers);
	free(t->title);
	memset(t, 0, sizeof *t);
}
