/*
 * `mamnon zscore --sex M|F --birth YYYY-MM-DD --date YYYY-MM-DD
 *  [--weight KG] [--height CM] [--measured lying|standing] [--lang vi|en]`
 *
 * Prints one line per indicator (wfa, lhfa, wflh, bfa): the z-score to 2
 * decimals or "-", "ok", "flag" or the reason it was not computed, and the
 * classification.  Needs no configuration and no database, so a nurse can
 * check a child by hand and scripts can compare against other software.
 */
#include <getopt.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli_zscore.h"
#include "core/date.h"
#include "core/growth.h"

#define EXIT_USAGE 2

/* Upper bounds that catch typing errors (grams for kg, mm for cm). */
#define MAX_WEIGHT_KG 300.0
#define MAX_HEIGHT_CM 250.0

struct zscore_args {
	bool help;
	const char *sex;
	const char *birth;
	const char *date;
	const char *weight;
	const char *height;
	const char *measured;
	const char *lang;
};

/*
 * Picks the message for the interface language, as T() does, and lets the
 * compiler check the arguments against the English format.
 */
static const char *
format_text(const char *en, const char *vi) __attribute__((format_arg(1)));

static const char *
format_text(const char *en, const char *vi)
{
	return T(en, vi);
}

static void
usage(FILE *out)
{
	fprintf(out, "%s", T(
	    "usage: mamnon zscore --sex M|F --birth YYYY-MM-DD "
	    "--date YYYY-MM-DD\n"
	    "           [--weight KG] [--height CM] "
	    "[--measured lying|standing] [--lang vi|en]\n",
	    "cách dùng: mamnon zscore --sex M|F --birth YYYY-MM-DD "
	    "--date YYYY-MM-DD\n"
	    "           [--weight KG] [--height CM] "
	    "[--measured lying|standing] [--lang vi|en]\n"));
}

static void
help(void)
{
	usage(stdout);
	printf("%s", T(
	    "\nPrints the WHO z-scores of one measurement, one line per "
	    "indicator:\nname, z (2 decimals) or -, ok / flag (implausible, "
	    "measure again) or the\nreason it was not computed, then the "
	    "classification.\n\n"
	    "  --sex M|F          M for a boy, F for a girl\n"
	    "  --birth DATE       birth date, YYYY-MM-DD\n"
	    "  --date DATE        measurement date, YYYY-MM-DD\n"
	    "  --weight KG        weight in kg, e.g. 12.5\n"
	    "  --height CM        length or height in cm, e.g. 87.4\n"
	    "  --measured HOW     lying or standing; default lying below 24 "
	    "months,\n                     standing from 24 months\n"
	    "  --lang vi|en       language of the labels (default vi)\n\n"
	    "Source: WHO Child Growth Standards 2006 (to 1856 days) / "
	    "WHO Growth\nReference 2007 (61 to 228 months).\n",
	    "\nIn chỉ số Z theo WHO của một lần đo, mỗi chỉ số một dòng:\n"
	    "tên, Z (2 chữ số thập phân) hoặc -, ok / flag (bất thường, "
	    "cần đo lại)\nhoặc lý do không tính được, rồi phân loại.\n\n"
	    "  --sex M|F          M là bé trai, F là bé gái\n"
	    "  --birth DATE       ngày sinh, YYYY-MM-DD\n"
	    "  --date DATE        ngày đo, YYYY-MM-DD\n"
	    "  --weight KG        cân nặng (kg), ví dụ 12.5\n"
	    "  --height CM        chiều dài hoặc chiều cao (cm), ví dụ 87.4\n"
	    "  --measured HOW     lying (nằm) hoặc standing (đứng); mặc định "
	    "nằm khi\n                     dưới 24 tháng, đứng từ 24 tháng\n"
	    "  --lang vi|en       ngôn ngữ của nhãn (mặc định vi)\n\n"
	    "Nguồn: WHO Child Growth Standards 2006 (đến 1856 ngày tuổi) / "
	    "WHO Growth\nReference 2007 (61 đến 228 tháng).\n"));
}

static int
bad_option(const char *option, const char *value, const char *expected)
{
	fprintf(stderr, format_text(
	    "mamnon zscore: %s: invalid value \"%s\"; expected %s\n",
	    "mamnon zscore: %s: giá trị \"%s\" không hợp lệ; cần %s\n"),
	    option, value, expected);
	return EXIT_USAGE;
}

static int
missing_option(const char *option, const char *expected)
{
	fprintf(stderr, format_text(
	    "mamnon zscore: %s is missing; expected %s\n",
	    "mamnon zscore: thiếu %s; cần %s\n"), option, expected);
	usage(stderr);
	return EXIT_USAGE;
}

/*
 * Parses a positive decimal number; a comma is accepted as the decimal
 * separator, as Vietnamese forms write it.  The caller has set the C
 * numeric locale.
 */
static bool
parse_amount(const char *text, double max, double *value)
{
	char buf[64], *end;
	size_t len = strlen(text);

	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, text, len + 1);
	for (char *p = buf; *p != '\0'; p++)
		if (*p == ',')
			*p = '.';
	if (strspn(buf, "0123456789.") != len)
		return false;
	*value = strtod(buf, &end);
	return *end == '\0' && isfinite(*value) && *value > 0 &&
	    *value <= max;
}

static bool
parse_date(const char *text, const char *option, long *days)
{
	struct mn_date d;
	struct mn_error err;

	mn_error_clear(&err);
	if (mn_date_parse_iso(text, option, &d, &err) != MN_OK)
		return false;
	*days = mn_date_to_days(&d);
	return true;
}

