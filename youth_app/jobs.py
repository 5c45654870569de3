"""Scheduled work, started by the server entry: the retention purge, once an hour."""
import logging

from .extensions import socketio

log = logging.getLogger(__name__)


def retention_once(app):
    """One scheduled run: purge every event past its retention period; returns their codes."""
    from .services.retention import purge_due

    with app.app_context():
        codes = purge_due()
    if codes:
        log.info("retention purge: %d event(s)", len(codes))
    return codes


def run_retention(app, interval_seconds):
    while True:
        try:
            retention_once(app)
        except Exception:  # keep the schedule alive; the next run retries
            log.exception("retention purge failed")
        socketio.sleep(interval_seconds)


def start(app, interval_seconds=3600):
    socketio.start_background_task(run_retention, app, interval_seconds)
