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
