"""Prompts in two stages: identifying the issues, and how we could address them."""
from ..db import get_db, transaction
from ..realtime import broadcast
from .errors import Invalid, NotFound

STAGES = {"issues": "Identifying the issues", "solutions": "How we could address them"}


def clean_text(text):
    text = " ".join((text or "").split())
    if not 1 <= len(text) <= 200:
        raise Invalid("A prompt needs 1 to 200 characters.")
    return text


def check_stage(stage):
    if stage not in STAGES:
        raise Invalid("Choose a stage: identifying the issues, or how we could address them.")
    return stage


def prompts_of(event_id, open_only=False):
    sql = "SELECT * FROM prompts WHERE event_id = ?"
    if open_only:
        sql += " AND is_open = 1"
    return get_db().execute(sql + " ORDER BY position, id", (event_id,)).fetchall()


def get_prompt(event_id, prompt_id):
    """A prompt of this event, or NotFound (also for another event's prompt id)."""
    row = get_db().execute(
        "SELECT * FROM prompts WHERE id = ? AND event_id = ?", (prompt_id, event_id)
    ).fetchone()
    if row is None:
        raise NotFound("That question does not exist in this event.")
    return row


def add_prompt(event_id, stage, text, is_open=False):
    """Append a prompt at the end of the list."""
    stage, text = check_stage(stage), clean_text(text)
    with transaction() as db:
        position = db.execute(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM prompts WHERE event_id = ?", (event_id,)
        ).fetchone()[0]
        cur = db.execute(
            "INSERT INTO prompts (event_id, stage, text, position, is_open) VALUES (?, ?, ?, ?, ?)",
            (event_id, stage, text, position, int(bool(is_open))),
        )
    broadcast.prompts_changed(event_id)
    return get_prompt(event_id, cur.lastrowid)


def edit_prompt(event_id, prompt_id, stage, text):
    get_prompt(event_id, prompt_id)
    stage, text = check_stage(stage), clean_text(text)
    get_db().execute(
        "UPDATE prompts SET stage = ?, text = ? WHERE id = ? AND event_id = ?",
        (stage, text, prompt_id, event_id),
    )
    broadcast.prompts_changed(event_id)


def set_prompt_open(event_id, prompt_id, is_open):
    """Open or close a prompt; an opened prompt also goes on the big screen."""
    get_prompt(event_id, prompt_id)
    with transaction() as db:
        db.execute(
            "UPDATE prompts SET is_open = ? WHERE id = ? AND event_id = ?",
            (int(bool(is_open)), prompt_id, event_id),
        )
        if is_open:
            db.execute("UPDATE events SET screen_prompt_id = ? WHERE id = ?", (prompt_id, event_id))
    broadcast.prompts_changed(event_id)


def move_prompt(event_id, prompt_id, direction):
    """Swap a prompt with its neighbour ('up' or 'down')."""
    if direction not in ("up", "down"):
        raise Invalid("Move a question up or down.")
    ordered = [row["id"] for row in prompts_of(event_id)]
    if prompt_id not in ordered:
        raise NotFound("That question does not exist in this event.")
    i = ordered.index(prompt_id)
    j = i - 1 if direction == "up" else i + 1
    if 0 <= j < len(ordered):
        ordered[i], ordered[j] = ordered[j], ordered[i]
        with transaction() as db:
            db.executemany(
                "UPDATE prompts SET position = ? WHERE id = ?", [(p, pid) for p, pid in enumerate(ordered)]
            )
        broadcast.prompts_changed(event_id)


def show_on_screen(event_id, prompt_id):
    """Choose which prompt the big screen shows."""
    get_prompt(event_id, prompt_id)
    get_db().execute("UPDATE events SET screen_prompt_id = ? WHERE id = ?", (prompt_id, event_id))
    broadcast.prompts_changed(event_id)
