-- Core live loop: staff, events, schools, prompts, pupils (anonymous), ideas, votes.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'safeguarding', 'teacher')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    event_date TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    theme TEXT NOT NULL DEFAULT 'Prevention and Early Help',
    moderation TEXT NOT NULL DEFAULT 'pre' CHECK (moderation IN ('pre', 'post')),
    allow_self_vote INTEGER NOT NULL DEFAULT 1 CHECK (allow_self_vote IN (0, 1)),
    is_open INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
    screen_prompt_id INTEGER REFERENCES prompts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE event_staff (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, user_id)
);

CREATE TABLE schools (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (event_id, name)
);

CREATE TABLE prompts (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    stage TEXT NOT NULL CHECK (stage IN ('issues', 'solutions')),
    text TEXT NOT NULL,
    position INTEGER NOT NULL,
    is_open INTEGER NOT NULL DEFAULT 0 CHECK (is_open IN (0, 1))
);
CREATE INDEX prompts_by_event ON prompts (event_id, position);

CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX participants_by_event ON participants (event_id, school_id);

CREATE TABLE ideas (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    prompt_id INTEGER NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 280),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'hidden')),
    pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    vote_count INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ideas_by_prompt ON ideas (prompt_id, status, vote_count DESC);
CREATE INDEX ideas_by_participant ON ideas (participant_id, created_at);
CREATE INDEX ideas_by_event ON ideas (event_id, status);

CREATE TABLE votes (
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (idea_id, participant_id)
);
CREATE INDEX votes_by_participant ON votes (participant_id);
