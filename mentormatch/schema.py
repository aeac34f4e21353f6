"""The database schema as an ordered list of migrations.

Migration N brings a database from user_version N-1 to N. Never edit a migration that has
shipped: append a new one. Dates are ISO text (YYYY-MM-DD), timestamps ISO text in local time.
"""

import json

from mentormatch import pinyin
from mentormatch.settings import DEFAULTS

# PRAGMA application_id marks a file as ours ("MMAT"), so a foreign SQLite file is refused.
APPLICATION_ID = 0x4D4D4154

MIGRATION_1 = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL                 -- JSON
);

CREATE TABLE trades (
    id INTEGER PRIMARY KEY,
    code TEXT,                          -- national occupation code, optional (焊工 6-18-02-04)
    name_zh TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL DEFAULT '',
    retired INTEGER NOT NULL DEFAULT 0
);
-- majors and other names that map to a trade (焊接技术应用 -> 焊工)
CREATE TABLE trade_aliases (
    alias TEXT PRIMARY KEY,
    trade_id INTEGER NOT NULL REFERENCES trades(id) ON DELETE CASCADE
);
-- stored in both directions
CREATE TABLE trade_relations (
    trade_id INTEGER NOT NULL REFERENCES trades(id) ON DELETE CASCADE,
    related_id INTEGER NOT NULL REFERENCES trades(id) ON DELETE CASCADE,
    PRIMARY KEY (trade_id, related_id),
    CHECK (trade_id <> related_id)
);

CREATE TABLE colleges (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE enterprises (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    short_name TEXT NOT NULL DEFAULT '',
    credit_code TEXT UNIQUE,            -- GB 32100, optional
    contact TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    start_date TEXT,
    end_date TEXT,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE programme_colleges (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    college_id INTEGER NOT NULL REFERENCES colleges(id) ON DELETE RESTRICT,
    PRIMARY KEY (programme_id, college_id)
);
CREATE TABLE programme_enterprises (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises(id) ON DELETE RESTRICT,
    PRIMARY KEY (programme_id, enterprise_id)
);

-- skill levels: 1 初级工, 2 中级工, 3 高级工, 4 技师, 5 高级技师
CREATE TABLE mentors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    gender TEXT NOT NULL DEFAULT '',    -- 'M', 'F' or ''
    enterprise_id INTEGER NOT NULL REFERENCES enterprises(id) ON DELETE RESTRICT,
    employee_no TEXT,                   -- optional, unique within the enterprise
    trade_id INTEGER NOT NULL REFERENCES trades(id) ON DELETE RESTRICT,
    skill_level INTEGER NOT NULL DEFAULT 3 CHECK (skill_level BETWEEN 1 AND 5),
    title TEXT NOT NULL DEFAULT '',
    years INTEGER NOT NULL DEFAULT 0 CHECK (years >= 0),
    capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),  -- NULL: the default setting
    phone TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    term_from TEXT,
    term_to TEXT,
    notes TEXT NOT NULL DEFAULT '',
    UNIQUE (enterprise_id, employee_no)
);
CREATE INDEX mentors_trade ON mentors(trade_id);
CREATE INDEX mentors_name ON mentors(name);
-- additional trades beyond the primary one
CREATE TABLE mentor_trades (
    mentor_id INTEGER NOT NULL REFERENCES mentors(id) ON DELETE CASCADE,
    trade_id INTEGER NOT NULL REFERENCES trades(id) ON DELETE RESTRICT,
    PRIMARY KEY (mentor_id, trade_id)
);
CREATE INDEX mentor_trades_trade ON mentor_trades(trade_id);

