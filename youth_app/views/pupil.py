"""Pupils on phones: join with a code, submit ideas, vote. Plain forms that also work without JavaScript."""
from flask import Blueprint, Response, flash, jsonify, redirect, render_template, request, session, url_for

from wtforms import SelectChoice

from ..forms import IdeaForm, JoinForm, VoteForm
from ..services import snapshots
from ..services.errors import Invalid, ServiceError
from ..services.events import get_event_by_code, normalise_code, require_open, schools_of
from ..services.ideas import own_view, submit_idea
from ..services.participants import get_participant, join, require_participant
from ..services.votes import cast_vote, withdraw_vote
from .access import wants_json

bp = Blueprint("pupil", __name__)
DISCLOSURE_MESSAGE = ("Thank you for telling us. An adult whose job is to help keep young people safe will read "
                      "what you wrote. It won't appear on the big screen or on anyone's phone. You are not in "
                      "trouble. If they think someone might be at risk, they may share it with people who can help.")


def pupil_token(code):
    return session.get("pupils", {}).get(code)


def remember_token(code, token):
    tokens = dict(session.get("pupils", {}))
    tokens[code] = token
    session["pupils"] = tokens
    session.permanent = True


def current_pupil(code):
    """(event, participant or None) for this phone."""
    event = get_event_by_code(code)
    return event, get_participant(event["id"], pupil_token(event["code"]))


@bp.route("/")
def home():
    return render_template("pupil/home.html")


@bp.route("/go")
def go():
    """The home page's code box (a GET form: it changes nothing)."""
    code = normalise_code(request.args.get("code"))
    if code is None:
        flash("Codes have 6 letters and numbers, like K7PX3M. Check the big screen.", "error")
        return render_template("pupil/home.html", code=request.args.get("code", "")[:20]), 404
    return redirect(url_for("pupil.join_event", code=code))


@bp.route("/j/<code>", methods=["GET", "POST"])
def join_event(code):
    event, participant = current_pupil(code)
    require_open(event)
    if code != event["code"]:
        return redirect(url_for("pupil.join_event", code=event["code"]))
    form = JoinForm()
    form.school.choices = [SelectChoice(s["id"], s["name"]) for s in schools_of(event["id"])]
    if request.method == "GET" and participant is not None:
        return redirect(url_for("pupil.event_page", code=event["code"]))
    if form.validate_on_submit():
        participant = join(event, form.school.data, pupil_token(event["code"]))
        remember_token(event["code"], participant["token"])
        return redirect(url_for("pupil.event_page", code=event["code"]))
    if request.method == "POST":
        raise Invalid("Choose your school from the list.")
    return render_template("pupil/join.html", event=event, form=form, participant=participant)


def render_event(event, participant, status=200, error=None, draft=None):
    state = snapshots.pupil_snapshot(event, participant)
    sort = "new" if request.args.get("sort") == "new" else "votes"
    return render_template("pupil/event.html", event=event, participant=participant, state=state,
                           sort=sort, idea_form=IdeaForm(), vote_form=VoteForm(),
                           error=error, draft=draft or {}), status


@bp.route("/e/<code>")
def event_page(code):
    event, participant = current_pupil(code)
    require_open(event)
    if participant is None:
        return redirect(url_for("pupil.join_event", code=event["code"]))
    return render_event(event, participant)


def require_pupil(code):
    event = get_event_by_code(code)
    return event, require_participant(event, pupil_token(event["code"]))


def parse_id(raw):
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise Invalid("Choose a question to answer.") from None


@bp.route("/e/<code>/ideas", methods=["POST"])
def submit(code):
    """A pupil sends an idea for an open prompt."""
    event, participant = require_pupil(code)
    form = IdeaForm()
    if not form.validate_on_submit():
        raise Invalid("Your idea could not be read. Reload the page and try again.")
    try:
        idea = submit_idea(event, participant, parse_id(form.prompt_id.data), form.text.data)
    except ServiceError as exc:
        if wants_json():
            raise
        draft = {"prompt_id": form.prompt_id.data, "text": (form.text.data or "")[:2000]}
        return render_event(event, participant, exc.status, exc.message, draft)
    if idea is None:  # read as a possible disclosure: it went to the safeguarding lead only
        if wants_json():
            return jsonify(ok=True, safeguarding=True, message=DISCLOSURE_MESSAGE,
                           help_url=url_for("help.talk_to_someone", code=event["code"], state="disclosure"))
        return redirect(url_for("help.talk_to_someone", code=event["code"], state="disclosure"))
    message = ("Sent! It will appear for everyone once a facilitator has approved it."
               if idea["status"] == "pending" else "Sent! Your idea is now on everyone's screens.")
    if wants_json():
        return jsonify(ok=True, message=message, idea=own_view(idea)), 201
    flash(message, "success")
    return redirect(url_for("pupil.event_page", code=event["code"]) + f"#prompt-{idea['prompt_id']}")


@bp.route("/e/<code>/ideas/<int:idea_id>/vote", methods=["POST"])
def vote(code, idea_id):
    """Vote for an idea, or take the vote back (action=vote|unvote)."""
    event, participant = require_pupil(code)
    form = VoteForm()
    if not form.validate_on_submit() or form.action.data not in ("vote", "unvote"):
        raise Invalid("That vote could not be read. Reload the page and try again.")
    change = cast_vote if form.action.data == "vote" else withdraw_vote
    count = change(event, participant, idea_id)
    if wants_json():
        return jsonify(ok=True, idea_id=idea_id, votes=count, voted=form.action.data == "vote")
    return redirect(url_for("pupil.event_page", code=event["code"], sort=request.args.get("sort"))
                    + f"#idea-{idea_id}")


def pupil_of(code):
    """This phone's participant in the event, open or closed (tasks outlive the day), else 403."""
    event = get_event_by_code(code)
    return event, require_participant(event, pupil_token(event["code"]))


@bp.route("/e/<code>/tasks")
def tasks(code):
    """'Your three tasks back at school', for the end of the day."""
    event, participant = pupil_of(code)
    return render_template("pupil/tasks.html", event=event, participant=participant)


@bp.route("/e/<code>/tasks.pdf")
def tasks_pdf(code):
    from .. import documents

    event, participant = pupil_of(code)
    body, filename, mimetype = documents.build("tasks_pdf", event, participant["school_id"],
                                               url_for("help.general", _external=True))
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})
