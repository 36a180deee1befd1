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
