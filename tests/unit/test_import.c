/*
 * Import and export of the registers.  Each kind of bad row is rejected
 * with its line and field, and nothing is written.  A school exported
 * from one database and imported into a new one exports byte for byte
 * the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/config.h"
#include "core/account.h"
#include "core/csv.h"
#include "core/demo_registers.h"
#include "core/reg_io.h"
#include "core/registers.h"
#include "core/xlsx.h"

struct fixture {
	struct mn_ctx ctx;
	struct mn_config cfg;
	char year[16];
	int y;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct mn_date today;

	assert_non_null(f);
	test_open_db(&f->ctx, &f->cfg);
	mn_date_today(&today);
	f->y = today.month >= 8 ? today.year : today.year - 1;
	snprintf(f->year, sizeof f->year, "%d-%d", f->y, f->y + 1);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	test_close_db(&f->ctx);
	free(f);
	return 0;
}

static int
import_text(struct fixture *f, const char *what, const char *text,
    const struct mn_import_opts *opts, struct mn_import_report *rep)
{
	struct mn_csv_reader *r = NULL;
	struct mn_error err = { 0 };
	struct mn_import_opts none = { 0 };
	int rc;

	memset(rep, 0, sizeof *rep);
	rc = mn_csv_open_mem(text, strlen(text), "t.csv", &r, &err);
	if (rc != MN_OK)
		return rc;
	if (opts == NULL)
		opts = &none;
	if (strcmp(what, "classes") == 0)
		rc = mn_import_classes(&f->ctx, r, opts, rep, &err);
	else if (strcmp(what, "children") == 0)
		rc = mn_import_children(&f->ctx, r, opts, rep, &err);
	else
		rc = mn_import_staff(&f->ctx, r, opts, rep, &err);
	mn_csv_close(r);
	return rc;
}

static int
count_children(struct fixture *f)
{
	sqlite3_stmt *st;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(f->ctx.db, "SELECT count(*) FROM "
	    "children", -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
import_classes_ok(struct fixture *f)
{
	struct mn_import_report rep;
	char text[512];

	/* Semicolons, LF line ends and empty columns on the right. */
	snprintf(text, sizeof text,
	    "Mã lớp;Tên lớp;Nhóm tuổi;Năm học;Phòng;Sĩ số tối đa;;\n"
	    "MG5A;Lớp Lá 5A;Mẫu giáo 5-6 tuổi;%s;P.101;35;;\n"
	    "MG4A;\"Lớp Chồi; 4A\";mg-4-5;%s;P.102;30\n", f->year, f->year);
	if (import_text(f, "classes", text, NULL, &rep) != MN_OK)
		fail_msg("classes: %s", rep.nissues ? rep.issues[0].message :
		    "?");
	assert_int_equal(rep.written, 2);
	mn_import_report_free(&rep);
}

#define CHILD_HEADER "Mã trẻ,Họ và tên,Ngày sinh,Giới tính,Dân tộc," \
	"Mã định danh,Nơi sinh,Địa chỉ,Lớp,Ngày nhập học,Trạng thái," \
	"Họ tên cha,SĐT cha,Họ tên mẹ,SĐT mẹ,Người giám hộ," \
	"SĐT người giám hộ,Đối tượng chính sách,Dị ứng,Bệnh mãn tính\r\n"

/* A valid row for a girl of the 5-6 class, with fields replaced. */
static void
child_row(struct fixture *f, char *buf, size_t size, const char *code,
    const char *name, const char *birth, const char *id, const char *phone)
{
	char dob[32], pid[32];

	snprintf(dob, sizeof dob, "14/03/%d", f->y - 5);
	snprintf(pid, sizeof pid, "0013%02d123456", (f->y - 5) % 100);
	snprintf(buf, size, "%s,%s,%s,Nữ,Kinh,%s,Hà Nội,\"Số 5, phố Quan "
	    "Hoa\",MG5A,05/09/%d,Đang học,Nguyễn Văn Hải,0912345678,"
	    "Trần Thị Hoa,%s,,,Hộ nghèo,\"Tôm, cua\",\r\n", code, name,
	    birth != NULL ? birth : dob, id != NULL ? id : pid, f->y,
	    phone != NULL ? phone : "0987654321");
}

