"""Teachers' access links: an unguessable token per school (256 bits), revocable, expiring with the
event's retention. Only a SHA-256 of the token is stored."""
import datetime as dt
import hashlib
import secrets

from ..db import get_db
from .errors import NotFound
from .events import get_school


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def issue_link(event_id, school_id):
    """A new token for one school; returned once, never stored in clear."""
    school = get_school(event_id, school_id)
    token = secrets.token_urlsafe(32)
    get_db().execute("INSERT INTO teacher_links (event_id, school_id, token_hash) VALUES (?, ?, ?)",
                     (event_id, school["id"], digest(token)))
    return token


def revoke_link(event_id, link_id):
    cur = get_db().execute(
        "UPDATE teacher_links SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
        " WHERE id = ? AND event_id = ? AND revoked_at IS NULL", (link_id, event_id))
    if cur.rowcount == 0:
        raise NotFound("That link does not exist or is already revoked.")


def links_of(event_id):
    return get_db().execute(
        "SELECT l.id, l.created_at, l.revoked_at, s.name AS school FROM teacher_links l"
        " JOIN schools s ON s.id = l.school_id WHERE l.event_id = ? ORDER BY s.position, l.id",
        (event_id,)).fetchall()


def expires_on(event):
    """The last day a link works: the event's date plus its retention period."""
    return dt.date.fromisoformat(event["event_date"]) + dt.timedelta(days=event["retention_days"])


def expired(event, today=None):
    """Past the event's retention, or its pupils' data already deleted: packs are gone."""
    return bool(event["purged_at"]) or (today or dt.date.today()) > expires_on(event)


def resolve(token, today=None):
    """(event, school) for a live token, else None: wrong, revoked, expired or purged all look alike."""
    if not token or len(token) > 100:
        return None
    row = get_db().execute(
        "SELECT l.school_id, e.* FROM teacher_links l JOIN events e ON e.id = l.event_id"
        " WHERE l.token_hash = ? AND l.revoked_at IS NULL AND e.purged_at IS NULL", (digest(token),)).fetchone()
    if row is None or expired(row, today):
        return None
    return row, get_school(row["id"], row["school_id"])


def teacher_school(user_id, event_id):
    """The school a teacher account is tied to in this event, or None."""
    row = get_db().execute(
        "SELECT school_id FROM event_staff WHERE user_id = ? AND event_id = ? AND school_id IS NOT NULL",
        (user_id, event_id)).fetchone()
    return get_school(event_id, row["school_id"]) if row else None
