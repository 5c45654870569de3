"""Staff login and logout."""
from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for

from ..forms import EmptyForm, LoginForm
from ..services.users import authenticate

bp = Blueprint("auth", __name__)


def safe_next(target):
    """Only local paths, so the login page cannot redirect elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
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
    return render_template("staff/teacher.html")
