"""What the young people's presentation is built from, read from stored data only.

Only approved ideas appear, always in their masked public text (never `ideas.text`); the concerns
table is never read. Pinned approved ideas are the "in our own words" quotes.
"""
from ..db import get_db

STAGES = ("issues", "solutions")
IDEA_SQL = (
    "SELECT i.id, i.public_text AS text, i.vote_count AS votes FROM ideas i JOIN prompts p ON p.id = i.prompt_id"
    " WHERE i.event_id = ? AND i.status = 'approved'"
)


def totals(event_id):
    """Schools, pupils, approved ideas and the votes on them."""
    db = get_db()
    one = lambda sql: db.execute(sql, (event_id,)).fetchone()[0]  # noqa: E731
    return {
        "schools": one("SELECT COUNT(*) FROM schools WHERE event_id = ?"),
        "pupils": one("SELECT COUNT(*) FROM participants WHERE event_id = ?"),
        "ideas": one("SELECT COUNT(*) FROM ideas WHERE event_id = ? AND status = 'approved'"),
        "votes": one("SELECT COALESCE(SUM(vote_count), 0) FROM ideas WHERE event_id = ? AND status = 'approved'"),
    }


def pupils_per_school(event_id):
    """[{"name", "pupils"}] for every school of the event, in the event's order (zero included)."""
    rows = get_db().execute(
        "SELECT s.name, COUNT(p.id) AS pupils FROM schools s LEFT JOIN participants p ON p.school_id = s.id"
        " WHERE s.event_id = ? GROUP BY s.id ORDER BY s.position, s.id", (event_id,)).fetchall()
    return [dict(r) for r in rows]


def ideas_of_stage(event_id, stage):
    """Every approved idea of one stage: most votes first, equal votes in the order they were sent."""
    rows = get_db().execute(IDEA_SQL + " AND p.stage = ? ORDER BY i.vote_count DESC, i.id",
                            (event_id, stage)).fetchall()
    return [dict(r) for r in rows]


def pinned_ideas(event_id):
    """Approved ideas a facilitator pinned: the quotes "in our own words"."""
    rows = get_db().execute(IDEA_SQL + " AND i.pinned = 1 ORDER BY i.vote_count DESC, i.id",
                            (event_id,)).fetchall()
    return [dict(r) for r in rows]


def questions_of_stage(event_id, stage):
    """The questions the facilitators asked in one stage, in order."""
    rows = get_db().execute("SELECT text FROM prompts WHERE event_id = ? AND stage = ? ORDER BY position, id",
                            (event_id, stage)).fetchall()
    return [r["text"] for r in rows]


def deck_data(event):
    """Everything the draft deck needs for one event."""
    return {
        "event": {k: event[k] for k in ("id", "code", "title", "event_date", "venue", "theme")},
        "totals": totals(event["id"]),
        "schools": pupils_per_school(event["id"]),
        "ideas": {stage: ideas_of_stage(event["id"], stage) for stage in STAGES},
        "questions": {stage: questions_of_stage(event["id"], stage) for stage in STAGES},
        "quotes": pinned_ideas(event["id"]),
    }
