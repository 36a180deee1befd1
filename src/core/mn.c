/*
 * Error records, the interface language and role names.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/mn.h"

static enum mn_lang current_language = MN_LANG_VI;

int
mn_fail(struct mn_error *err, int status, const char *field,
    const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return status;
	err->status = status;
	snprintf(err->field, sizeof err->field, "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return status;
}

void
mn_error_clear(struct mn_error *err)
{
	if (err != NULL)
		memset(err, 0, sizeof *err);
}

void
mn_set_language(enum mn_lang lang)
{
	current_language = lang;
}

enum mn_lang
mn_language(void)
{
	return current_language;
}

const char *
mn_pick(const char *en, const char *vi)
{
	return current_language == MN_LANG_EN ? en : vi;
}

static const struct {
	unsigned role;
	const char *name;
	const char *en;
	const char *vi;
} roles[MN_ROLE_COUNT] = {
	{ MN_ROLE_ADMIN, "admin", "administrator", "quản trị" },
	{ MN_ROLE_PRINCIPAL, "principal", "principal", "hiệu trưởng" },
	{ MN_ROLE_TEACHER, "teacher", "teacher", "giáo viên" },
	{ MN_ROLE_NURSE, "nurse", "nurse", "nhân viên y tế" },
	{ MN_ROLE_KITCHEN, "kitchen", "kitchen", "nhà bếp" },
	{ MN_ROLE_ACCOUNTANT, "accountant", "accountant", "kế toán" },
	{ MN_ROLE_CLERK, "clerk", "clerk", "văn thư" },
	{ MN_ROLE_PARENT, "parent", "parent", "phụ huynh" },
};

const char *
mn_role_name(unsigned role)
{
	for (size_t i = 0; i < MN_ROLE_COUNT; i++)
		if (roles[i].role == role)
			return roles[i].name;
	return NULL;
}

const char *
mn_role_label(unsigned role)
{
	if (role == MN_ROLE_HOST)
		return T("host administrator", "quản trị máy chủ");
	for (size_t i = 0; i < MN_ROLE_COUNT; i++)
		if (roles[i].role == role)
			return mn_pick(roles[i].en, roles[i].vi);
	return "?";
}

int
mn_roles_parse(const char *list, unsigned *out, struct mn_error *err)
{
	unsigned set = 0;
	const char *p = list;

	if (list == NULL || *list == '\0')
		return mn_fail(err, MN_ERR_INVALID, "role",
		    T("role: missing; expected one or more of admin, "
		    "principal, teacher, nurse, kitchen, accountant, clerk, "
		    "parent separated by commas",
		    "vai trò: bị thiếu; cần một hoặc nhiều giá trị admin, "
		    "principal, teacher, nurse, kitchen, accountant, clerk, "
		    "parent, cách nhau bởi dấu phẩy"));
	while (*p != '\0') {
		size_t len = strcspn(p, ",");
		unsigned found = 0;

		for (size_t i = 0; i < MN_ROLE_COUNT; i++)
			if (strlen(roles[i].name) == len &&
			    strncmp(roles[i].name, p, len) == 0)
				found = roles[i].role;
		if (found == 0)
			return mn_fail(err, MN_ERR_INVALID, "role",
			    T("role: unknown role '%.*s'; expected admin, "
			    "principal, teacher, nurse, kitchen, accountant, "
			    "clerk or parent",
			    "vai trò: không có vai trò '%.*s'; cần admin, "
			    "principal, teacher, nurse, kitchen, accountant, "
			    "clerk hoặc parent"),
			    (int)(len > 32 ? 32 : len), p);
		set |= found;
		p += len;
		if (*p == ',')
			p++;
	}
	*out = set;
	return MN_OK;
}

void
mn_roles_format(unsigned set, char *buf, size_t size)
{
	size_t used = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < MN_ROLE_COUNT; i++) {
		if (!(set & roles[i].role))
			continue;
		int n = snprintf(buf + used, size - used, "%s%s",
		    used ? "," : "", roles[i].name);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}
