/*
 * Compiles the food CSV file into C source, so the program ships the
 * table without a data file.  Build and run from the top folder:
 *
 *   sh tools/gen_foods_table.sh
 *
 * It uses the same parser and checks as "mamnon import foods", so a bad
 * row fails the generation with the line and field.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/foods.h"

static void
print_string(const char *s)
{
	putchar('"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

int
main(int argc, char **argv)
{
	struct mn_food_list list = { 0 };
	struct mn_error err = { 0 };

	if (argc != 2) {
		fprintf(stderr,
		    "usage: gen_foods_table FOODS.csv > foods_table.c\n");
		return 2;
	}
	mn_set_language(MN_LANG_EN);
	if (mn_foods_parse_file(argv[1], &list, &err) != MN_OK) {
		fprintf(stderr, "gen_foods_table: %s: %s\n", argv[1],
		    err.message);
		return 1;
	}
	printf("/*\n * Generated from data/foods/foods.csv by "
	    "tools/gen_foods_table.sh; do not edit.\n"
	    " * Values: Viện Dinh dưỡng (National Institute of Nutrition, "
	    "Ministry of\n * Health, Vietnam), Bảng thành phần thực phẩm "
	    "Việt Nam, NXB Y học, 2007.\n */\n");
	printf("#include \"core/foods.h\"\n\n");
	printf("static const struct mn_food table[] = {\n");
	for (size_t i = 0; i < list.count; i++) {
		const struct mn_food *f = &list.items[i];

		printf("\t{ %d, ", f->code);
		print_string(f->name);
		printf(", %d, %s, %.10g,\n\t    {", f->group,
		    f->animal ? "true" : "false", f->refuse_pct);
		for (int n = 0; n < MN_NUT_COUNT; n++)
			printf(" %.10g%s", f->value[n],
			    n + 1 < MN_NUT_COUNT ? "," : "");
		printf(" },\n\t    0x%x, ", f->known);
		print_string(f->purchase_unit);
		printf(", %.10g },\n", f->unit_grams);
	}
	printf("};\n\n");
	printf("const struct mn_food *\nmn_foods_builtin(size_t *count)\n"
	    "{\n\t*count = sizeof table / sizeof table[0];\n"
	    "\treturn table;\n}\n");
	mn_food_list_free(&list);
	return 0;
}
