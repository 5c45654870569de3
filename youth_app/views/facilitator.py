"""Facilitators: events, prompts, moderation and settings. Thin: parse, call a service, answer."""
from flask import Blueprint, flash, g, jsonify, redirect, render_template, url_for

from ..forms import EmptyForm, EventForm, PromptForm, SettingsForm
from .. import deck
from ..services import decks
from ..services import events as event_service
from ..services import prompts as prompt_service
from ..services.errors import Conflict, Invalid
from ..services.ideas import moderate, staff_view
from .access import event_for_staff, login_required, wants_json

bp = Blueprint("facilitator", __name__, url_prefix="/f")
PROMPT_OPERATIONS = {"open", "close", "up", "down", "screen"}


def done(event, message, **payload):
    """JSON for the dashboard's fetch(), a redirect with a flash message otherwise."""
    if wants_json():
        return jsonify(ok=True, message=message, **payload)
    flash(message, "success")
    return redirect(url_for("facilitator.dashboard", code=event["code"]))


def require_valid(form):
    if not form.validate_on_submit():
        errors = "; ".join(f"{form[name].label.text}: {msgs[0]}" for name, msgs in form.errors.items()
                           if name in form._fields and name != "csrf_token")
        raise Invalid(errors or "The form could not be read. Reload the page and try again.")


@bp.route("/")
@login_required
def events():
    return render_template("staff/events.html", events=event_service.events_for_user(g.user["id"]),
                           form=EventForm())


@bp.route("/events", methods=["POST"])
@login_required
def create_event():
    form = EventForm()
    require_valid(form)
    event = event_service.create_event(g.user["id"], form.title.data, form.event_date.data.isoformat(),
                                       form.venue.data, form.theme.data, form.schools.data)
    flash(f"Event created. Its join code is {event['code']}.", "success")
    return redirect(url_for("facilitator.dashboard", code=event["code"]))


@bp.route("/e/<code>")
@login_required
def dashboard(code):
    event = event_for_staff(code)
    found = decks.stored(event["id"])
    return render_template("staff/dashboard.html", event=event, prompt_form=PromptForm(),
                           deck_seconds=deck.total_seconds(found["slides"]) if found else None,
                           settings_form=SettingsForm(moderation=event["moderation"],
                                                      allow_self_vote=event["allow_self_vote"]),
                           empty_form=EmptyForm())


@bp.route("/e/<code>/prompts", methods=["POST"])
@login_required
def add_prompt(code):
    event = event_for_staff(code)
    form = PromptForm()
    require_valid(form)
    prompt = prompt_service.add_prompt(event["id"], form.stage.data, form.text.data)
    return done(event, "Question added. Open it when you are ready.", prompt_id=prompt["id"])


@bp.route("/e/<code>/prompts/<int:prompt_id>", methods=["POST"])
@login_required
def edit_prompt(code, prompt_id):
    event = event_for_staff(code)
    form = PromptForm()
    require_valid(form)
    prompt_service.edit_prompt(event["id"], prompt_id, form.stage.data, form.text.data)
    return done(event, "Question saved.")


@bp.route("/e/<code>/prompts/<int:prompt_id>/<operation>", methods=["POST"])
@login_required
def prompt_operation(code, prompt_id, operation):
    """open, close, up, down, screen (show on the big screen)."""
    event = event_for_staff(code)
    require_valid(EmptyForm())
    if operation not in PROMPT_OPERATIONS:
        raise Invalid("Unknown action for a question.")
    if operation in ("open", "close"):
        prompt_service.set_prompt_open(event["id"], prompt_id, operation == "open")
    elif operation == "screen":
        prompt_service.show_on_screen(event["id"], prompt_id)
    else:
        prompt_service.move_prompt(event["id"], prompt_id, operation)
    return done(event, "Questions updated.")


@bp.route("/e/<code>/ideas/<int:idea_id>/<action>", methods=["POST"])
@login_required
def moderate_idea(code, idea_id, action):
    """approve, hide, pin, unpin."""
    event = event_for_staff(code)
    require_valid(EmptyForm())
    idea = moderate(event["id"], idea_id, action)
    past = {"approve": "approved", "hide": "hidden", "pin": "pinned", "unpin": "unpinned"}[action]
    return done(event, f"Idea {past}.", idea=staff_view(idea))


@bp.route("/e/<code>/settings", methods=["POST"])
@login_required
def settings(code):
    event = event_for_staff(code)
    form = SettingsForm()
    require_valid(form)
    event_service.update_settings(event["id"], moderation=form.moderation.data,
                                  allow_self_vote=form.allow_self_vote.data)
    return done(event, "Settings saved.")


@bp.route("/e/<code>/<state>", methods=["POST"])
@login_required
def open_or_close(code, state):
    """Close the event to pupils at the end of the day, or reopen it."""
    event = event_for_staff(code)
    require_valid(EmptyForm())
    if state not in ("close", "reopen"):
        raise Invalid("Unknown action for an event.")
    if state == "reopen" and event["purged_at"]:
        raise Conflict("Pupils' data for this event was deleted; it cannot reopen. Create a new event.")
    event_service.update_settings(event["id"], is_open=int(state == "reopen"))
    return done(event, "The event is closed to pupils." if state == "close" else "The event is open again.")
