"""Retention purge, deleting an event's data at once, and the organisers' export."""
import csv
import datetime as dt
import io
import json

from youth_app.db import get_db
from youth_app.services import retention

from .conftest import post_json


def seed(app, world, event):
    """Two pupils, an approved idea with a vote, a personal-data idea, a concern."""
    staff, pupil, other = world.staff_client(), world.pupil(event), world.pupil(event, 1)
    prompt = world.prompts(event)[0]["id"]
    url = f"/e/{event['code']}/ideas"
    approved = post_json(pupil, url, {"prompt_id": prompt, "text": "=HYPERLINK(\"x\") lessons from peers"}).json["idea"]["id"]
    post_json(other, url, {"prompt_id": prompt, "text": "text me on 07700 900123"})
    post_json(staff, f"/f/e/{event['code']}/ideas/{approved}/approve")
    post_json(other, f"/e/{event['code']}/ideas/{approved}/vote", {"action": "vote"})
    post_json(pupil, f"/e/{event['code']}/help", {"message": "please talk to me SECRET-CONCERN"})
    return staff


def table_counts(app):
    with app.app_context():
        db = get_db()
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("participants", "ideas", "votes", "concerns", "event_aggregates")}


def test_purge_due_respects_the_retention_period(app, world):
    event = world.event(world.facilitator())  # dated 2026-11-12, 30 days by default
    seed(app, world, event)
    with app.app_context():
        assert retention.purge_due(dt.date(2026, 12, 12)) == []  # day 30: still kept
        assert table_counts(app)["ideas"] == 2
        assert retention.purge_due(dt.date(2026, 12, 13)) == [event["code"]]
        summary = json.loads(get_db().execute("SELECT summary FROM event_aggregates").fetchone()[0])
        purged = get_db().execute("SELECT is_open, purged_at FROM events").fetchone()
    assert table_counts(app) == {"participants": 0, "ideas": 0, "votes": 0, "concerns": 0, "event_aggregates": 1}
    assert summary["pupils"] == 2 and summary["schools"][0] == {"name": "North High", "pupils": 1, "ideas": 1}
    assert summary["prompts"][0]["votes"] == 1
    assert "lessons" not in json.dumps(summary) and "07700" not in json.dumps(summary)
    assert purged["is_open"] == 0 and purged["purged_at"]
    assert app.test_client().get(f"/j/{event['code']}").status_code == 410


def test_purge_command(app, world, runner):
    event = world.event(world.facilitator())
    seed(app, world, event)
    with app.app_context():
        get_db().execute("UPDATE events SET event_date = ?", (dt.date.today().isoformat(),))
    assert "none due" in runner.invoke(args=["purge"]).output and table_counts(app)["ideas"] == 2
    result = runner.invoke(args=["purge", "--event", event["code"]])
    assert result.exit_code == 0 and table_counts(app)["ideas"] == 0


def test_facilitator_deletes_event_data_at_once(app, world):
    event = world.event(world.facilitator())
    staff = seed(app, world, event)
    other = world.event(world.facilitator("b@example.org"), title="Untouched")
    pupil_b = world.pupil(other)
    post_json(pupil_b, f"/e/{other['code']}/ideas", {"prompt_id": world.prompts(other)[0]["id"], "text": "B's idea"})
    assert post_json(staff, f"/f/e/{event['code']}/delete-data").status_code == 422  # not confirmed
    assert table_counts(app)["ideas"] == 3
    response = post_json(staff, f"/f/e/{event['code']}/delete-data", {"confirm": "yes"})
    assert response.status_code == 200
    counts = table_counts(app)
    assert counts["ideas"] == 1 and counts["participants"] == 1
    assert counts["concerns"] == 1, "an open concern stays with the safeguarding lead"
    with app.app_context():
        audit = get_db().execute("SELECT action, user_id, detail FROM audit_log").fetchall()
    assert [(a["action"], a["detail"]) for a in audit] == [("deleted pupils' data", "1 open concerns kept")]
    assert audit[0]["user_id"] is not None
    again = post_json(staff, f"/f/e/{event['code']}/reopen")
    assert again.status_code == 409 and "cannot reopen" in again.json["error"]


def test_retention_setting_validates(app, world):
    event = world.event(world.facilitator())
    staff = world.staff_client()
    bad = post_json(staff, f"/f/e/{event['code']}/privacy", {"retention_days": "forever", "extra_words": ""})
    assert bad.status_code == 422
    assert post_json(staff, f"/f/e/{event['code']}/privacy", {"retention_days": "999", "extra_words": ""}).status_code == 422
    assert post_json(staff, f"/f/e/{event['code']}/privacy", {"retention_days": "7", "extra_words": ""}).status_code == 200
    with app.app_context():
        assert get_db().execute("SELECT retention_days FROM events").fetchone()[0] == 7


def test_export_masks_and_never_holds_concerns(app, world):
    event = world.event(world.facilitator())
    staff = seed(app, world, event)
    response = staff.get(f"/f/e/{event['code']}/export.csv")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 1, "approved ideas only: the pending phone-number idea stays out"
    assert "SECRET-CONCERN" not in body and "07700" not in body
    formula = [r for r in rows if "HYPERLINK" in r["text"]][0]
    assert formula["text"].startswith("'=") and formula["votes"] == "1"
    data = staff.get(f"/f/e/{event['code']}/export.json").json
    assert data["event"]["code"] == event["code"] and len(data["ideas"]) == 1
    assert "SECRET-CONCERN" not in json.dumps(data) and "token" not in json.dumps(data)
    assert staff.get(f"/f/e/{event['code']}/export.xml").status_code == 422


def test_scheduled_job_purges_overdue_events(app, world):
    from youth_app import jobs

    event = world.event(world.facilitator())
    seed(app, world, event)
    with app.app_context():
        get_db().execute("UPDATE events SET event_date = '2020-01-01'")
    assert jobs.retention_once(app) == [event["code"]]
    assert table_counts(app)["ideas"] == 0
    assert jobs.retention_once(app) == []  # already purged
