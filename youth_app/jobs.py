"""Scheduled work, started by the server entry: the retention purge, once an hour."""
import logging

from .extensions import socketio

log = logging.getLogger(__name__)


def run_retention(app, interval_seconds):
    from .services.retention import purge_due

    while True:
        try:
            with app.app_context():
                codes = purge_due()
            if codes:
                log.info("retention purge: %d event(s)", len(codes))
        except Exception:  # keep the schedule alive; the next run retries
            log.exception("retention purge failed")
        socketio.sleep(interval_seconds)


def start(app, interval_seconds=3600):
    socketio.start_background_task(run_retention, app, interval_seconds)
