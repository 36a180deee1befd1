/*
 * CSV reader and writer: RFC 4180 quoting, BOM, CRLF, separator
 * detection, and the errors for broken quotes and invalid UTF-8.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/csv.h"

static struct mn_csv_reader *
open_text(const char *text)
{
	struct mn_csv_reader *r = NULL;
	struct mn_error err = { 0 };

	if (mn_csv_open_mem(text, strlen(text), "t.csv", &r, &err) != MN_OK)
		fail_msg("open: %s", err.message);
	return r;
}

static void
csv_reads_quoted_fields(void **state)
{
	struct mn_csv_reader *r = open_text(
	    "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n");
	struct mn_csv_row row;
	struct mn_error err = { 0 };

	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_int_equal(row.count, 3);
	assert_int_equal(row.line, 1);
	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_int_equal(row.line, 2);
	assert_int_equal(row.count, 3);
	assert_string_equal(row.fields[0], "x, y");
	assert_string_equal(row.fields[1], "say \"hi\"");
	assert_string_equal(row.fields[2], "two\r\nlines");
	assert_int_equal(mn_csv_next(r, &row, &err), MN_ERR_NOTFOUND);
	mn_csv_close(r);
}

static void
csv_bom_and_semicolon(void **state)
{
	struct mn_csv_reader *r = open_text(
	    "\xef\xbb\xbfMã;Tên\nA1;\"Lê; Văn\"\n\nB2;Bình, An\n");
	struct mn_csv_row row;
	struct mn_error err = { 0 };

	assert_int_equal(mn_csv_separator(r), ';');
	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_string_equal(row.fields[0], "Mã");
	assert_string_equal(row.fields[1], "Tên");
	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_string_equal(row.fields[1], "Lê; Văn");
	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_int_equal(row.line, 4);
	assert_string_equal(row.fields[0], "B2");
	assert_string_equal(row.fields[1], "Bình, An");
	assert_int_equal(mn_csv_next(r, &row, &err), MN_ERR_NOTFOUND);
	mn_csv_close(r);
}

static void
csv_empty_fields_kept(void **state)
{
	struct mn_csv_reader *r = open_text("a,b,c\n,,\n");
	struct mn_csv_row row;
	struct mn_error err = { 0 };

	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_int_equal(row.count, 3);
	assert_string_equal(row.fields[2], "");
	mn_csv_close(r);
}

static void
csv_unclosed_quote_names_line(void **state)
{
	struct mn_csv_reader *r = open_text("a,b\n1,2\n3,\"open\n4,5\n");
	struct mn_csv_row row;
	struct mn_error err = { 0 };

	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_int_equal(mn_csv_next(r, &row, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "3"));
	mn_csv_close(r);
}

static void
csv_text_after_quote_rejected(void **state)
{
	struct mn_csv_reader *r = open_text("a,b\n\"x\"y,2\n");
	struct mn_csv_row row;
	struct mn_error err = { 0 };

	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_int_equal(mn_csv_next(r, &row, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "2"));
	mn_csv_close(r);
}

static void
csv_bare_quote_rejected(void **state)
{
	struct mn_csv_reader *r = open_text("a,b\nab\"c,2\n");
	struct mn_csv_row row;
	struct mn_error err = { 0 };

	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_int_equal(mn_csv_next(r, &row, &err), MN_ERR_INVALID);
	mn_csv_close(r);
}

static void
csv_invalid_utf8_names_line(void **state)
{
	/* "Nguyễn" in Windows-1258-like bytes on line 3. */
	const char text[] = "a,b\nx,y\nNguy\xea\xd5n,z\n";
	struct mn_csv_reader *r = NULL;
	struct mn_error err = { 0 };

	assert_int_equal(mn_csv_open_mem(text, strlen(text), "t.csv", &r,
	    &err), MN_ERR_INVALID);
	assert_null(r);
	assert_non_null(strstr(err.message, "3"));
	assert_non_null(strstr(err.message, "UTF-8"));
}

static void
csv_overlong_utf8_rejected(void **state)
{
	const char text[] = "a\n\xc0\xaf\n";
	struct mn_csv_reader *r = NULL;
	struct mn_error err = { 0 };

	assert_int_equal(mn_csv_open_mem(text, strlen(text), "t.csv", &r,
	    &err), MN_ERR_INVALID);
}

static void
csv_writer_round_trip(void **state)
{
	const char *fields[] = { "plain", "a,b", "q\"q", "line\nbreak", "",
	    "Nguyễn Thị Ánh" };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct mn_csv_reader *r = NULL;
	struct mn_csv_row row;
	struct mn_error err = { 0 };

	assert_non_null(f);
	assert_int_equal(mn_csv_write_row(f, fields, 6, ','), MN_OK);
	assert_int_equal(mn_csv_write_row(f, fields, 6, ','), MN_OK);
	fclose(f);
	assert_memory_equal(buf, "plain,\"a,b\",\"q\"\"q\",\"line\nbreak\",,"
	    "Nguyễn Thị Ánh\r\n", strlen("plain,\"a,b\",\"q\"\"q\","
	    "\"line\nbreak\",,Nguyễn Thị Ánh\r\n"));
	assert_int_equal(mn_csv_open_mem(buf, len, "m", &r, &err), MN_OK);
	for (int n = 0; n < 2; n++) {
		assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
		assert_int_equal(row.count, 6);
		for (size_t i = 0; i < 6; i++)
			assert_string_equal(row.fields[i], fields[i]);
	}
	assert_int_equal(row.line, 3);
	mn_csv_close(r);
	free(buf);
}

/* Formula-like cells leave as text and come back unchanged. */
static void
csv_formula_cells_neutralised(void **state)
{
	const char *fields[] = { "=cmd|' /C calc'!A0", "+1-2", "@SUM(1)",
	    "-x", "-12.5", "Nguyễn", "'Hen" };
	const char *written[] = { "'=cmd|' /C calc'!A0", "'+1-2", "'@SUM(1)",
	    "'-x", "-12.5", "Nguyễn", "'Hen" };
	struct mn_csv_reader *r;
	struct mn_csv_row row;
	struct mn_error err = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(f);
	assert_int_equal(mn_csv_write_row(f, fields, 7, ','), MN_OK);
	assert_int_equal(fclose(f), 0);

	/* Nothing in the file starts a cell with a formula character. */
	r = open_text(buf);
	assert_int_equal(mn_csv_next(r, &row, &err), MN_OK);
	assert_int_equal(row.count, 7);
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(row.fields[i], fields[i]);
	mn_csv_close(r);
	for (size_t i = 0; i < 7; i++)
		assert_non_null(strstr(buf, written[i]));
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_reads_quoted_fields),
		cmocka_unit_test(csv_bom_and_semicolon),
		cmocka_unit_test(csv_empty_fields_kept),
		cmocka_unit_test(csv_unclosed_quote_names_line),
		cmocka_unit_test(csv_text_after_quote_rejected),
		cmocka_unit_test(csv_bare_quote_rejected),
		cmocka_unit_test(csv_invalid_utf8_names_line),
		cmocka_unit_test(csv_overlong_utf8_rejected),
		cmocka_unit_test(csv_writer_round_trip),
		cmocka_unit_test(csv_formula_cells_neutralised),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
