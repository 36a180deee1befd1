/*
 * RFC 4180 CSV writer and a tolerant reader (BOM, CRLF, ',' or ';').
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

/* Files larger than this are not school registers; refuse them. */
#define CSV_MAX_BYTES (64u * 1024 * 1024)

struct mn_csv_reader {
	char *data;
	size_t len, pos;
	size_t line;		/* line of data[pos] */
	char sep;
	char name[128];
	char **fields;
	size_t nfields, capfields;
	char *buf;		/* field being built */
	size_t buflen, bufcap;
};

/*
 * True when a spreadsheet would read the text as a formula: it starts
 * with '=', '+', '@', a tab or a carriage return, or with '-' that does
 * not begin a number.  Such a cell gets a leading apostrophe, which
 * spreadsheets show as text, and the reader removes it again.
 */
static bool
looks_like_formula(const char *v)
{
	if (v[0] == '=' || v[0] == '+' || v[0] == '@' || v[0] == '\t' ||
	    v[0] == '\r')
		return true;
	return v[0] == '-' && !isdigit((unsigned char)v[1]) && v[1] != '.' &&
	    v[1] != '\0';
}

int
mn_csv_write_row(FILE *f, const char *const *fields, size_t count, char sep)
{
	for (size_t i = 0; i < count; i++) {
		const char *v = fields[i] != NULL ? fields[i] : "";
		char special[] = { sep, '"', '\r', '\n', '\0' };

		if (i > 0 && fputc(sep, f) == EOF)
			return MN_ERR_IO;
		if (looks_like_formula(v) && fputc('\'', f) == EOF)
			return MN_ERR_IO;
		if (strpbrk(v, special) == NULL) {
			if (fputs(v, f) == EOF && *v != '\0')
				return MN_ERR_IO;
			continue;
		}
		if (fputc('"', f) == EOF)
			return MN_ERR_IO;
		for (const char *p = v; *p != '\0'; p++) {
			if (*p == '"' && fputc('"', f) == EOF)
				return MN_ERR_IO;
			if (fputc(*p, f) == EOF)
				return MN_ERR_IO;
		}
		if (fputc('"', f) == EOF)
			return MN_ERR_IO;
	}
	if (fputs("\r\n", f) == EOF)
		return MN_ERR_IO;
	return MN_OK;
}

int
mn_csv_write_table(FILE *f, const struct mn_table *t, struct mn_error *err)
{
	int rc;

	rc = mn_csv_write_row(f, (const char *const *)t->headers, t->ncols,
	    ',');
	for (size_t r = 0; rc == MN_OK && r < t->nrows; r++)
		rc = mn_csv_write_row(f,
		    (const char *const *)&t->cells[r * t->ncols], t->ncols,
		    ',');
	if (rc != MN_OK)
		return mn_fail(err, MN_ERR_IO, "",
		    T("Writing the CSV failed: %s", "Ghi tệp CSV thất bại: %s"),
		    strerror(errno));
	return MN_OK;
}

/*
 * Returns the length of the UTF-8 sequence at p (1-4), or 0 when it is
 * not well formed (overlong forms, surrogates and values above
 * U+10FFFF included).
 */
