"""The ten-minute presentation: the stored deck, the facilitator's edits, where the presenter is.

Slides come from youth_app/deck (built from approved ideas only); the facilitator's edits are kept
across regenerations by deck.merge_edits. Custom slides (key "custom-...") are the facilitator's own.
"""
import json

from .. import deck
from ..db import get_db, transaction
from ..realtime import broadcast
from .errors import Invalid, NotFound

MAX_CUSTOM = 5


def stored(event_id):
    row = get_db().execute("SELECT * FROM decks WHERE event_id = ?", (event_id,)).fetchone()
    return None if row is None else {"slides": json.loads(row["slides"]), "position": row["position"],
                                     "started_at": row["started_at"]}


def require_deck(event_id):
    found = stored(event_id)
    if found is None:
        raise NotFound("There is no presentation yet: build the draft first.")
    return found


def save(event_id, slides):
    get_db().execute(
        "INSERT INTO decks (event_id, slides) VALUES (?, ?) ON CONFLICT (event_id) DO UPDATE SET"
        " slides = excluded.slides, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        (event_id, json.dumps(slides, ensure_ascii=False)))


def with_custom(merged, saved):
    """Put the facilitator's own slides back where they were (merge_edits only knows built slides)."""
    result = list(merged)
    for index, slide in enumerate(saved):
        if str(slide.get("key", "")).startswith("custom-"):
            result.insert(min(index, len(result)), slide)
    return result


def generate(event):
    """Build the draft from the latest data, keeping the facilitator's edits where slides still exist."""
    fresh = deck.build_draft(event)
    previous = stored(event["id"])
    slides = fresh if previous is None else with_custom(deck.merge_edits(fresh, previous["slides"]),
                                                        previous["slides"])
    save(event["id"], slides)
    broadcast.deck_changed(event["id"])
    return slides


def custom_slide(edit, number):
    title = " ".join(str(edit.get("title") or "").split())[:200] or "Our slide"
    bullets = [" ".join(line.split())[:300] for line in str(edit.get("bullets") or "").splitlines() if line.strip()]
    return {"key": f"custom-{number}", "title": title, "kind": "bullets", "body": {"bullets": bullets[:8]},
            "notes": "", "seconds": 30, "presenter": "", "hidden": False, "generated": {}}


def apply_edit(slide, edit):
    """The editable fields of one slide; pupils' texts are never edited, only chosen."""
    if "seconds" in edit:
        try:
            slide["seconds"] = max(0, min(deck.BUDGET_SECONDS, int(edit["seconds"])))
        except (TypeError, ValueError):
            raise Invalid("Give each slide's time in seconds.") from None
    for field, limit in (("title", 200), ("notes", 4000), ("presenter", 60)):
        if field in edit:
            slide[field] = str(edit[field] or "")[:limit]
    if "hidden" in edit:
        slide["hidden"] = bool(edit["hidden"])
    if "idea_ids" in edit and isinstance(slide.get("body"), dict):
        slide["body"]["idea_ids"] = [int(i) for i in edit["idea_ids"] if str(i).isdigit()][:5]
    if slide["key"].startswith("custom-") and "bullets" in edit:
        slide["body"]["bullets"] = custom_slide(edit, 0)["body"]["bullets"]
    return slide


def save_edits(event, edits):
    """Edits in presenting order: [{key, title, notes, seconds, presenter, hidden, idea_ids, bullets}].
    A key "new" adds a custom slide. Re-merged with fresh data, so only approved ideas can be chosen."""
    if not isinstance(edits, list) or not edits:
        raise Invalid("The slides could not be read. Reload the page and try again.")
    current = {s["key"]: s for s in require_deck(event["id"])["slides"]}
    customs = [k for k in current if k.startswith("custom-")]
    edited = []
    for edit in edits:
        key = str(edit.get("key", ""))
        if key == "new":
            if len(customs) >= MAX_CUSTOM:
                raise Invalid(f"At most {MAX_CUSTOM} slides of your own.")
            number = max([int(k.split("-")[1]) for k in customs] + [0]) + 1
            customs.append(f"custom-{number}")
            edited.append(apply_edit(custom_slide(edit, number), edit))
        elif key in current:
            edited.append(apply_edit(json.loads(json.dumps(current[key])), edit))
        else:
            raise Invalid("That slide does not exist; reload the page.")
    merged = with_custom(deck.merge_edits(deck.build_draft(event), edited), edited)
    save(event["id"], merged)
    broadcast.deck_changed(event["id"])
    return merged


def go_to(event_id, position):
    """Move the projector to a slide (by index among visible slides); starts the clock on first use."""
    slides = [s for s in require_deck(event_id)["slides"] if not s.get("hidden")]
    if not isinstance(position, int) or not 0 <= position < len(slides):
        raise Invalid("No such slide.")
    with transaction() as db:
        db.execute("UPDATE decks SET position = ?, started_at = COALESCE(started_at,"
                   " strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE event_id = ?", (position, event_id))
    broadcast.deck_position(event_id, presenter_state(event_id))
    return position


def reset_clock(event_id):
    get_db().execute("UPDATE decks SET position = 0, started_at = NULL WHERE event_id = ?", (event_id,))
    broadcast.deck_position(event_id, presenter_state(event_id))


def presenter_state(event_id):
    """What the projector and the presenter view show: visible slides, position, start time."""
    found = require_deck(event_id)
    slides = [s for s in found["slides"] if not s.get("hidden")]
    return {"slides": slides, "position": min(found["position"], max(len(slides) - 1, 0)),
            "started_at": found["started_at"], "total_seconds": deck.total_seconds(slides)}


def idea_ids_in_deck(event_id):
    """Ideas shown on visible slides (for pupils' 'in the presentation' status)."""
    found = stored(event_id)
    ids = set()
    for slide in (found or {}).get("slides", []):
        if not slide.get("hidden"):
            ids.update((slide.get("body") or {}).get("idea_ids") or [])
    return ids
