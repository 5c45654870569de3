"""The full current state for each audience, sent when a screen connects or reconnects."""
from .ideas import (approved_ideas, ideas_of_participant, ideas_with_status, own_view, public_view,
                    staff_view, top_ideas)
from .participants import counts_by_school
from .prompts import STAGES, prompts_of
from .votes import total_votes, voted_idea_ids
from flask import current_app

from ..db import get_db
from ..realtime import broadcast


def prompt_view(prompt, with_state=False):
    view = {"id": prompt["id"], "stage": prompt["stage"], "stage_label": STAGES[prompt["stage"]],
            "text": prompt["text"]}
    if with_state:
        view["is_open"] = bool(prompt["is_open"])
    return view


def open_prompts_with_ideas(event_id):
    """Open prompts and their approved ideas: what every pupil of the event may see."""
    prompts = prompts_of(event_id, open_only=True)
    ideas = approved_ideas(event_id, [p["id"] for p in prompts])
    return {"prompts": [prompt_view(p) for p in prompts], "ideas": [public_view(i) for i in ideas]}


def pupil_snapshot(event, participant):
    state = open_prompts_with_ideas(event["id"])
    state.update(
        event={"code": event["code"], "title": event["title"], "is_open": bool(event["is_open"]),
               "allow_self_vote": bool(event["allow_self_vote"])},
        school=participant["school_name"],
        mine=own_ideas_with_reach(event, participant),
        voted=sorted(voted_idea_ids(participant["id"])),
    )
    return state


def own_ideas_with_reach(event, participant):
    """A pupil's own ideas with how far each got: shown, on the big screen, in the presentation."""
    from .decks import idea_ids_in_deck

    prompt = screen_prompt(event)
    on_screen = {i["id"] for i in top_ideas(event["id"], prompt["id"], current_app.config["SCREEN_TOP_IDEAS"])} \
        if prompt else set()
    in_deck = idea_ids_in_deck(event["id"])
    return [dict(own_view(i), on_screen=i["id"] in on_screen and i["status"] == "approved",
                 in_presentation=i["id"] in in_deck and i["status"] == "approved")
            for i in ideas_of_participant(participant["id"])]


def stats(event_id):
    schools = counts_by_school(event_id)
    rows = get_db().execute(
        "SELECT prompt_id, status, COUNT(*) AS n FROM ideas WHERE event_id = ? GROUP BY prompt_id, status",
        (event_id,),
    ).fetchall()
    per_prompt = {}
    for row in rows:
        per_prompt.setdefault(str(row["prompt_id"]), {})[row["status"]] = row["n"]
    return {"joined": sum(s["pupils"] for s in schools),
            "schools": [{"name": s["name"], "pupils": s["pupils"]} for s in schools],
            "ideas_per_prompt": per_prompt, "votes": total_votes(event_id),
            "safeguarding": {"leads": leads_attached(event_id),
                             "online": broadcast.room_size(event_id, "safeguarding")}}


def leads_attached(event_id):
    return get_db().execute(
        "SELECT COUNT(*) FROM event_staff s JOIN users u ON u.id = s.user_id"
        " WHERE s.event_id = ? AND u.role = 'safeguarding'", (event_id,)).fetchone()[0]


def event_settings(event):
    return {"moderation": event["moderation"], "allow_self_vote": bool(event["allow_self_vote"]),
            "is_open": bool(event["is_open"]), "screen_prompt_id": event["screen_prompt_id"]}


def staff_snapshot(event):
    event_id = event["id"]
    return {
        "settings": event_settings(event),
        "prompts": [prompt_view(p, with_state=True) for p in prompts_of(event_id)],
        "queue": [staff_view(i) for i in ideas_with_status(event_id, "pending")],
        "approved": [staff_view(i) for i in approved_ideas(event_id)],
        "hidden": [staff_view(i) for i in ideas_with_status(event_id, "hidden")],
        "stats": stats(event_id),
    }


def screen_prompt(event):
    """The prompt on the big screen: the chosen one, else the latest open one."""
    prompts = prompts_of(event["id"])
    chosen = [p for p in prompts if p["id"] == event["screen_prompt_id"]]
    if chosen:
        return chosen[0]
    opened = [p for p in prompts if p["is_open"]]
    return opened[-1] if opened else None


def screen_snapshot(event, limit):
    prompt = screen_prompt(event)
    ideas = top_ideas(event["id"], prompt["id"], limit) if prompt else []
    joined = get_db().execute(
        "SELECT COUNT(*) FROM participants WHERE event_id = ?", (event["id"],)
    ).fetchone()[0]
    return {"code": event["code"], "joined": joined,
            "prompt": prompt_view(prompt, with_state=True) if prompt else None,
            "ideas": [public_view(i) for i in ideas]}
