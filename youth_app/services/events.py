"""Events: creation with a join code, schools, settings, lookups."""
import datetime as dt
import re
import secrets
import sqlite3

from ..db import get_db, transaction
from ..realtime import broadcast
from .errors import Gone, Invalid, NotFound
from .users import attach_to_event

# No look-alikes: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
CODE_PATTERN = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
DEFAULT_THEME = "Prevention and Early Help"
MAX_SCHOOLS = 60


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw):
    """Upper-case, strip spaces and dashes; None when it cannot be a code."""
    code = re.sub(r"[\s-]", "", (raw or "")).upper()
    return code if CODE_PATTERN.match(code) else None


def parse_schools(raw):
    """One school per line (or a list); trimmed, de-duplicated, order kept."""
    lines = raw.splitlines() if isinstance(raw, str) else list(raw or [])
    names = []
    for line in lines:
        name = " ".join(line.split())[:120]
        if name and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    if not names:
        raise Invalid("List at least one attending school.")
    if len(names) > MAX_SCHOOLS:
        raise Invalid(f"At most {MAX_SCHOOLS} schools per event.")
    return names


def validate_details(title, event_date, venue, theme):
    title = " ".join((title or "").split())
    if not 1 <= len(title) <= 120:
        raise Invalid("The title needs 1 to 120 characters.")
    try:
        dt.date.fromisoformat(event_date or "")
    except ValueError:
        raise Invalid("Give the date as YYYY-MM-DD.") from None
    theme = " ".join((theme or "").split()) or DEFAULT_THEME
    return title, event_date, " ".join((venue or "").split())[:160], theme[:160]


def create_event(user_id, title, event_date, venue="", theme=DEFAULT_THEME, schools=()):
    """Create an event with its schools and a unique join code; the creator runs it."""
    title, event_date, venue, theme = validate_details(title, event_date, venue, theme)
    names = parse_schools(schools)
    for _attempt in range(20):
        try:
            with transaction() as db:
                cur = db.execute(
                    "INSERT INTO events (code, title, event_date, venue, theme) VALUES (?, ?, ?, ?, ?)",
                    (new_code(), title, event_date, venue, theme),
                )
                event_id = cur.lastrowid
                db.executemany(
                    "INSERT INTO schools (event_id, name, position) VALUES (?, ?, ?)",
                    [(event_id, name, i) for i, name in enumerate(names)],
                )
                if user_id is not None:
                    attach_to_event(user_id, event_id)
            return get_event(event_id)
        except sqlite3.IntegrityError as exc:
            if "events.code" not in str(exc):
                raise
    raise RuntimeError("could not find a free join code")  # 31^6 codes: practically unreachable


def get_event(event_id):
    return get_db().execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()


def get_event_by_code(code):
    """The event for a join code, or NotFound with a message a pupil understands."""
    code = normalise_code(code)
    row = None
    if code:
        row = get_db().execute("SELECT * FROM events WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise NotFound("We couldn't find an event with that code. Check the code on the big screen.")
    return row


def events_for_user(user_id):
    return get_db().execute(
        "SELECT e.* FROM events e JOIN event_staff s ON s.event_id = e.id"
        " WHERE s.user_id = ? ORDER BY e.event_date DESC, e.id DESC",
        (user_id,),
    ).fetchall()


def schools_of(event_id):
    return get_db().execute(
        "SELECT id, name FROM schools WHERE event_id = ? ORDER BY position", (event_id,)
    ).fetchall()


def get_school(event_id, school_id):
    row = get_db().execute(
        "SELECT id, name FROM schools WHERE event_id = ? AND id = ?", (event_id, school_id)
    ).fetchone()
    if row is None:
        raise Invalid("Choose your school from the list.")
    return row


SETTINGS = {"moderation": ("pre", "post"), "allow_self_vote": (0, 1), "is_open": (0, 1)}


def update_settings(event_id, **changes):
    """Change moderation mode, self-voting or open/closed; broadcasts the new state."""
    for name, value in changes.items():
        if name not in SETTINGS or value not in SETTINGS[name]:
            raise Invalid(f"Unknown setting or value: {name}.")
    with transaction() as db:
        for name, value in changes.items():
            db.execute(f"UPDATE events SET {name} = ? WHERE id = ?", (value, event_id))  # name is whitelisted
    event = get_event(event_id)
    broadcast.event_settings_changed(event)
    return event


def extra_words(event):
    """The event's own blocked words, one per line, set by a facilitator."""
    return [w.strip() for w in (event["extra_words"] or "").splitlines() if w.strip()]


def set_extra_words(event_id, raw):
    words = [" ".join(w.split())[:60] for w in (raw or "").splitlines() if w.strip()][:500]
    get_db().execute("UPDATE events SET extra_words = ? WHERE id = ?", ("\n".join(words), event_id))
    return words


def require_open(event):
    if not event["is_open"]:
        raise Gone("This event has closed. Thank you for taking part!")
