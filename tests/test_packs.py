"""School packs over HTTP: facilitator preview/edit/release, teacher links and accounts, access rules."""
import datetime as dt
import io
import re
import zipfile

import pytest

from youth_app.db import get_db
from youth_app.services import users

from .conftest import PASSWORD, post_json


@pytest.fixture
def packed(app, world):
    """Two schools with approved ideas, a facilitator client, and helpers to issue links."""
    event = world.event(world.facilitator())
    staff = world.staff_client()
    schools = world.schools(event)
    prompt = world.prompts(event)[0]["id"]
    for index, text in ((0, "North idea about older friends"), (1, "South idea about group chats")):
        pupil = world.pupil(event, index)
        idea = post_json(pupil, f"/e/{event['code']}/ideas", {"prompt_id": prompt, "text": text}).json["idea"]
        post_json(staff, f"/f/e/{event['code']}/ideas/{idea['id']}/approve")
    return event, staff, schools


def issue(staff, event, school_id):
    response = staff.post(f"/f/e/{event['code']}/packs/{school_id}/links", data={"csrf_token": staff.csrf})
    assert response.status_code == 200
    return re.search(r'value="https?://[^"]+/t/([A-Za-z0-9_-]+)"', response.get_data(as_text=True)).group(1)


def release(staff, event, school_id, state="release"):
    return staff.post(f"/f/e/{event['code']}/packs/{school_id}/{state}", data={"csrf_token": staff.csrf})


def test_token_is_long_and_stored_only_hashed(app, packed):
    event, staff, schools = packed
    token = issue(staff, event, schools[0]["id"])
    assert len(token) >= 43  # 32 random bytes, base64url: 256 bits
    with app.app_context():
        stored = get_db().execute("SELECT token_hash FROM teacher_links").fetchone()[0]
    assert token not in stored and len(stored) == 64


def test_teacher_link_downloads_only_released_own_school(app, packed):
    event, staff, schools = packed
    north, south = schools[0]["id"], schools[1]["id"]
    token = issue(staff, event, north)
    teacher = app.test_client()
    page = teacher.get(f"/t/{token}").get_data(as_text=True)
    assert "not released yet" in page
    assert teacher.get(f"/t/{token}/file/article_md").status_code == 404
    release(staff, event, north)
    response = teacher.get(f"/t/{token}/file/article_md")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    text = response.get_data(as_text=True)
    assert "North High" in text and "North idea about older friends" in text
    release(staff, event, south)
    assert teacher.get(f"/t/{token}/file/nonsense").status_code == 404
    archive = zipfile.ZipFile(io.BytesIO(teacher.get(f"/t/{token}/all.zip").data))
    assert archive.namelist() and all(name.startswith("north-high/") for name in archive.namelist())


@pytest.mark.parametrize("how", ["wrong", "revoked", "expired", "purged"])
def test_dead_links_give_404_and_leak_nothing(app, packed, how):
    event, staff, schools = packed
    token = issue(staff, event, schools[0]["id"])
    release(staff, event, schools[0]["id"])
    if how == "wrong":
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    elif how == "revoked":
        with app.app_context():
            link_id = get_db().execute("SELECT id FROM teacher_links").fetchone()[0]
        assert staff.post(f"/f/e/{event['code']}/links/{link_id}/revoke", data={"csrf_token": staff.csrf}).status_code == 302
    elif how == "expired":
        with app.app_context():
            get_db().execute("UPDATE events SET event_date = ?", ((dt.date.today() - dt.timedelta(days=31)).isoformat(),))
    else:
        post_json(staff, f"/f/e/{event['code']}/delete-data", {"confirm": "yes"})
    client = app.test_client()
    for path in (f"/t/{token}", f"/t/{token}/file/article_md", f"/t/{token}/all.zip"):
        response = client.get(path)
        assert response.status_code == 404 and "North" not in response.get_data(as_text=True)


def test_teacher_account_sees_only_their_school(app, world, packed):
    event, staff, schools = packed
    with app.app_context():
        uid = users.create_user("teacher@example.org", PASSWORD, "teacher")
    added = post_json(staff, f"/f/e/{event['code']}/staff", {"email": "teacher@example.org", "school": schools[1]["id"]})
    assert added.status_code == 200, added.json
    teacher = world.staff_client("teacher@example.org")
    assert "Not released yet" in teacher.get("/teacher").get_data(as_text=True)
    assert teacher.get(f"/teacher/e/{event['code']}/file/article_md").status_code == 404
    release(staff, event, schools[1]["id"])
    text = teacher.get(f"/teacher/e/{event['code']}/file/article_md").get_data(as_text=True)
    assert "South College" in text and "South idea about group chats" in text
    assert teacher.get(f"/f/e/{event['code']}/packs").status_code == 403
    assert teacher.get(f"/f/e/{event['code']}/packs/{schools[0]['id']}/file/article_md").status_code == 403
    other = world.event(world.facilitator("b@example.org"), title="Other")
    assert teacher.get(f"/teacher/e/{other['code']}/file/article_md").status_code == 404
    assert uid


