"""Retention: pupils' data goes when the event's retention period ends, or at once on request.

Deleted: participant tokens, ideas, votes, concerns (with their updates). Kept: the event, its
schools and questions, the audit log (no pupil text in it) and anonymous counts.
"""
import datetime as dt
import json

from ..db import get_db, transaction
from ..realtime import broadcast
from .concerns import audit_in
from .errors import Invalid
from .events import get_event


def anonymous_counts(db, event_id):
    """The numbers the packs need, with no text a pupil wrote."""
    per_school = db.execute(
        "SELECT s.name, (SELECT COUNT(*) FROM participants p WHERE p.school_id = s.id) AS pupils,"
        " (SELECT COUNT(*) FROM ideas i WHERE i.school_id = s.id AND i.status = 'approved') AS ideas"
        " FROM schools s WHERE s.event_id = ? ORDER BY s.position", (event_id,)).fetchall()
    per_prompt = db.execute(
        "SELECT p.text, p.stage, COUNT(i.id) AS ideas, COALESCE(SUM(i.vote_count), 0) AS votes"
        " FROM prompts p LEFT JOIN ideas i ON i.prompt_id = p.id AND i.status = 'approved'"
        " WHERE p.event_id = ? GROUP BY p.id ORDER BY p.position", (event_id,)).fetchall()
    return {"schools": [dict(r) for r in per_school], "prompts": [dict(r) for r in per_prompt],
            "pupils": sum(r["pupils"] for r in per_school)}


def purge_event(event_id, user_id=None, keep_open_concerns=False):
    """Delete the event's pupil data now, keeping anonymous counts; returns the counts kept.

    A facilitator's "delete now" keeps safeguarding concerns that are not closed (only the
    safeguarding lead decides about those); the retention purge deletes them too. Both are audited.
    """
    with transaction() as db:
        already = db.execute("SELECT summary FROM event_aggregates WHERE event_id = ?", (event_id,)).fetchone()
        counts = json.loads(already["summary"]) if already else anonymous_counts(db, event_id)
        db.execute("INSERT OR REPLACE INTO event_aggregates (event_id, summary) VALUES (?, ?)",
                   (event_id, json.dumps(counts)))
        kept = db.execute("SELECT COUNT(*) FROM concerns WHERE event_id = ? AND status != 'closed'",
                          (event_id,)).fetchone()[0] if keep_open_concerns else 0
        db.execute("DELETE FROM concerns WHERE event_id = ?" + (" AND status = 'closed'" if keep_open_concerns else ""),
                   (event_id,))
        db.execute("UPDATE concerns SET participant_id = NULL WHERE event_id = ?", (event_id,))
        audit_in(db, event_id, user_id, "deleted pupils' data" if user_id else "retention purge",
                 detail=f"{kept} open concerns kept" if keep_open_concerns else "")
        db.execute("DELETE FROM votes WHERE idea_id IN (SELECT id FROM ideas WHERE event_id = ?)", (event_id,))
        db.execute("DELETE FROM ideas WHERE event_id = ?", (event_id,))
        db.execute("DELETE FROM participants WHERE event_id = ?", (event_id,))
        db.execute("DELETE FROM decks WHERE event_id = ?", (event_id,))  # it quoted pupils' ideas
        db.execute("DELETE FROM packs WHERE event_id = ?", (event_id,))
        db.execute("UPDATE events SET is_open = 0, purged_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                   " WHERE id = ?", (event_id,))
    broadcast.event_reset(get_event(event_id))
    return counts


def events_due(today=None):
    """Events whose retention period has ended and whose data is still there."""
    today = (today or dt.date.today()).isoformat()
    return get_db().execute(
        "SELECT * FROM events WHERE purged_at IS NULL AND date(event_date, '+' || retention_days || ' days') < ?",
        (today,)).fetchall()


def purge_due(today=None):
    """Purge every event past its retention period; returns their codes."""
    due = events_due(today)
    for event in due:
        purge_event(event["id"])
    return [event["code"] for event in due]


def set_retention(event_id, days):
    try:
        days = int(days)
    except (TypeError, ValueError):
        raise Invalid("Give the retention period as a number of days.") from None
    if not 0 <= days <= 365:
        raise Invalid("Keep pupils' data between 0 and 365 days after the event.")
    get_db().execute("UPDATE events SET retention_days = ? WHERE id = ?", (days, event_id))
    return days
