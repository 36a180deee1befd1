/*
 * Demo registers: a plausible school for trying the program, built from
 * a seed so that the same seed on the same day gives the same school.
 * Names, phones, IDs and addresses are invented.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>

#include "core/demo.h"
#include "core/demo_registers.h"
#include "core/reg_util.h"
#include "core/registers.h"

static unsigned
rng_below(struct mn_rng *r, unsigned n)
{
	return n ? mn_rng_below(r, n) : 0;
}

#define PICK(r, arr) ((arr)[rng_below((r), sizeof (arr) / sizeof (arr)[0])])

struct weighted {
	const char *name;
	unsigned weight;
};

/*
 * Approximate shares (per mille) of the most common family names;
 * Nguyễn alone is close to 40 % of the population.
 */
static const struct weighted family_names[] = {
	{ "Nguyễn", 380 }, { "Trần", 110 }, { "Lê", 95 }, { "Phạm", 70 },
	{ "Hoàng", 40 }, { "Huỳnh", 30 }, { "Phan", 45 }, { "Vũ", 30 },
	{ "Võ", 25 }, { "Đặng", 21 }, { "Bùi", 20 }, { "Đỗ", 14 },
	{ "Hồ", 13 }, { "Ngô", 13 }, { "Dương", 10 }, { "Lý", 5 },
};

static const char *const boy_middle[] = {
	"Văn", "Minh", "Đức", "Quang", "Hoàng", "Gia", "Bảo", "Anh", "Tuấn",
	"Hữu", "Thành", "Nhật", "Đăng", "Trọng", "Khánh",
};
static const char *const girl_middle[] = {
	"Thị", "Ngọc", "Thu", "Bảo", "Khánh", "Minh", "Phương", "Thảo",
	"Hà", "Mai", "Diệu", "Gia", "Tường", "Thanh", "Kim",
};
static const char *const boy_given[] = {
	"An", "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức",
	"Hải", "Hiếu", "Hoàng", "Huy", "Hùng", "Khang", "Khánh", "Khoa",
	"Kiên", "Lâm", "Long", "Minh", "Nam", "Nhân", "Phát", "Phong",
	"Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thịnh", "Tiến", "Trí",
	"Trung", "Tùng", "Vinh", "Việt", "Vũ",
};
static const char *const girl_given[] = {
	"An", "Anh", "Ánh", "Châu", "Chi", "Diệp", "Giang", "Hà", "Hân",
	"Hằng", "Hạnh", "Hoa", "Huyền", "Hương", "Lan", "Linh", "Loan", "Ly",
	"Mai", "My", "Ngân", "Ngọc", "Nhi", "Nhung", "Oanh", "Phương",
	"Quỳnh", "Thảo", "Thư", "Trang", "Trâm", "Tú", "Uyên", "Vy", "Yến",
};

/* Minority groups in the demo, with the child's usual place of birth. */
struct minority {
	const char *code;
	unsigned weight;	/* per mille of all children */
	const char *birth_place;
	const char *const *families;
	size_t nfamilies;
};

static const char *const north_families[] = {
	"Nông", "Bế", "Lò", "Hà", "Đinh", "Quách", "Lường", "Vi", "Sầm",
};
static const char *const ede_families[] = {
	"Niê", "Êban", "Mlô", "Byă", "Ktla", "Ênuôl",
};
static const char *const mong_families[] = {
	"Giàng", "Sùng", "Vàng", "Thào", "Hầu",
};
static const char *const khmer_families[] = {
	"Thạch", "Danh", "Sơn", "Kim",
};

#define LIST(a) (a), (sizeof (a) / sizeof (a)[0])
static const struct minority minorities[] = {
	{ "02", 20, "Lạng Sơn", LIST(north_families) },		/* Tày */
	{ "06", 15, "Phú Thọ", LIST(north_families) },		/* Mường */
	{ "03", 10, "Sơn La", LIST(north_families) },		/* Thái */
	{ "07", 10, "Cao Bằng", LIST(north_families) },		/* Nùng */
	{ "08", 10, "Tuyên Quang", LIST(mong_families) },	/* Mông */
	{ "12", 10, "Đắk Lắk", LIST(ede_families) },		/* Ê-đê */
	{ "05", 5, "Cần Thơ", LIST(khmer_families) },		/* Khơ-me */
};

static const char *const mong_boys[] = { "Páo", "Dình", "Sử", "Chứ",
	"Lử" };
