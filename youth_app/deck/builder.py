"""The draft deck for the young people's ten-minute presentation, and keeping a facilitator's edits.

A slide is a dict: key (stable id), title, kind, body (structured data), notes (speaker notes),
seconds (time budget), presenter, hidden, and `generated` - what the builder wrote for title, notes,
seconds, presenter and idea_ids, so that `merge_edits` can tell the facilitator's edits from defaults.
"""
import copy

from . import wording
from .data import deck_data

BUDGET_SECONDS = 600
TOP = 5
SECONDS = {"title": 30, "who": 75, "issues": 120, "solutions": 120, "quotes": 75, "polls": 60,
           "back_at_school": 60, "help": 30}
IDEA_SLIDES = ("issues", "solutions", "quotes")
EDITABLE = ("title", "notes", "seconds", "presenter")
LIMITS = {"title": 200, "notes": 4000, "presenter": 60}


def build_draft(event, polls=None):
    """The slides, in presenting order, from the event's stored data (inside an app context)."""
    data = deck_data(event)
    slides = [title_slide(data), who_slide(data), ranked_slide(data, "issues"), ranked_slide(data, "solutions"),
              quotes_slide(data), polls_slide(polls), tasks_slide(), help_slide()]
    slides = [s for s in slides if s is not None]
    for number, slide in enumerate(slides, 1):
        slide["presenter"] = f"Presenter {number}"
        slide["generated"]["presenter"] = slide["presenter"]
    return slides


def new_slide(key, title, kind, body):
    notes = wording.NOTES[key](body)
    generated = {"title": title, "notes": notes, "seconds": SECONDS[key], "presenter": "",
                 "idea_ids": list(body.get("idea_ids", []))}
    return {"key": key, "title": title, "kind": kind, "body": body, "notes": notes, "seconds": SECONDS[key],
            "presenter": "", "hidden": False, "generated": generated}


def title_slide(data):
    event = data["event"]
    schools = data["totals"]["schools"] if data["totals"]["pupils"] else 0  # nobody joined: no schools to name
    body = {"event_title": event["title"], "date": event["event_date"], "date_label": wording.date_label(
        event["event_date"]), "theme": event["theme"], "schools": schools, "byline": wording.byline(schools)}
    return new_slide("title", event["title"], "title", body)


def who_slide(data):
    totals = data["totals"]
    labels = (("schools", "Schools"), ("pupils", "Young people"), ("ideas", "Ideas approved"),
              ("votes", "Votes cast"))
    body = {"stats": [{"key": key, "label": label, "value": totals[key]} for key, label in labels],
            "chart": {"title": "Young people from each school", "categories": [s["name"] for s in data["schools"]],
                      "values": [s["pupils"] for s in data["schools"]]}}
    return new_slide("who", wording.TITLES["who"], "stats", body)


def ranked_slide(data, stage):
    body = {"stage": stage, "questions": data["questions"][stage], "candidates": data["ideas"][stage]}
    show_ideas(body, [i["id"] for i in body["candidates"][:TOP]], wording.EMPTY_STAGE)
    return new_slide(stage, wording.TITLES[stage], "ranked", body)


def quotes_slide(data):
    body = {"candidates": data["quotes"]}
    show_ideas(body, [i["id"] for i in body["candidates"][:TOP]], wording.EMPTY_QUOTES)
    return new_slide("quotes", wording.TITLES["quotes"], "quotes", body)


def show_ideas(body, idea_ids, empty_message):
    """Show these candidates (in the given order): the ideas, their ids, the votes chart, the empty note."""
    by_id = {i["id"]: i for i in body["candidates"]}
    body["ideas"] = [dict(by_id[i]) for i in idea_ids if i in by_id][:TOP]
    body["idea_ids"] = [i["id"] for i in body["ideas"]]
    body["chart"] = {"title": "Votes", "categories": [str(n) for n in range(1, len(body["ideas"]) + 1)],
                     "values": [i["votes"] for i in body["ideas"]]}
    body["empty"] = None if body["ideas"] else empty_message


def polls_slide(polls):
    """A slide for poll results, or None when there are none (there are no polls yet)."""
    cleaned = [p for p in (clean_poll(poll) for poll in polls or ()) if p]
    if not cleaned:
        return None
    return new_slide("polls", wording.TITLES["polls"], "polls", {"polls": cleaned[:3]})


