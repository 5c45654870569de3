"""Coalesced updates: votes are written at once, but counts go out on a tick.

Each tick sends one message per event and audience carrying every count that changed
since the last tick, so the cost depends on the number of phones, not the vote rate.
Staff rooms (dashboard, big screen) tick fast and first; pupils' phones tick slower.
"""
import logging
import threading
import time

from ..extensions import socketio

log = logging.getLogger(__name__)


class Ticker:
    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()
        self.staff_votes = {}   # event_id -> set of idea ids changed since the last staff tick
        self.pupil_votes = {}   # the same for the pupils' tick
        self.stats_dirty = set()
        self.screen_dirty = set()
        self.started = False
        self.last_pupil_flush = 0.0

    def mark_vote(self, event_id, idea_id):
        with self.lock:
            self.staff_votes.setdefault(event_id, set()).add(idea_id)
            self.pupil_votes.setdefault(event_id, set()).add(idea_id)
            self.stats_dirty.add(event_id)
            self.screen_dirty.add(event_id)

    def mark_stats(self, event_id):
        with self.lock:
            self.stats_dirty.add(event_id)
            self.screen_dirty.add(event_id)

    def mark_screen(self, event_id):
        with self.lock:
            self.screen_dirty.add(event_id)

    def take(self, name):
        with self.lock:
            taken = getattr(self, name)
            setattr(self, name, {} if isinstance(taken, dict) else set())
        return taken

    def give_back(self, name, taken):
        """A flush failed (e.g. the database was locked): keep its work for the next tick."""
        with self.lock:
            current = getattr(self, name)
            if isinstance(taken, dict):
                for key, ids in taken.items():
                    current.setdefault(key, set()).update(ids)
            else:
                current.update(taken)

    def flush_staff(self):
        """Send changed counts, stats and the big-screen state to the staff rooms."""
        taken = {name: self.take(name) for name in ("staff_votes", "stats_dirty", "screen_dirty")}
        try:
            self.send_staff(taken["staff_votes"], taken["stats_dirty"], taken["screen_dirty"])
        except Exception:
            for name, work in taken.items():
                self.give_back(name, work)
            raise

    def send_staff(self, votes, stats, screens):
        from . import broadcast
        from ..services import snapshots
        from ..services.events import get_event
        from ..services.votes import votes_by_idea

        with self.app.app_context():
            for event_id, idea_ids in votes.items():
                broadcast.send_counts(event_id, "facilitators", votes_by_idea(idea_ids))
            for event_id in stats:
                broadcast.send_stats(event_id, snapshots.stats(event_id))
            for event_id in screens:
                event = get_event(event_id)
                if event is not None:
                    limit = self.app.config["SCREEN_TOP_IDEAS"]
                    broadcast.send_screen_state(event_id, snapshots.screen_snapshot(event, limit))

    def flush_pupils(self):
        """Send changed counts of approved ideas to the pupils' rooms."""
        from . import broadcast
        from ..services.votes import votes_by_idea

        votes = self.take("pupil_votes")
        try:
            with self.app.app_context():
                for event_id, idea_ids in votes.items():
                    counts = votes_by_idea(idea_ids, approved_only=True)
                    if counts:
                        broadcast.send_counts(event_id, "pupils", counts)
        except Exception:
            self.give_back("pupil_votes", votes)
            raise

    def tick(self, now):
        self.flush_staff()
        if now - self.last_pupil_flush >= self.app.config["PUPIL_TICK_SECONDS"]:
            self.last_pupil_flush = now
            self.flush_pupils()

    def run(self):
        interval = self.app.config["STAFF_TICK_SECONDS"]
        while True:
            socketio.sleep(interval)
            try:
                self.tick(time.monotonic())
            except Exception:  # the loop must survive a bad tick; the next one retries
                log.exception("ticker failed")

    def ensure_started(self):
        """Start the background loop once (on the first socket connection)."""
        with self.lock:
            if self.started or not self.app.config["TICKER_ENABLED"]:
                return
            self.started = True
        socketio.start_background_task(self.run)


def init_app(app):
    app.extensions["youth_ticker"] = Ticker(app)
