"""Take-back school packs: the data every pack document is built from, drafts, release.

Only approved ideas appear (concerns are never ideas; pending, hidden and flagged-but-unapproved
ideas are excluded), always in their masked public text.
"""
import json

from ..db import get_db
from .errors import Invalid
from .events import get_school, schools_of

TOP = 5


def approved_ideas_of_stage(event_id, stage, limit=TOP, school_id=None):
    """Approved ideas of one stage, most votes first, with this school's pupils' votes beside."""
    rows = get_db().execute(
        "SELECT i.id, i.public_text AS text, i.vote_count AS votes, p.text AS question,"
        " (SELECT COUNT(*) FROM votes v JOIN participants pa ON pa.id = v.participant_id"
        "   WHERE v.idea_id = i.id AND pa.school_id = ?) AS school_votes"
        " FROM ideas i JOIN prompts p ON p.id = i.prompt_id"
        " WHERE i.event_id = ? AND i.status = 'approved' AND p.stage = ?"
        " ORDER BY i.vote_count DESC, i.id LIMIT ?",
        (school_id or 0, event_id, stage, limit)).fetchall()
    return [dict(r) for r in rows]


def school_ideas(event_id, school_id):
    """This school's pupils' approved ideas (never attributed to a person)."""
    rows = get_db().execute(
        "SELECT i.id, i.public_text AS text, i.vote_count AS votes, p.stage, p.text AS question"
        " FROM ideas i JOIN prompts p ON p.id = i.prompt_id"
        " WHERE i.event_id = ? AND i.school_id = ? AND i.status = 'approved'"
        " ORDER BY p.position, i.vote_count DESC, i.id", (event_id, school_id)).fetchall()
    return [dict(r) for r in rows]


def totals(event_id, school_id):
    db = get_db()
    one = lambda sql, *args: db.execute(sql, args).fetchone()[0]  # noqa: E731
    return {
        "schools": one("SELECT COUNT(*) FROM schools WHERE event_id = ?", event_id),
        "pupils": one("SELECT COUNT(*) FROM participants WHERE event_id = ?", event_id),
        "ideas": one("SELECT COUNT(*) FROM ideas WHERE event_id = ? AND status = 'approved'", event_id),
        "votes": one("SELECT COALESCE(SUM(vote_count), 0) FROM ideas WHERE event_id = ? AND status = 'approved'",
                     event_id),
        "school_pupils": one("SELECT COUNT(*) FROM participants WHERE event_id = ? AND school_id = ?",
                             event_id, school_id),
        "school_ideas": one("SELECT COUNT(*) FROM ideas WHERE event_id = ? AND school_id = ? AND status = 'approved'",
                            event_id, school_id),
    }


def stored_pack(event_id, school_id):
    row = get_db().execute("SELECT * FROM packs WHERE event_id = ? AND school_id = ?",
                           (event_id, school_id)).fetchone()
    if row is None:
        return {"headlines": [], "standfirst": "", "proposals": [], "released_at": None}
    return {"headlines": json.loads(row["headlines"]), "standfirst": row["standfirst"],
            "proposals": json.loads(row["proposals"]), "released_at": row["released_at"]}


def suggested_headlines(issues, solutions, own):
    picks = [i["text"] for i in (own[:1] + issues[:1] + solutions[:1])]
    picks += [i["text"] for i in issues[1:] + solutions[1:] if i["text"] not in picks]
    return picks[:3]


def suggested_proposals(solutions, issues):
    """One proposal per top solution, with the idea behind it."""
    return [{"title": s["text"], "ideas": [s["text"]]} for s in solutions[:5]] or \
           [{"title": f"Respond to: {i['text']}", "ideas": [i["text"]]} for i in issues[:3]]


def resolve_proposals(event_id, stored):
    """Stored proposals name idea ids; keep only ideas still approved, as their public text."""
    resolved = []
    for proposal in stored:
        ids = [int(i) for i in proposal.get("idea_ids", [])][:10] or [-1]
        texts = [r["public_text"] for r in get_db().execute(
            f"SELECT public_text FROM ideas WHERE event_id = ? AND status = 'approved'"
            f" AND id IN ({', '.join('?' * len(ids))})", [event_id, *ids])]
        resolved.append({"title": proposal["title"], "ideas": texts})
    return resolved


def pack_data(event, school_id):
    """Everything the three documents of one school need, read from stored data only."""
    school = get_school(event["id"], school_id)
    issues = approved_ideas_of_stage(event["id"], "issues", school_id=school["id"])
    solutions = approved_ideas_of_stage(event["id"], "solutions", school_id=school["id"])
    own = school_ideas(event["id"], school["id"])
    stored = stored_pack(event["id"], school["id"])
    return {
        "event": {k: event[k] for k in ("code", "title", "event_date", "venue", "theme")},
        "school": {"id": school["id"], "name": school["name"]},
        "totals": totals(event["id"], school["id"]),
        "school_ideas": own,
        "top_issues": issues,
        "top_solutions": solutions,
        "headlines": (stored["headlines"] + [h for h in suggested_headlines(issues, solutions, own)
                                             if h not in stored["headlines"]])[:3],
        "standfirst": stored["standfirst"] or (
            f"Young people from {school['name']} joined pupils from across the county to say how the "
            f"exploitation of children could be spotted earlier and stopped."),
        "proposals": resolve_proposals(event["id"], stored["proposals"]) if stored["proposals"]
        else suggested_proposals(solutions, issues),
        "released": stored["released_at"] is not None,
    }


def save_draft(event_id, school_id, headlines, standfirst, proposals):
    """The facilitator's edits: headline ideas (up to 3), standfirst, proposals (3 to 5)."""
    get_school(event_id, school_id)
    headlines = [" ".join(h.split())[:200] for h in headlines if h and h.strip()][:3]
    standfirst = " ".join((standfirst or "").split())[:600]
    cleaned = []
    for proposal in proposals:
        title = " ".join((proposal.get("title") or "").split())[:200]
        if title:
            cleaned.append({"title": title, "idea_ids": [int(i) for i in proposal.get("idea_ids", [])][:10]})
    if len(cleaned) > 5:
        raise Invalid("Give the council at most five proposals.")
    get_db().execute(
        "INSERT INTO packs (event_id, school_id, headlines, standfirst, proposals) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (event_id, school_id) DO UPDATE SET headlines = excluded.headlines,"
        " standfirst = excluded.standfirst, proposals = excluded.proposals",
        (event_id, school_id, json.dumps(headlines), standfirst, json.dumps(cleaned)))


def set_released(event_id, school_id, released=True):
    get_school(event_id, school_id)
    get_db().execute(
        "INSERT INTO packs (event_id, school_id, released_at) VALUES (?, ?, CASE WHEN ? THEN"
        " strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END) ON CONFLICT (event_id, school_id) DO UPDATE SET"
        " released_at = CASE WHEN ? THEN COALESCE(packs.released_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) END",
        (event_id, school_id, int(released), int(released)))


def pack_statuses(event_id):
    """[(school, released?)] for the facilitator's packs page."""
    released = {r["school_id"] for r in get_db().execute(
        "SELECT school_id FROM packs WHERE event_id = ? AND released_at IS NOT NULL", (event_id,))}
    return [{"id": s["id"], "name": s["name"], "released": s["id"] in released} for s in schools_of(event_id)]
