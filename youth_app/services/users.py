"""Staff accounts: create, authenticate, attach to events."""
import sqlite3

from flask import current_app

from werkzeug.security import check_password_hash, generate_password_hash

from ..db import get_db
from .errors import Conflict, Invalid

ROLES = ("facilitator", "safeguarding", "teacher")
MIN_PASSWORD = 10


def create_user(email, password, role="facilitator"):
    """Create a staff account with a hashed password; returns its id."""
    email = (email or "").strip().lower()
    if "@" not in email or len(email) > 254:
        raise Invalid("Enter a valid email address.")
    if role not in ROLES:
        raise Invalid(f"Role must be one of: {', '.join(ROLES)}.")
    if len(password or "") < MIN_PASSWORD:
        raise Invalid(f"Passwords need at least {MIN_PASSWORD} characters.")
    try:
        cur = get_db().execute(
            "INSERT INTO users (email, password_hash, role) VALUES (?, ?, ?)",
            (email, generate_password_hash(password, current_app.config["PASSWORD_HASH_METHOD"]), role),
        )
    except sqlite3.IntegrityError:
        raise Conflict("An account with that email already exists.") from None
    return cur.lastrowid


def authenticate(email, password):
    """The user row when the email and password match, else None."""
    row = get_db().execute(
        "SELECT * FROM users WHERE email = ?", ((email or "").strip().lower(),)
    ).fetchone()
    if row is None or not check_password_hash(row["password_hash"], password or ""):
        return None
    return row


def get_user(user_id):
    return get_db().execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()


def get_user_by_email(email):
    return get_db().execute(
        "SELECT * FROM users WHERE email = ?", ((email or "").strip().lower(),)
    ).fetchone()


def attach_to_event(user_id, event_id):
    """Give a staff account access to one event (idempotent)."""
    get_db().execute(
        "INSERT OR IGNORE INTO event_staff (event_id, user_id) VALUES (?, ?)", (event_id, user_id)
    )


def is_event_staff(user_id, event_id):
    return get_db().execute(
        "SELECT 1 FROM event_staff WHERE event_id = ? AND user_id = ?", (event_id, user_id)
    ).fetchone() is not None


def add_staff_to_event(event_id, email, school_id=None):
    """Attach an existing staff account to an event; a teacher must be tied to one of its schools."""
    from .errors import NotFound
    from .events import get_school

    user = get_db().execute("SELECT * FROM users WHERE email = ?", ((email or "").strip().lower(),)).fetchone()
    if user is None:
        raise NotFound("No staff account has that email. Create it first: flask create-user EMAIL --role ROLE.")
    if user["role"] == "teacher":
        school_id = get_school(event_id, school_id)["id"]
    else:
        school_id = None
    get_db().execute(
        "INSERT INTO event_staff (event_id, user_id, school_id) VALUES (?, ?, ?)"
        " ON CONFLICT (event_id, user_id) DO UPDATE SET school_id = excluded.school_id",
        (event_id, user["id"], school_id))
    return user


def staff_of_event(event_id):
    return get_db().execute(
        "SELECT u.email, u.role, s.name AS school FROM event_staff es JOIN users u ON u.id = es.user_id"
        " LEFT JOIN schools s ON s.id = es.school_id WHERE es.event_id = ? ORDER BY u.role, u.email",
        (event_id,)).fetchall()
