"""Anonymous pupils: a random token in the session cookie and their school, nothing else."""
import secrets

from ..db import get_db, transaction
from ..realtime import broadcast
from .errors import Forbidden
from .events import get_school, require_open


def get_participant(event_id, token):
    """The participant holding this token in this event, or None."""
    if not token:
        return None
    return get_db().execute(
        "SELECT p.*, s.name AS school_name FROM participants p JOIN schools s ON s.id = p.school_id"
        " WHERE p.token = ? AND p.event_id = ?",
        (token, event_id),
    ).fetchone()


def join(event, school_id, token=None):
    """Join an event (or change school when already joined); returns the participant."""
    require_open(event)
    school = get_school(event["id"], school_id)
    with transaction() as db:  # read and write together: a rejoin never races a school change
        current = get_participant(event["id"], token)
        if current is None:
            token = secrets.token_urlsafe(24)
            db.execute("INSERT INTO participants (event_id, school_id, token) VALUES (?, ?, ?)",
                       (event["id"], school["id"], token))
        elif current["school_id"] != school["id"]:
            db.execute("UPDATE participants SET school_id = ? WHERE id = ?", (school["id"], current["id"]))
    broadcast.stats_changed(event["id"])
    return get_participant(event["id"], token)


def require_participant(event, token):
    participant = get_participant(event["id"], token)
    if participant is None:
        raise Forbidden("Join the event first: enter the code and choose your school.")
    return participant


def counts_by_school(event_id):
    """[(school name, pupils joined)] in the event's school order."""
    return get_db().execute(
        "SELECT s.id, s.name, COUNT(p.id) AS pupils FROM schools s"
        " LEFT JOIN participants p ON p.school_id = s.id"
        " WHERE s.event_id = ? GROUP BY s.id ORDER BY s.position",
        (event_id,),
    ).fetchall()