/* Stores the options in args; returns -1 to go on, else an exit status. */
static int
read_options(int argc, char **argv, struct zscore_args *args)
{
	static const struct option options[] = {
		{ "sex", required_argument, NULL, 's' },
		{ "birth", required_argument, NULL, 'b' },
		{ "date", required_argument, NULL, 'd' },
		{ "weight", required_argument, NULL, 'w' },
		{ "height", required_argument, NULL, 'H' },
		{ "measured", required_argument, NULL, 'm' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	memset(args, 0, sizeof *args);
	optind = 0;	/* glibc: restart scanning, argv[0] is the command */
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (ch) {
		case 's':
			args->sex = optarg;
			break;
		case 'b':
			args->birth = optarg;
			break;
		case 'd':
			args->date = optarg;
			break;
		case 'w':
			args->weight = optarg;
			break;
		case 'H':
			args->height = optarg;
			break;
		case 'm':
			args->measured = optarg;
			break;
		case 'l':
			args->lang = optarg;
			break;
		case 'h':
			args->help = true;
			break;
		case ':':
			fprintf(stderr, format_text(
			    "mamnon zscore: %s needs a value\n",
			    "mamnon zscore: %s cần một giá trị\n"),
			    argv[optind - 1]);
			usage(stderr);
			return EXIT_USAGE;
		default:
			fprintf(stderr, format_text(
			    "mamnon zscore: unknown option %s\n",
			    "mamnon zscore: không có tùy chọn %s\n"),
			    argv[optind - 1]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, format_text(
		    "mamnon zscore: unexpected argument \"%s\"\n",
		    "mamnon zscore: thừa tham số \"%s\"\n"), argv[optind]);
		usage(stderr);
		return EXIT_USAGE;
	}
	return -1;
}

/* Checks every option and computes; the C numeric locale is in effect. */
static int
run(const struct zscore_args *args)
{
	struct mn_zscore z[MN_INDICATOR_COUNT];
	double weight = 0, height = 0;
	long birth, date, age;
	bool lying;
	int sex;
	char line[512];

	if (args->sex == NULL)
		return missing_option("--sex", T("M or F", "M hoặc F"));
	if (strcasecmp(args->sex, "M") == 0)
		sex = 1;
	else if (strcasecmp(args->sex, "F") == 0)
		sex = 2;
	else
		return bad_option("--sex", args->sex, T("M or F", "M hoặc F"));

	if (args->birth == NULL)
		return missing_option("--birth", "YYYY-MM-DD");
	if (!parse_date(args->birth, "--birth", &birth))
		return bad_option("--birth", args->birth,
		    T("a date YYYY-MM-DD", "ngày dạng YYYY-MM-DD"));
	if (args->date == NULL)
		return missing_option("--date", "YYYY-MM-DD");
	if (!parse_date(args->date, "--date", &date))
		return bad_option("--date", args->date,
		    T("a date YYYY-MM-DD", "ngày dạng YYYY-MM-DD"));
	age = date - birth;
	if (age < 0)
		return bad_option("--date", args->date,
		    T("a date on or after --birth",
		    "ngày từ --birth trở về sau"));

	if (args->weight == NULL && args->height == NULL)
		return missing_option("--weight / --height",
		    T("at least one of them", "ít nhất một trong hai"));
	if (args->weight != NULL &&
	    !parse_amount(args->weight, MAX_WEIGHT_KG, &weight))
		return bad_option("--weight", args->weight,
		    T("a weight in kg above 0 and at most 300, e.g. 12.5",
		    "cân nặng (kg) trên 0 và tối đa 300, ví dụ 12.5"));
	if (args->height != NULL &&
	    !parse_amount(args->height, MAX_HEIGHT_CM, &height))
		return bad_option("--height", args->height,
		    T("a length or height in cm above 0 and at most 250, "
		    "e.g. 87.4", "chiều dài hoặc chiều cao (cm) trên 0 và "
		    "tối đa 250, ví dụ 87.4"));

	if (args->measured == NULL)
		lying = age < MN_GROWTH_HEIGHT_FROM_DAYS;
	else if (strcmp(args->measured, "lying") == 0)
		lying = true;
	else if (strcmp(args->measured, "standing") == 0)
		lying = false;
	else
		return bad_option("--measured", args->measured,
		    T("lying or standing", "lying hoặc standing"));

	mn_growth_zscores(sex, age, weight, height, lying, z);
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		mn_growth_format_line(i, &z[i], line, sizeof line);
		printf("%s\n", line);
	}
	return fflush(stdout) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
cli_zscore(int argc, char **argv)
{
	struct zscore_args args;
	locale_t base, c_numeric, previous;
	int status;

	status = read_options(argc, argv, &args);
	if (status >= 0)
		return status;
	if (args.lang != NULL) {
		if (strcmp(args.lang, "vi") == 0)
			mn_set_language(MN_LANG_VI);
		else if (strcmp(args.lang, "en") == 0)
			mn_set_language(MN_LANG_EN);
		else
			return bad_option("--lang", args.lang, "vi / en");
	}
	if (args.help) {
		help();
		return EXIT_SUCCESS;
	}

	/* Decimal points in input and output, regardless of LC_NUMERIC. */
	base = duplocale(LC_GLOBAL_LOCALE);
	c_numeric = base == (locale_t)0 ? (locale_t)0 :
	    newlocale(LC_NUMERIC_MASK, "C", base);
	if (c_numeric == (locale_t)0) {
		perror("mamnon zscore: newlocale");
		if (base != (locale_t)0)
			freelocale(base);
		return EXIT_FAILURE;
	}
	previous = uselocale(c_numeric);
	status = run(&args);
	uselocale(previous);
	freelocale(c_numeric);
	return status;
}
