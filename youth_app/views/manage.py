"""Facilitators' event administration: staff, privacy settings, deleting data, exports."""
from flask import Blueprint, Response, flash, g, jsonify, redirect, render_template, request, url_for

from wtforms import SelectChoice

from ..forms import EmptyForm, RetentionForm, StaffForm
from ..services import events as event_service
from ..services import exports, retention, users
from ..services.concerns import idea_to_concern
from ..services.errors import Invalid
from ..services.ideas import get_idea
from .access import event_for_staff, login_required, require_csrf, wants_json

bp = Blueprint("manage", __name__, url_prefix="/f/e/<code>")


def back(event, message):
    if wants_json():
        return jsonify(ok=True, message=message)
    flash(message, "success")
    return redirect(url_for("manage.admin", code=event["code"]))


@bp.route("/admin")
@login_required
def admin(code):
    event = event_for_staff(code)
    staff_form = StaffForm()
    staff_form.school.choices = [SelectChoice(0, "-")] + [SelectChoice(s["id"], s["name"])
                                                         for s in event_service.schools_of(event["id"])]
    return render_template("staff/admin.html", event=event, staff=users.staff_of_event(event["id"]),
                           staff_form=staff_form, empty_form=EmptyForm(),
                           privacy_form=RetentionForm(retention_days=str(event["retention_days"]),
                                                      extra_words=event["extra_words"]))


@bp.route("/staff", methods=["POST"])
@login_required
def add_staff(code):
    event = event_for_staff(code)
    form = StaffForm()
    if not form.validate_on_submit():
        raise Invalid("Enter the email of an existing staff account.")
    user = users.add_staff_to_event(event["id"], form.email.data, form.school.data)
    return back(event, f"{user['email']} ({user['role']}) can now access this event.")


@bp.route("/privacy", methods=["POST"])
@login_required
def privacy(code):
    event = event_for_staff(code)
    form = RetentionForm()
    if not form.validate_on_submit():
        raise Invalid("Give the retention period as a number of days.")
    days = retention.set_retention(event["id"], form.retention_days.data)
    words = event_service.set_extra_words(event["id"], form.extra_words.data)
    return back(event, f"Saved: pupils' data is kept for {days} days after the event; {len(words)} extra words.")


@bp.route("/delete-data", methods=["POST"])
@login_required
def delete_data(code):
    """Delete every pupil's data of this event now (tokens, ideas, votes, concerns)."""
    event = event_for_staff(code)
    require_csrf()
    if request.form.get("confirm") != "yes":
        raise Invalid("Tick the box to confirm: deleting pupils' data cannot be undone.")
    retention.purge_event(event["id"], user_id=g.user["id"], keep_open_concerns=True)
    return back(event, "Pupils' data for this event has been deleted; anonymous totals are kept. "
                       "Safeguarding concerns that are not closed stay with the safeguarding lead.")


@bp.route("/ideas/<int:idea_id>/concern", methods=["POST"])
@login_required
def mark_concern(code, idea_id):
    """Send an idea to the safeguarding lead: it leaves every public list at once."""
    event = event_for_staff(code)
    require_csrf()
    idea_to_concern(event["id"], get_idea(event["id"], idea_id), g.user["id"])
    if wants_json():
        return jsonify(ok=True, message="Sent to the safeguarding lead and removed from every list.")
    flash("Sent to the safeguarding lead and removed from every list.", "success")
    return redirect(url_for("facilitator.dashboard", code=event["code"]))


@bp.route("/export.<kind>")
@login_required
def export(code, kind):
    event = event_for_staff(code)
    if kind not in ("csv", "json"):
        raise Invalid("Exports come as csv or json.")
    body = exports.export_csv(event) if kind == "csv" else exports.export_json(event)
    filename = f"youth-voice-{event['code']}-{event['event_date']}.{kind}"
    return Response(body, mimetype="text/csv" if kind == "csv" else "application/json",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "Cache-Control": "no-store"})
