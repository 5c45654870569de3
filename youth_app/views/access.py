"""Who may do what: staff lookups, login checks and lookup-or-404 helpers."""
import functools

from flask import abort, g, redirect, request, session, url_for

from ..services.events import get_event_by_code
from ..services.errors import ServiceError
from ..services.users import get_user, is_event_staff

STAFF_RUNNING_EVENTS = ("facilitator",)


def load_user():
    """Put the logged-in staff user (or None) on g, from the session."""
    user_id = session.get("user_id")
    g.user = get_user(user_id) if user_id else None


def staff_may_run(user_id, event_id):
    """True for a facilitator attached to this event."""
    if not user_id:
        return False
    user = get_user(user_id)
    return user is not None and user["role"] in STAFF_RUNNING_EVENTS and is_event_staff(user_id, event_id)


def login_required(view):
    @functools.wraps(view)
    def wrapped(**kwargs):
        if g.get("user") is None:
            return redirect(url_for("auth.login", next=request.path))
        if g.user["role"] not in STAFF_RUNNING_EVENTS:
            abort(403)
        return view(**kwargs)

    return wrapped


def event_for_staff(code):
    """The event when the logged-in facilitator runs it; 404 otherwise (nothing leaked)."""
    try:
        event = get_event_by_code(code)
    except ServiceError:
        abort(404)
    if not staff_may_run(session.get("user_id"), event["id"]):
        abort(404)
    return event


def wants_json():
    """True for the pages' own fetch() calls, which ask for JSON."""
    return request.accept_mimetypes.best == "application/json"
