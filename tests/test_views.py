"""HTTP: pupil and staff pages, forms without JavaScript, JSON for the pages' fetch(), and bad paths."""
import re

import pytest

from youth_app.db import get_db
from youth_app.services import events as event_service

from .conftest import JSON, PASSWORD, csrf_token, post_json


@pytest.fixture
def event(world):
    return world.event(world.facilitator())


def count(app, table):
    with app.app_context():
        return get_db().execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_home_has_code_form_and_helpline(client):
    html = client.get("/").get_data(as_text=True)
    assert 'name="code"' in html and '<label for="code">' in html
    assert 'href="tel:08001111"' in html


def test_wrong_code_gets_clear_message(client):
    response = client.get("/go?code=nope")
    assert response.status_code == 404 and "6 letters and numbers" in response.get_data(as_text=True)
    response = client.get("/j/ABCDEF")
    assert response.status_code == 404 and "find an event with that code" in response.get_data(as_text=True)


def test_code_entry_redirects_to_short_join_url(client, event):
    response = client.get(f"/go?code={event['code'].lower()}")
    assert response.status_code == 302 and response.location.endswith(f"/j/{event['code']}")


def test_closed_event_says_so(app, client, event):
    with app.app_context():
        event_service.update_settings(event["id"], is_open=0)
    response = client.get(f"/j/{event['code']}")
    assert response.status_code == 410 and "closed" in response.get_data(as_text=True)


def test_join_asks_only_for_school_and_rejoin_keeps_participant(app, world, event):
    client = app.test_client()
    html = client.get(f"/j/{event['code']}").get_data(as_text=True)
    assert "North High" in html and "South College" in html
    assert not re.search(r'name="(name|email)"', html)
    token = csrf_token(client, f"/j/{event['code']}")
    school = world.schools(event)[0]["id"]
    client.post(f"/j/{event['code']}", data={"csrf_token": token, "school": school})
    client.post(f"/j/{event['code']}", data={"csrf_token": token, "school": school})
    assert count(app, "participants") == 1
    assert client.get(f"/j/{event['code']}").status_code == 302  # already joined: straight in


def test_join_with_forged_school_is_refused(app, client, event, world):
    other = world.event(world.facilitator("b@example.org"), title="B")
    token = csrf_token(client, f"/j/{event['code']}")
    forged = world.schools(other)[0]["id"]
    response = client.post(f"/j/{event['code']}", data={"csrf_token": token, "school": forged})
    assert response.status_code == 422 and count(app, "participants") == 0


def test_event_page_needs_joining(client, event):
    response = client.get(f"/e/{event['code']}")
    assert response.status_code == 302 and f"/j/{event['code']}" in response.location


def test_submit_without_javascript(app, world, event):
    pupil = world.pupil(event)
    prompt = world.prompts(event)[0]
    response = pupil.post(f"/e/{event['code']}/ideas", data={
        "csrf_token": pupil.csrf, "prompt_id": prompt["id"], "text": "<script>alert(1)</script> gifts"})
    assert response.status_code == 302
    page = pupil.get(f"/e/{event['code']}").get_data(as_text=True)
    assert "waiting for approval" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; gifts" in page and "<script>alert(1)" not in page


def test_submit_errors_keep_the_text_and_store_nothing(app, world, event):
    pupil = world.pupil(event)
    prompt = world.prompts(event)[0]
    response = pupil.post(f"/e/{event['code']}/ideas", data={
        "csrf_token": pupil.csrf, "prompt_id": prompt["id"], "text": "z" * 281})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "up to 280 characters" in html and "z" * 281 in html
    assert count(app, "ideas") == 0


def test_submit_json_and_errors(app, world, event):
    pupil = world.pupil(event)
    prompts = world.prompts(event)
    url = f"/e/{event['code']}/ideas"
    ok = post_json(pupil, url, {"prompt_id": prompts[0]["id"], "text": "Good idea"})
    assert ok.status_code == 201 and ok.json["idea"]["status"] == "pending"
    assert "participant_id" not in ok.json["idea"]
    closed = post_json(pupil, url, {"prompt_id": prompts[1]["id"], "text": "Closed"})
    assert closed.status_code == 409 and "closed" in closed.json["error"]
    empty = post_json(pupil, url, {"prompt_id": prompts[0]["id"], "text": "   "})
    assert empty.status_code == 422 and "empty" in empty.json["error"]
    forged = post_json(pupil, url, {"prompt_id": "abc", "text": "x"})
    assert forged.status_code == 422
    assert count(app, "ideas") == 1