static size_t
utf8_length(const unsigned char *p, size_t left)
{
	unsigned c = p[0];
	size_t n;
	unsigned cp, min;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		cp = c & 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		cp = c & 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		cp = c & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (left < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

static int
check_utf8(const char *data, size_t len, const char *name,
    struct mn_error *err)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t line = 1;

	for (size_t i = 0; i < len;) {
		size_t n = utf8_length(p + i, len - i);

		if (n == 0)
			return mn_fail(err, MN_ERR_INVALID, name,
			    T("%s, line %zu: not UTF-8 text (byte 0x%02x); "
			    "save the file as CSV UTF-8",
			    "%s, dòng %zu: không phải văn bản UTF-8 (byte "
			    "0x%02x); hãy lưu tệp dạng CSV UTF-8"), name, line,
			    p[i]);
		if (p[i] == '\n')
			line++;
		i += n;
	}
	return MN_OK;
}

/* Picks ';' when it occurs more often than ',' outside quotes on line 1. */
static char
detect_separator(const char *p, const char *end)
{
	size_t commas = 0, semicolons = 0;
	bool quoted = false;

	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (*p == '\n' || *p == '\r'))
			break;
		else if (!quoted && *p == ',')
			commas++;
		else if (!quoted && *p == ';')
			semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

int
mn_csv_open_mem(const char *data, size_t len, const char *name,
    struct mn_csv_reader **out, struct mn_error *err)
{
	struct mn_csv_reader *r;
	int rc;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	rc = check_utf8(data, len, name, err);
	if (rc != MN_OK)
		return rc;
	r = calloc(1, sizeof *r);
	if (r == NULL || (r->data = malloc(len + 1)) == NULL) {
		free(r);
		return mn_fail(err, MN_ERR_NOMEM, name, "out of memory");
	}
	memcpy(r->data, data, len);
	r->data[len] = '\0';
	r->len = len;
	r->line = 1;
	snprintf(r->name, sizeof r->name, "%s", name);
	r->sep = detect_separator(r->data, r->data + len);
	*out = r;
	return MN_OK;
}

int
mn_csv_open_file(const char *path, struct mn_csv_reader **out,
    struct mn_error *err)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, cap = 0, n;
	int rc;

	if (f == NULL)
		return mn_fail(err, MN_ERR_IO, path,
		    T("%s: cannot open: %s", "%s: không mở được: %s"), path,
		    strerror(errno));
	do {
		if (len + 65536 > cap) {
			char *grown;

			cap = cap ? cap * 2 : 65536 * 2;
			grown = realloc(data, cap);
			if (grown == NULL) {
				free(data);
				fclose(f);
				return mn_fail(err, MN_ERR_NOMEM, path,
				    "out of memory");
			}
			data = grown;
		}
		n = fread(data + len, 1, 65536, f);
		len += n;
	} while (n > 0 && len <= CSV_MAX_BYTES);
	if (ferror(f) || len > CSV_MAX_BYTES) {
		rc = mn_fail(err, MN_ERR_IO, path, ferror(f) ?
		    T("%s: read failed", "%s: đọc thất bại") :
		    T("%s: larger than 64 MB; not a register file",
		    "%s: lớn hơn 64 MB; không phải tệp danh sách"), path);
		free(data);
		fclose(f);
		return rc;
	}
	fclose(f);
	const char *base = strrchr(path, '/');
	rc = mn_csv_open_mem(data != NULL ? data : "", len,
	    base != NULL ? base + 1 : path, out, err);
	free(data);
	return rc;
}

static int
buf_put(struct mn_csv_reader *r, char c)
{
	if (r->buflen + 1 >= r->bufcap) {
		size_t cap = r->bufcap ? r->bufcap * 2 : 256;
		char *grown = realloc(r->buf, cap);

		if (grown == NULL)
			return MN_ERR_NOMEM;
		r->buf = grown;
		r->bufcap = cap;
	}
	r->buf[r->buflen++] = c;
	return MN_OK;
}

static int
end_field(struct mn_csv_reader *r)
{
	char *field;

	if (r->nfields == r->capfields) {
		size_t cap = r->capfields ? r->capfields * 2 : 32;
		char **grown = realloc(r->fields, cap * sizeof *grown);

		if (grown == NULL)
			return MN_ERR_NOMEM;
		r->fields = grown;
		r->capfields = cap;
	}
	field = malloc(r->buflen + 1);
	if (field == NULL)
		return MN_ERR_NOMEM;
	if (r->buflen > 0)
		memcpy(field, r->buf, r->buflen);
	field[r->buflen] = '\0';
	/* Undo the apostrophe the writer puts before a formula-like cell. */
	if (field[0] == '\'' && looks_like_formula(field + 1))
		memmove(field, field + 1, r->buflen);
	r->fields[r->nfields++] = field;
	r->buflen = 0;
	return MN_OK;
}