static const char *const mong_girls[] = { "Mai", "Dua", "Pằng", "Súa",
	"Mỷ" };
static const char *const ede_given[] = { "Hen", "Bia", "Moan", "Khoa",
	"Blŭ", "Duôn", "Rin", "Tlam" };

static const char *const streets[] = {
	"phố Trần Duy Hưng", "phố Nguyễn Khang", "phố Dương Đình Nghệ",
	"phố Trung Kính", "phố Hoàng Quốc Việt", "ngõ 68 Cầu Giấy",
	"phố Mạc Thái Tổ", "phố Nguyễn Văn Huyên", "phố Trần Đăng Ninh",
	"phố Quan Hoa",
};
static const char *const wards[] = {
	"phường Cầu Giấy", "phường Yên Hòa", "phường Nghĩa Đô",
	"phường Phú Diễn",
};
static const char *const other_birth_places[] = {
	"Nam Định", "Thái Bình", "Hải Phòng", "Nghệ An", "Thanh Hóa",
	"Bắc Ninh", "Hưng Yên",
};
static const char *const mobile_prefixes[] = {
	"090", "091", "093", "094", "096", "097", "098", "086", "088", "032",
	"033", "035", "037", "039", "070", "077", "081", "083", "085",
};
static const char *const allergy_list[] = {
	"Sữa bò", "Tôm, cua", "Trứng gà", "Lạc (đậu phộng)", "Hải sản",
	"Đậu nành",
};
static const char *const chronic_list[] = {
	"Hen phế quản", "Viêm da cơ địa", "Tim bẩm sinh (đã phẫu thuật)",
	"Động kinh (đang điều trị)",
};
static const char *const policy_list[] = { "08", "09", "04", "06",
	"01", "05" };

struct demo_class {
	const char *code;
	const char *name;
	const char *age_group;
	int capacity;
};

/* 13 classes over the six age groups, at the legal maximum size. */
static const struct demo_class demo_classes[] = {
	{ "NT1A", "Nhóm trẻ 3-12 tháng A", "nt-3-12", 15 },
	{ "NT2A", "Nhóm trẻ 12-24 tháng A", "nt-12-24", 20 },
	{ "NT3A", "Nhóm trẻ 24-36 tháng A", "nt-24-36", 25 },
	{ "NT3B", "Nhóm trẻ 24-36 tháng B", "nt-24-36", 25 },
	{ "MG3A", "Lớp Mầm 3A", "mg-3-4", 25 },
	{ "MG3B", "Lớp Mầm 3B", "mg-3-4", 25 },
	{ "MG4A", "Lớp Chồi 4A", "mg-4-5", 30 },
	{ "MG4B", "Lớp Chồi 4B", "mg-4-5", 30 },
	{ "MG4C", "Lớp Chồi 4C", "mg-4-5", 30 },
	{ "MG5A", "Lớp Lá 5A", "mg-5-6", 35 },
	{ "MG5B", "Lớp Lá 5B", "mg-5-6", 35 },
	{ "MG5C", "Lớp Lá 5C", "mg-5-6", 35 },
	{ "MG5D", "Lớp Lá 5D", "mg-5-6", 35 },
};
#define NCLASSES (sizeof demo_classes / sizeof demo_classes[0])

/* School year start minus birth year for each class's age group. */
static int
birth_offset(const char *age_group)
{
	if (strcmp(age_group, "mg-5-6") == 0)
		return 5;
	if (strcmp(age_group, "mg-4-5") == 0)
		return 4;
	if (strcmp(age_group, "mg-3-4") == 0)
		return 3;
	if (strcmp(age_group, "nt-24-36") == 0)
		return 2;
	if (strcmp(age_group, "nt-12-24") == 0)
		return 1;
	return 0;
}

static const char *
pick_family(struct mn_rng *r)
{
	unsigned total = 0, x;

	for (size_t i = 0; i < sizeof family_names / sizeof *family_names;
	    i++)
		total += family_names[i].weight;
	x = rng_below(r, total);
	for (size_t i = 0; i < sizeof family_names / sizeof *family_names;
	    i++) {
		if (x < family_names[i].weight)
			return family_names[i].name;
		x -= family_names[i].weight;
	}
	return family_names[0].name;
}

static void
kinh_name(struct mn_rng *r, bool female, const char *family, char *buf,
    size_t size)
{
	snprintf(buf, size, "%s %s %s", family != NULL ? family :
	    pick_family(r), female ? PICK(r, girl_middle) :
	    PICK(r, boy_middle), female ? PICK(r, girl_given) :
	    PICK(r, boy_given));
}

