"""The one place that names rooms and emits: who sees what is decided here.

Rooms per event: pupils, facilitators, screen, safeguarding, and one per participant (their own
ideas). Pupils never get pending or hidden ideas, tokens or another event's data. Safeguarding
concerns go to the safeguarding room and nowhere else.
"""
from flask import current_app

from ..extensions import socketio

AUDIENCES = ("pupils", "facilitators", "screen", "safeguarding", "deck")


def room_for(event_id, audience):
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    return f"event:{event_id}:{audience}"


def participant_room(event_id, participant_id):
    return f"event:{event_id}:participant:{participant_id}"


def user_room(user_id):
    """Every socket of one staff account, so logging out can close them all."""
    return f"user:{user_id}"


def room_size(event_id, audience):
    """How many sockets are in a room on this server (e.g. safeguarding leads online)."""
    return sum(1 for _ in socketio.server.manager.get_participants("/", room_for(event_id, audience)))


def disconnect_user(user_id):
    """Close every live socket of a staff account (at logout): nothing more reaches that browser."""
    for sid, _eio_sid in list(socketio.server.manager.get_participants("/", user_room(user_id))):
        socketio.server.disconnect(sid, namespace="/")


def ticker():
    return current_app.extensions["youth_ticker"]


def emit_to(event_id, audience, name, payload):
    socketio.emit(name, payload, to=room_for(event_id, audience))


def idea_submitted(idea):
    """A new idea: staff see it at once; it reaches pupils only when already approved."""
    from ..services.ideas import own_view, staff_view

    emit_to(idea["event_id"], "facilitators", "idea_new", staff_view(idea))
    socketio.emit("my_idea", own_view(idea), to=participant_room(idea["event_id"], idea["participant_id"]))
    if idea["status"] == "approved":
        show_to_pupils(idea)
    ticker().mark_stats(idea["event_id"])


def idea_moderated(before, after):
    """Approve, hide, pin: staff get the new state; pupils only learn of ideas becoming (in)visible."""
    from ..services.ideas import own_view, staff_view

    event_id = after["event_id"]
    emit_to(event_id, "facilitators", "idea_updated", staff_view(after))
    if before["status"] != after["status"]:
        refresh_deck(event_id)
        socketio.emit("my_idea", own_view(after), to=participant_room(event_id, after["participant_id"]))
        if after["status"] == "approved":
            show_to_pupils(after)
        elif before["status"] == "approved":
            emit_to(event_id, "pupils", "idea_removed", {"id": after["id"]})
    ticker().mark_stats(event_id)


def show_to_pupils(idea):
    from ..services.ideas import public_view

    emit_to(idea["event_id"], "pupils", "idea_shown", public_view(idea))
    ticker().mark_screen(idea["event_id"])


def vote_changed(event_id, idea_id):
    """Votes are not broadcast one by one: the ticker sends changed counts a few times a second."""
    if current_app.config["COALESCE_VOTES"]:
        ticker().mark_vote(event_id, idea_id)
        return
    # The naive design, kept only as the benchmark's baseline: every vote to every phone at once.
    from ..services.votes import votes_by_idea

    counts = votes_by_idea([idea_id])
    for audience in ("facilitators", "pupils"):
        send_counts(event_id, audience, counts)


def stats_changed(event_id):
    ticker().mark_stats(event_id)


def prompts_changed(event_id):
    """Prompt added, edited, moved, opened or closed: staff get all, pupils the open ones."""
    from ..services.events import get_event
    from ..services.snapshots import open_prompts_with_ideas, prompt_view, event_settings
    from ..services.prompts import prompts_of

    event = get_event(event_id)
    emit_to(event_id, "facilitators", "prompts", {
        "prompts": [prompt_view(p, with_state=True) for p in prompts_of(event_id)],
        "settings": event_settings(event)})
    emit_to(event_id, "pupils", "prompts", open_prompts_with_ideas(event_id))
    ticker().mark_screen(event_id)


def event_settings_changed(event):
    from ..services.snapshots import event_settings

    emit_to(event["id"], "facilitators", "settings", event_settings(event))
    emit_to(event["id"], "pupils", "settings",
            {"is_open": bool(event["is_open"]), "allow_self_vote": bool(event["allow_self_vote"])})


def send_counts(event_id, audience, counts):
    emit_to(event_id, audience, "counts", {"counts": {str(k): v for k, v in counts.items()}})


def send_stats(event_id, stats):
    emit_to(event_id, "facilitators", "stats", stats)


def send_screen_state(event_id, state):
    emit_to(event_id, "screen", "screen_state", state)


def idea_withdrawn(idea):
    """An idea became a safeguarding concern: it vanishes from every list, the author's included."""
    event_id = idea["event_id"]
    emit_to(event_id, "facilitators", "idea_removed", {"id": idea["id"]})
    if idea["status"] == "approved":
        emit_to(event_id, "pupils", "idea_removed", {"id": idea["id"]})
    socketio.emit("my_idea_removed", {"id": idea["id"]}, to=participant_room(event_id, idea["participant_id"]))
    ticker().mark_stats(event_id)
    refresh_deck(event_id)


def concern_raised(concern):
    """A possible disclosure or a request for help: to the safeguarding leads' room only."""
    from ..services.concerns import concern_view

    emit_to(concern["event_id"], "safeguarding", "concern_new", concern_view(concern))


def concern_updated(concern):
    from ..services.concerns import concern_view

    emit_to(concern["event_id"], "safeguarding", "concern_updated", concern_view(concern))


def event_reset(event):
    """Pupils' data was deleted: every screen drops it at once."""
    from ..services.snapshots import open_prompts_with_ideas, staff_snapshot

    emit_to(event["id"], "facilitators", "snapshot", staff_snapshot(event))
    emit_to(event["id"], "pupils", "prompts", open_prompts_with_ideas(event["id"]))
    event_settings_changed(event)
    ticker().mark_screen(event["id"])
    emit_to(event["id"], "deck", "deck_state", {"slides": [], "position": 0, "started_at": None, "total_seconds": 0})


def refresh_deck(event_id):
    """An idea changed status: the projector and presenter views get the refreshed deck."""
    from ..services.decks import refresh_screens

    refresh_screens(event_id)


def deck_changed(event_id):
    """The deck was rebuilt or edited: projector and presenter views reload their slides."""
    from ..services.decks import presenter_state

    emit_to(event_id, "deck", "deck_state", presenter_state(event_id))


def deck_position(event_id, state):
    emit_to(event_id, "deck", "deck_state", state)
