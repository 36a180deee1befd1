/*
 * Register exports (tables for CSV or XLSX) and CSV imports of classes,
 * children and staff.  An import reads what the export writes: it
 * checks every row first and writes nothing unless all rows are valid,
 * then writes them all in one transaction.
 *
 * Columns (header text exactly as below, one header row, dates
 * dd/mm/yyyy, list order):
 *   classes:  Mã lớp, Tên lớp, Nhóm tuổi, Năm học, Phòng, Sĩ số tối đa
 *             (Nhóm tuổi is the age group label; classes by code)
 *   children: Mã trẻ, Họ và tên, Ngày sinh, Giới tính, Dân tộc,
 *             Mã định danh, Nơi sinh, Địa chỉ, Lớp, Ngày nhập học,
 *             Trạng thái, Họ tên cha, SĐT cha, Họ tên mẹ, SĐT mẹ,
 *             Người giám hộ, SĐT người giám hộ, Đối tượng chính sách,
 *             Dị ứng, Bệnh mãn tính
 *             (Lớp is the class code; policy categories are labels
 *             separated by "; "; rows by class code, then name order)
 *   staff:    Mã cán bộ, Họ và tên, Ngày sinh, Giới tính, Chức vụ,
 *             Trình độ chuyên môn, Bồi dưỡng, Điện thoại,
 *             Ngày vào trường, Loại hợp đồng, Tài khoản, Lớp phụ trách
 *             (Tài khoản is the login; Lớp phụ trách lists class codes
 *             of the school year separated by ", "; rows in name order)
 */
#ifndef MN_CORE_REG_IO_H
#define MN_CORE_REG_IO_H

#include "core/csv.h"
#include "core/mn.h"
#include "core/table.h"

#define MN_CLASS_COLUMNS 6
#define MN_CHILD_COLUMNS 20
#define MN_STAFF_COLUMNS 12

extern const char *const mn_class_columns[MN_CLASS_COLUMNS];
extern const char *const mn_child_columns[MN_CHILD_COLUMNS];
extern const char *const mn_staff_columns[MN_STAFF_COLUMNS];

/*
 * Fills t (initialised here) with the rows the actor may see.  year is a
 * school year name or NULL for the current one; class_code NULL for all
 * classes.  Each export writes one "export" audit row.
 */
int mn_export_classes(struct mn_ctx *ctx, const char *year,
    const char *class_code, struct mn_table *t, struct mn_error *err);
int mn_export_children(struct mn_ctx *ctx, const char *year,
    const char *class_code, struct mn_table *t, struct mn_error *err);
int mn_export_staff(struct mn_ctx *ctx, const char *year,
    struct mn_table *t, struct mn_error *err);

struct mn_import_issue {
	size_t line;
	char field[64];
	char message[512];
};

struct mn_import_report {
	size_t rows;		/* data rows read */
	size_t written;		/* rows written (0 on a dry run) */
	struct mn_import_issue *issues;
	size_t nissues;
};

struct mn_import_opts {
	const char *year;	/* school year name; NULL: current */
	bool dry_run;		/* check only */
	/* Accept birth dates outside the class's age group (principal). */
	bool override;
	/* Reason recorded for IDs that disagree with sex or birth year. */
	const char *id_reason;
};

/*
 * Imports the rows of r.  Returns MN_OK when every row was valid (and
 * written unless dry_run), MN_ERR_INVALID when report lists bad rows
 * (nothing written), or another status with err filled.
 */
int mn_import_classes(struct mn_ctx *ctx, struct mn_csv_reader *r,
    const struct mn_import_opts *opts, struct mn_import_report *report,
    struct mn_error *err);
int mn_import_children(struct mn_ctx *ctx, struct mn_csv_reader *r,
    const struct mn_import_opts *opts, struct mn_import_report *report,
    struct mn_error *err);
int mn_import_staff(struct mn_ctx *ctx, struct mn_csv_reader *r,
    const struct mn_import_opts *opts, struct mn_import_report *report,
    struct mn_error *err);
void mn_import_report_free(struct mn_import_report *report);

#endif