static void
expect_one_issue(struct fixture *f, const char *row, size_t line,
    const char *field)
{
	struct mn_import_report rep;
	char text[4096];
	char good[1024];

	child_row(f, good, sizeof good, "2026-0001", "Lê Thị Lan", NULL, "",
	    NULL);
	snprintf(text, sizeof text, CHILD_HEADER "%s%s", good, row);
	if (import_text(f, "children", text, NULL, &rep) != MN_ERR_INVALID)
		fail_msg("row accepted; expected an error in %s: %s", field,
		    row);
	if (rep.nissues != 1)
		fail_msg("expected one issue for %s, got %zu", field,
		    rep.nissues);
	assert_int_equal(rep.issues[0].line, line);
	if (strstr(rep.issues[0].field, field) == NULL &&
	    strstr(rep.issues[0].message, field) == NULL)
		fail_msg("issue names '%s' / '%s', expected %s",
		    rep.issues[0].field, rep.issues[0].message, field);
	assert_int_equal(rep.written, 0);
	mn_import_report_free(&rep);
	assert_int_equal(count_children(f), 0);
}

static void
import_bad_rows_each_refused(void **state)
{
	struct fixture *f = *state;
	char row[1024], future[32];
	struct mn_date today;

	import_classes_ok(f);
	mn_date_today(&today);
	snprintf(future, sizeof future, "01/01/%d", today.year + 1);

	child_row(f, row, sizeof row, "X1", "Phạm Thị Mai", "31/02/2024",
	    NULL, NULL);
	expect_one_issue(f, row, 3, "Ngày sinh");
	child_row(f, row, sizeof row, "X1", "Phạm Thị Mai", future, NULL,
	    NULL);
	expect_one_issue(f, row, 3, "Ngày sinh");
	/* Born four years before: does not fit the 5-6 class. */
	snprintf(future, sizeof future, "14/03/%d", f->y - 3);
	child_row(f, row, sizeof row, "X1", "Phạm Thị Mai", future, "", NULL);
	expect_one_issue(f, row, 3, "Ngày sinh");
	child_row(f, row, sizeof row, "X1", "Phạm Thị Mai", NULL, "12345",
	    NULL);
	expect_one_issue(f, row, 3, "Mã định danh");
	child_row(f, row, sizeof row, "X1", "Phạm Thị Mai", NULL,
	    "00132012345A", NULL);
	expect_one_issue(f, row, 3, "Mã định danh");
	/* Sex digit 2 (male) against Nữ, no reason given. */
	snprintf(future, sizeof future, "0012%02d123456", (f->y - 5) % 100);
	child_row(f, row, sizeof row, "X1", "Phạm Thị Mai", NULL, future,
	    NULL);
	expect_one_issue(f, row, 3, "Mã định danh");
	child_row(f, row, sizeof row, "X1", "Phạm Thị Mai", NULL, NULL,
	    "+44 20 7946 0000");
	expect_one_issue(f, row, 3, "SĐT mẹ");
	child_row(f, row, sizeof row, "X1", "Phạm Thị 2", NULL, NULL, NULL);
	expect_one_issue(f, row, 3, "Họ và tên");
	child_row(f, row, sizeof row, "X1", "\"Phạm Thị\x01Mai\"", NULL, NULL,
	    NULL);
	expect_one_issue(f, row, 3, "Họ và tên");
	/* The same child twice: same name and birth date as line 2. */
	child_row(f, row, sizeof row, "X1", "LÊ THỊ LAN", NULL, NULL, NULL);
	expect_one_issue(f, row, 3, "Họ và tên");
	/* A class that does not exist. */
	child_row(f, row, sizeof row, "X1", "Phạm Thị Mai", NULL, "", NULL);
	{
		char *p = strstr(row, "MG5A");

		memcpy(p, "MG9Z", 4);
	}
	expect_one_issue(f, row, 3, "Lớp");
	/* Too few fields. */
	expect_one_issue(f, "X1,Phạm Thị Mai\r\n", 3, "");
}

