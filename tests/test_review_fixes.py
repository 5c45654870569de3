"""Bad paths found in review: redirects, disclosures in closed states, logout, purge on live screens."""
import pytest

from youth_app.db import get_db
from youth_app.services import users

from .conftest import PASSWORD, csrf_token, post_json
from .test_realtime import flush, names, of

DISCLOSURE = "I'm scared to go home tonight"


@pytest.mark.parametrize("target", ["//evil.example", "/\t/evil.example", "/%09/evil.example", "https://evil.example",
                                    "/\\evil.example", " /f/", "javascript:alert(1)"])
def test_login_never_redirects_off_site(app, world, target):
    world.facilitator()
    client = app.test_client()
    token = csrf_token(client, "/login")
    response = client.post("/login", query_string={"next": target},
                           data={"csrf_token": token, "email": "fac@example.org", "password": PASSWORD})
    assert response.status_code == 302 and response.location == "/staff"


def test_login_keeps_a_local_next(app, world):
    world.facilitator()
    client = app.test_client()
    token = csrf_token(client, "/login")
    response = client.post("/login?next=/f/", data={"csrf_token": token, "email": "fac@example.org",
                                                    "password": PASSWORD})
    assert response.location == "/f/"


def test_disclosure_is_taken_on_a_closed_question_and_a_closed_event(app, world):
    event = world.event(world.facilitator())
    pupil, staff = world.pupil(event), world.staff_client()
    closed_prompt = world.prompts(event)[1]["id"]
    response = post_json(pupil, f"/e/{event['code']}/ideas", {"prompt_id": closed_prompt, "text": DISCLOSURE})
    assert response.status_code == 200 and response.json["safeguarding"]
    post_json(staff, f"/f/e/{event['code']}/close")
    response = post_json(pupil, f"/e/{event['code']}/ideas", {"prompt_id": closed_prompt, "text": DISCLOSURE + " again"})
    assert response.status_code == 200 and response.json["safeguarding"]
    ordinary = post_json(pupil, f"/e/{event['code']}/ideas", {"prompt_id": closed_prompt, "text": "Posters"})
    assert ordinary.status_code == 410
    help_message = post_json(pupil, f"/e/{event['code']}/help", {"message": "can someone ring me"})
    assert help_message.status_code == 200
    with app.app_context():
        assert get_db().execute("SELECT COUNT(*) FROM concerns").fetchone()[0] == 3


def test_logout_closes_staff_sockets(app, world, sockets):
    event = world.event(world.facilitator())
    with app.app_context():
        lead_id = users.create_user("lead@example.org", PASSWORD, "safeguarding")
        users.attach_to_event(lead_id, event["id"])
    lead = world.staff_client("lead@example.org")
    live = sockets(lead, event, "safeguarding")
    assert live.is_connected()
    lead.post("/logout", data={"csrf_token": lead.csrf})
    assert not live.is_connected()
    pupil = world.pupil(event)
    post_json(pupil, f"/e/{event['code']}/help", {"message": "after logout"})
    with pytest.raises(RuntimeError):
        live.get_received()


def test_dashboard_knows_whether_a_lead_is_online(app, world, sockets):
    event = world.event(world.facilitator())
    staff = world.staff_client()
    dash = sockets(staff, event, "dashboard")
    assert of(names(dash), "snapshot")[0]["stats"]["safeguarding"] == {"leads": 0, "online": 0}
    with app.app_context():
        lead_id = users.create_user("lead@example.org", PASSWORD, "safeguarding")
        users.attach_to_event(lead_id, event["id"])
    lead_sock = sockets(world.staff_client("lead@example.org"), event, "safeguarding")
    flush(app)
    assert of(names(dash), "stats")[-1]["safeguarding"] == {"leads": 1, "online": 1}
    lead_sock.disconnect()
    flush(app)
    assert of(names(dash), "stats")[-1]["safeguarding"] == {"leads": 1, "online": 0}


def test_deleting_data_clears_live_screens(app, world, sockets):
    event = world.event(world.facilitator())
    staff, pupil = world.staff_client(), world.pupil(event)
    idea = post_json(pupil, f"/e/{event['code']}/ideas", {"prompt_id": world.prompts(event)[0]["id"],
                                                          "text": "To be deleted"}).json["idea"]
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea['id']}/approve")
    dash, screen, phone = (sockets(staff, event, "dashboard"), sockets(staff, event, "screen"),
                           sockets(pupil, event, "pupil"))
    for sock in (dash, screen, phone):
        sock.get_received()
    post_json(staff, f"/f/e/{event['code']}/delete-data", {"confirm": "yes"})
    assert of(names(dash), "snapshot")[-1]["approved"] == []
    received = names(phone)
    assert of(received, "prompts")[-1]["ideas"] == [] and of(received, "settings")[-1]["is_open"] is False
    flush(app)
    assert of(names(screen), "screen_state")[-1]["ideas"] == []


def test_a_failed_tick_keeps_its_work(app, world, monkeypatch):
    ticker = app.extensions["youth_ticker"]
    ticker.mark_vote(1, 10)
    ticker.mark_stats(1)

    def broken(*_args):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(ticker, "send_staff", broken)
    with pytest.raises(RuntimeError):
        ticker.flush_staff()
    assert ticker.staff_votes == {1: {10}} and ticker.stats_dirty == {1} and ticker.screen_dirty == {1}


def test_vote_on_an_idea_withdrawn_meanwhile_is_refused(app, world):
    event = world.event(world.facilitator())
    staff, pupil = world.staff_client(), world.pupil(event)
    idea = post_json(pupil, f"/e/{event['code']}/ideas", {"prompt_id": world.prompts(event)[0]["id"],
                                                          "text": "Soon withdrawn"}).json["idea"]
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea['id']}/approve")
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea['id']}/concern")
    response = post_json(pupil, f"/e/{event['code']}/ideas/{idea['id']}/vote", {"action": "vote"})
    assert response.status_code == 404
    with app.app_context():
        assert get_db().execute("SELECT COUNT(*) FROM votes").fetchone()[0] == 0


def test_qr_code_is_not_cached_publicly(client, world):
    event = world.event(world.facilitator())
    assert client.get(f"/qr/{event['code']}.svg").headers["Cache-Control"] == "private, no-store"


def test_untrusted_host_is_refused(tmp_path):
    from youth_app import create_app

    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "h.sqlite"), "SECRET_KEY": "x",
                      "TRUSTED_HOSTS": ["voice.example.org"]})
    client = app.test_client()
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "voice.example.org"}).status_code == 200
