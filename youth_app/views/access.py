"""Who may do what: staff roles per event, login checks and lookup-or-404 helpers."""
import functools

from flask import abort, g, redirect, request, session, url_for

from ..services.errors import ServiceError
from ..services.events import get_event_by_code
from ..services.users import get_user, is_event_staff


def load_user():
    """Put the logged-in staff user (or None) on g, from the session."""
    user_id = session.get("user_id")
    g.user = get_user(user_id) if user_id else None


def has_event_role(user_id, event_id, role):
    """True when this account has this role and is attached to this event."""
    if not user_id:
        return False
    user = get_user(user_id)
    return user is not None and user["role"] == role and is_event_staff(user_id, event_id)


def staff_may_run(user_id, event_id):
    return has_event_role(user_id, event_id, "facilitator")


def role_required(role):
    """Logged in with this role, else the login page (or 403 for another staff role)."""
    def decorator(view):
        @functools.wraps(view)
        def wrapped(**kwargs):
            if g.get("user") is None:
                if wants_json():  # the dashboard's fetch(): say so, do not follow a redirect to a login page
                    abort(401)
                return redirect(url_for("auth.login", next=request.path))
            if g.user["role"] != role:
                abort(403)
            return view(**kwargs)
        return wrapped
    return decorator


login_required = role_required("facilitator")


def event_for_role(code, role):
    """The event when the logged-in user has this role in it; 404 otherwise (nothing leaked)."""
    try:
        event = get_event_by_code(code)
    except ServiceError:
        abort(404)
    if not has_event_role(session.get("user_id"), event["id"], role):
        abort(404)
    return event


def event_for_staff(code):
    return event_for_role(code, "facilitator")


def wants_json():
    """True for the pages' own fetch() calls, which ask for JSON."""
    return request.accept_mimetypes.best == "application/json"


def require_csrf():
    """For buttons whose form carries only the CSRF token (CSRFProtect has already checked it)."""
    from ..forms import EmptyForm
    from ..services.errors import Invalid

    if not EmptyForm().validate_on_submit():
        raise Invalid("The form could not be read. Reload the page and try again.")