CREATE TABLE apprentices (
    id INTEGER PRIMARY KEY,
    student_no TEXT NOT NULL,
    name TEXT NOT NULL,
    gender TEXT NOT NULL DEFAULT '',
    college_id INTEGER NOT NULL REFERENCES colleges(id) ON DELETE RESTRICT,
    class_name TEXT NOT NULL DEFAULT '',
    major TEXT NOT NULL DEFAULT '',
    trade_id INTEGER NOT NULL REFERENCES trades(id) ON DELETE RESTRICT,
    kind TEXT NOT NULL DEFAULT 'student' CHECK (kind IN ('student', 'employee')),
    target_level INTEGER NOT NULL DEFAULT 2 CHECK (target_level BETWEEN 1 AND 5),
    host_enterprise_id INTEGER REFERENCES enterprises(id) ON DELETE RESTRICT,
    programme_id INTEGER REFERENCES programmes(id) ON DELETE RESTRICT,
    id_number TEXT,                     -- GB 11643, optional, stored normalised
    phone TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    end_date TEXT,
    preferred_mentor_id INTEGER REFERENCES mentors(id) ON DELETE SET NULL,
    notes TEXT NOT NULL DEFAULT '',
    UNIQUE (college_id, student_no)
);
CREATE INDEX apprentices_trade ON apprentices(trade_id);
CREATE INDEX apprentices_programme ON apprentices(programme_id);
CREATE INDEX apprentices_host ON apprentices(host_enterprise_id);
CREATE INDEX apprentices_name ON apprentices(name);

