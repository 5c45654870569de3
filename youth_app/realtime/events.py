"""Socket.IO handlers: thin. A connection is authorised from the Flask session at connect time."""
from flask import current_app, session
from flask_socketio import ConnectionRefusedError, emit, join_room, rooms

from . import broadcast
from ..extensions import socketio
from ..services import decks, snapshots
from ..services.errors import ServiceError
from ..services.events import get_event_by_code
from ..services.concerns import list_concerns
from ..services.participants import get_participant
from ..views.access import has_event_role


STAFF_VIEWS = {  # view -> (role needed, room audience)
    "dashboard": ("facilitator", "facilitators"),
    "screen": ("facilitator", "screen"),
    "safeguarding": ("safeguarding", "safeguarding"),
    "projector": ("facilitator", "deck"),
    "presenter": ("facilitator", "deck"),
}


def resolve_audience(auth):
    """(event, audience, participant) for this connection, or refuse it."""
    auth = auth if isinstance(auth, dict) else {}
    view = auth.get("view")
    try:
        event = get_event_by_code(str(auth.get("event", "")))
    except ServiceError:
        raise ConnectionRefusedError("unknown event") from None
    if view == "pupil":
        participant = get_participant(event["id"], session.get("pupils", {}).get(event["code"]))
        if participant is None:
            raise ConnectionRefusedError("join the event first")
        return event, "pupils", participant
    if view not in STAFF_VIEWS:
        raise ConnectionRefusedError("unknown view")
    role, audience = STAFF_VIEWS[view]
    if not has_event_role(session.get("user_id"), event["id"], role):
        raise ConnectionRefusedError("not allowed")
    return event, audience, None


@socketio.on("connect")
def on_connect(auth=None):
    """Any screen connecting: join its rooms and get the true current state (a snapshot)."""
    event, audience, participant = resolve_audience(auth)
    join_room(broadcast.room_for(event["id"], audience))
    ticker = current_app.extensions["youth_ticker"]
    ticker.ensure_started()
    if participant is None:
        join_room(broadcast.user_room(session.get("user_id")))
    if audience == "safeguarding":
        ticker.mark_stats(event["id"])  # the dashboard shows whether a lead is online
    if participant is not None:
        join_room(broadcast.participant_room(event["id"], participant["id"]))
        emit("snapshot", snapshots.pupil_snapshot(event, participant))
    elif audience == "facilitators":
        emit("snapshot", snapshots.staff_snapshot(event))
    elif audience == "deck":
        emit("deck_state", deck_state_or_empty(event["id"]))
    elif audience == "safeguarding":
        concerns = list_concerns(event["id"], session.get("user_id"), "opened the live safeguarding view")
        emit("snapshot", {"concerns": concerns})
    else:
        emit("screen_state", snapshots.screen_snapshot(event, current_app.config["SCREEN_TOP_IDEAS"]))


def deck_state_or_empty(event_id):
    try:
        return decks.presenter_state(event_id)
    except ServiceError:
        return {"slides": [], "position": 0, "started_at": None, "total_seconds": 0}


def deck_event_of_this_socket():
    """The event whose deck room this socket is in, re-checking that its user still runs it."""
    for room in rooms():
        parts = room.split(":")
        if len(parts) == 3 and parts[0] == "event" and parts[2] == "deck":
            event_id = int(parts[1])
            if has_event_role(session.get("user_id"), event_id, "facilitator"):
                return event_id
    return None


@socketio.on("deck_goto")
def on_deck_goto(data):
    """Sent by the presenter view or the projector (keyboard, clicker, touch): move every screen."""
    event_id = deck_event_of_this_socket()
    if event_id is None:
        return {"ok": False, "error": "not allowed"}
    try:
        position = decks.go_to(event_id, (data or {}).get("position") if isinstance(data, dict) else None)
    except ServiceError as exc:
        return {"ok": False, "error": exc.message}
    return {"ok": True, "position": position}


@socketio.on("disconnect")
def on_disconnect(*_args):
    """A safeguarding lead leaving changes what the facilitators' dashboard shows."""
    for room in rooms():
        parts = room.split(":")
        if len(parts) == 3 and parts[0] == "event" and parts[2] == "safeguarding":
            current_app.extensions["youth_ticker"].mark_stats(int(parts[1]))