/* A name in the customs of the group: "H'Hen Niê", "Giàng A Páo". */
static void
minority_name(struct mn_rng *r, const struct minority *m, bool female,
    char *buf, size_t size)
{
	const char *family = m->families[rng_below(r, (unsigned)m->nfamilies)];

	if (strcmp(m->code, "12") == 0)
		snprintf(buf, size, "%s%s %s", female ? "H'" : "Y ",
		    PICK(r, ede_given), family);
	else if (strcmp(m->code, "08") == 0)
		snprintf(buf, size, "%s %s %s", family, female ? "Thị" : "A",
		    female ? PICK(r, mong_girls) : PICK(r, mong_boys));
	else
		kinh_name(r, female, family, buf, size);
}

static void
phone(struct mn_rng *r, char *buf, size_t size)
{
	snprintf(buf, size, "%s%07u", PICK(r, mobile_prefixes),
	    rng_below(r, 10000000));
}

static void
random_day(struct mn_rng *r, int year, int first_month, int last_month,
    struct mn_date *d)
{
	d->year = year;
	d->month = first_month + (int)rng_below(r,
	    (unsigned)(last_month - first_month + 1));
	d->day = 1 + (int)rng_below(r,
	    (unsigned)mn_days_in_month(year, d->month));
}

/*
 * Finds the Gregorian date of lunar month (1-based) and day in the
 * Gregorian year, scanning with ICU's Chinese calendar.
 * NOTE: ICU computes that calendar for UTC+8 from an approximate new
 * moon, and the Vietnamese calendar is computed for UTC+7, so a date
 * can be a day off.  These are demo holidays; the principal enters the
 * real ones.
 */
static bool
lunar_date(int year, int lunar_month, int lunar_day, struct mn_date *out)
{
	UErrorCode status = U_ZERO_ERROR;
	UCalendar *greg, *lunar;
	UChar zone[] = { 'A', 's', 'i', 'a', '/', 'H', 'o', '_', 'C', 'h',
	    'i', '_', 'M', 'i', 'n', 'h', 0 };
	bool found = false;

	greg = ucal_open(zone, -1, "vi_VN", UCAL_GREGORIAN, &status);
	lunar = ucal_open(zone, -1, "vi_VN@calendar=chinese", UCAL_DEFAULT,
	    &status);
	if (U_FAILURE(status)) {
		if (greg != NULL)
			ucal_close(greg);
		if (lunar != NULL)
			ucal_close(lunar);
		return false;
	}
	for (int day = 0; day < 366 && !found; day++) {
		struct mn_date d = { year, 1, 1 };
		UDate t;

		mn_date_from_days(mn_date_to_days(&d) + day, &d);
		if (d.year != year)
			break;
		ucal_clear(greg);
		ucal_setDateTime(greg, d.year, d.month - 1, d.day, 12, 0, 0,
		    &status);
		t = ucal_getMillis(greg, &status);
		ucal_setMillis(lunar, t, &status);
		if (U_FAILURE(status))
			break;
		if (ucal_get(lunar, UCAL_MONTH, &status) == lunar_month - 1 &&
		    ucal_get(lunar, UCAL_DATE, &status) == lunar_day &&
		    ucal_get(lunar, UCAL_IS_LEAP_MONTH, &status) == 0) {
			*out = d;
			found = true;
		}
	}
	ucal_close(greg);
	ucal_close(lunar);
	return found;
}

static int
add_holiday_days(struct mn_ctx *ctx, const char *name,
    const struct mn_date *first, int ndays, struct mn_error *err)
{
	struct mn_date last;

	mn_date_from_days(mn_date_to_days(first) + ndays - 1, &last);
	return mn_holiday_add(ctx, name, first, &last, NULL, err);
}

/* School year, holidays and one make-up Saturday. */
static int
demo_calendar(struct mn_ctx *ctx, int y, int64_t *year_id,
    struct mn_error *err)
{
	struct mn_date first = { y, 9, 5 }, last = { y + 1, 5, 31 };
	struct mn_date d, tet, makeup;
	char name[16];
	int rc;

