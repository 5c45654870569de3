"""The big screen for the projector, and the join QR code."""
import io

import segno
from flask import Blueprint, Response, abort, current_app, render_template, request, url_for

from ..services.events import normalise_code
from .access import event_for_staff, login_required

bp = Blueprint("present", __name__)


def join_url(code):
    """The short URL the QR code points at: PUBLIC_URL if set, else this server's address."""
    base = current_app.config.get("PUBLIC_URL") or request.host_url
    return base.rstrip("/") + url_for("pupil.join_event", code=code)


@bp.route("/f/e/<code>/screen")
@login_required
def screen(code):
    event = event_for_staff(code)
    return render_template("present/screen.html", event=event, join_url=join_url(event["code"]))


@bp.route("/qr/<code>.svg")
def qr_code(code):
    """A QR code for the join link. Only the format is checked, so it reveals no event."""
    code = normalise_code(code)
    if code is None:
        abort(404)
    buffer = io.BytesIO()
    segno.make(join_url(code), error="m").save(buffer, kind="svg", scale=10, border=2,
                                               dark="#000", light="#fff", xmldecl=False)
    # private: the link inside depends on the host (set PUBLIC_URL or TRUSTED_HOSTS in production)
    return Response(buffer.getvalue(), mimetype="image/svg+xml", headers={"Cache-Control": "private, no-store"})