static void
import_bad_files_refused(void **state)
{
	struct fixture *f = *state;
	struct mn_import_report rep;
	char row[1024], text[4096];
	const char bad_utf8[] = CHILD_HEADER "X1,Nguy\xea\xd5n An\r\n";

	import_classes_ok(f);
	/* Wrong header: a column renamed. */
	child_row(f, row, sizeof row, "X1", "Lê Thị Lan", NULL, "", NULL);
	snprintf(text, sizeof text, "Mã trẻ,Tên,Ngày sinh\r\n%s", row);
	assert_int_equal(import_text(f, "children", text, NULL, &rep),
	    MN_ERR_INVALID);
	assert_int_equal(rep.nissues, 1);
	assert_int_equal(rep.issues[0].line, 1);
	assert_non_null(strstr(rep.issues[0].message, "Họ và tên"));
	mn_import_report_free(&rep);
	/* Not UTF-8: refused when opened, naming line 2. */
	assert_int_equal(import_text(f, "children", bad_utf8, NULL, &rep),
	    MN_ERR_INVALID);
	/* A quote never closed. */
	snprintf(text, sizeof text, CHILD_HEADER "%sX2,\"Lê Thị Hoa,"
	    "01/01/2021\r\n", row);
	assert_int_equal(import_text(f, "children", text, NULL, &rep),
	    MN_ERR_INVALID);
	assert_true(rep.nissues >= 1);
	assert_non_null(strstr(rep.issues[rep.nissues - 1].message, "3"));
	mn_import_report_free(&rep);
	assert_int_equal(count_children(f), 0);
}

static void
import_dry_run_and_reason(void **state)
{
	struct fixture *f = *state;
	struct mn_import_report rep;
	struct mn_import_opts opts = { 0 };
	char row[1024], text[4096], id[16];

	import_classes_ok(f);
	snprintf(id, sizeof id, "0012%02d123456", (f->y - 5) % 100);
	child_row(f, row, sizeof row, "X1", "Lê Thị Lan", NULL, id, NULL);
	snprintf(text, sizeof text, CHILD_HEADER "%s", row);
	opts.dry_run = true;
	opts.id_reason = "Mã định danh theo giấy khai sinh cũ";
	assert_int_equal(import_text(f, "children", text, &opts, &rep),
	    MN_OK);
	assert_int_equal(rep.written, 0);
	mn_import_report_free(&rep);
	assert_int_equal(count_children(f), 0);
	opts.dry_run = false;
	assert_int_equal(import_text(f, "children", text, &opts, &rep),
	    MN_OK);
	assert_int_equal(rep.written, 1);
	mn_import_report_free(&rep);
	assert_int_equal(count_children(f), 1);
	/* Importing the same file again would duplicate: refused. */
	assert_int_equal(import_text(f, "children", text, &opts, &rep),
	    MN_ERR_INVALID);
	mn_import_report_free(&rep);
	assert_int_equal(count_children(f), 1);
}

static char *
export_csv(struct fixture *f, const char *what, size_t *len)
{
	struct mn_table t;
	struct mn_error err = { 0 };
	char *buf = NULL;
	FILE *out;
	int rc;

	if (strcmp(what, "classes") == 0)
		rc = mn_export_classes(&f->ctx, NULL, NULL, &t, &err);
	else if (strcmp(what, "children") == 0)
		rc = mn_export_children(&f->ctx, NULL, NULL, &t, &err);
	else
		rc = mn_export_staff(&f->ctx, NULL, &t, &err);
	if (rc != MN_OK)
		fail_msg("export %s: %s", what, err.message);
	out = open_memstream(&buf, len);
	assert_non_null(out);
	assert_int_equal(mn_csv_write_table(out, &t, &err), MN_OK);
	fclose(out);
	mn_table_free(&t);
	return buf;
}