	snprintf(name, sizeof name, "%d-%d", y, y + 1);
	rc = mn_school_year_add(ctx, name, &first, &last, year_id, err);
	if (rc != MN_OK)
		return rc;
	d = (struct mn_date){ y + 1, 1, 1 };
	rc = add_holiday_days(ctx, "Tết Dương lịch", &d, 1, err);
	if (rc == MN_OK && lunar_date(y + 1, 1, 1, &tet)) {
		/* From the 28th of the last lunar month, 9 days. */
		mn_date_from_days(mn_date_to_days(&tet) - 2, &d);
		rc = add_holiday_days(ctx, "Tết Nguyên đán", &d, 9, err);
		/* The first Saturday after the break is taught. */
		mn_date_from_days(mn_date_to_days(&d) + 9, &makeup);
		while (mn_date_weekday(&makeup) != 5)
			mn_date_from_days(mn_date_to_days(&makeup) + 1,
			    &makeup);
		if (rc == MN_OK)
			rc = mn_makeup_day_add(ctx, &makeup,
			    "Học bù sau Tết Nguyên đán", NULL, err);
	}
	if (rc == MN_OK && lunar_date(y + 1, 3, 10, &d))
		rc = add_holiday_days(ctx, "Giỗ Tổ Hùng Vương", &d, 1, err);
	d = (struct mn_date){ y + 1, 4, 30 };
	if (rc == MN_OK)
		rc = add_holiday_days(ctx, "Ngày Chiến thắng và Quốc tế Lao "
		    "động", &d, 2, err);
	return rc;
}

struct staff_plan {
	const char *position;
	const char *qualification;
	const char *contract;
	int count;
	bool female_only;
};

static const struct staff_plan staff_plan[] = {
	{ "Hiệu trưởng", "Thạc sĩ Giáo dục mầm non",
	    "Viên chức - HĐLV không xác định thời hạn", 1, true },
	{ "Phó hiệu trưởng", "Đại học Sư phạm mầm non",
	    "Viên chức - HĐLV không xác định thời hạn", 2, true },
	{ "Giáo viên", "Đại học Sư phạm mầm non",
	    "Viên chức - HĐLV không xác định thời hạn", 18, true },
	{ "Giáo viên", "Cao đẳng Sư phạm mầm non",
	    "Viên chức - HĐLV xác định thời hạn", 8, true },
	{ "Nhân viên y tế", "Trung cấp Y sĩ", "Hợp đồng lao động", 1, true },
	{ "Kế toán", "Đại học Kế toán",
	    "Viên chức - HĐLV không xác định thời hạn", 1, true },
	{ "Văn thư", "Cao đẳng Văn thư lưu trữ", "Hợp đồng lao động", 1,
	    true },
	{ "Thủ quỹ", "Trung cấp Kế toán", "Hợp đồng lao động", 1, true },
	{ "Nhân viên nấu ăn", "Trung cấp Kỹ thuật chế biến món ăn",
	    "Hợp đồng lao động", 5, false },
	{ "Bảo vệ", "", "Hợp đồng lao động", 2, false },
};

static int
demo_staff(struct mn_ctx *ctx, struct mn_rng *r, int y, int64_t *teachers,
    size_t *nteachers, struct mn_error *err)
{
	struct mn_date today;
	int rc = MN_OK;

	mn_date_today(&today);
	*nteachers = 0;
	for (size_t p = 0; p < sizeof staff_plan / sizeof *staff_plan; p++) {
		for (int i = 0; i < staff_plan[p].count && rc == MN_OK; i++) {
			struct mn_staff s;
			bool female = staff_plan[p].female_only ||
			    rng_below(r, 2);

			memset(&s, 0, sizeof s);
			s.sex = female ? 'F' : 'M';
			kinh_name(r, female, NULL, s.full_name,
			    sizeof s.full_name);
			random_day(r, y - 24 - (int)rng_below(r, 30), 1, 12,
			    &s.birth_date);
			random_day(r, s.birth_date.year + 22 +
			    (int)rng_below(r, 3), 8, 9, &s.start_date);
			if (mn_date_cmp(&s.start_date, &today) > 0)
				s.start_date = (struct mn_date){ y - 1, 8,
				    15 };
			snprintf(s.position, sizeof s.position, "%s",
			    staff_plan[p].position);
			snprintf(s.qualification, sizeof s.qualification,
			    "%s", staff_plan[p].qualification);
			if (strcmp(s.position, "Giáo viên") == 0)
				snprintf(s.training, sizeof s.training,
				    "Bồi dưỡng thường xuyên năm học %d-%d",
				    y - 1, y);
			snprintf(s.contract_type, sizeof s.contract_type,
			    "%s", staff_plan[p].contract);
			phone(r, s.phone, sizeof s.phone);
			rc = mn_staff_add(ctx, &s, err);
			if (rc == MN_OK &&
			    strcmp(s.position, "Giáo viên") == 0)
				teachers[(*nteachers)++] = s.id;
		}
	}
	return rc;
}

