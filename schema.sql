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

CREATE TABLE purchases (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL,
	food_id INTEGER NOT NULL REFERENCES foods(id),
	quantity REAL NOT NULL CHECK (quantity > 0 AND quantity <= 100000),
	unit_price INTEGER NOT NULL CHECK (unit_price BETWEEN 0 AND 100000000),
	amount INTEGER NOT NULL CHECK (amount >= 0),
	supplier TEXT NOT NULL DEFAULT '',
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

-- A child's allergy to a food of the table, so that a dish containing
-- the food flags the child.  child_id has no REFERENCES clause because
-- the children table is created by the children module.
CREATE TABLE child_allergies (
	child_id INTEGER NOT NULL,
	food_id INTEGER NOT NULL REFERENCES foods(id),
	note TEXT NOT NULL DEFAULT '',
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	PRIMARY KEY (child_id, food_id)
) WITHOUT ROWID;
