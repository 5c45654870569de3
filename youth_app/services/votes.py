"""Upvotes: one per pupil per idea (a UNIQUE constraint), counts kept in step in ideas.vote_count."""
from ..db import get_db, transaction
from ..realtime import broadcast
from .errors import Conflict, Forbidden
from .events import require_open
from .ideas import get_idea
from .prompts import get_prompt


def check_votable(event, participant, idea):
    if idea["status"] != "approved":
        # Pending and hidden ideas are invisible to pupils: answer as if they did not exist.
        raise Conflict("This idea is not open for voting.")
    if not get_prompt(event["id"], idea["prompt_id"])["is_open"]:
        raise Conflict("Voting on this question has closed.")
    if not event["allow_self_vote"] and idea["participant_id"] == participant["id"]:
        raise Forbidden("In this event you can't vote for your own idea.")


def cast_vote(event, participant, idea_id):
    """Add this pupil's vote; a second vote on the same idea is refused (409)."""
    require_open(event)
    check_votable(event, participant, get_idea(event["id"], idea_id))
    with transaction() as db:
        # Re-checked inside the transaction: the idea may have been hidden or withdrawn meanwhile.
        if db.execute("SELECT 1 FROM ideas WHERE id = ? AND status = 'approved'", (idea_id,)).fetchone() is None:
            raise Conflict("This idea is not open for voting.")
        cur = db.execute("INSERT OR IGNORE INTO votes (idea_id, participant_id) VALUES (?, ?)",
                         (idea_id, participant["id"]))
        if cur.rowcount == 0:
            raise Conflict("You have already voted for this idea.")
        db.execute("UPDATE ideas SET vote_count = vote_count + 1 WHERE id = ?", (idea_id,))
    broadcast.vote_changed(event["id"], idea_id)
    return vote_count(idea_id)


def withdraw_vote(event, participant, idea_id):
    """Undo this pupil's vote; withdrawing a vote that was never cast is refused (409)."""
    require_open(event)
    idea = get_idea(event["id"], idea_id)
    check_votable(event, participant, idea)
    with transaction() as db:
        cur = db.execute("DELETE FROM votes WHERE idea_id = ? AND participant_id = ?", (idea_id, participant["id"]))
        if cur.rowcount == 0:
            raise Conflict("You have not voted for this idea.")
        db.execute("UPDATE ideas SET vote_count = vote_count - 1 WHERE id = ?", (idea_id,))
    broadcast.vote_changed(event["id"], idea_id)
    return vote_count(idea_id)


def vote_count(idea_id):
    return get_db().execute("SELECT vote_count FROM ideas WHERE id = ?", (idea_id,)).fetchone()[0]


def votes_by_idea(idea_ids, approved_only=False):
    """{idea_id: count} for the given ideas, read from the database."""
    ids = list(idea_ids)
    if not ids:
        return {}
    sql = f"SELECT id, vote_count FROM ideas WHERE id IN ({', '.join('?' * len(ids))})"
    if approved_only:
        sql += " AND status = 'approved'"
    rows = get_db().execute(sql, ids).fetchall()
    return {row["id"]: row["vote_count"] for row in rows}


def voted_idea_ids(participant_id):
    rows = get_db().execute("SELECT idea_id FROM votes WHERE participant_id = ?", (participant_id,))
    return {row["idea_id"] for row in rows}


def total_votes(event_id):
    return get_db().execute(
        "SELECT COALESCE(SUM(vote_count), 0) FROM ideas WHERE event_id = ? AND status = 'approved'", (event_id,)
    ).fetchone()[0]
