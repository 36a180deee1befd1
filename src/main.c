/*
 * mamnon: kindergarten management over SSH.
 *
 * With no subcommand it opens the terminal interface at the login
 * screen; with one it runs that command on the host.  See mamnon(1).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "cli/cli.h"
#include "cli/cli_ops.h"
#include "core/account.h"
#include "core/config.h"
#include "core/db.h"
#include "core/text.h"
#include "tui/tui.h"

static void
usage(FILE *out)
{
	fputs(T(
"usage: mamnon [-c FILE] [--login LOGIN]     open the terminal interface\n"
"       mamnon [-c FILE] COMMAND [ARGS]      run a command on the host\n"
"\n"
"Commands:\n"
"  init --admin LOGIN --password-stdin    create the database and its admin\n"
"  user add LOGIN --role ROLE[,ROLE...] [--name \"FULL NAME\"] "
"--password-stdin\n"
"  user list | user passwd LOGIN --password-stdin\n"
"  user lock LOGIN | user unlock LOGIN\n"
"  demo [--seed N] --password-stdin       fill a new database with a demo "
"school\n"
"  export classes|children|staff|growth|menu|nutrition|market|mealfees ...\n"
"                                         write records as CSV or XLSX\n"
"  import classes|children|staff|foods FILE.csv [--dry-run]\n"
"  dish list | dish show NAME             the kitchen's dishes\n"
"  price list CODE | price set CODE YYYY-MM-DD DONG\n"
"                                         a food's prices by date\n"
"  approval add --data KIND --purpose TEXT --until YYYY-MM-DD\n"
"      --principal LOGIN --password-stdin  approve a use of personal data\n"
"  approval list\n"
"  audit [--account LOGIN] [--child CODE] [--from DATE] [--to DATE]\n"
"      [--format csv]                     browse the audit trail\n"
"  parent add LOGIN --child CODE[,CODE] [--name N] --password-stdin\n"
"  parent link LOGIN --child CODE\n"
"  promote --from YYYY-YYYY --to YYYY-YYYY [--apply]\n"
"                                         move classes up to a new school "
"year\n"
"  backup [-o FILE] | restore FILE | check  backups and permission checks\n"
"  give LOGIN FILE [--name NAME]           hand a file to an account\n"
"  get CODE > FILE                         fetch an export by its code\n"
"  zscore --sex M|F --birth DATE --date DATE [--weight KG] [--height CM]\n"
"                                         WHO z-scores of one measurement\n"
"\n"
"Options:\n"
"  -c, --config FILE   settings file (default $MAMNON_CONFIG, else\n"
"                      /etc/mamnon/mamnon.ini)\n"
"  -l, --login LOGIN   the account an SSH key is bound to\n"
"      --ssh           run as sshd's forced command: the terminal interface,\n"
"                      or 'get CODE' when the client asks for it\n"
"  -h, --help          show this help\n"
"  -V, --version       show the version\n"
"\n"
"Exit status: 0 success, 1 failure, 2 bad usage.  See mamnon(1).\n",
"cách dùng: mamnon [-c TỆP] [--login TÊN]      mở giao diện terminal\n"
"           mamnon [-c TỆP] LỆNH [THAM SỐ]     chạy một lệnh trên máy chủ\n"
"\n"
"Lệnh:\n"
"  init --admin TÊN --password-stdin      tạo cơ sở dữ liệu và quản trị\n"
"  user add TÊN --role VAI_TRÒ[,VAI_TRÒ...] [--name \"HỌ TÊN\"] "
"--password-stdin\n"
"  user list | user passwd TÊN --password-stdin\n"
"  user lock TÊN | user unlock TÊN\n"
"  demo [--seed N] --password-stdin       tạo dữ liệu trường mẫu\n"
"  export classes|children|staff|growth|menu|nutrition|market|mealfees ...\n"
"                                         xuất dữ liệu ra CSV hoặc XLSX\n"
"  import classes|children|staff|foods TỆP.csv [--dry-run]\n"
"  dish list | dish show TÊN_MÓN          các món ăn của bếp\n"
"  price list MÃ | price set MÃ YYYY-MM-DD ĐỒNG\n"
"                                         giá thực phẩm theo ngày\n"
"  approval add --data LOẠI --purpose MỤC_ĐÍCH --until YYYY-MM-DD\n"
"      --principal TÊN --password-stdin    phê duyệt sử dụng dữ liệu cá nhân\n"
"  approval list\n"
"  audit [--account TÊN] [--child MÃ] [--from NGÀY] [--to NGÀY]\n"
"      [--format csv]                     xem nhật ký truy cập\n"
"  parent add TÊN --child MÃ[,MÃ] [--name HỌ_TÊN] --password-stdin\n"
"  parent link TÊN --child MÃ\n"
"  promote --from YYYY-YYYY --to YYYY-YYYY [--apply]\n"
"                                         lên lớp cho năm học mới\n"
"  backup [-o TỆP] | restore TỆP | check   sao lưu và kiểm tra quyền tệp\n"
"  give TÊN TỆP [--name TÊN_TỆP]           chuyển một tệp cho tài khoản\n"
"  get MÃ > TỆP                            lấy tệp xuất bằng mã\n"
"  zscore --sex M|F --birth NGÀY --date NGÀY [--weight KG] [--height CM]\n"
"                                         chỉ số Z theo WHO của một lần đo\n"
"\n"
"Tùy chọn:\n"
"  -c, --config TỆP    tệp cấu hình (mặc định $MAMNON_CONFIG, hoặc\n"
"                      /etc/mamnon/mamnon.ini)\n"
"  -l, --login TÊN     tài khoản gắn với khóa SSH\n"
"      --ssh           chạy như lệnh bắt buộc của sshd: giao diện terminal,\n"
"                      hoặc 'get MÃ' khi máy khách yêu cầu\n"
"  -h, --help          xem hướng dẫn này\n"
"  -V, --version       xem phiên bản\n"
"\n"
"Mã thoát: 0 thành công, 1 thất bại, 2 sai cách dùng.  Xem mamnon(1).\n"),
	    out);
}

/* The interface language before any config is read comes from LANG. */
static void
guess_language(void)
{
	const char *lang = getenv("LC_ALL");

	if (lang == NULL || *lang == '\0')
		lang = getenv("LANG");
	if (lang != NULL && strncmp(lang, "en", 2) == 0)
		mn_set_language(MN_LANG_EN);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "login", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "ssh", no_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	static struct mn_config cfg;
	struct mn_ctx ctx = { 0 };
	struct mn_error err = { 0 };
	const char *config_option = NULL, *login = NULL;
	bool ssh = false;
	int c, rc;

	tui_setup_locale();
	guess_language();
	while ((c = getopt_long(argc, argv, "+c:l:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config_option = optarg;
			break;
		case 'l':
			login = optarg;
			break;
		case 'h':
			usage(stdout);
			return CLI_OK;
		case 'V':
			printf("mamnon %s\n", MN_VERSION);
			return CLI_OK;
		case 'S':
			ssh = true;
			break;
		default:
			usage(stderr);
			return CLI_USAGE;
		}
	}
	argc -= optind;
	argv += optind;

	/* sshd passes the client's command in SSH_ORIGINAL_COMMAND. */
	if (ssh && argc > 0)
		return cli_usage(argv[0], "--ssh: %s", T("takes no command",
		    "không nhận lệnh"));

	if (argc > 0 && !cli_command_known(argv[0]))
		return cli_usage(argv[0], T("unknown command",
		    "không có lệnh này"));
	if (argc > 0 && cli_needs_no_config(argv[0]))
		return cli_dispatch(&ctx, argc, argv);

	mn_config_defaults(&cfg);
	if (mn_config_load(&cfg, mn_config_path(config_option), &err) !=
	    MN_OK) {
		fprintf(stderr, "mamnon: %s\n", err.message);
		return CLI_FAIL;
	}
	mn_config_apply_timezone(&cfg);
	openlog("mamnon", LOG_PID, cfg.log_facility);
	ctx.cfg = &cfg;

	if (ssh) {
		rc = cli_ssh_entry(&ctx, login);
		closelog();
		return rc;
	}
	if (argc > 0) {
		if (login != NULL)
			return cli_usage(argv[0], "--login %s", T("is only for "
			    "the terminal interface", "chỉ dùng cho giao diện "
			    "terminal"));
		rc = cli_dispatch(&ctx, argc, argv);
		closelog();
		return rc;
	}

	if (login != NULL && mn_valid_login(login, &err) != MN_OK) {
		fprintf(stderr, "mamnon: --login: %s\n", err.message);
		return CLI_USAGE;
	}
	if (mn_db_open(cfg.db_path, &ctx.db, &err) != MN_OK) {
		fprintf(stderr, "mamnon: %s\n", err.message);
		return CLI_FAIL;
	}
	mn_actor_set_source(&ctx.actor);
	rc = tui_run(&ctx, login);
	mn_db_close(ctx.db);
	closelog();
	return rc;
}
