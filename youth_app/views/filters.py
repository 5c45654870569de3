"""Template filters."""
import datetime as dt


def when(iso):
    """'2026-11-28T11:23:03.420Z' -> '28 Nov 2026, 11:23 UTC' (staff pages show UTC plainly)."""
    try:
        moment = dt.datetime.fromisoformat(str(iso).replace("Z", "+00:00"))
    except ValueError:
        return iso
    return moment.strftime("%-d %b %Y, %H:%M UTC")


def init_app(app):
    app.add_template_filter(when)