static void
child_identity(struct mn_rng *r, struct mn_child *c, int index)
{
	unsigned x = rng_below(r, 1000);
	const struct minority *m = NULL;
	bool female = rng_below(r, 2) == 1;

	c->sex = female ? 'F' : 'M';
	for (size_t i = 0; i < sizeof minorities / sizeof *minorities; i++) {
		if (x < minorities[i].weight) {
			m = &minorities[i];
			break;
		}
		x -= minorities[i].weight;
	}
	if (m != NULL) {
		minority_name(r, m, female, c->full_name,
		    sizeof c->full_name);
		snprintf(c->ethnicity, sizeof c->ethnicity, "%s", m->code);
		snprintf(c->birth_place, sizeof c->birth_place, "%s",
		    m->birth_place);
	} else {
		kinh_name(r, female, NULL, c->full_name, sizeof c->full_name);
		snprintf(c->ethnicity, sizeof c->ethnicity, "01");
		snprintf(c->birth_place, sizeof c->birth_place, "%s",
		    rng_below(r, 5) ? "Hà Nội" : PICK(r, other_birth_places));
	}
	/* Most children have an ID: Hà Nội province code, sex, year. */
	if (rng_below(r, 100) < 88)
		snprintf(c->personal_id, sizeof c->personal_id,
		    "001%d%02d%03u%03d", 2 + (female ? 1 : 0),
		    c->birth_date.year % 100, rng_below(r, 1000),
		    index % 1000);
}

static void
child_family(struct mn_rng *r, struct mn_child *c)
{
	const char *family = c->full_name;
	char father_family[64];
	size_t len = strcspn(family, " ");

	/*
	 * Children take the father's family name, except among the Ê-đê,
	 * where they take the mother's (the last word of the name).
	 */
	snprintf(father_family, sizeof father_family, "%.*s", (int)len,
	    family);
	if (strcmp(c->ethnicity, "12") == 0) {
		snprintf(c->father_name, sizeof c->father_name, "Y %s %s",
		    PICK(r, ede_given), PICK(r, ede_families));
		snprintf(c->mother_name, sizeof c->mother_name, "H'%s %s",
		    PICK(r, ede_given), strrchr(family, ' ') + 1);
	} else if (strcmp(c->ethnicity, "08") == 0) {
		snprintf(c->father_name, sizeof c->father_name, "%s A %s",
		    father_family, PICK(r, mong_boys));
		snprintf(c->mother_name, sizeof c->mother_name, "%s Thị %s",
		    PICK(r, mong_families), PICK(r, mong_girls));
	} else {
		kinh_name(r, false, father_family, c->father_name,
		    sizeof c->father_name);
		kinh_name(r, true, NULL, c->mother_name,
		    sizeof c->mother_name);
	}
	phone(r, c->mother_phone, sizeof c->mother_phone);
	if (rng_below(r, 10) < 8)
		phone(r, c->father_phone, sizeof c->father_phone);
	if (rng_below(r, 40) == 0) {
		kinh_name(r, rng_below(r, 2), NULL, c->guardian_name,
		    sizeof c->guardian_name);
		phone(r, c->guardian_phone, sizeof c->guardian_phone);
	}
	snprintf(c->address, sizeof c->address, "Số %u %s, %s, Hà Nội",
	    1 + rng_below(r, 180), PICK(r, streets), PICK(r, wards));
	snprintf(c->pickup_people, sizeof c->pickup_people, "Bố, mẹ; %s",
	    rng_below(r, 2) ? "ông bà nội" : "ông bà ngoại");
	if (rng_below(r, 100) < 5)
		snprintf(c->allergies, sizeof c->allergies, "%s",
		    PICK(r, allergy_list));
	if (rng_below(r, 100) < 2)
		snprintf(c->chronic_conditions, sizeof c->chronic_conditions,
		    "%s", PICK(r, chronic_list));
	if (rng_below(r, 100) < 6)
		snprintf(c->policies, sizeof c->policies, "%s",
		    PICK(r, policy_list));
}

