"""Pupils' ideas: submission, moderation (approve, hide, pin) and the lists each audience may see."""
import json

from flask import current_app

from ..db import get_db, transaction
from ..realtime import broadcast
from ..screening import mask_personal_data, screen
from . import concerns
from .errors import Conflict, Invalid, NotFound, RateLimited
from .events import extra_words, require_open
from .prompts import get_prompt

IDEA_COLUMNS = (
    "i.id, i.event_id, i.prompt_id, i.school_id, i.participant_id, i.text, i.public_text, i.flags,"
    " i.reasons, i.status, i.pinned, i.vote_count, i.created_at, s.name AS school_name"
)
MODERATION_ACTIONS = {"approve", "hide", "pin", "unpin"}


def clean_idea_text(text):
    """Trim; refuse empty text."""
    text = (text or "").strip()
    if not text:
        raise Invalid("Write your idea first - the box is empty.")
    return text


def check_length(text):
    limit = current_app.config["IDEA_MAX_LENGTH"]
    if len(text) > limit:
        raise Invalid(f"Ideas can be up to {limit} characters; yours has {len(text)}.")


def get_idea(event_id, idea_id):
    """An idea of this event (any status), or NotFound - also for another event's id."""
    row = get_db().execute(
        f"SELECT {IDEA_COLUMNS} FROM ideas i JOIN schools s ON s.id = i.school_id"
        " WHERE i.id = ? AND i.event_id = ?",
        (idea_id, event_id),
    ).fetchone()
    if row is None:
        raise NotFound("That idea does not exist in this event.")
    return row


def check_rate(db, participant_id, prompt_id, text):
    per_minute = current_app.config["IDEAS_PER_MINUTE"]
    recent = db.execute(
        "SELECT COUNT(*) FROM ideas WHERE participant_id = ?"
        " AND created_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-60 seconds')",
        (participant_id,),
    ).fetchone()[0]
    if recent >= per_minute:
        raise RateLimited(f"You can send {per_minute} ideas a minute. Take a breath and try again shortly.")
    same = db.execute(
        "SELECT 1 FROM ideas WHERE participant_id = ? AND prompt_id = ? AND text = ?",
        (participant_id, prompt_id, text),
    ).fetchone()
    if same:
        raise Conflict("You have already sent this idea.")


def submit_idea(event, participant, prompt_id, text):
    """Screen and store a pupil's idea, then tell staff. Returns the idea, or None when the text
    read as a possible disclosure and went to the safeguarding leads instead.

    Flagged ideas always wait for a facilitator, even under post-moderation; personal data is
    masked in the text anyone but a safeguarding lead sees.
    """
    prompt = get_prompt(event["id"], prompt_id)
    text = clean_idea_text(text)
    result = screen(text, extra_words(event))
    if "disclosure" in result.flags:  # first: never refused for length, a closed question or a closed event
        concerns.concern_from_screening(event, participant, prompt, text[:concerns.MAX_MESSAGE], result.reasons)
        return None
    require_open(event)
    if not prompt["is_open"]:
        raise Conflict("This question is closed now. Try one of the open questions.")
    check_length(text)
    public_text = mask_personal_data(text) if "personal_data" in result.flags else text
    status = "approved" if event["moderation"] == "post" and result.ok else "pending"
    with transaction() as db:
        check_rate(db, participant["id"], prompt["id"], text)
        cur = db.execute(
            "INSERT INTO ideas (event_id, prompt_id, participant_id, school_id, text, public_text, flags, reasons,"
            " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event["id"], prompt["id"], participant["id"], participant["school_id"], text, public_text,
             ",".join(result.flags), json.dumps(list(result.reasons)), status),
        )
    idea = get_idea(event["id"], cur.lastrowid)
    broadcast.idea_submitted(idea)
    return idea


def moderate(event_id, idea_id, action):
    """approve / hide / pin / unpin an idea; broadcasts the change to whoever may see it."""
    if action not in MODERATION_ACTIONS:
        raise Invalid("Unknown moderation action.")
    before = get_idea(event_id, idea_id)
    if action in ("pin", "unpin") and before["status"] != "approved":
        raise Conflict("Only approved ideas can be pinned.")
    if action == "approve":
        sql, args = "UPDATE ideas SET status = 'approved' WHERE id = ?", (idea_id,)
    elif action == "hide":
        sql, args = "UPDATE ideas SET status = 'hidden', pinned = 0 WHERE id = ?", (idea_id,)
    else:
        sql, args = "UPDATE ideas SET pinned = ? WHERE id = ?", (int(action == "pin"), idea_id)
    get_db().execute(sql, args)
    after = get_idea(event_id, idea_id)
    broadcast.idea_moderated(before, after)
    return after


def approved_ideas(event_id, prompt_ids=None):
    """Approved ideas, best first; optionally only for some prompts."""
    sql = f"SELECT {IDEA_COLUMNS} FROM ideas i JOIN schools s ON s.id = i.school_id WHERE i.event_id = ? AND i.status = 'approved'"
    args = [event_id]
    if prompt_ids is not None:
        ids = list(prompt_ids) or [-1]
        sql += f" AND i.prompt_id IN ({', '.join('?' * len(ids))})"
        args += ids
    return get_db().execute(sql + " ORDER BY i.vote_count DESC, i.id", args).fetchall()


def top_ideas(event_id, prompt_id, limit):
    return get_db().execute(
        f"SELECT {IDEA_COLUMNS} FROM ideas i JOIN schools s ON s.id = i.school_id"
        " WHERE i.event_id = ? AND i.prompt_id = ? AND i.status = 'approved'"
        " ORDER BY i.vote_count DESC, i.id LIMIT ?",
        (event_id, prompt_id, limit),
    ).fetchall()


def ideas_with_status(event_id, status):
    return get_db().execute(
        f"SELECT {IDEA_COLUMNS} FROM ideas i JOIN schools s ON s.id = i.school_id"
        " WHERE i.event_id = ? AND i.status = ? ORDER BY i.id",
        (event_id, status),
    ).fetchall()


def ideas_of_participant(participant_id):
    return get_db().execute(
        f"SELECT {IDEA_COLUMNS} FROM ideas i JOIN schools s ON s.id = i.school_id"
        " WHERE i.participant_id = ? ORDER BY i.id",
        (participant_id,),
    ).fetchall()


def public_view(idea):
    """What a pupil or the big screen may know of an approved idea: no author, no school,
    personal data masked."""
    return {"id": idea["id"], "prompt_id": idea["prompt_id"], "text": idea["public_text"],
            "votes": idea["vote_count"], "created_at": idea["created_at"]}


def own_view(idea):
    """What the author sees of their own idea, including its moderation status."""
    return dict(public_view(idea), status=idea["status"])


def staff_view(idea):
    """What facilitators see: the school but never the pupil's token."""
    return dict(public_view(idea), status=idea["status"], pinned=bool(idea["pinned"]),
                school=idea["school_name"], flags=[f for f in idea["flags"].split(",") if f],
                reasons=json.loads(idea["reasons"]))
