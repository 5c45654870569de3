-- Take-back school packs: per-school drafts the facilitator edits and releases, and teacher links.
CREATE TABLE packs (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    headlines TEXT NOT NULL DEFAULT '[]',   -- JSON list of 3 strings; empty: suggested from the data
    standfirst TEXT NOT NULL DEFAULT '',
    proposals TEXT NOT NULL DEFAULT '[]',   -- JSON list of {"title": str, "idea_ids": [int]}
    released_at TEXT,
    PRIMARY KEY (event_id, school_id)
);

-- A teacher's access link: only the SHA-256 of the token is stored.
CREATE TABLE teacher_links (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    revoked_at TEXT
);
