"""School packs: the facilitator previews, edits and releases them; teachers download their school's."""
import io
import zipfile

import segno
from flask import (Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request,
                   url_for)

from .. import documents
from ..forms import EmptyForm
from ..services import packs, teacher_links
from ..services.errors import Invalid
from ..services.events import events_for_user, get_school, schools_of
from .access import event_for_staff, login_required, require_csrf, role_required

bp = Blueprint("packs", __name__)


def help_url():
    base = current_app.config.get("PUBLIC_URL") or request.host_url
    return base.rstrip("/") + url_for("help.general")


def download(payload):
    """A built document as an attachment that no cache keeps."""
    body, filename, mimetype = payload
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})


def build_or_404(doc_id, event, school_id):
    if doc_id not in documents.DOCUMENTS:
        abort(404)
    return download(documents.build(doc_id, event, school_id, help_url()))


def zip_response(event, school_ids, name):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for school_id in school_ids:
            folder = documents.slug(get_school(event["id"], school_id)["name"])
            for doc_id in documents.DOCUMENTS:
                body, filename, _mimetype = documents.build(doc_id, event, school_id, help_url())
                archive.writestr(f"{folder}/{filename}", body)
    return download((buffer.getvalue(), name, "application/zip"))


@bp.route("/f/e/<code>/packs")
@login_required
def overview(code):
    event = event_for_staff(code)
    return render_template("packs/overview.html", event=event, schools=packs.pack_statuses(event["id"]),
                           links=teacher_links.links_of(event["id"]), form=EmptyForm(),
                           documents=documents.DOCUMENTS)


@bp.route("/f/e/<code>/packs/<int:school_id>", methods=["GET", "POST"])
@login_required
def preview(code, school_id):
    """The pack in the browser before release, with its editable headline ideas and proposals."""
    event = event_for_staff(code)
    get_school(event["id"], school_id)
    if request.method == "POST":
        require_csrf()
        proposals = [{"title": request.form.get(f"proposal-{n}", ""),
                      "idea_ids": request.form.getlist(f"proposal-{n}-ideas", type=int)} for n in range(5)]
        packs.save_draft(event["id"], school_id, request.form.getlist("headline"),
                         request.form.get("standfirst", ""), proposals)
        flash("Draft saved.", "success")
        return redirect(url_for("packs.preview", code=event["code"], school_id=school_id))
    data = packs.pack_data(event, school_id)
    choices = packs.approved_ideas_of_stage(event["id"], "solutions", limit=50) + \
        packs.approved_ideas_of_stage(event["id"], "issues", limit=50)
    return render_template("packs/preview.html", event=event, data=data, form=EmptyForm(), choices=choices,
                           stored=packs.stored_pack(event["id"], school_id), documents=documents.DOCUMENTS)


@bp.route("/f/e/<code>/packs/<int:school_id>/<state>", methods=["POST"])
@login_required
def release(code, school_id, state):
    event = event_for_staff(code)
    require_csrf()
    if state not in ("release", "unrelease"):
        raise Invalid("Release or withdraw a pack.")
    packs.set_released(event["id"], school_id, state == "release")
    flash("Pack released to the school's teachers." if state == "release" else "Pack back to draft.", "success")
    return redirect(url_for("packs.overview", code=event["code"]))


@bp.route("/f/e/<code>/packs/<int:school_id>/file/<doc_id>")
@login_required
def staff_download(code, school_id, doc_id):
    event = event_for_staff(code)
    get_school(event["id"], school_id)
    return build_or_404(doc_id, event, school_id)


@bp.route("/f/e/<code>/packs.zip")
@login_required
def all_packs(code):
    event = event_for_staff(code)
    return zip_response(event, [s["id"] for s in schools_of(event["id"])],
                        f"youth-voice-packs_{event['code']}_{event['event_date']}.zip")


@bp.route("/f/e/<code>/packs/<int:school_id>/links", methods=["POST"])
@login_required
def issue_link(code, school_id):
    """A new teacher link for one school, shown once with its QR code."""
    event = event_for_staff(code)
    require_csrf()
    token = teacher_links.issue_link(event["id"], school_id)
    link = (current_app.config.get("PUBLIC_URL") or request.host_url).rstrip("/") + \
        url_for("packs.teacher_link", token=token)
    qr = segno.make(link, error="m").svg_data_uri(scale=6, border=2)
    return render_template("packs/link.html", event=event, school=get_school(event["id"], school_id),
                           link=link, qr=qr, expires=teacher_links.expires_on(event))


@bp.route("/f/e/<code>/links/<int:link_id>/revoke", methods=["POST"])
@login_required
def revoke_link(code, link_id):
    event = event_for_staff(code)
    require_csrf()
    teacher_links.revoke_link(event["id"], link_id)
    flash("Link revoked: it no longer opens the pack.", "success")
    return redirect(url_for("packs.overview", code=event["code"]))


def released_school_or_404(token):
    found = teacher_links.resolve(token)
    if found is None:
        abort(404)
    return found


@bp.route("/t/<token>")
def teacher_link(token):
    event, school = released_school_or_404(token)
    released = packs.stored_pack(event["id"], school["id"])["released_at"] is not None
    return render_template("packs/teacher.html", event=event, school=school, released=released,
                           documents=documents.DOCUMENTS,
                           file_url=lambda doc: url_for("packs.teacher_file", token=token, doc_id=doc),
                           zip_url=url_for("packs.teacher_zip", token=token))


def require_released(event, school):
    if packs.stored_pack(event["id"], school["id"])["released_at"] is None:
        abort(404)


@bp.route("/t/<token>/file/<doc_id>")
def teacher_file(token, doc_id):
    event, school = released_school_or_404(token)
    require_released(event, school)
    return build_or_404(doc_id, event, school["id"])


@bp.route("/t/<token>/all.zip")
def teacher_zip(token):
    event, school = released_school_or_404(token)
    require_released(event, school)
    return zip_response(event, [school["id"]], f"{documents.slug(school['name'])}_packs_{event['event_date']}.zip")


teacher_required = role_required("teacher")


def teacher_event_school(code):
    """For a teacher account: the event and the one school it is tied to, else 404."""
    for event in events_for_user(g.user["id"]):
        if event["code"] == code and not teacher_links.expired(event):
            school = teacher_links.teacher_school(g.user["id"], event["id"])
            if school is not None:
                return event, school
    abort(404)


@bp.route("/teacher/e/<code>/file/<doc_id>")
@teacher_required
def teacher_account_file(code, doc_id):
    event, school = teacher_event_school(code)
    require_released(event, school)
    return build_or_404(doc_id, event, school["id"])


@bp.route("/teacher/e/<code>/all.zip")
@teacher_required
def teacher_account_zip(code):
    event, school = teacher_event_school(code)
    require_released(event, school)
    return zip_response(event, [school["id"]], f"{documents.slug(school['name'])}_packs_{event['event_date']}.zip")