def test_missing_csrf_token_is_refused(app, world, event):
    pupil = world.pupil(event)
    prompt = world.prompts(event)[0]
    response = pupil.post(f"/e/{event['code']}/ideas", data={"prompt_id": prompt["id"], "text": "x"}, headers=JSON)
    assert response.status_code == 400 and "expired" in response.json["error"]
    assert count(app, "ideas") == 0


def test_not_joined_cannot_submit(app, client, event, world):
    token = csrf_token(client)
    response = client.post(f"/e/{event['code']}/ideas", headers=JSON,
                           data={"csrf_token": token, "prompt_id": world.prompts(event)[0]["id"], "text": "x"})
    assert response.status_code == 403 and "Join the event first" in response.json["error"]


def approve_first_idea(app, world, event, pupil, text="Votable"):
    prompt = world.prompts(event)[0]
    idea_id = post_json(pupil, f"/e/{event['code']}/ideas", {"prompt_id": prompt["id"], "text": text}).json["idea"]["id"]
    staff = world.staff_client()
    assert post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve").status_code == 200
    return idea_id


def test_vote_and_undo_by_http(app, world, event):
    pupil = world.pupil(event)
    idea_id = approve_first_idea(app, world, event, pupil)
    url = f"/e/{event['code']}/ideas/{idea_id}/vote"
    assert post_json(pupil, url, {"action": "vote"}).json == {"ok": True, "idea_id": idea_id, "votes": 1, "voted": True}
    double = post_json(pupil, url, {"action": "vote"})
    assert double.status_code == 409 and "already voted" in double.json["error"]
    assert post_json(pupil, url, {"action": "unvote"}).json["votes"] == 0
    assert post_json(pupil, url, {"action": "bogus"}).status_code == 422
    assert post_json(pupil, f"/e/{event['code']}/ideas/999999/vote", {"action": "vote"}).status_code == 404
    # without JavaScript: a plain form post redirects back to the idea
    plain = pupil.post(url, data={"csrf_token": pupil.csrf, "action": "vote"})
    assert plain.status_code == 302 and plain.location.endswith(f"#idea-{idea_id}")
    assert count(app, "votes") == 1


def test_pending_idea_is_not_on_other_pupils_pages(app, world, event):
    author, other = world.pupil(event), world.pupil(event, 1)
    prompt = world.prompts(event)[0]
    post_json(author, f"/e/{event['code']}/ideas", {"prompt_id": prompt["id"], "text": "Secret pending text"})
    assert "Secret pending text" not in other.get(f"/e/{event['code']}").get_data(as_text=True)
    assert "Secret pending text" in author.get(f"/e/{event['code']}").get_data(as_text=True)