-- A pair is active while ended_at IS NULL; ended pairs are history and never deleted.
-- status: 'proposed' (a draft from the matcher) or 'confirmed'.
CREATE TABLE pairs (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER REFERENCES programmes(id) ON DELETE RESTRICT,
    apprentice_id INTEGER NOT NULL REFERENCES apprentices(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES mentors(id) ON DELETE RESTRICT,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed')),
    locked INTEGER NOT NULL DEFAULT 0,
    score INTEGER,
    breakdown TEXT,                     -- JSON: the score's terms
    override_reason TEXT,               -- set when a hard rule was overridden by hand
    created_at TEXT NOT NULL,
    confirmed_at TEXT,
    ended_at TEXT,
    end_reason TEXT
);
CREATE UNIQUE INDEX pairs_one_active ON pairs(apprentice_id, IFNULL(programme_id, 0))
    WHERE ended_at IS NULL;
CREATE INDEX pairs_mentor_active ON pairs(mentor_id) WHERE ended_at IS NULL;
CREATE INDEX pairs_programme ON pairs(programme_id);

-- "never pair these two"
CREATE TABLE exclusions (
    apprentice_id INTEGER NOT NULL REFERENCES apprentices(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES mentors(id) ON DELETE CASCADE,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    PRIMARY KEY (apprentice_id, mentor_id)
);

-- The register of letters of appointment. A serial is never reused; revoked rows stay.
CREATE TABLE letters (
    id INTEGER PRIMARY KEY,
    serial TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    mentor_id INTEGER NOT NULL REFERENCES mentors(id) ON DELETE RESTRICT,
    programme_id INTEGER REFERENCES programmes(id) ON DELETE RESTRICT,
    term_from TEXT,
    term_to TEXT,
    issue_date TEXT NOT NULL,
    issuers TEXT NOT NULL DEFAULT '[]', -- JSON list of organisation names
    template TEXT NOT NULL,
    revoked_at TEXT,
    revoke_reason TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX letters_mentor ON letters(mentor_id);

-- column mappings remembered per set of headers (import wizard)
CREATE TABLE import_mappings (
    headers_key TEXT PRIMARY KEY,
    mapping TEXT NOT NULL               -- JSON
);
"""

# Why the application ended a pair is a code; end_reason keeps only the coordinator's own words.
MIGRATION_2 = """
ALTER TABLE pairs ADD COLUMN end_code TEXT CHECK (end_code IN (
    'rematch_pending',    -- a re-match draft under review moves the apprentice
    'rematched',          -- that draft was accepted
    'moved',              -- paired by hand with another mentor
    'excluded',           -- the two were excluded from pairing
    'mentor_deactivated', -- the mentor was deactivated
    'record_ended'        -- the coordinator ended the apprentice's pairs
));
UPDATE pairs SET end_code = 'rematch_pending', end_reason = NULL WHERE end_reason = 're-matched (draft under review)';
UPDATE pairs SET end_code = 'rematched', end_reason = NULL WHERE end_reason = 're-matched';
"""

# One home for a mentor's capacity, load and free places and for the mentors of a programme
# (named reads in capacity.py). The default capacity moves into the settings table so that the
# view can read it; its first value is the setting's default.
MIGRATION_3 = f"""
INSERT OR IGNORE INTO settings (key, value) VALUES ('default_capacity', '{json.dumps(DEFAULTS["default_capacity"])}');

-- the view's counts read this index alone (it replaces pairs_mentor_active)
CREATE INDEX pairs_mentor_status_active ON pairs(mentor_id, status) WHERE ended_at IS NULL;
DROP INDEX pairs_mentor_active;

-- capacity: the mentor's own, else the setting; load = confirmed + draft pairs that are active, across
-- all programmes; free places count confirmed pairs only (free_confirmed) or the draft too
-- (free_after_draft), never below 0, and an inactive mentor has none.
CREATE VIEW mentor_capacity AS
SELECT mentor_id, active, capacity, confirmed_load, draft_load, confirmed_load + draft_load AS load,
    CASE WHEN active THEN MAX(capacity - confirmed_load, 0) ELSE 0 END AS free_confirmed,
    CASE WHEN active THEN MAX(capacity - confirmed_load - draft_load, 0) ELSE 0 END AS free_after_draft
FROM (SELECT m.id AS mentor_id, m.active,
          COALESCE(m.capacity, (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'default_capacity')) AS capacity,
          (SELECT COUNT(*) FROM pairs p WHERE p.mentor_id = m.id AND p.ended_at IS NULL AND p.status = 'confirmed') AS confirmed_load,
          (SELECT COUNT(*) FROM pairs p WHERE p.mentor_id = m.id AND p.ended_at IS NULL AND p.status = 'proposed') AS draft_load
      FROM mentors m);

-- every trade a mentor teaches: the primary one and the additional ones
CREATE VIEW mentor_teaches AS
SELECT id AS mentor_id, trade_id FROM mentors
UNION
SELECT mentor_id, trade_id FROM mentor_trades;

-- the mentors of a programme: those of its enterprises and those with an active pair in it (a mentor
-- may be listed more than once: ask with IN or EXISTS; UNION ALL lets SQLite push a condition down)
CREATE VIEW programme_mentors AS
SELECT pe.programme_id, m.id AS mentor_id FROM programme_enterprises pe JOIN mentors m ON m.enterprise_id = pe.enterprise_id
UNION ALL
SELECT programme_id, mentor_id FROM pairs WHERE ended_at IS NULL AND programme_id IS NOT NULL;
"""

# Who created, changed or deleted what and when (audit.py). Rows are written in the transaction of
# the change they describe and never changed. Personal data (ID numbers, phones) is masked before it
# is written here, so no screen or export of the history can show it in full and a deleted record
# leaves no full ID number behind.
MIGRATION_4 = """
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,             -- in the order written: newest first is ORDER BY id DESC
    at TEXT NOT NULL,                   -- store.now_iso()
    os_user TEXT NOT NULL,              -- the operating-system user
    computer TEXT NOT NULL,             -- the computer's name
    action TEXT NOT NULL,               -- a key of audit.ACTIONS: create, update, delete, confirm, issue, ...
    kind TEXT NOT NULL,                 -- a key of audit.KINDS: apprentices, ..., pairs, letters, settings, database
    record_id INTEGER,                  -- the row of that table, if one
    summary TEXT NOT NULL,              -- what it is, readable: 张三 (2024001) — 王金松
    details TEXT                        -- JSON {field: [old, new]}, masked
);
CREATE INDEX audit_kind ON audit(kind);
"""

# The pinyin the lists search and sort names by (pinyin.py): written with each name, by
# records.Batch and the sample generators; filled here for the rows a database already has.
MIGRATION_5 = """
ALTER TABLE apprentices ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
UPDATE apprentices SET name_pinyin = person_pinyin(name);
UPDATE mentors SET name_pinyin = person_pinyin(name);
UPDATE enterprises SET name_pinyin = phrase_pinyin(name);
"""

# The trades and majors rosters name that the first catalog lacked (catalog.py), for databases
# seeded before it had them: only what is missing is inserted, so a trade or alias the coordinator
# renamed, moved or created keeps its place (an alias that is now the name of a trade is left out).
# A new database is seeded after its migrations, from the whole catalog: nothing to do here then.
MIGRATION_6 = """
INSERT OR IGNORE INTO trades (code, name_zh, name_en)
SELECT NULL, '铣工', 'Milling machine operator' WHERE EXISTS (SELECT 1 FROM trades);

WITH added (alias, trade) AS (VALUES
    ('焊接技术及自动化', '焊工'), ('智能焊接技术', '焊工'), ('气焊工', '焊工'),
    ('汽车检测与维修技术', '汽车维修工'), ('新能源汽车检测与维修', '汽车维修工'), ('新能源汽车运用与维修', '汽车维修工'),
    ('汽车电器维修', '汽车维修工'), ('汽车机电维修', '汽车维修工'), ('汽车修理工', '汽车维修工'),
    ('汽车制造与试验技术', '汽车装调工'),
    ('机械加工技术', '车工'),
    ('数控技术', '数控车工'),
    ('工具钳工', '钳工'), ('机械设备装配与自动控制', '钳工'),
    ('电气设备运行与控制', '电工'), ('电气技术应用', '电工'), ('电气自动化技术', '电工'),
    ('机电一体化', '电工'), ('机电一体化技术', '电工'),
    ('工业机器人技术', '工业机器人系统操作员'),
    ('模具制造技术', '模具工'), ('模具设计', '模具工'),
    ('冷作钣金加工', '钣金工'), ('冷作钣金工', '钣金工'),
    ('汽车喷漆', '汽车涂装工'), ('涂装工', '汽车涂装工'),
    ('数控设备应用与维护', '机床装调维修工'), ('机电设备维修', '机床装调维修工'),
    ('电子技术', '电子设备装接工'), ('电子电器应用与维修', '电子设备装接工'),
    ('化学工艺', '化工总控工'), ('石油化工生产技术', '化工总控工'),
    ('铣削加工', '铣工'))
INSERT OR IGNORE INTO trade_aliases (alias, trade_id)
SELECT added.alias, trades.id FROM added JOIN trades ON trades.name_zh = added.trade
WHERE NOT EXISTS (SELECT 1 FROM trades named WHERE named.name_zh = added.alias);

WITH added (a, b) AS (VALUES ('铣工', '数控铣工'), ('数控铣工', '铣工'))
INSERT OR IGNORE INTO trade_relations (trade_id, related_id)
SELECT x.id, y.id FROM added JOIN trades x ON x.name_zh = added.a JOIN trades y ON y.name_zh = added.b;
"""

# What each draft was proposed from (issue 11: a draft never lies about being current): a hash of
# the inputs matching.draft_inputs reads, so a draft proposed before weights, capacities,
# exclusions, records or other pairs changed says it is out of date. A draft's pairs are the ids
# first_pair_id..last_pair_id (written together). No foreign key: a row outlives nothing that matters.
MIGRATION_7 = """
CREATE TABLE drafts (
    first_pair_id INTEGER PRIMARY KEY,  -- the draft's pairs: first_pair_id..last_pair_id
    last_pair_id INTEGER NOT NULL,
    programme_id INTEGER,               -- the scope proposed for; NULL: every programme
    allow_related INTEGER NOT NULL,     -- related trades were allowed
    inputs TEXT NOT NULL                -- matching.draft_inputs when it was written ('' : out of date at once)
);
"""

# The register numbers more than one kind of paper (letters.PAPERS): letters of appointment to mentors
# ('appointment', every row so far) and apprentices' completion certificates ('certificate'), each kind
# its own sequence of serials. A certificate holds its apprentice and the mentor of their pair (mentor_id),
# so mentor_id stays NOT NULL and the table needs no rebuild.
MIGRATION_8_CERTIFICATES = """
ALTER TABLE letters ADD COLUMN kind TEXT NOT NULL DEFAULT 'appointment';
ALTER TABLE letters ADD COLUMN apprentice_id INTEGER REFERENCES apprentices(id) ON DELETE RESTRICT;
CREATE INDEX letters_apprentice ON letters(apprentice_id) WHERE apprentice_id IS NOT NULL;
"""

MIGRATIONS: list[str] = [MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4, MIGRATION_5, MIGRATION_6, MIGRATION_7,
                         MIGRATION_8_CERTIFICATES]
SCHEMA_VERSION = len(MIGRATIONS)

# Functions the migrations may call (store._migrate registers them): what only Python computes.
SQL_FUNCTIONS = {"person_pinyin": pinyin.person, "phrase_pinyin": pinyin.phrase}

# Tables every MentorMatch database has; used to recognise a damaged or foreign file.
CORE_TABLES = {"settings", "trades", "enterprises", "mentors", "apprentices", "pairs"}
