"""The ten-minute presentation: build, edit, present (projector + presenter view), export."""
from flask import Blueprint, Response, flash, redirect, render_template, request, url_for

from .. import deck
from ..forms import EmptyForm
from ..services import decks
from ..services.errors import Invalid
from .access import event_for_staff, login_required, require_csrf

bp = Blueprint("deck", __name__, url_prefix="/f/e/<code>/deck")


@bp.route("")
@login_required
def editor(code):
    event = event_for_staff(code)
    slides = decks.current_slides(event) or []
    return render_template("deck/editor.html", event=event, slides=slides, form=EmptyForm(),
                           total=deck.total_seconds(slides), budget=deck.BUDGET_SECONDS)


@bp.route("/generate", methods=["POST"])
@login_required
def generate(code):
    """One click: the draft from the day's data (edits kept where the slide still exists)."""
    event = event_for_staff(code)
    require_csrf()
    decks.generate(event)
    flash("Draft built from the latest approved ideas and votes. Your edits were kept.", "success")
    return redirect(url_for("deck.editor", code=event["code"]))


def edits_from_form(form):
    """The editor's fields, slide by slide, in the order the facilitator numbered them."""
    edits = []
    for n, key in enumerate(form.getlist("key")):
        edit = {"key": key, "title": form.get(f"title-{n}", ""), "notes": form.get(f"notes-{n}", ""),
                "seconds": form.get(f"seconds-{n}", "0"), "presenter": form.get(f"presenter-{n}", ""),
                "hidden": form.get(f"hidden-{n}") == "yes", "bullets": form.get(f"bullets-{n}", ""),
                "delete": form.get(f"delete-{n}") == "yes"}
        if form.get(f"has-ideas-{n}"):
            edit["idea_ids"] = form.getlist(f"ideas-{n}")
        try:
            order = float(form.get(f"order-{n}", n + 1))
        except ValueError:
            raise Invalid("Number the slides' order with numbers.") from None
        edits.append((order, n, edit))
    if form.get("new-title", "").strip():
        edits.append((float("inf"), len(edits), {"key": "new", "title": form["new-title"],
                                                 "bullets": form.get("new-bullets", "")}))
    return [edit for _order, _n, edit in sorted(edits, key=lambda e: (e[0], e[1]))]


@bp.route("", methods=["POST"])
@login_required
def save(code):
    event = event_for_staff(code)
    require_csrf()
    slides = decks.save_edits(event, edits_from_form(request.form))
    total = deck.total_seconds(slides)
    message = f"Saved. The visible slides take {total // 60}:{total % 60:02d}."
    if deck.over_budget(slides):
        message += " That is over the ten minutes: shorten or hide a slide."
    flash(message, "error" if deck.over_budget(slides) else "success")
    return redirect(url_for("deck.editor", code=event["code"]))


@bp.route("/projector")
@login_required
def projector(code):
    event = event_for_staff(code)
    return render_template("deck/projector.html", event=event, state=decks.presenter_state(event["id"]))


@bp.route("/presenter")
@login_required
def presenter(code):
    event = event_for_staff(code)
    return render_template("deck/presenter.html", event=event, state=decks.presenter_state(event["id"]),
                           form=EmptyForm())


@bp.route("/reset", methods=["POST"])
@login_required
def reset(code):
    event = event_for_staff(code)
    require_csrf()
    decks.reset_clock(event["id"])
    return redirect(url_for("deck.presenter", code=event["code"]))


@bp.route("/export/<kind>")
@login_required
def export(code, kind):
    event = event_for_staff(code)
    if kind not in deck.EXPORTS:
        raise Invalid("Exports come as pptx, handout_pdf or slides_pdf.")
    slides = decks.current_slides(event)
    if slides is None:
        raise Invalid("There is no presentation yet: build the draft first.")
    body, filename, mimetype = deck.export(kind, event, slides)
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})