def clean_poll(poll):
    """{"question", "options": [{"label", "votes"}], "total"} or None when it has no options."""
    options = []
    for option in poll.get("options") or ():
        label, votes = (option["label"], option["votes"]) if isinstance(option, dict) else option
        options.append({"label": str(label), "votes": max(0, int(votes))})
    if not options:
        return None
    return {"question": str(poll.get("question") or ""), "options": options,
            "total": sum(o["votes"] for o in options)}


def tasks_slide():
    body = {"tasks": [{"title": title, "detail": detail} for title, detail in wording.TASKS]}
    return new_slide("back_at_school", wording.TITLES["back_at_school"], "tasks", body)


def help_slide():
    body = {"lines": wording.helplines(), "message": wording.HELP_MESSAGE}
    return new_slide("help", wording.TITLES["help"], "help", body)


def visible(slides):
    return [s for s in slides if not s.get("hidden")]


def total_seconds(slides):
    """Seconds budgeted for the slides that will be shown."""
    return sum(int(s.get("seconds") or 0) for s in visible(slides))


def over_budget(slides):
    return total_seconds(slides) > BUDGET_SECONDS


def merge_edits(fresh_slides, saved_slides):
    """Fresh slides with the facilitator's edits of saved slides whose key still exists.

    Kept: order, hidden, chosen idea ids (still approved ones), and title, notes, seconds and presenter
    where they differ from what the builder wrote then. Pupils' texts always come from the fresh data.
    A slide new since the save goes before the next slide it precedes in the fresh order (so the closing
    help slide stays last); edited notes that quote an idea no longer approved are replaced by fresh ones.
    """
    fresh_by_key = {s["key"]: s for s in fresh_slides}
    stale = idea_texts(saved_slides) - idea_texts(fresh_slides)
    merged = []
    for saved in saved_slides:
        key = saved.get("key") if isinstance(saved, dict) else None
        if key in fresh_by_key and key not in {s["key"] for s in merged}:
            merged.append(merge_slide(fresh_by_key[key], saved, stale))
    for index, slide in enumerate(fresh_slides):
        keys = [s["key"] for s in merged]
        if slide["key"] not in keys:
            after = [s["key"] for s in fresh_slides[index + 1:] if s["key"] in keys]
            merged.insert(keys.index(after[0]) if after else len(merged), copy.deepcopy(slide))
    return merged


def merge_slide(fresh, saved, stale):
    slide = copy.deepcopy(fresh)
    generated = saved.get("generated") or {}
    chosen = (saved.get("body") or {}).get("idea_ids")
    if fresh["key"] in IDEA_SLIDES and isinstance(chosen, list) and chosen != generated.get("idea_ids"):
        rechoose(slide, chosen)
    for field in EDITABLE:
        value = clean_field(field, saved.get(field))
        if value is not None and (field not in generated or value != generated[field]):
            if isinstance(value, str) and any(text in value for text in stale):
                slide.setdefault("warnings", []).append(
                    f"The slide's {field} quoted an idea that is no longer approved, so it was rewritten.")
                continue
            slide[field] = value
    slide["hidden"] = bool(saved.get("hidden"))
    return slide


def rechoose(slide, chosen):
    """Show the chosen ideas that are still approved (else keep the fresh top ones), with fresh notes."""
    approved = {c["id"] for c in slide["body"]["candidates"]}
    ids = [int(i) for i in chosen if str(i).isdigit() and int(i) in approved]
    if not ids:
        return
    empty = wording.EMPTY_QUOTES if slide["key"] == "quotes" else wording.EMPTY_STAGE
    show_ideas(slide["body"], ids, empty)
    # generated["idea_ids"] stays the builder's top ideas, so the choice still reads as an edit next time.
    slide["notes"] = slide["generated"]["notes"] = wording.NOTES[slide["key"]](slide["body"])


def clean_field(field, value):
    """A saved value in range, or None when it is missing or unusable."""
    if field == "seconds":
        return max(0, min(BUDGET_SECONDS, value)) if isinstance(value, int) and not isinstance(value, bool) else None
    if not isinstance(value, str):
        return None
    value = value.strip()[:LIMITS[field]]
    return value if value or field == "notes" else None


def idea_texts(slides):
    """Every pupil text a deck shows or could show."""
    texts = set()
    for slide in slides:
        body = (slide.get("body") or {}) if isinstance(slide, dict) else {}
        for idea in (body.get("candidates") or []) + (body.get("ideas") or []):
            if isinstance(idea, dict) and idea.get("text"):
                texts.add(idea["text"])
    return texts
