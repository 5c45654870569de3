"""Staff login and logout."""
import re
from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for

from .. import documents
from ..forms import EmptyForm, LoginForm
from ..realtime import broadcast
from ..services.events import events_for_user
from ..services.packs import stored_pack
from ..services.teacher_links import teacher_school
from ..services.users import authenticate

bp = Blueprint("auth", __name__)


LOCAL_PATH = re.compile(r"^/(?!/)[A-Za-z0-9_./-]*$")


def safe_next(target):
    """Only a plain local path (letters, digits, / _ . -), so the login page cannot send anyone
    elsewhere: no scheme, host, backslash, encoded or control characters."""
    target = target or ""
    if LOCAL_PATH.match(target) and not urlsplit(target).netloc:
        return target
    return url_for("auth.staff_home")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            session.clear()  # rotate: nothing from before login survives
            session.permanent = True
            session["user_id"] = user["id"]
            return redirect(safe_next(request.args.get("next")))
        flash("That email and password do not match an account.", "error")
        return render_template("staff/login.html", form=form), 401
    status = 400 if request.method == "POST" else 200
    return render_template("staff/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
def logout():
    EmptyForm().validate_on_submit()
    if session.get("user_id"):
        broadcast.disconnect_user(session["user_id"])
    session.clear()
    flash("You have logged out.", "info")
    return redirect(url_for("auth.login"))


STAFF_HOMES = {"facilitator": "facilitator.events", "safeguarding": "safeguarding.events",
               "teacher": "auth.teacher_home"}


@bp.route("/staff")
def staff_home():
    """Where each role starts after logging in."""
    if g.get("user") is None:
        return redirect(url_for("auth.login"))
    return redirect(url_for(STAFF_HOMES[g.user["role"]]))


@bp.route("/teacher")
def teacher_home():
    """Teachers' school packs come with the packs feature; until then, a plain page."""
    if g.get("user") is None:
        return redirect(url_for("auth.login", next=request.path))
    if g.user["role"] != "teacher":
        abort(403)
    return render_template("staff/teacher.html", items=teacher_items(g.user["id"]), documents=documents.DOCUMENTS)


def teacher_items(user_id):
    """Each event this teacher is tied to, with their one school and whether its pack is released."""
    items = []
    for event in events_for_user(user_id):
        school = teacher_school(user_id, event["id"])
        if school is None:
            continue
        code = event["code"]
        items.append({"event": event, "school": school,
                      "released": stored_pack(event["id"], school["id"])["released_at"] is not None,
                      "file_url": lambda doc, code=code: url_for("packs.teacher_account_file", code=code, doc_id=doc),
                      "zip_url": url_for("packs.teacher_account_zip", code=code)})
    return items
