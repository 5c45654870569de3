"""The organisers' export of an event: questions and ideas as CSV or JSON. Never concerns."""
import csv
import io
import json

from ..db import get_db
from .prompts import STAGES, prompts_of
from .snapshots import stats

EXPORT_COLUMNS = ("idea_id", "stage", "question", "school", "status", "pinned", "votes", "text", "created_at")


def export_rows(event_id):
    """One row per approved idea, personal data masked. Pending and hidden ideas stay out (hidden ones
    are often hidden for naming someone); concerns are not ideas and never appear."""
    rows = get_db().execute(
        "SELECT i.id AS idea_id, p.stage, p.text AS question, s.name AS school, i.status, i.pinned,"
        " i.vote_count AS votes, i.public_text AS text, i.created_at FROM ideas i"
        " JOIN prompts p ON p.id = i.prompt_id JOIN schools s ON s.id = i.school_id"
        " WHERE i.event_id = ? AND i.status = 'approved' ORDER BY p.position, i.vote_count DESC, i.id",
        (event_id,)).fetchall()
    return [dict(r, stage=STAGES[r["stage"]], pinned=bool(r["pinned"])) for r in rows]


def export_json(event):
    return json.dumps({
        "event": {k: event[k] for k in ("code", "title", "event_date", "venue", "theme")},
        "questions": [{"stage": STAGES[p["stage"]], "text": p["text"]} for p in prompts_of(event["id"])],
        "totals": stats(event["id"]),
        "ideas": export_rows(event["id"]),
    }, indent=2, ensure_ascii=False)


def neutralise(value):
    """A leading =, +, -, @, tab or carriage return would run as a formula in a spreadsheet."""
    if isinstance(value, str) and value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def export_csv(event):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    for row in export_rows(event["id"]):
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    return buffer.getvalue()
