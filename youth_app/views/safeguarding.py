"""Safeguarding leads: concerns (possible disclosures, requests for help), their handling, the audit log."""
from flask import Blueprint, flash, g, jsonify, redirect, render_template, request, url_for

from ..forms import ConcernUpdateForm
from ..services import concerns
from ..services.errors import Invalid
from ..services.events import events_for_user
from .access import event_for_role, role_required, wants_json

bp = Blueprint("safeguarding", __name__, url_prefix="/s")
lead_required = role_required("safeguarding")


def parse_concern_id(raw):
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise Invalid("Unknown concern.") from None


@bp.route("/")
@lead_required
def events():
    return render_template("safeguarding/events.html", events=events_for_user(g.user["id"]))


@bp.route("/e/<code>")
@lead_required
def concerns_page(code):
    event = event_for_role(code, "safeguarding")
    listed = concerns.list_concerns(event["id"], g.user["id"])
    return render_template("safeguarding/concerns.html", event=event, concerns=listed,
                           statuses=concerns.STATUSES)


@bp.route("/e/<code>/concerns/<int:concern_id>", methods=["GET", "POST"])
@lead_required
def concern(code, concern_id):
    event = event_for_role(code, "safeguarding")
    form = ConcernUpdateForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            raise Invalid("The form could not be read. Reload the page and try again.")
        concerns.update_concern(event["id"], concern_id, g.user["id"], form.status.data, form.note.data)
        if wants_json():
            return jsonify(ok=True, message="Saved.")
        flash("Saved.", "success")
        return redirect(url_for("safeguarding.concern", code=event["code"], concern_id=concern_id))
    shown = concerns.read_concern(event["id"], concern_id, g.user["id"])
    form.status.data = shown["status"]
    return render_template("safeguarding/concern.html", event=event, concern=shown, form=form)


@bp.route("/e/<code>/audit")
@lead_required
def audit_log(code):
    event = event_for_role(code, "safeguarding")
    return render_template("safeguarding/audit.html", event=event, entries=concerns.audit_entries(event["id"]))