static void
round_trip_byte_for_byte(void **state)
{
	struct fixture *f = *state, g;
	struct mn_error err = { 0 };
	struct mn_import_report rep;
	char *classes, *children, *classes2, *children2, *staff, *staff2;
	size_t nclasses, nchildren, nstaff, n2;
	int rc;

	if (mn_demo_registers(&f->ctx, 42, &err) != MN_OK)
		fail_msg("demo: %s", err.message);
	classes = export_csv(f, "classes", &nclasses);
	children = export_csv(f, "children", &nchildren);
	staff = export_csv(f, "staff", &nstaff);
	assert_true(nchildren > 300 * 100);
	assert_memory_equal(children, CHILD_HEADER, strlen(CHILD_HEADER));

	memset(&g, 0, sizeof g);
	test_open_db(&g.ctx, &g.cfg);
	rc = import_text(&g, "classes", classes, NULL, &rep);
	if (rc != MN_OK)
		fail_msg("import classes: %s", rep.nissues ?
		    rep.issues[0].message : "?");
	mn_import_report_free(&rep);
	rc = import_text(&g, "children", children, NULL, &rep);
	if (rc != MN_OK)
		fail_msg("import children: line %zu: %s", rep.nissues ?
		    rep.issues[0].line : 0, rep.nissues ?
		    rep.issues[0].message : "?");
	assert_true(rep.written > 300);
	mn_import_report_free(&rep);
	rc = import_text(&g, "staff", staff, NULL, &rep);
	if (rc != MN_OK)
		fail_msg("import staff: line %zu: %s", rep.nissues ?
		    rep.issues[0].line : 0, rep.nissues ?
		    rep.issues[0].message : "?");
	assert_int_equal(rep.written, 40);
	mn_import_report_free(&rep);
	staff2 = export_csv(&g, "staff", &n2);
	assert_int_equal(n2, nstaff);
	assert_memory_equal(staff2, staff, nstaff);
	free(staff);
	free(staff2);

	classes2 = export_csv(&g, "classes", &n2);
	assert_int_equal(n2, nclasses);
	assert_memory_equal(classes2, classes, nclasses);
	children2 = export_csv(&g, "children", &n2);
	assert_int_equal(n2, nchildren);
	assert_memory_equal(children2, children, nchildren);
	test_close_db(&g.ctx);
	free(classes);
	free(children);
	free(classes2);
	free(children2);
}

static void
demo_same_seed_same_school(void **state)
{
	struct fixture *f = *state, g;
	struct mn_error err = { 0 };
	char *a, *b;
	size_t na, nb;

	assert_int_equal(mn_demo_registers(&f->ctx, 7, &err), MN_OK);
	memset(&g, 0, sizeof g);
	test_open_db(&g.ctx, &g.cfg);
	assert_int_equal(mn_demo_registers(&g.ctx, 7, &err), MN_OK);
	a = export_csv(f, "children", &na);
	b = export_csv(&g, "children", &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	free(a);
	free(b);
	a = export_csv(f, "staff", &na);
	b = export_csv(&g, "staff", &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	free(a);
	free(b);
	test_close_db(&g.ctx);
}

struct names {
	size_t n;
	char first[256];
};

static int
count_names(const struct mn_child *c, void *arg)
{
	struct names *names = arg;

	if (names->n++ == 0)
		snprintf(names->first, sizeof names->first, "%s",
		    c->class_code);
	else if (strcmp(names->first, c->class_code) != 0)
		snprintf(names->first, sizeof names->first, "mixed");
	return 0;
}

static void
demo_teacher_link_scopes(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_child_filter filter = { 0 };
	struct names names = { 0, "" };
	int64_t account = 0;

	assert_int_equal(mn_demo_registers(&f->ctx, 3, &err), MN_OK);
	if (mn_account_add(&f->ctx, "gv.mg5b", MN_ROLE_TEACHER,
	    "Giáo viên lớp Lá", "teacher-password", &account, &err) != MN_OK)
		fail_msg("account: %s", err.message);
	if (mn_demo_link_teacher(&f->ctx, "MG5B", account, &err) != MN_OK)
		fail_msg("%s", err.message);
	f->ctx.actor.account_id = account;
	f->ctx.actor.roles = MN_ROLE_TEACHER;
	assert_int_equal(mn_child_list(&f->ctx, &filter, count_names, &names,
	    &err), MN_OK);
	assert_true(names.n >= 30);
	assert_true(names.n <= 35);
	assert_string_equal(names.first, "MG5B");
}

static void
export_xlsx_written(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_table t;
	char path[512], magic[4] = "";
	FILE *in;

	assert_int_equal(mn_demo_registers(&f->ctx, 5, &err), MN_OK);
	assert_int_equal(mn_export_children(&f->ctx, NULL, "MG4A", &t, &err),
	    MN_OK);
	assert_true(t.nrows >= 28);
	snprintf(path, sizeof path, "%s/children.xlsx", test_tmpdir());
	assert_int_equal(mn_xlsx_write_table(path, &t, &err), MN_OK);
	mn_table_free(&t);
	in = fopen(path, "rb");
	assert_non_null(in);
	assert_int_equal(fread(magic, 1, 4, in), 4);
	fclose(in);
	/* An XLSX file is a ZIP archive. */
	assert_memory_equal(magic, "PK\3\4", 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(import_bad_rows_each_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(import_bad_files_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(import_dry_run_and_reason,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(round_trip_byte_for_byte,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(demo_same_seed_same_school,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(demo_teacher_link_scopes,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(export_xlsx_written, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
