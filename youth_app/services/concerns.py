"""Safeguarding concerns: possible disclosures and pupils' requests for help.

They leave the public flow entirely: stored here, shown only to the event's safeguarding leads,
broadcast only to their room, never counted, exported or logged elsewhere.
"""
import json

from ..db import get_db, transaction
from ..realtime import broadcast
from .errors import Invalid, NotFound

STATUSES = {"new": "New", "in_progress": "In progress", "passed_to_dsl": "Passed to school DSL",
            "closed": "Closed"}
MAX_MESSAGE, MAX_CONTACT, MAX_NOTE = 2000, 300, 2000

CONCERN_SQL = (
    "SELECT c.*, s.name AS school_name, p.text AS prompt_text FROM concerns c"
    " LEFT JOIN schools s ON s.id = c.school_id LEFT JOIN prompts p ON p.id = c.prompt_id")


def audit(event_id, user_id, action, concern_id=None, detail=""):
    """Write who opened, read or changed what (never the concern's text)."""
    audit_in(get_db(), event_id, user_id, action, concern_id, detail)


def insert_concern(db, event_id, source, text, school_id=None, prompt_id=None, participant_id=None,
                   contact="", reasons=()):
    cur = db.execute(
        "INSERT INTO concerns (event_id, school_id, prompt_id, participant_id, source, text, contact, reasons)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, school_id, prompt_id, participant_id, source, text, contact, json.dumps(list(reasons))))
    return cur.lastrowid


def get_concern_row(event_id, concern_id):
    row = get_db().execute(CONCERN_SQL + " WHERE c.id = ? AND c.event_id = ?", (concern_id, event_id)).fetchone()
    if row is None:
        raise NotFound("That concern does not exist in this event.")
    return row


def concern_from_screening(event, participant, prompt, text, reasons):
    """A pupil's idea that reads as a possible disclosure: it becomes a concern, never an idea."""
    with transaction() as db:
        concern_id = insert_concern(db, event["id"], "screening", text, participant["school_id"], prompt["id"],
                                    participant["id"], reasons=reasons)
    broadcast.concern_raised(get_concern_row(event["id"], concern_id))
    return concern_id


def ask_for_help(event, participant, message, contact="", reasons=()):
    """The 'talk to someone' form: straight to the safeguarding leads, even after the event closed."""
    message, contact = (message or "").strip(), " ".join((contact or "").split())
    if not message:
        raise Invalid("Write a message first - it can be as short as you like.")
    if len(message) > MAX_MESSAGE:
        raise Invalid(f"Messages can be up to {MAX_MESSAGE} characters.")
    if len(contact) > MAX_CONTACT:
        raise Invalid(f"'How to reach me' can be up to {MAX_CONTACT} characters.")
    with transaction() as db:
        concern_id = insert_concern(db, event["id"], "help_form", message, participant["school_id"], None,
                                    participant["id"], contact, reasons)
    broadcast.concern_raised(get_concern_row(event["id"], concern_id))
    return concern_id


def idea_to_concern(event_id, idea, user_id):
    """A facilitator marks an idea as a safeguarding concern: it leaves every public list."""
    with transaction() as db:
        concern_id = insert_concern(db, event_id, "facilitator", idea["text"], idea["school_id"], idea["prompt_id"],
                                    idea["participant_id"], reasons=["marked by a facilitator"])
        db.execute("DELETE FROM ideas WHERE id = ?", (idea["id"],))
        audit_in(db, event_id, user_id, "marked idea as concern", concern_id)
    broadcast.idea_withdrawn(idea)
    broadcast.concern_raised(get_concern_row(event_id, concern_id))
    return concern_id


def audit_in(db, event_id, user_id, action, concern_id=None, detail=""):
    db.execute("INSERT INTO audit_log (event_id, user_id, action, concern_id, detail) VALUES (?, ?, ?, ?, ?)",
               (event_id, user_id, action, concern_id, detail))


def updates_of(concern_id):
    return get_db().execute(
        "SELECT u.status, u.note, u.created_at, COALESCE(us.email, 'deleted account') AS by_email"
        " FROM concern_updates u LEFT JOIN users us ON us.id = u.user_id WHERE u.concern_id = ? ORDER BY u.id",
        (concern_id,)).fetchall()


def concern_view(row, with_updates=False):
    """Everything a safeguarding lead needs; the original text, unmasked."""
    view = {"id": row["id"], "text": row["text"], "school": row["school_name"] or "School not given",
            "prompt": row["prompt_text"] or "", "source": row["source"], "contact": row["contact"],
            "reasons": json.loads(row["reasons"]), "status": row["status"],
            "status_label": STATUSES[row["status"]], "created_at": row["created_at"],
            "phone": row["participant_id"]}
    if with_updates:
        view["updates"] = [dict(u) for u in updates_of(row["id"])]
    return view


def list_concerns(event_id, user_id, action="opened the safeguarding view"):
    """All concerns of an event, newest first; the opening is audited."""
    rows = get_db().execute(CONCERN_SQL + " WHERE c.event_id = ? ORDER BY c.id DESC", (event_id,)).fetchall()
    audit(event_id, user_id, action, detail=f"{len(rows)} concerns listed")
    return [concern_view(r) for r in rows]


def read_concern(event_id, concern_id, user_id):
    row = get_concern_row(event_id, concern_id)
    audit(event_id, user_id, "read concern", concern_id)
    return concern_view(row, with_updates=True)


def update_concern(event_id, concern_id, user_id, status, note=""):
    """Record what was done: a status and a note, with who and when."""
    get_concern_row(event_id, concern_id)
    note = (note or "").strip()
    if status not in STATUSES:
        raise Invalid("Choose a status from the list.")
    if len(note) > MAX_NOTE:
        raise Invalid(f"Notes can be up to {MAX_NOTE} characters.")
    with transaction() as db:
        db.execute("UPDATE concerns SET status = ? WHERE id = ?", (status, concern_id))
        db.execute("INSERT INTO concern_updates (concern_id, user_id, status, note) VALUES (?, ?, ?, ?)",
                   (concern_id, user_id, status, note))
        audit_in(db, event_id, user_id, "changed concern", concern_id, f"status: {status}")
    concern = get_concern_row(event_id, concern_id)
    broadcast.concern_updated(concern)
    return concern


def audit_entries(event_id):
    return get_db().execute(
        "SELECT a.created_at, a.action, a.concern_id, a.detail, COALESCE(u.email, '-') AS by_email"
        " FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE a.event_id = ? ORDER BY a.id DESC",
        (event_id,)).fetchall()


def open_count(event_id):
    return get_db().execute(
        "SELECT COUNT(*) FROM concerns WHERE event_id = ? AND status != 'closed'", (event_id,)).fetchone()[0]
