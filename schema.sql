-- mamnon database schema.
--
-- This file is the only description of the schema.  The build compiles it
-- into the binary.  It is a list of steps, each opened by a line
-- "-- @version N": a new database runs every step, an older one runs the
-- steps above its PRAGMA user_version, each step in one transaction that
-- ends by setting user_version to N.  Released steps are never edited;
-- a change to the schema is a new step at the end.
--
-- Rules every step keeps:
--   * Text is NFC UTF-8 with control characters removed (the core cleans
--     it before binding).
--   * Editable tables carry version (bumped by every update, checked by
--     "WHERE id = ? AND version = ?"), changed_by and changed_at.
--   * No index, view or trigger uses a function or collation that only
--     mamnon registers, so the sqlite3 shell can check and repair the file.
--   * Dates are 'YYYY-MM-DD' text, times 'YYYY-MM-DDTHH:MM:SSZ' in UTC.

-- @version 1

CREATE TABLE accounts (
	id INTEGER PRIMARY KEY,
	login TEXT NOT NULL UNIQUE
	    CHECK (length(login) BETWEEN 1 AND 32
	        AND login GLOB '[a-z]*'
	        AND login NOT GLOB '*[^a-z0-9._-]*'),
	password_hash TEXT NOT NULL,
	full_name TEXT NOT NULL DEFAULT '',
	must_change_password INTEGER NOT NULL DEFAULT 1
	    CHECK (must_change_password IN (0, 1)),
	locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
	created_at TEXT NOT NULL,
	last_login_at TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);

CREATE TABLE account_roles (
	account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('admin', 'principal', 'teacher',
	    'nurse', 'kitchen', 'accountant', 'clerk', 'parent')),
	PRIMARY KEY (account_id, role)
) WITHOUT ROWID;

-- Failed logins per account and client address.  Counting per address
-- keeps a stranger on one address from locking the principal out
-- everywhere when staff share one SSH account.
CREATE TABLE login_failures (
	account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	source TEXT NOT NULL,
	failures INTEGER NOT NULL DEFAULT 0,
	last_failure_at TEXT NOT NULL,
	locked_until TEXT,
	PRIMARY KEY (account_id, source)
) WITHOUT ROWID;

-- The audit trail.  login is copied, not referenced, so the trail stays
-- readable whatever happens to the account.  Values live in audit_values,
-- one row per audit row, so that personal data can later be purged while
-- the trail of who did what remains.
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	account_id INTEGER,
	login TEXT NOT NULL,
	source TEXT NOT NULL,
	action TEXT NOT NULL,
	table_name TEXT,
	row_id INTEGER,
	detail TEXT
);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_record ON audit(table_name, row_id);
CREATE INDEX audit_account ON audit(account_id, at);

CREATE TABLE audit_values (
	audit_id INTEGER PRIMARY KEY REFERENCES audit(id),
	old_values TEXT,
	new_values TEXT
);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows cannot be deleted');
END;
CREATE TRIGGER audit_values_no_update BEFORE UPDATE ON audit_values
BEGIN
	SELECT RAISE(ABORT, 'audit values cannot be changed');
END;
-- Values may be deleted only once audit_purges (below) records who purged
-- them, when and why, so an erasure at the end of a retention period
-- always leaves its own trace.  Audit rows themselves stay.
CREATE TRIGGER audit_values_no_delete BEFORE DELETE ON audit_values
WHEN NOT EXISTS (SELECT 1 FROM audit_purges
    WHERE audit_purges.audit_id = OLD.audit_id)
BEGIN
	SELECT RAISE(ABORT, 'audit values cannot be deleted');
END;

-- Settings kept in the database rather than the config file, because
-- they belong to the school and travel with its data.
CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Registers: school calendar, age groups, classes, staff, children.
--
-- Names are stored three times: as entered (NFC), folded for
-- accent-insensitive search (name_fold) and as a Vietnamese collation key
-- (name_key, hex text compared with BINARY), so list order needs no
-- collation that only mamnon registers.  Code lists are tables so the
-- administrator can correct them without a new binary.

