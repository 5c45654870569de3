-- Screening, safeguarding concerns, audit log, retention, teacher schools.
ALTER TABLE ideas ADD COLUMN public_text TEXT NOT NULL DEFAULT '';
ALTER TABLE ideas ADD COLUMN flags TEXT NOT NULL DEFAULT '';      -- comma-separated screening flags
ALTER TABLE ideas ADD COLUMN reasons TEXT NOT NULL DEFAULT '[]';  -- JSON list of human-readable reasons
UPDATE ideas SET public_text = text;

ALTER TABLE events ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 30 CHECK (retention_days BETWEEN 0 AND 3650);
ALTER TABLE events ADD COLUMN extra_words TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN purged_at TEXT;

ALTER TABLE event_staff ADD COLUMN school_id INTEGER REFERENCES schools (id) ON DELETE CASCADE;

-- A possible disclosure or a pupil's request for help: only safeguarding leads ever see these.
CREATE TABLE concerns (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    school_id INTEGER REFERENCES schools (id) ON DELETE SET NULL,
    prompt_id INTEGER REFERENCES prompts (id) ON DELETE SET NULL,
    participant_id INTEGER REFERENCES participants (id) ON DELETE SET NULL,
    source TEXT NOT NULL CHECK (source IN ('screening', 'help_form', 'facilitator')),
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    contact TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 300),
    reasons TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'passed_to_dsl', 'closed')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX concerns_by_event ON concerns (event_id, status);

CREATE TABLE concern_updates (
    id INTEGER PRIMARY KEY,
    concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'passed_to_dsl', 'closed')),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Who opened, read or changed which concern. No concern text is copied here.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    concern_id INTEGER,
    detail TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX audit_by_event ON audit_log (event_id, id);

-- What survives the retention purge: anonymous counts, no text a pupil wrote.
CREATE TABLE event_aggregates (
    event_id INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    summary TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