def test_facilitator_preview_edit_release(app, world, packed):
    event, staff, schools = packed
    north = schools[0]["id"]
    base = f"/f/e/{event['code']}/packs"
    page = staff.get(f"{base}/{north}").get_data(as_text=True)
    assert "North idea about older friends" in page and "Draft" in page
    with app.app_context():
        idea_id = get_db().execute("SELECT id FROM ideas WHERE text LIKE 'South%'").fetchone()[0]
    saved = staff.post(f"{base}/{north}", data={"csrf_token": staff.csrf, "headline": ["Our <b>first</b> headline", "", ""],
                                                "standfirst": "A standfirst", "proposal-0": "Talk about group chats",
                                                "proposal-0-ideas": [str(idea_id)]})
    assert saved.status_code == 302
    md = staff.get(f"{base}/{north}/file/article_md").get_data(as_text=True)
    assert "Our \\<b\\>first\\</b\\> headline" in md  # Markdown-escaped: it shows as typed
    assert "A standfirst" in md and "DRAFT" in md
    assert release(staff, event, north).status_code == 302
    assert "DRAFT" not in staff.get(f"{base}/{north}/file/article_md").get_data(as_text=True)
    assert "Released" in staff.get(base).get_data(as_text=True)
    archive = zipfile.ZipFile(io.BytesIO(staff.get(f"/f/e/{event['code']}/packs.zip").data))
    folders = {name.split("/")[0] for name in archive.namelist()}
    assert folders == {"north-high", "south-college"}
    other = world.event(world.facilitator("b@example.org"), title="Other")
    assert staff.get(f"/f/e/{other['code']}/packs").status_code == 404
    assert staff.get(f"{base}/{world.schools(other)[0]['id']}").status_code == 422


def test_packs_command_writes_a_folder_per_school(app, runner, packed, tmp_path):
    event, _staff, _schools = packed
    out = tmp_path / "packs"
    result = runner.invoke(args=["packs", event["code"], "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["north-high", "south-college"]
    assert len(list((out / "north-high").iterdir())) == 7


def test_pupil_sees_three_tasks_with_school(app, world, packed):
    event, _staff, _schools = packed
    pupil = world.pupil(event, 1)
    page = pupil.get(f"/e/{event['code']}/tasks").get_data(as_text=True)
    assert "Your three tasks back at school" in page and "South College" in page
    assert "school magazine" in page and "pupil council" in page
    pdf = pupil.get(f"/e/{event['code']}/tasks.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert app.test_client().get(f"/e/{event['code']}/tasks").status_code == 403


def test_teacher_account_loses_access_when_the_event_expires(app, world, packed):
    event, staff, schools = packed
    with app.app_context():
        users.create_user("teacher@example.org", PASSWORD, "teacher")
    post_json(staff, f"/f/e/{event['code']}/staff", {"email": "teacher@example.org", "school": schools[0]["id"]})
    release(staff, event, schools[0]["id"])
    teacher = world.staff_client("teacher@example.org")
    assert teacher.get(f"/teacher/e/{event['code']}/file/article_md").status_code == 200
    with app.app_context():
        get_db().execute("UPDATE events SET event_date = ?", ((dt.date.today() - dt.timedelta(days=31)).isoformat(),))
    assert teacher.get(f"/teacher/e/{event['code']}/file/article_md").status_code == 404


def test_documents_are_built_once_per_version_of_the_data(app, world, packed, monkeypatch):
    from youth_app import documents

    event, staff, schools = packed
    calls = []
    original = documents.DOCUMENTS["tasks_pdf"]
    monkeypatch.setitem(documents.DOCUMENTS, "tasks_pdf", original._replace(
        builder=lambda data, url: calls.append(1) or original.builder(data, url)))
    documents._cache.clear()
    pupils = [world.pupil(event, 1) for _ in range(3)]
    bodies = {p.get(f"/e/{event['code']}/tasks.pdf").data for p in pupils}
    assert len(calls) == 1 and len(bodies) == 1, "three pupils of one school: one build"
    idea = post_json(pupils[0], f"/e/{event['code']}/ideas", {"prompt_id": world.prompts(event)[0]["id"],
                                                              "text": "A new approved idea"}).json["idea"]
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea['id']}/approve")
    pupils[1].get(f"/e/{event['code']}/tasks.pdf")
    assert len(calls) == 2, "new data, new document"