CREATE TABLE school_years (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
	    CHECK (name GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
	first_day TEXT NOT NULL,
	last_day TEXT NOT NULL CHECK (last_day > first_day),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);

-- Days off inside a school year (Tết, national days); first_day and
-- last_day are both included.
CREATE TABLE holidays (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	first_day TEXT NOT NULL,
	last_day TEXT NOT NULL CHECK (last_day >= first_day),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX holidays_days ON holidays(first_day, last_day);

-- Weekend days taught to make up for a holiday (ngày làm bù).
CREATE TABLE makeup_days (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL UNIQUE,
	reason TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);

-- Age groups of TT 52/2020/TT-BGDĐT Điều 15: max_children is the legal
-- class size.  A class of school year Y-(Y+1) takes children with
-- Y - birth year between year_offset_min and year_offset_max; promotion
-- moves a child to next_code.
CREATE TABLE age_groups (
	code TEXT PRIMARY KEY,
	level TEXT NOT NULL CHECK (level IN ('nt', 'mg')),
	label TEXT NOT NULL,
	max_children INTEGER NOT NULL CHECK (max_children > 0),
	year_offset_min INTEGER NOT NULL,
	year_offset_max INTEGER NOT NULL,
	next_code TEXT REFERENCES age_groups(code),
	sort_order INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO age_groups VALUES
	('mg-5-6', 'mg', 'Mẫu giáo 5-6 tuổi', 35, 5, 5, NULL, 6),
	('mg-4-5', 'mg', 'Mẫu giáo 4-5 tuổi', 30, 4, 4, 'mg-5-6', 5),
	('mg-3-4', 'mg', 'Mẫu giáo 3-4 tuổi', 25, 3, 3, 'mg-4-5', 4),
	('nt-24-36', 'nt', 'Nhà trẻ 24-36 tháng', 25, 2, 2, 'mg-3-4', 3),
	('nt-12-24', 'nt', 'Nhà trẻ 12-24 tháng', 20, 1, 1, 'nt-24-36', 2),
	('nt-3-12', 'nt', 'Nhà trẻ 3-12 tháng', 15, -1, 0, 'nt-12-24', 1);

-- The 54 ethnic groups in the order of the General Statistics Office
-- list, as used by the education sector database, plus 55 for
-- foreigners.  very_small marks the groups of fewer than 10,000 people
-- (NĐ 57/2017/NĐ-CP); alias is another common name, for import.
CREATE TABLE ethnicities (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	alias TEXT NOT NULL DEFAULT '',
	very_small INTEGER NOT NULL DEFAULT 0 CHECK (very_small IN (0, 1))
) WITHOUT ROWID;
INSERT INTO ethnicities VALUES
	('01', 'Kinh', 'Việt', 0), ('02', 'Tày', '', 0),
	('03', 'Thái', '', 0), ('04', 'Hoa', '', 0),
	('05', 'Khơ-me', 'Khmer', 0), ('06', 'Mường', '', 0),
	('07', 'Nùng', '', 0), ('08', 'Mông', 'Hmông', 0),
	('09', 'Dao', '', 0), ('10', 'Gia-rai', 'Jrai', 0),
	('11', 'Ngái', '', 1), ('12', 'Ê-đê', 'Ê Đê', 0),
	('13', 'Ba-na', 'Bahnar', 0), ('14', 'Xơ-đăng', '', 0),
	('15', 'Sán Chay', '', 0), ('16', 'Cơ-ho', '', 0),
	('17', 'Chăm', '', 0), ('18', 'Sán Dìu', '', 0),
	('19', 'Hrê', '', 0), ('20', 'Mnông', '', 0),
	('21', 'Ra-glai', '', 0), ('22', 'Xtiêng', '', 0),
	('23', 'Bru-Vân Kiều', '', 0), ('24', 'Thổ', '', 0),
	('25', 'Giáy', '', 0), ('26', 'Cơ-tu', '', 0),
	('27', 'Gié-Triêng', '', 0), ('28', 'Mạ', '', 0),
	('29', 'Khơ-mú', '', 0), ('30', 'Co', '', 0),
	('31', 'Tà-ôi', '', 0), ('32', 'Chơ-ro', '', 0),
	('33', 'Kháng', '', 0), ('34', 'Xinh-mun', '', 0),
	('35', 'Hà Nhì', '', 0), ('36', 'Chu-ru', '', 0),
	('37', 'Lào', '', 0), ('38', 'La Chí', '', 0),
	('39', 'La Ha', '', 1), ('40', 'Phù Lá', '', 0),
	('41', 'La Hủ', '', 1), ('42', 'Lự', '', 1),
	('43', 'Lô Lô', '', 1), ('44', 'Chứt', '', 1),
	('45', 'Mảng', '', 1), ('46', 'Pà Thẻn', '', 1),
	('47', 'Cơ Lao', '', 1), ('48', 'Cống', '', 1),
	('49', 'Bố Y', '', 1), ('50', 'Si La', '', 1),
	('51', 'Pu Péo', '', 1), ('52', 'Brâu', '', 1),
	('53', 'Ơ Đu', '', 1), ('54', 'Rơ-măm', '', 1),
	('55', 'Người nước ngoài', '', 0);

-- Policy categories (đối tượng chính sách) with the education sector
-- database codes.  Labels contain no ';', which separates them in CSV.
CREATE TABLE policy_categories (
	code TEXT PRIMARY KEY,
	label TEXT NOT NULL UNIQUE
) WITHOUT ROWID;
INSERT INTO policy_categories VALUES
	('01', 'Con người có công với cách mạng'),
	('02', 'Con anh hùng'),
	('03', 'Con liệt sĩ'),
	('04', 'Con thương binh'),
	('05', 'Mồ côi'),
	('06', 'Khuyết tật'),
	('07', 'Bị bỏ rơi hoặc mất nguồn nuôi dưỡng'),
	('08', 'Hộ nghèo'),
	('09', 'Hộ cận nghèo'),
	('10', 'Con hạ sĩ quan - chiến sĩ lực lượng vũ trang'),
	('11', 'Dân tộc rất ít người ở vùng khó khăn'),
	('12', 'Cha mẹ bị tai nạn lao động hoặc bệnh nghề nghiệp'),
	('13', 'Cha mẹ thường trú ở vùng biên giới, vùng cao, hải đảo'),
	('14', 'Thu nhập không quá 150% chuẩn nghèo'),
	('15', 'Hộ nghèo thuộc Chương trình 135'),
	('16', 'Khác');

CREATE TABLE staff (
	id INTEGER PRIMARY KEY,
	staff_code TEXT NOT NULL UNIQUE CHECK (length(staff_code) >= 1),
	full_name TEXT NOT NULL CHECK (length(full_name) >= 1),
	name_fold TEXT NOT NULL,
	name_key TEXT NOT NULL,
	birth_date TEXT,
	sex TEXT NOT NULL CHECK (sex IN ('M', 'F')),
	position TEXT NOT NULL DEFAULT '',
	qualification TEXT NOT NULL DEFAULT '',
	training TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	start_date TEXT,
	contract_type TEXT NOT NULL DEFAULT '',
	account_id INTEGER UNIQUE REFERENCES accounts(id),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX staff_name ON staff(name_key);

-- code is unique within a school year (MG5A exists again next year).
-- It compares without case, so "mg5a" typed anywhere finds MG5A and
-- cannot be added beside it.
CREATE TABLE classes (
	id INTEGER PRIMARY KEY,
	school_year_id INTEGER NOT NULL REFERENCES school_years(id),
	code TEXT NOT NULL COLLATE NOCASE
	    CHECK (length(code) BETWEEN 1 AND 16),
	name TEXT NOT NULL,
	age_group TEXT NOT NULL REFERENCES age_groups(code),
	room TEXT NOT NULL DEFAULT '',
	capacity INTEGER NOT NULL CHECK (capacity > 0),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	UNIQUE (school_year_id, code)
);

CREATE TABLE class_teachers (
	class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
	staff_id INTEGER NOT NULL REFERENCES staff(id),
	PRIMARY KEY (class_id, staff_id)
) WITHOUT ROWID;
CREATE INDEX class_teachers_staff ON class_teachers(staff_id);

-- status: enrolled (đang học), transferred_in (chuyển đến),
-- transferred_out (chuyển đi), left (thôi học), graduated (hoàn thành
-- chương trình).  personal_id is '' while not yet available;
-- id_mismatch_reason explains an ID whose digits disagree with the
-- recorded sex or birth year.
CREATE TABLE children (
	id INTEGER PRIMARY KEY,
	school_code TEXT NOT NULL UNIQUE CHECK (length(school_code) >= 1),
	full_name TEXT NOT NULL CHECK (length(full_name) >= 1),
	name_fold TEXT NOT NULL,
	name_key TEXT NOT NULL,
	birth_date TEXT NOT NULL,
	sex TEXT NOT NULL CHECK (sex IN ('M', 'F')),
	ethnicity TEXT NOT NULL DEFAULT '01' REFERENCES ethnicities(code),
	personal_id TEXT NOT NULL DEFAULT ''
	    CHECK (personal_id = '' OR (length(personal_id) = 12
	        AND personal_id NOT GLOB '*[^0-9]*')),
	id_mismatch_reason TEXT NOT NULL DEFAULT '',
	birth_place TEXT NOT NULL DEFAULT '',
	address TEXT NOT NULL DEFAULT '',
	father_name TEXT NOT NULL DEFAULT '',
	father_phone TEXT NOT NULL DEFAULT '',
	mother_name TEXT NOT NULL DEFAULT '',
	mother_phone TEXT NOT NULL DEFAULT '',
	guardian_name TEXT NOT NULL DEFAULT '',
	guardian_phone TEXT NOT NULL DEFAULT '',
	pickup_people TEXT NOT NULL DEFAULT '',
	class_id INTEGER REFERENCES classes(id),
	enrolment_date TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled',
	    'transferred_in', 'transferred_out', 'left', 'graduated')),
	allergies TEXT NOT NULL DEFAULT '',
	chronic_conditions TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE UNIQUE INDEX children_personal_id ON children(personal_id)
    WHERE personal_id <> '';
CREATE INDEX children_name ON children(name_key);
CREATE INDEX children_class ON children(class_id, name_key);
CREATE INDEX children_fold_birth ON children(name_fold, birth_date);

-- One row per stay in a class: from from_date up to, not including,
-- to_date; to_date is NULL for the current stay.
CREATE TABLE child_class_history (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	class_id INTEGER NOT NULL REFERENCES classes(id),
	from_date TEXT NOT NULL,
	to_date TEXT CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX child_class_history_child ON child_class_history(child_id,
    from_date);
CREATE INDEX child_class_history_class ON child_class_history(class_id,
    from_date);

CREATE TABLE child_status_events (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	day TEXT NOT NULL,
	status TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	recorded_by TEXT NOT NULL,
	recorded_at TEXT NOT NULL
);
CREATE INDEX child_status_events_child ON child_status_events(child_id, day);

CREATE TABLE child_policies (
	child_id INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
	category TEXT NOT NULL REFERENCES policy_categories(code),
	PRIMARY KEY (child_id, category)
) WITHOUT ROWID;

-- Nutrition and kitchen: foods, prices, dishes, menus, requirements,
-- meal counts, purchases, meal fees, food-safety logs and allergies.
-- Money is whole đồng (INTEGER); weights are grams (REAL); age_group is
-- 'nha-tre' (crèche) or 'mau-giao' (kindergarten); meal is 'breakfast',
-- 'lunch', 'afternoon' or 'snack'.

-- Food composition per 100 g edible part.  A NULL nutrient has no value
-- in the source table and counts as 0, flagged, in calculations.
CREATE TABLE foods (
	id INTEGER PRIMARY KEY,
	code INTEGER NOT NULL UNIQUE CHECK (code BETWEEN 1 AND 999999),
	name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 127),
	food_group INTEGER NOT NULL CHECK (food_group BETWEEN 1 AND 14),
	origin TEXT NOT NULL CHECK (origin IN ('animal', 'vegetable')),
	refuse_pct REAL NOT NULL CHECK (refuse_pct BETWEEN 0 AND 95),
	energy_kcal REAL NOT NULL CHECK (energy_kcal BETWEEN 0 AND 900),
	protein_g REAL NOT NULL CHECK (protein_g BETWEEN 0 AND 100),
	lipid_g REAL CHECK (lipid_g BETWEEN 0 AND 100),
	glucid_g REAL CHECK (glucid_g BETWEEN 0 AND 100),
	fibre_g REAL CHECK (fibre_g BETWEEN 0 AND 100),
	calcium_mg REAL CHECK (calcium_mg >= 0),
	iron_mg REAL CHECK (iron_mg >= 0),
	retinol_ug REAL CHECK (retinol_ug >= 0),
	beta_carotene_ug REAL CHECK (beta_carotene_ug >= 0),
	vitamin_b1_mg REAL CHECK (vitamin_b1_mg >= 0),
	vitamin_c_mg REAL CHECK (vitamin_c_mg >= 0),
	purchase_unit TEXT NOT NULL
	    CHECK (length(purchase_unit) BETWEEN 1 AND 15),
	unit_grams REAL NOT NULL CHECK (unit_grams > 0),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);

-- Price of one purchase unit from a date on; the latest row not after
-- the day applies.
CREATE TABLE food_prices (
	id INTEGER PRIMARY KEY,
	food_id INTEGER NOT NULL REFERENCES foods(id),
	effective_from TEXT NOT NULL,
	unit_price INTEGER NOT NULL CHECK (unit_price BETWEEN 0 AND 100000000),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	UNIQUE (food_id, effective_from)
);

CREATE TABLE dishes (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);

-- Ingredients of one child's portion, per age group.  Rows change only
-- together with their dish, whose version is bumped.
CREATE TABLE dish_items (
	dish_id INTEGER NOT NULL REFERENCES dishes(id) ON DELETE CASCADE,
	food_id INTEGER NOT NULL REFERENCES foods(id),
	age_group TEXT NOT NULL CHECK (age_group IN ('nha-tre', 'mau-giao')),
	edible_g REAL NOT NULL CHECK (edible_g > 0 AND edible_g <= 2000),
	PRIMARY KEY (dish_id, age_group, food_id)
) WITHOUT ROWID;

-- A week's menu of one age group: draft until the principal approves it.
CREATE TABLE menu_weeks (
	id INTEGER PRIMARY KEY,
	week TEXT NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
	age_group TEXT NOT NULL CHECK (age_group IN ('nha-tre', 'mau-giao')),
	status TEXT NOT NULL DEFAULT 'draft'
	    CHECK (status IN ('draft', 'approved')),
	approved_by TEXT,
	approved_at TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	UNIQUE (week, age_group)
);

CREATE TABLE menu_items (
	id INTEGER PRIMARY KEY,
	menu_date TEXT NOT NULL,
	age_group TEXT NOT NULL CHECK (age_group IN ('nha-tre', 'mau-giao')),
	meal TEXT NOT NULL
	    CHECK (meal IN ('breakfast', 'lunch', 'afternoon', 'snack')),
	dish_id INTEGER NOT NULL REFERENCES dishes(id),
	position INTEGER NOT NULL DEFAULT 0,
	UNIQUE (menu_date, age_group, meal, dish_id)
);
CREATE INDEX menu_items_day ON menu_items(menu_date, age_group);

-- What a child of an age group should get at school, from a date on.
-- NULL bound = not checked.  Meal shares are % of daily_kcal.
CREATE TABLE nutrition_requirements (
	id INTEGER PRIMARY KEY,
	age_group TEXT NOT NULL CHECK (age_group IN ('nha-tre', 'mau-giao')),
	effective_from TEXT NOT NULL,
	kcal_min REAL, kcal_max REAL,
	protein_pct_min REAL, protein_pct_max REAL,
	lipid_pct_min REAL, lipid_pct_max REAL,
	glucid_pct_min REAL, glucid_pct_max REAL,
	animal_protein_pct_min REAL, animal_protein_pct_max REAL,
	animal_lipid_pct_min REAL, animal_lipid_pct_max REAL,
	calcium_mg_min REAL, calcium_mg_max REAL,
	iron_mg_min REAL, iron_mg_max REAL,
	vitamin_a_ug_min REAL, vitamin_a_ug_max REAL,
	vitamin_b1_mg_min REAL, vitamin_b1_mg_max REAL,
	vitamin_c_mg_min REAL, vitamin_c_mg_max REAL,
	daily_kcal REAL NOT NULL CHECK (daily_kcal > 0),
	breakfast_pct_min REAL, breakfast_pct_max REAL,
	lunch_pct_min REAL, lunch_pct_max REAL,
	afternoon_pct_min REAL, afternoon_pct_max REAL,
	snack_pct_min REAL, snack_pct_max REAL,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	UNIQUE (age_group, effective_from)
);

-- Preschool programme figures (VBHN 01/VBHN-BGDĐT 2021); minerals and
-- vitamins are the daily need (QĐ 2615/QĐ-BYT 2016) times the share eaten
-- at school (60 % crèche, 50 % kindergarten).  Must equal
-- mn_requirement_default() in nutrition.c.
INSERT INTO nutrition_requirements (age_group, effective_from,
    kcal_min, kcal_max, protein_pct_min, protein_pct_max,
    lipid_pct_min, lipid_pct_max, glucid_pct_min, glucid_pct_max,
    animal_protein_pct_min, calcium_mg_min, vitamin_a_ug_min,
    vitamin_c_mg_min, daily_kcal, breakfast_pct_min, breakfast_pct_max,
    lunch_pct_min, lunch_pct_max, afternoon_pct_min, afternoon_pct_max,
    snack_pct_min, snack_pct_max, changed_by, changed_at)
VALUES
    ('nha-tre', '2000-01-01', 600, 651, 13, 20, 30, 40, 40, 50, 60,
     300, 210, 21, 965, 10, 15, 30, 35, 25, 30, 5, 10,
     'schema', '2026-12-04T00:00:00Z'),
    ('mau-giao', '2000-01-01', 615, 726, 13, 20, 25, 35, 52, 60, 60,
     300, 200, 20, 1275, 10, 15, 30, 35, NULL, NULL, 15, 25,
     'schema', '2026-12-04T00:00:00Z');

-- Meals expected per day and age group.  The effective count is manual
-- when set, else from_attendance when set, else planned.
CREATE TABLE meal_counts (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL,
	age_group TEXT NOT NULL CHECK (age_group IN ('nha-tre', 'mau-giao')),
	planned INTEGER NOT NULL DEFAULT 0 CHECK (planned BETWEEN 0 AND 5000),
	from_attendance INTEGER CHECK (from_attendance BETWEEN 0 AND 5000),
	manual INTEGER CHECK (manual BETWEEN 0 AND 5000),
	manual_by TEXT,
	manual_reason TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	UNIQUE (day, age_group)
);

-- Supplier register.  Purchases and receiving checks point at a
-- supplier by supplier_id.  Their free-text supplier column stays for
-- rows written before the register, and it keeps the name of that day.
CREATE TABLE suppliers (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
	address TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	supplies TEXT NOT NULL DEFAULT '',
	certificate_no TEXT NOT NULL DEFAULT '',
	certificate_expiry TEXT,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);

CREATE TABLE purchases (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL,
	food_id INTEGER NOT NULL REFERENCES foods(id),
	quantity REAL NOT NULL CHECK (quantity > 0 AND quantity <= 100000),
	unit_price INTEGER NOT NULL CHECK (unit_price BETWEEN 0 AND 100000000),
	amount INTEGER NOT NULL CHECK (amount >= 0),
	supplier TEXT NOT NULL DEFAULT '',
	supplier_id INTEGER REFERENCES suppliers(id),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX purchases_day ON purchases(day);

-- Meal fee per child per day eaten, from a date on.
CREATE TABLE meal_fees (
	id INTEGER PRIMARY KEY,
	age_group TEXT NOT NULL CHECK (age_group IN ('nha-tre', 'mau-giao')),
	effective_from TEXT NOT NULL,
	fee_per_day INTEGER NOT NULL CHECK (fee_per_day BETWEEN 0 AND 10000000),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	UNIQUE (age_group, effective_from)
);

-- Three-step food inspection (QĐ 1246/QĐ-BYT 2017): step 1 receiving,
-- 2 before and during cooking, 3 before serving.
CREATE TABLE food_checks (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL,
	step INTEGER NOT NULL CHECK (step IN (1, 2, 3)),
	checked_at TEXT NOT NULL,
	meal TEXT CHECK (meal IN ('breakfast', 'lunch', 'afternoon', 'snack')),
	item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 200),
	supplier TEXT NOT NULL DEFAULT '',
	supplier_id INTEGER REFERENCES suppliers(id),
	quantity REAL CHECK (quantity > 0),
	unit TEXT NOT NULL DEFAULT '',
	checks TEXT NOT NULL DEFAULT '',
	result TEXT NOT NULL CHECK (result IN ('accepted', 'rejected')),
	action TEXT NOT NULL DEFAULT '',
	checked_by TEXT NOT NULL CHECK (length(checked_by) >= 1),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX food_checks_day ON food_checks(day, step);

-- Food samples kept at least 24 hours (QĐ 1246/QĐ-BYT 2017).
CREATE TABLE food_samples (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL,
	meal TEXT NOT NULL
	    CHECK (meal IN ('breakfast', 'lunch', 'afternoon', 'snack')),
	dish_id INTEGER NOT NULL REFERENCES dishes(id),
	quantity_g REAL NOT NULL CHECK (quantity_g > 0 AND quantity_g <= 2000),
	taken_at TEXT NOT NULL,
	taken_by TEXT NOT NULL CHECK (length(taken_by) >= 1),
	disposed_at TEXT,
	disposed_by TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	CHECK (disposed_at IS NULL
	    OR julianday(disposed_at) - julianday(taken_at) >= 1.0)
);
CREATE INDEX food_samples_day ON food_samples(day);

-- Smallest food sample, from a date on: Bộ Y tế, Quyết định
-- 1246/QĐ-BYT (31/03/2017), on the three-step inspection and food
-- samples: at least 100 g of a solid dish, 150 ml of a liquid one.  A
-- later rule is a new row; samples are judged by the rule of their day.
CREATE TABLE food_sample_rules (
	id INTEGER PRIMARY KEY,
	effective_from TEXT NOT NULL UNIQUE,
	min_solid_g REAL NOT NULL CHECK (min_solid_g > 0),
	min_liquid_ml REAL NOT NULL CHECK (min_liquid_ml > 0),
	source TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
INSERT INTO food_sample_rules (effective_from, min_solid_g, min_liquid_ml,
    source, changed_by, changed_at)
VALUES ('2017-03-31', 100, 150, 'QĐ 1246/QĐ-BYT 2017', 'schema',
    '2026-12-04T00:00:00Z');

-- A child's allergy, linked by the nurse to the foods of the table that
-- the child must not eat: food by food (child_allergies) or by allergen
-- group (child_allergy_groups).  A dish of the day that contains a
-- linked food, directly or through one of the linked groups, flags the
-- child (kitchen_allergy.c).  child_id has no REFERENCES clause because
-- the children table is created by the children module.
CREATE TABLE child_allergies (
	child_id INTEGER NOT NULL,
	food_id INTEGER NOT NULL REFERENCES foods(id),
	note TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	PRIMARY KEY (child_id, food_id)
) WITHOUT ROWID;

-- Allergen groups, so that an allergy written as a class of foods
-- ("Hải sản", "đạm sữa") is linked once and covers every food of the
-- class, including foods the kitchen adds later under a listed code.
-- The groups are the usual food-allergy classes (crustaceans, molluscs,
-- fish, milk, egg, peanut, tree nuts, soy, wheat, sesame) plus "Hải
-- sản", the everyday word that covers the first three.  Members are
-- food codes of the shipped table (data/foods/foods.csv, Viện Dinh
-- dưỡng 2007), so the groups can be seeded before the foods are.
CREATE TABLE allergen_groups (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE CHECK (code GLOB '[a-z]*'),
	-- Names fit the 12-character column of the day check.
	name TEXT NOT NULL CHECK (length(name) <= 12),	-- Vietnamese
	name_en TEXT NOT NULL CHECK (length(name_en) <= 12),
	position INTEGER NOT NULL
);
CREATE TABLE allergen_group_foods (
	group_id INTEGER NOT NULL REFERENCES allergen_groups(id),
	food_code INTEGER NOT NULL,
	PRIMARY KEY (group_id, food_code)
) WITHOUT ROWID;
CREATE INDEX allergen_group_foods_code ON allergen_group_foods(food_code);

CREATE TABLE child_allergy_groups (
	child_id INTEGER NOT NULL,
	group_id INTEGER NOT NULL REFERENCES allergen_groups(id),
	note TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	PRIMARY KEY (child_id, group_id)
) WITHOUT ROWID;

-- The allergies text of the child's record as it read when the nurse
-- last linked it (added or removed a link, or marked it as naming no
-- food).  The day's check lists a child as not yet linked ("chưa đối
-- chiếu") when the text is not empty and either has no review row and
-- no link, or differs from the reviewed text.
CREATE TABLE child_allergy_reviews (
	child_id INTEGER PRIMARY KEY,
	allergies TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);

INSERT INTO allergen_groups (id, code, name, name_en, position) VALUES
	(1, 'seafood', 'Hải sản', 'Seafood', 1),
	(2, 'crustacean', 'Tôm, cua', 'Crustaceans', 2),
	(3, 'mollusc', 'Mực, ốc, sò', 'Molluscs', 3),
	(4, 'fish', 'Cá', 'Fish', 4),
	(5, 'milk', 'Sữa', 'Milk', 5),
	(6, 'egg', 'Trứng', 'Egg', 6),
	(7, 'peanut', 'Lạc', 'Peanut', 7),
	(8, 'treenut', 'Hạt điều', 'Tree nuts', 8),
	(9, 'soy', 'Đậu nành', 'Soy', 9),
	(10, 'wheat', 'Lúa mì', 'Wheat', 10),
	(11, 'sesame', 'Vừng (mè)', 'Sesame', 11);

-- Members by code.  A food belongs to a group when it is, or is mostly
-- made of, the allergen.  Oils pressed from it (Dầu lạc, Dầu đậu tương,
-- Dầu mè) and fermented sauces (nước mắm, xì dầu, tương) count because
-- the table does not say they are refined.  Name traps: 5045 Quả trứng
-- gà is a fruit, 9008 Trứng cá is fish roe, 12004 Bánh con cá is a
-- wheat biscuit, 6001 Bơ is butter.
-- NOTE: sweets and biscuits (group 12) are assigned from their usual
-- recipe, and chestnuts (Hạt dẻ) and chocolate are left out; a packaged
-- product's label decides.
INSERT INTO allergen_group_foods (group_id, food_code) VALUES
	-- Crustaceans: crab, shrimp, their pastes and crackers.
	(2, 8033), (2, 8034), (2, 8035), (2, 8045), (2, 8046), (2, 8049),
	(2, 8050), (2, 8051), (2, 8052), (2, 8053), (2, 8055), (2, 8056),
	(2, 8059),
	-- Molluscs: clams, squid, snails, cockles, mussels.
	(3, 8037), (3, 8039), (3, 8040), (3, 8041), (3, 8042), (3, 8043),
	(3, 8044), (3, 8048), (3, 8054),
	-- Fish, eel, fish flour and floss, roe, fish sauces.
	(4, 8001), (4, 8002), (4, 8003), (4, 8005), (4, 8006), (4, 8009),
	(4, 8011), (4, 8014), (4, 8015), (4, 8016), (4, 8018), (4, 8019),
	(4, 8022), (4, 8023), (4, 8024), (4, 8026), (4, 8027), (4, 8028),
	(4, 8029), (4, 8030), (4, 8031), (4, 8032), (4, 8038), (4, 8057),
	(4, 8058), (4, 9008), (4, 13014), (4, 13015), (4, 13016),
	(4, 13017), (4, 13018),
	-- Milk of cows and goats and what is made of it.
	(5, 10001), (5, 10002), (5, 10004), (5, 10005), (5, 10006),
	(5, 10007), (5, 10008), (5, 10009), (5, 6001), (5, 12006),
	(5, 12015), (5, 12023),
	-- Eggs of any bird, egg powder, egg biscuits.
	(6, 9001), (6, 9002), (6, 9003), (6, 9004), (6, 9005), (6, 9006),
	(6, 9007), (6, 9010), (6, 9011), (6, 12011),
	-- Peanuts, peanut flour, oil and sweets.
	(7, 3017), (7, 3024), (7, 6002), (7, 6011), (7, 12020), (7, 12027),
	-- Tree nuts: cashews.
	(8, 3015), (8, 3030),
	-- Soybeans, tofu, soy milk, sprouts, oil, soy and bean sauces.
	(9, 3007), (9, 3021), (9, 3022), (9, 3025), (9, 3026), (9, 3027),
	(9, 3031), (9, 3032), (9, 3033), (9, 4035), (9, 6010), (9, 13019),
	(9, 13020), (9, 13022),
	-- Wheat flour, bread, noodles, buns, biscuits, wheat-based sauces.
	(10, 1009), (10, 1012), (10, 1018), (10, 1022), (10, 12001),
	(10, 12002), (10, 12004), (10, 12006), (10, 12008), (10, 12011),
	(10, 13010), (10, 13022),
	-- Sesame seeds, oil and sweets.
	(11, 3020), (11, 6002), (11, 6012), (11, 12024);
-- Seafood: every crustacean, mollusc and fish, and Rươi (a marine worm).
INSERT INTO allergen_group_foods (group_id, food_code)
	SELECT 1, food_code FROM allergen_group_foods
	WHERE group_id IN (2, 3, 4);
INSERT INTO allergen_group_foods (group_id, food_code) VALUES (1, 8047);

-- Health: measurements, check-ups and the school medical room.
--
-- A measurement keeps the z-scores and categories computed when it was
-- saved (growth.c, WHO 2006/2007), so a printed report can be rebuilt
-- from the rows alone.  A z-score is NULL when it could not be computed;
-- a category is the stable name from mn_growth_category_name.
-- measure_again is 1 when WHO flags a z-score as implausible: the row is
-- kept for the nurse to check and left out of the round statistics.
-- round is the measuring round's 'YYYY-MM' label ('' outside a round).
-- Allergies and chronic conditions are columns of children.
CREATE TABLE measurements (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	measured_on TEXT NOT NULL,
	round TEXT NOT NULL DEFAULT ''
	    CHECK (round = '' OR round GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
	weight_kg REAL CHECK (weight_kg IS NULL
	    OR weight_kg BETWEEN 1.0 AND 60.0),
	height_cm REAL CHECK (height_cm IS NULL
	    OR height_cm BETWEEN 38.0 AND 150.0),
	position TEXT NOT NULL CHECK (position IN ('lying', 'standing')),
	head_cm REAL CHECK (head_cm IS NULL OR head_cm BETWEEN 25.0 AND 60.0),
	age_days INTEGER NOT NULL CHECK (age_days >= 0),
	z_wfa REAL,
	z_lhfa REAL,
	z_wflh REAL,
	z_bfa REAL,
	cat_wfa TEXT NOT NULL DEFAULT 'none',
	cat_lhfa TEXT NOT NULL DEFAULT 'none',
	cat_wflh TEXT NOT NULL DEFAULT 'none',
	cat_bfa TEXT NOT NULL DEFAULT 'none',
	measure_again INTEGER NOT NULL DEFAULT 0
	    CHECK (measure_again IN (0, 1)),
	note TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	CHECK (weight_kg IS NOT NULL OR height_cm IS NOT NULL),
	UNIQUE (child_id, measured_on)
);
CREATE INDEX measurements_round ON measurements(round, child_id);

-- Periodic check-up (khám sức khỏe định kỳ); findings by organ system.
-- Blood pressure, heart rate and eyesight are taken from 36 months.
CREATE TABLE checkups (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	checked_on TEXT NOT NULL,
	examiner TEXT NOT NULL CHECK (length(examiner) >= 1),
	facility TEXT NOT NULL DEFAULT '',
	blood_pressure TEXT NOT NULL DEFAULT '',
	heart_rate INTEGER CHECK (heart_rate IS NULL
	    OR heart_rate BETWEEN 40 AND 220),
	eyesight_left TEXT NOT NULL DEFAULT '',
	eyesight_right TEXT NOT NULL DEFAULT '',
	eyes TEXT NOT NULL DEFAULT '',
	ent TEXT NOT NULL DEFAULT '',
	teeth TEXT NOT NULL DEFAULT '',
	skin TEXT NOT NULL DEFAULT '',
	heart TEXT NOT NULL DEFAULT '',
	lungs TEXT NOT NULL DEFAULT '',
	other TEXT NOT NULL DEFAULT '',
	conclusion TEXT NOT NULL DEFAULT '',
	advice TEXT NOT NULL DEFAULT '',
	referral TEXT NOT NULL DEFAULT '',
	parent_informed_on TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX checkups_child ON checkups(child_id, checked_on);

-- Daily medical room log (sổ theo dõi y tế).  visit_at is local
-- 'YYYY-MM-DD HH:MM', the time the child came in.
CREATE TABLE medical_visits (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	visit_at TEXT NOT NULL,
	complaint TEXT NOT NULL CHECK (length(complaint) >= 1),
	temperature_c REAL CHECK (temperature_c IS NULL
	    OR temperature_c BETWEEN 34.0 AND 43.0),
	action TEXT NOT NULL CHECK (action IN ('first_aid', 'rest',
	    'medicine', 'sent_home', 'referred', 'other')),
	medicine TEXT NOT NULL DEFAULT '',
	parent_informed INTEGER NOT NULL DEFAULT 0
	    CHECK (parent_informed IN (0, 1)),
	note TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX medical_visits_child ON medical_visits(child_id, visit_at);
CREATE INDEX medical_visits_at ON medical_visits(visit_at);

-- Medicine handed over by parents: what to give, how much, at which
-- times of day ('10:30, 14:00') from first_day to last_day.
CREATE TABLE medicine_requests (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	medicine TEXT NOT NULL CHECK (length(medicine) >= 1),
	dose TEXT NOT NULL CHECK (length(dose) >= 1),
	times TEXT NOT NULL CHECK (length(times) >= 1),
	first_day TEXT NOT NULL,
	last_day TEXT NOT NULL CHECK (last_day >= first_day),
	parent_note TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX medicine_requests_child ON medicine_requests(child_id,
    first_day);

-- Each dose given, appended by the person who gave it.  The program has
-- no call that edits or deletes a dose.
CREATE TABLE medicine_doses (
	id INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES medicine_requests(id),
	given_at TEXT NOT NULL,
	given_by TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX medicine_doses_request ON medicine_doses(request_id, given_at);

-- Accidents and injuries (tai nạn thương tích).
CREATE TABLE injuries (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	occurred_at TEXT NOT NULL,
	place TEXT NOT NULL DEFAULT '',
	kind TEXT NOT NULL CHECK (kind IN ('fall', 'burn', 'drowning',
	    'choking', 'cut', 'bite', 'poisoning', 'other')),
	body_part TEXT NOT NULL DEFAULT '',
	severity TEXT NOT NULL CHECK (severity IN ('minor', 'moderate',
	    'severe')),
	first_aid TEXT NOT NULL DEFAULT '',
	referral TEXT NOT NULL DEFAULT '',
	outcome TEXT NOT NULL DEFAULT '',
	days_absent INTEGER NOT NULL DEFAULT 0 CHECK (days_absent >= 0),
	reported_on TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX injuries_child ON injuries(child_id, occurred_at);

-- Vaccinations from the family book, the national immunisation record
-- or given at a school session; catch_up marks a missing dose to arrange.
CREATE TABLE vaccinations (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	vaccine TEXT NOT NULL CHECK (length(vaccine) >= 1),
	dose_number INTEGER NOT NULL CHECK (dose_number BETWEEN 1 AND 10),
	given_on TEXT,
	source TEXT NOT NULL CHECK (source IN ('family_book',
	    'national_record', 'school')),
	catch_up INTEGER NOT NULL DEFAULT 0 CHECK (catch_up IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	CHECK (given_on IS NOT NULL OR catch_up = 1)
);
CREATE INDEX vaccinations_child ON vaccinations(child_id, vaccine);

-- Parents, consent and privacy: parent accounts linked to children,
-- feedback and correction requests, announcements with read receipts,
-- the consent register, data-use approvals and purges of audit values.

-- A parent account (role 'parent') sees the children linked here and
-- nothing else.
CREATE TABLE parent_children (
	id INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	child_id INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
	linked_by TEXT NOT NULL,
	linked_at TEXT NOT NULL,
	UNIQUE (account_id, child_id)
);
CREATE INDEX parent_children_child ON parent_children(child_id);

-- A message from a parent about one child, to the child's class teachers
-- or to the school.  kind 'correction' threads have one row in
-- correction_requests.  answer_read_at is set when the parent opens the
-- answer.
CREATE TABLE feedback (
	id INTEGER PRIMARY KEY,
	parent_id INTEGER NOT NULL REFERENCES accounts(id),
	parent_login TEXT NOT NULL,
	child_id INTEGER NOT NULL REFERENCES children(id),
	recipient TEXT NOT NULL CHECK (recipient IN ('teacher', 'school')),
	kind TEXT NOT NULL
	    CHECK (kind IN ('feedback', 'complaint', 'correction')),
	subject TEXT NOT NULL CHECK (length(subject) >= 1),
	body TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'new'
	    CHECK (status IN ('new', 'in_progress', 'answered', 'closed')),
	assignee_id INTEGER REFERENCES accounts(id),
	answer TEXT NOT NULL DEFAULT '',
	answered_by TEXT,
	answered_at TEXT,
	answer_read_at TEXT,
	created_at TEXT NOT NULL,
	closed_at TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX feedback_child ON feedback(child_id, created_at);
CREATE INDEX feedback_parent ON feedback(parent_id, created_at);
CREATE INDEX feedback_status ON feedback(status, created_at);

-- A parent's request to change one field of the child record.  An
-- accepted request is applied through the registers core, which checks
-- the value like any other edit.
CREATE TABLE correction_requests (
	feedback_id INTEGER PRIMARY KEY REFERENCES feedback(id),
	field TEXT NOT NULL,
	current_value TEXT NOT NULL DEFAULT '',
	requested_value TEXT NOT NULL,
	decision TEXT CHECK (decision IS NULL
	    OR decision IN ('accepted', 'rejected')),
	decided_by TEXT,
	decided_at TEXT,
	reason TEXT NOT NULL DEFAULT ''
);

-- class_id NULL: the whole school.
CREATE TABLE announcements (
	id INTEGER PRIMARY KEY,
	class_id INTEGER REFERENCES classes(id),
	title TEXT NOT NULL CHECK (length(title) >= 1),
	body TEXT NOT NULL,
	author_id INTEGER REFERENCES accounts(id),
	author TEXT NOT NULL,
	published_at TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX announcements_class ON announcements(class_id, published_at);

CREATE TABLE announcement_reads (
	announcement_id INTEGER NOT NULL REFERENCES announcements(id)
	    ON DELETE CASCADE,
	account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	read_at TEXT NOT NULL,
	PRIMARY KEY (announcement_id, account_id)
) WITHOUT ROWID;

-- The consent register, one row per grant or withdrawal.  The newest row
-- of a child and purpose is in force, and no row means no consent.
-- Source 'parent_account' is consent given by the parent in the program
-- (recorded_by is the parent's login).  Source 'paper_form' is entered
-- by staff from the signed form paper_ref, signed by given_by.
CREATE TABLE consents (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	purpose TEXT NOT NULL CHECK (purpose IN ('photos_media',
	    'health_authority', 'other_organisations',
	    'class_group_contacts')),
	granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
	source TEXT NOT NULL
	    CHECK (source IN ('parent_account', 'paper_form')),
	paper_ref TEXT NOT NULL DEFAULT '',
	given_by TEXT NOT NULL DEFAULT '',
	recorded_by_id INTEGER REFERENCES accounts(id),
	recorded_by TEXT NOT NULL,
	recorded_at TEXT NOT NULL,
	CHECK (source = 'parent_account' OR length(paper_ref) >= 1)
);
CREATE INDEX consents_child ON consents(child_id, purpose, id);
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
BEGIN
	SELECT RAISE(ABORT, 'consent rows cannot be changed; add a new one');
END;

-- The principal's approval of one use of personal data.  id is 12
-- random base32 characters, so it cannot be guessed.  An approval is
-- bound to the account that requested it (requested_by_id; NULL for
-- the host administrator).  consent_purpose, when set, limits the use
-- to children whose consent for that purpose is in force.  status
-- 'expired' is written when a use is refused after valid_until.
CREATE TABLE data_approvals (
	id TEXT PRIMARY KEY CHECK (length(id) = 12
	    AND id NOT GLOB '*[^A-Z2-7]*'),
	requested_by_id INTEGER REFERENCES accounts(id),
	requested_by TEXT NOT NULL,
	data_kind TEXT NOT NULL CHECK (data_kind IN ('children', 'staff',
	    'health', 'attendance', 'growth', 'audit')),
	purpose TEXT NOT NULL CHECK (length(purpose) >= 1),
	consent_purpose TEXT CHECK (consent_purpose IS NULL
	    OR consent_purpose IN ('photos_media', 'health_authority',
	    'other_organisations', 'class_group_contacts')),
	valid_until TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'requested' CHECK (status IN
	    ('requested', 'approved', 'rejected', 'expired')),
	decided_by TEXT,
	decided_at TEXT,
	-- Scope: the one class the export may cover; NULL: no class limit.
	class_code TEXT,
	-- The principal's reason, required when she rejects.
	decision_note TEXT,
	-- Who wrote the request when it is for another account.
	written_by TEXT,
	use_count INTEGER NOT NULL DEFAULT 0,
	last_used_at TEXT,
	created_at TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);
CREATE INDEX data_approvals_created ON data_approvals(created_at);

-- One row per audit row whose values were purged, written before the
-- DELETE on audit_values in the same transaction (see the trigger
-- audit_values_no_delete).
CREATE TABLE audit_purges (
	audit_id INTEGER PRIMARY KEY REFERENCES audit(id),
	purged_by TEXT NOT NULL,
	purged_at TEXT NOT NULL,
	reason TEXT NOT NULL CHECK (length(reason) >= 1)
);
CREATE TRIGGER audit_purges_no_update BEFORE UPDATE ON audit_purges
BEGIN
	SELECT RAISE(ABORT, 'audit purge rows cannot be changed');
END;
CREATE TRIGGER audit_purges_no_delete BEFORE DELETE ON audit_purges
BEGIN
	SELECT RAISE(ABORT, 'audit purge rows cannot be deleted');
END;

-- Attendance and daily logs: the class-day record with one mark per
-- child, each child's daily log, and the class diary.
--
-- A class-day row exists once anyone saved attendance, a daily log grid
-- or the diary for that class and day.  attendance_saved is 1 once its
-- marks were taken.  Until then every child counts as present.
-- version is the one the attendance screen reads and saves against, so
-- two teachers saving the same class-day cannot overwrite each other.
CREATE TABLE class_days (
	id INTEGER PRIMARY KEY,
	class_id INTEGER NOT NULL REFERENCES classes(id),
	day TEXT NOT NULL,
	attendance_saved INTEGER NOT NULL DEFAULT 0
	    CHECK (attendance_saved IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	UNIQUE (class_id, day)
);
CREATE INDEX class_days_day ON class_days(day);

-- mark: present, excused (vắng có phép), unexcused (vắng không phép),
-- late (đi muộn, counted as present).
CREATE TABLE attendance_marks (
	class_day_id INTEGER NOT NULL REFERENCES class_days(id)
	    ON DELETE CASCADE,
	child_id INTEGER NOT NULL REFERENCES children(id),
	mark TEXT NOT NULL CHECK (mark IN ('present', 'excused', 'unexcused',
	    'late')),
	note TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (class_day_id, child_id)
) WITHOUT ROWID;
CREATE INDEX attendance_marks_child ON attendance_marks(child_id);

-- One row per child and day, with the kitchen's meals (breakfast,
-- lunch, afternoon, snack).  A meal is NULL until recorded, then all
-- (ăn hết), part (ăn một phần) or refused (không ăn).  temperature is in
-- degrees Celsius, NULL when not taken.
CREATE TABLE daily_logs (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	day TEXT NOT NULL,
	breakfast TEXT CHECK (breakfast IN ('all', 'part', 'refused')),
	lunch TEXT CHECK (lunch IN ('all', 'part', 'refused')),
	afternoon TEXT CHECK (afternoon IN ('all', 'part', 'refused')),
	snack TEXT CHECK (snack IN ('all', 'part', 'refused')),
	nap_minutes INTEGER CHECK (nap_minutes BETWEEN 0 AND 300),
	temperature REAL CHECK (temperature BETWEEN 34 AND 43),
	symptoms TEXT NOT NULL DEFAULT '',
	medicine TEXT NOT NULL DEFAULT '',
	behaviour TEXT NOT NULL DEFAULT '',
	learning TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	UNIQUE (child_id, day)
);

-- The day's activities of a class (nhật ký lớp), one per class-day.
CREATE TABLE class_diary (
	class_day_id INTEGER PRIMARY KEY REFERENCES class_days(id)
	    ON DELETE CASCADE,
	activities TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL
);

-- Drafts: the values of a form left unsaved when its session ended
-- without the user (a dropped connection, SIGTERM, the idle timeout).
-- One draft per account and form key ("account_form:LOGIN"); it is
-- offered at that account's next login and deleted once reopened or
-- declined.  values_json is a JSON object of field name to text.
-- Password fields are never stored.
CREATE TABLE drafts (
	account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	form_key TEXT NOT NULL CHECK (length(form_key) BETWEEN 1 AND 127),
	values_json TEXT NOT NULL CHECK (json_valid(values_json)),
	saved_at TEXT NOT NULL,
	PRIMARY KEY (account_id, form_key)
) WITHOUT ROWID;
