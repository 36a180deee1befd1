/*
 * A compact copy of the children list that a screen narrows on every
 * keystroke.  A new query for each key costs a sort and an audit row,
 * tens of milliseconds for 20,000 children.  Filtering the folded names
 * in memory costs a few milliseconds (docs/BENCHMARKS.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/registers.h"
#include "core/text.h"

struct index_builder {
	struct mn_child_index *index;
	size_t capacity;
	bool failed;
};

static int
add_row(const struct mn_child *c, void *arg)
{
	struct index_builder *b = arg;
	struct mn_child_index *idx = b->index;
	struct mn_child_row *row;
	char *fold_name, *fold_code;
	size_t len;

	if (idx->count == b->capacity) {
		size_t cap = b->capacity ? b->capacity * 2 : 512;
		void *grown = realloc(idx->rows, cap * sizeof *idx->rows);

		if (grown == NULL) {
			b->failed = true;
			return 1;
		}
		idx->rows = grown;
		b->capacity = cap;
	}
	row = &idx->rows[idx->count];
	memset(row, 0, sizeof *row);
	row->id = c->id;
	memcpy(row->school_code, c->school_code, sizeof row->school_code);
	memcpy(row->full_name, c->full_name, sizeof row->full_name);
	memcpy(row->class_code, c->class_code, sizeof row->class_code);
	row->birth_date = c->birth_date;
	row->sex = c->sex;
	row->health_warning = c->allergies[0] != '\0' ||
	    c->chronic_conditions[0] != '\0';
	row->allergies = strdup(c->allergies);
	row->chronic_conditions = strdup(c->chronic_conditions);
	if (row->allergies == NULL || row->chronic_conditions == NULL) {
		free(row->allergies);
		free(row->chronic_conditions);
		b->failed = true;
		return 1;
	}

	/* One folded text contains the name and the school code, so typing
	 * either finds the child. */
	fold_name = mn_text_fold(c->full_name);
	fold_code = mn_text_fold(c->school_code);
	if (fold_name == NULL || fold_code == NULL) {
		free(fold_name);
		free(fold_code);
		free(row->allergies);
		free(row->chronic_conditions);
		b->failed = true;
		return 1;
	}
	len = strlen(fold_name) + strlen(fold_code) + 2;
	row->fold = malloc(len);
	if (row->fold != NULL)
		snprintf(row->fold, len, "%s %s", fold_name, fold_code);
	free(fold_name);
	free(fold_code);
	if (row->fold == NULL) {
		free(row->allergies);
		free(row->chronic_conditions);
		b->failed = true;
		return 1;
	}
	idx->count++;
	return 0;
}

int
mn_child_index_load(struct mn_ctx *ctx, const struct mn_child_filter *filter,
    struct mn_child_index *idx, struct mn_error *err)
{
	struct index_builder b = { idx, 0, false };
	struct mn_child_filter all;
	int rc;

	memset(idx, 0, sizeof *idx);
	all = filter != NULL ? *filter : (struct mn_child_filter){ 0 };
	all.search = NULL;
	rc = mn_child_list(ctx, &all, add_row, &b, err);
	if (rc == MN_OK && b.failed)
		rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if (rc != MN_OK)
		mn_child_index_free(idx);
	return rc;
}

size_t
mn_child_index_search(const struct mn_child_index *idx, const char *needle,
    size_t *matches)
{
	char *folded = NULL;
	size_t n = 0;

	if (needle != NULL && needle[0] != '\0')
		folded = mn_text_fold(needle);
	for (size_t i = 0; i < idx->count; i++)
		if (folded == NULL ||
		    mn_text_matches(idx->rows[i].fold, folded))
			matches[n++] = i;
	free(folded);
	return n;
}

void
mn_child_index_free(struct mn_child_index *idx)
{
	for (size_t i = 0; i < idx->count; i++) {
		free(idx->rows[i].fold);
		free(idx->rows[i].allergies);
		free(idx->rows[i].chronic_conditions);
	}
	free(idx->rows);
	memset(idx, 0, sizeof *idx);
}