static void
clear_fields(struct mn_csv_reader *r)
{
	for (size_t i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	r->nfields = 0;
	r->buflen = 0;
}

/* Consumes a line end (CRLF, LF or CR) at r->pos if there is one. */
static bool
take_newline(struct mn_csv_reader *r)
{
	if (r->pos < r->len && r->data[r->pos] == '\r') {
		r->pos++;
		if (r->pos < r->len && r->data[r->pos] == '\n')
			r->pos++;
		r->line++;
		return true;
	}
	if (r->pos < r->len && r->data[r->pos] == '\n') {
		r->pos++;
		r->line++;
		return true;
	}
	return false;
}

/* Reads a quoted field starting after its opening quote. */
static int
read_quoted(struct mn_csv_reader *r, struct mn_error *err)
{
	size_t start = r->line;

	for (;;) {
		if (r->pos >= r->len)
			return mn_fail(err, MN_ERR_INVALID, r->name,
			    T("%s, line %zu: a quoted field is never closed",
			    "%s, dòng %zu: trường trong ngoặc kép không được "
			    "đóng"), r->name, start);
		char c = r->data[r->pos++];
		if (c == '"') {
			if (r->pos < r->len && r->data[r->pos] == '"') {
				r->pos++;
			} else {
				break;
			}
		} else if (c == '\n') {
			r->line++;
		} else if (c == '\r') {
			if (r->pos >= r->len || r->data[r->pos] != '\n')
				r->line++;
		}
		if (buf_put(r, c) != MN_OK)
			return mn_fail(err, MN_ERR_NOMEM, r->name,
			    "out of memory");
	}
	if (r->pos < r->len && r->data[r->pos] != r->sep &&
	    r->data[r->pos] != '\r' && r->data[r->pos] != '\n')
		return mn_fail(err, MN_ERR_INVALID, r->name,
		    T("%s, line %zu: text after a closing quote; a quote "
		    "inside a quoted field must be doubled (\"\")",
		    "%s, dòng %zu: có ký tự sau dấu ngoặc kép đóng; dấu "
		    "ngoặc kép trong trường phải viết đôi (\"\")"), r->name,
		    r->line);
	return MN_OK;
}

int
mn_csv_next(struct mn_csv_reader *r, struct mn_csv_row *row,
    struct mn_error *err)
{
	int rc;

	clear_fields(r);
	/* Skip empty lines between records. */
	while (r->pos < r->len && take_newline(r))
		;
	if (r->pos >= r->len)
		return MN_ERR_NOTFOUND;
	row->line = r->line;
	for (;;) {
		if (r->pos < r->len && r->data[r->pos] == '"') {
			r->pos++;
			rc = read_quoted(r, err);
			if (rc != MN_OK)
				return rc;
		} else {
			while (r->pos < r->len && r->data[r->pos] != r->sep &&
			    r->data[r->pos] != '\r' &&
			    r->data[r->pos] != '\n') {
				if (r->data[r->pos] == '"')
					return mn_fail(err, MN_ERR_INVALID,
					    r->name, T("%s, line %zu: a quote "
					    "inside an unquoted field; put the "
					    "field in quotes and double the "
					    "quote", "%s, dòng %zu: có dấu "
					    "ngoặc kép trong trường không đặt "
					    "trong ngoặc; hãy đặt trường trong "
					    "ngoặc kép và viết đôi dấu ngoặc"),
					    r->name, r->line);
				if (buf_put(r, r->data[r->pos++]) != MN_OK)
					return MN_ERR_NOMEM;
			}
		}
		if (end_field(r) != MN_OK)
			return mn_fail(err, MN_ERR_NOMEM, r->name,
			    "out of memory");
		if (r->pos < r->len && r->data[r->pos] == r->sep) {
			r->pos++;
			continue;
		}
		take_newline(r);
		break;
	}
	row->fields = r->fields;
	row->count = r->nfields;
	return MN_OK;
}

char
mn_csv_separator(const struct mn_csv_reader *r)
{
	return r->sep;
}

void
mn_csv_close(struct mn_csv_reader *r)
{
	if (r == NULL)
		return;
	clear_fields(r);
	free(r->fields);
	free(r->buf);
	free(r->data);
	free(r);
}
