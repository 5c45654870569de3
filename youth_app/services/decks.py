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


def is_custom(slide):
    return str(slide.get("key", "")).startswith("custom-")


def with_custom(merged, saved):
    """Put the facilitator's own slides back where they were (merge_edits only knows built slides),
    never after the closing help slide."""
    result = list(merged)
    for index, slide in enumerate(saved):
        if is_custom(slide):
            slide = dict(slide, body={"bullets": list((slide.get("body") or {}).get("bullets") or [])})
            help_at = next((i for i, s in enumerate(result) if s.get("key") == "help"), len(result))
            result.insert(min(index, help_at), slide)
    return result


def refreshed(event, saved_slides):
    """The saved deck re-merged with today's data: an idea hidden, withdrawn or deleted since it was
    saved drops out of every slide, and notes that quoted it are rewritten."""
    return with_custom(deck.merge_edits(deck.build_draft(event), saved_slides), saved_slides)


def current_slides(event):
    """What every screen and export shows: always the refreshed deck, never stale stored text."""
    found = stored(event["id"])
    return None if found is None else refreshed(event, found["slides"])


def generate(event):
    """Build the draft from the latest data, keeping the facilitator's edits where slides still exist."""
    previous = stored(event["id"])
    slides = deck.build_draft(event) if previous is None else refreshed(event, previous["slides"])
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
        if field in edit:  # browsers send textarea line breaks as \r\n; the builder writes \n
            slide[field] = str(edit[field] or "").replace("\r\n", "\n").replace("\r", "\n")[:limit]
    if "hidden" in edit:
        slide["hidden"] = bool(edit["hidden"])
    if "idea_ids" in edit and isinstance(slide.get("body"), dict) and not is_custom(slide):
        slide["body"]["idea_ids"] = [int(i) for i in edit["idea_ids"] if str(i).isdigit()][:5]
    if slide["key"].startswith("custom-") and "bullets" in edit:
        slide["body"]["bullets"] = custom_slide(edit, 0)["body"]["bullets"]
    return slide


def save_edits(event, edits):
    """Edits in presenting order: [{key, title, notes, seconds, presenter, hidden, idea_ids, bullets, delete}].
    A key "new" adds a custom slide; delete removes one. Re-merged with fresh data, so only approved
    ideas can be chosen. A custom slide the form did not know about (another tab) is kept."""
    if not isinstance(edits, list) or not edits:
        raise Invalid("The slides could not be read. Reload the page and try again.")
    keys = [str(e.get("key", "")) for e in edits if e.get("key") != "new"]
    if len(keys) != len(set(keys)):
        raise Invalid("A slide appears twice; reload the page.")
    with transaction():
        current = require_deck(event["id"])["slides"]
        by_key = {s["key"]: s for s in current}
        edited = [slide for slide in (edited_slide(edit, by_key) for edit in edits) if slide is not None]
        mentioned = set(keys)
        for index, slide in enumerate(current):  # custom slides added elsewhere meanwhile
            if is_custom(slide) and slide["key"] not in mentioned:
                edited.insert(min(index, len(edited)), slide)
        if sum(1 for s in edited if is_custom(s)) > MAX_CUSTOM:
            raise Invalid(f"At most {MAX_CUSTOM} slides of your own: delete one first.")
        merged = refreshed(event, edited)
        save(event["id"], merged)
    broadcast.deck_changed(event["id"])
    return merged


def edited_slide(edit, by_key):
    """One slide after its edit; None for a custom slide being deleted."""
    key = str(edit.get("key", ""))
    if key == "new":
        numbers = [int(k.split("-")[1]) for k in by_key if k.startswith("custom-")] or [0]
        slide = custom_slide(edit, max(numbers) + 1)
        by_key[slide["key"]] = slide
        return apply_edit(slide, edit)
    if key not in by_key:
        raise Invalid("That slide does not exist; reload the page.")
    if edit.get("delete") and key.startswith("custom-"):
        return None
    return apply_edit(json.loads(json.dumps(by_key[key])), edit)


def go_to(event_id, position):
    """Move the projector to a slide (by index among visible slides); starts the clock on first use."""
    slides = [s for s in require_deck(event_id)["slides"] if not s.get("hidden")]
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position < len(slides):
        raise Invalid("No such slide.")
    with transaction() as db:
        db.execute("UPDATE decks SET position = ?, started_at = COALESCE(started_at,"
                   " strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE event_id = ?", (position, event_id))
    broadcast.deck_position(event_id, presenter_state(event_id))
    return position


def refresh_screens(event_id):
    """An idea changed status: projector and presenter views drop what is no longer approved."""
    if stored(event_id) is not None:
        broadcast.deck_changed(event_id)


def delete_deck(db, event_id):
    db.execute("DELETE FROM decks WHERE event_id = ?", (event_id,))


def reset_clock(event_id):
    get_db().execute("UPDATE decks SET position = 0, started_at = NULL WHERE event_id = ?", (event_id,))
    broadcast.deck_position(event_id, presenter_state(event_id))


def presenter_state(event_id):
    """What the projector and the presenter view show: visible slides (refreshed), position, start time."""
    from .events import get_event

    found = require_deck(event_id)
    slides = [s for s in refreshed(get_event(event_id), found["slides"]) if not s.get("hidden")]
    return {"slides": slides, "position": min(found["position"], max(len(slides) - 1, 0)),
            "started_at": found["started_at"], "total_seconds": deck.total_seconds(slides)}


def idea_ids_in_deck(event_id):
    """Ideas shown on visible slides (for pupils' 'in the presentation' status)."""
    found = stored(event_id)
    ids = set()
    for slide in (found or {}).get("slides", []):
        if is_custom(slide):
            continue
        if not slide.get("hidden"):
            ids.update((slide.get("body") or {}).get("idea_ids") or [])
    return ids
