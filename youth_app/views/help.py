"""Help for pupils: the help panel (works without JavaScript) and the 'talk to someone' form."""
from flask import Blueprint, jsonify, redirect, render_template, request, session, url_for

from ..forms import HelpForm
from ..screening import screen
from ..services.concerns import ask_for_help
from ..services.errors import Invalid
from ..services.events import get_event_by_code
from ..services.participants import get_participant
from .access import wants_json

bp = Blueprint("help", __name__)
RECEIVED = ("Received. An adult whose job is to help keep young people safe will read your message. "
            "You are not in trouble.")


@bp.route("/help")
def general():
    """The help panel on its own, for pages outside an event (and anyone without JavaScript)."""
    return render_template("pupil/help.html", event=None, participant=None, form=None, state=None)


@bp.route("/e/<code>/help", methods=["GET", "POST"])
def talk_to_someone(code):
    event = get_event_by_code(code)
    participant = get_participant(event["id"], session.get("pupils", {}).get(event["code"]))
    form = HelpForm()
    if request.method == "POST":
        if participant is None:
            raise Invalid("Choose your school first, then you can send a message.")
        if not form.validate_on_submit():
            raise Invalid("Your message could not be read. Reload the page and try again.")
        reasons = screen(form.message.data or "").reasons
        ask_for_help(event, participant, form.message.data, form.contact.data, reasons)
        if wants_json():
            return jsonify(ok=True, message=RECEIVED)
        # Post/redirect/get: the message is not kept in the page or the browser's history.
        return redirect(url_for("help.talk_to_someone", code=event["code"], state="received"))
    state = request.args.get("state")
    return render_template("pupil/help.html", event=event, participant=participant, form=form,
                           state=state if state in ("received", "disclosure") else None, received=RECEIVED)
