-- The ten-minute presentation: the facilitator's edited deck and where the presenter is.
CREATE TABLE decks (
    event_id INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    slides TEXT NOT NULL,                 -- JSON list of slide dicts (see youth_app/deck/builder.py)
    position INTEGER NOT NULL DEFAULT 0,  -- the slide on the projector
    started_at TEXT,                      -- when the presentation started (for the timers)
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