static int
demo_children(struct mn_ctx *ctx, struct mn_rng *r, int y,
    const int64_t *class_ids, struct mn_error *err)
{
	int index = 0, rc = MN_OK;

	for (size_t k = 0; k < NCLASSES && rc == MN_OK; k++) {
		const struct demo_class *dc = &demo_classes[k];
		int offset = birth_offset(dc->age_group);
		int n = dc->capacity - (int)rng_below(r, 3);

		for (int i = 0; i < n && rc == MN_OK; i++) {
			struct mn_child c;

			memset(&c, 0, sizeof c);
			/* The youngest are 3 months old by September. */
			if (offset == 0)
				random_day(r, y, 1, 5, &c.birth_date);
			else
				random_day(r, y - offset, 1, 12,
				    &c.birth_date);
			child_identity(r, &c, ++index);
			child_family(r, &c);
			c.class_id = class_ids[k];
			c.enrolment_date = (struct mn_date){ y - (offset > 1 ?
			    (int)rng_below(r, (unsigned)offset - 1) : 0), 9,
			    5 };
			if (mn_date_cmp(&c.enrolment_date, &c.birth_date) < 0)
				c.enrolment_date = (struct mn_date){ y, 9, 5 };
			rc = mn_child_add(ctx, &c, 0, err);
		}
	}
	return rc;
}

int
mn_demo_registers(struct mn_ctx *ctx, unsigned seed, struct mn_error *err)
{
	struct mn_rng r;
	struct mn_date today;
	int64_t year_id, class_ids[NCLASSES], teachers[64];
	size_t nteachers = 0;
	int y, rc;

	mn_date_today(&today);
	/* From August on, the school is in the year that starts now. */
	y = today.month >= 8 ? today.year : today.year - 1;
	mn_rng_seed(&r, seed);
	rc = demo_calendar(ctx, y, &year_id, err);
	if (rc == MN_OK)
		rc = demo_staff(ctx, &r, y, teachers, &nteachers, err);
	for (size_t k = 0; rc == MN_OK && k < NCLASSES; k++) {
		struct mn_class c;

		memset(&c, 0, sizeof c);
		c.school_year_id = year_id;
		snprintf(c.code, sizeof c.code, "%s", demo_classes[k].code);
		snprintf(c.name, sizeof c.name, "%s", demo_classes[k].name);
		snprintf(c.age_group, sizeof c.age_group, "%s",
		    demo_classes[k].age_group);
		snprintf(c.room, sizeof c.room, "P.%d%02zu", 1 + (int)k / 5,
		    1 + k % 5);
		c.capacity = demo_classes[k].capacity;
		rc = mn_class_add(ctx, &c, err);
		class_ids[k] = c.id;
		/* Two teachers per class. */
		if (rc == MN_OK && 2 * k + 1 < nteachers)
			rc = mn_class_set_teachers(ctx, c.id,
			    &teachers[2 * k], 2, err);
	}
	if (rc == MN_OK)
		rc = demo_children(ctx, &r, y, class_ids, err);
	return rc;
}

int
mn_demo_link_teacher(struct mn_ctx *ctx, const char *class_code,
    int64_t account_id, struct mn_error *err)
{
	struct mn_school_year y;
	struct mn_class c;
	struct mn_staff s;
	sqlite3_stmt *st = NULL;
	int64_t staff_id = 0;
	int rc;

	rc = mn_reg_resolve_year(ctx, NULL, &y, err);
	if (rc == MN_OK)
		rc = mn_class_get(ctx, y.id, class_code, &c, err);
	if (rc != MN_OK)
		return rc;
	/* The class's first teacher that has no account yet. */
	if (sqlite3_prepare_v2(ctx->db, "SELECT s.id FROM class_teachers ct "
	    "JOIN staff s ON s.id = ct.staff_id WHERE ct.class_id = ?1 AND "
	    "s.account_id IS NULL ORDER BY s.id LIMIT 1", -1, &st, NULL) !=
	    SQLITE_OK)
		return mn_fail(err, MN_ERR_DB, "", "%s",
		    sqlite3_errmsg(ctx->db));
	sqlite3_bind_int64(st, 1, c.id);
	if (sqlite3_step(st) == SQLITE_ROW)
		staff_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (staff_id == 0)
		return mn_fail(err, MN_ERR_NOTFOUND, T("Class", "Lớp"),
		    T("Class %s has no teacher without an account",
		    "Lớp %s không còn giáo viên chưa có tài khoản"),
		    class_code);
	rc = mn_staff_get(ctx, staff_id, &s, err);
	if (rc != MN_OK)
		return rc;
	s.account_id = account_id;
	return mn_staff_update(ctx, &s, err);
}