def test_pupil_cannot_call_facilitator_actions(app, world, event):
    pupil = world.pupil(event)
    idea_id = post_json(pupil, f"/e/{event['code']}/ideas",
                        {"prompt_id": world.prompts(event)[0]["id"], "text": "x"}).json["idea"]["id"]
    response = post_json(pupil, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    assert response.status_code == 401 and "expired" in response.json["error"]  # fetch() gets JSON, not a redirect
    plain = pupil.post(f"/f/e/{event['code']}/ideas/{idea_id}/approve", data={"csrf_token": pupil.csrf})
    assert plain.status_code == 302 and "/login" in plain.location
    assert pupil.get(f"/f/e/{event['code']}").status_code == 302
    assert pupil.get(f"/f/e/{event['code']}/screen").status_code == 302
    with app.app_context():
        assert get_db().execute("SELECT status FROM ideas").fetchone()[0] == "pending"


def test_facilitator_of_other_event_gets_404(app, world, event):
    world.facilitator("other@example.org")
    other = world.staff_client("other@example.org")
    assert other.get(f"/f/e/{event['code']}").status_code == 404
    assert other.get(f"/f/e/{event['code']}/screen").status_code == 404
    assert post_json(other, f"/f/e/{event['code']}/prompts/1/close").status_code == 404


def test_login_rotates_session_and_logout(app, world, event):
    client = app.test_client()
    token = csrf_token(client, "/login")
    bad = client.post("/login", data={"csrf_token": token, "email": "fac@example.org", "password": "nope"})
    assert bad.status_code == 401 and "do not match" in bad.get_data(as_text=True)
    with client.session_transaction() as sess:
        sess["planted"] = "x"
    client.post("/login?next=//evil.example", data={"csrf_token": token, "email": "fac@example.org", "password": PASSWORD})
    with client.session_transaction() as sess:
        assert "planted" not in sess and "user_id" in sess
    assert client.get(f"/f/e/{event['code']}").status_code == 200
    client.post("/logout", data={"csrf_token": csrf_token(client, "/f/")})
    assert client.get(f"/f/e/{event['code']}").status_code == 302


def test_login_redirect_stays_local(app, world):
    world.facilitator()
    client = app.test_client()
    token = csrf_token(client, "/login")
    response = client.post("/login?next=//evil.example/x", data={"csrf_token": token, "email": "fac@example.org",
                                                                 "password": PASSWORD})
    assert response.location.endswith("/staff")


def test_create_event_by_form(app, world):
    world.facilitator()
    staff = world.staff_client()
    response = staff.post("/f/events", data={"csrf_token": staff.csrf, "title": "Spring day", "event_date": "2027-03-01",
                                              "venue": "Town hall", "theme": "", "schools": "A\nB"})
    assert response.status_code == 302
    page = staff.get(response.location).get_data(as_text=True)
    assert "Spring day" in page and "Prevention and Early Help" in page
    bad = post_json(staff, "/f/events", {"title": "", "event_date": "nope", "schools": ""})
    assert bad.status_code == 422 and count(app, "events") == 1


def test_staff_prompt_management(app, world, event):
    staff = world.staff_client()
    base = f"/f/e/{event['code']}"
    added = post_json(staff, base + "/prompts", {"stage": "solutions", "text": "New question"})
    assert added.status_code == 200
    pid = added.json["prompt_id"]
    assert post_json(staff, f"{base}/prompts/{pid}/open").status_code == 200
    assert post_json(staff, f"{base}/prompts/{pid}", {"stage": "issues", "text": "Edited"}).status_code == 200
    assert post_json(staff, f"{base}/prompts/{pid}/explode").status_code == 422
    assert post_json(staff, f"{base}/prompts/424242/open").status_code == 404
    assert post_json(staff, base + "/prompts", {"stage": "issues", "text": ""}).status_code == 422
    pupil = world.pupil(event)
    assert "Edited" in pupil.get(f"/e/{event['code']}").get_data(as_text=True)


def test_settings_and_close_event(app, world, event):
    staff = world.staff_client()
    base = f"/f/e/{event['code']}"
    assert post_json(staff, base + "/settings", {"moderation": "post", "allow_self_vote": "0"}).status_code == 200
    assert post_json(staff, base + "/settings", {"moderation": "anarchy", "allow_self_vote": "1"}).status_code == 422
    assert post_json(staff, base + "/close").status_code == 200
    with app.app_context():
        stored = event_service.get_event(event["id"])
    assert (stored["moderation"], stored["allow_self_vote"], stored["is_open"]) == ("post", 0, 0)


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json["database"] == "ok"


def test_security_headers_and_cookie_flags(app, world, event):
    client = app.test_client()
    response = client.get(f"/j/{event['code']}")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    html = response.get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "no inline scripts"
    token = csrf_token(client, f"/j/{event['code']}")
    joined = client.post(f"/j/{event['code']}", data={"csrf_token": token, "school": world.schools(event)[0]["id"]})
    cookie = joined.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_qr_code_points_at_short_join_url(client, event):
    response = client.get(f"/qr/{event['code']}.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert b"<svg" in response.data
    assert client.get("/qr/0000.svg").status_code == 404


def test_oversized_request_is_refused(app, world, event):
    pupil = world.pupil(event)
    response = pupil.post(f"/e/{event['code']}/ideas", headers=JSON,
                          data={"csrf_token": pupil.csrf, "prompt_id": "1", "text": "x" * 100_000})
    assert response.status_code == 413 and count(app, "ideas") == 0
