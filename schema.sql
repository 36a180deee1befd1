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
CREATE TRIGGER audit_values_no_delete BEFORE DELETE ON audit_values
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
-- (NĐ 57/2017/NĐ-CP); alias holds another common name, for import.
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
CREATE TABLE classes (
	id INTEGER PRIMARY KEY,
	school_year_id INTEGER NOT NULL REFERENCES school_years(id),
	code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 16),
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

-- Attendance and daily logs: the class-day record with one mark per
-- child, each child's daily log, and the class diary.
--
-- A class-day row exists once anyone saved attendance, a daily log grid
-- or the diary for that class and day.  attendance_saved tells whether
-- its marks were taken; until then every child counts as present.
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

-- One row per child and day.  A meal is NULL until recorded, then all
-- (ăn hết), part (ăn một phần) or refused (không ăn).  temperature is in
-- degrees Celsius, NULL when not taken.
CREATE TABLE daily_logs (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES children(id),
	day TEXT NOT NULL,
	breakfast TEXT CHECK (breakfast IN ('all', 'part', 'refused')),
	lunch TEXT CHECK (lunch IN ('all', 'part', 'refused')),
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
