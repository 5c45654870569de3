"""Screening in the submit flow, concerns reaching only safeguarding leads, audit, help form."""
import json
import logging

import pytest

from youth_app.db import get_db
from youth_app.services import users

from .conftest import PASSWORD, post_json
from .test_realtime import flush, names, of

DISCLOSURE = "an older lad keeps messaging me and says not to tell anyone"


@pytest.fixture
def lead(app, world):
    """A safeguarding lead attached to the event, logged in."""
    def make(event, email="lead@example.org"):
        with app.app_context():
            uid = users.create_user(email, PASSWORD, "safeguarding")
            users.attach_to_event(uid, event["id"])
        return world.staff_client(email)
    return make


@pytest.fixture
def room(app, world, sockets, lead):
    fac = world.facilitator()
    event = world.event(fac)
    staff, lead_client = world.staff_client(), lead(event)
    pupil, other = world.pupil(event), world.pupil(event, 1)
    conns = {"dash": sockets(staff, event, "dashboard"), "screen": sockets(staff, event, "screen"),
             "pupil": sockets(pupil, event, "pupil"), "other": sockets(other, event, "pupil"),
             "lead": sockets(lead_client, event, "safeguarding")}
    assert all(c.is_connected() for c in conns.values())
    for c in conns.values():
        c.get_received()
    return event, staff, lead_client, pupil, conns


def submit(world, event, pupil, text):
    return post_json(pupil, f"/e/{event['code']}/ideas", {"prompt_id": world.prompts(event)[0]["id"], "text": text})


def rows(app, sql, *args):
    with app.app_context():
        return [dict(r) for r in get_db().execute(sql, args).fetchall()]


def test_disclosure_goes_only_to_the_safeguarding_room(app, world, room):
    event, staff, _lead, pupil, conns = room
    response = submit(world, event, pupil, DISCLOSURE)
    assert response.status_code == 200 and response.json["safeguarding"] is True
    assert "not in trouble" in response.json["message"] and "big screen" in response.json["message"]
    assert rows(app, "SELECT * FROM ideas") == []
    concern = rows(app, "SELECT * FROM concerns")[0]
    assert (concern["source"], concern["text"]) == ("screening", DISCLOSURE)
    alert = of(names(conns["lead"]), "concern_new")[0]
    assert alert["text"] == DISCLOSURE and alert["school"] == "North High"
    assert alert["prompt"] == "What are the warning signs?" and alert["reasons"]
    flush(app)
    for name in ("dash", "screen", "pupil", "other"):
        assert "older lad" not in repr(names(conns[name])), name
    snapshot = staff.get(f"/f/e/{event['code']}")  # the dashboard page itself holds no concern
    assert "older lad" not in snapshot.get_data(as_text=True)


def test_long_disclosure_is_never_refused(app, world, room):
    event, _staff, _lead, pupil, _conns = room
    long_text = "I'm scared to go home tonight because " + "he keeps shouting and hitting " * 15
    response = submit(world, event, pupil, long_text)
    assert len(long_text) > 280 and response.json["safeguarding"] is True
    assert rows(app, "SELECT length(text) AS n FROM concerns")[0]["n"] == len(long_text.strip())


def test_disclosure_without_javascript_shows_calm_help_page(app, world, room):
    event, _staff, _lead, pupil, _conns = room
    response = pupil.post(f"/e/{event['code']}/ideas", data={
        "csrf_token": pupil.csrf, "prompt_id": world.prompts(event)[0]["id"], "text": DISCLOSURE})
    assert response.status_code == 302 and "state=disclosure" in response.location
    page = pupil.get(response.location).get_data(as_text=True)
    assert "You are not in trouble" in page and 'href="tel:08001111"' in page
    assert DISCLOSURE not in page
    assert "nothing will be shared" not in page.lower() and "confidential" not in page.lower()


def test_personal_data_is_masked_and_held_back_even_in_post_moderation(app, world, room):
    event, staff, _lead, pupil, conns = room
    post_json(staff, f"/f/e/{event['code']}/settings", {"moderation": "post", "allow_self_vote": "1"})
    response = submit(world, event, pupil, "if anyone wants to talk text me on 07700 900123")
    idea = response.json["idea"]
    assert idea["status"] == "pending" and "900123" not in idea["text"] and "07700" in idea["text"]
    queued = of(names(conns["dash"]), "idea_new")[0]
    assert queued["flags"] == ["personal_data"] and "phone number" in queued["reasons"]
    assert "900123" not in repr(queued)
    assert "07700" not in repr(names(conns["other"]))
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea['id']}/approve")
    shown = of(names(conns["other"]), "idea_shown")[0]
    assert "900123" not in shown["text"]
    flush(app)
    assert "900123" not in repr(names(conns["screen"]))


@pytest.mark.parametrize("text", ["teachers dont give a sh1t", "the police are f***ing useless",
                                  "check this out https://bit.ly/3xYz12"])
def test_flagged_text_never_goes_live_under_post_moderation(app, world, room, text):
    event, staff, _lead, pupil, conns = room
    post_json(staff, f"/f/e/{event['code']}/settings", {"moderation": "post", "allow_self_vote": "1"})
    assert submit(world, event, pupil, text).json["idea"]["status"] == "pending"
    assert of(names(conns["other"]), "idea_shown") == []


def test_event_extra_words(app, world, room):
    event, staff, _lead, pupil, conns = room
    admin = staff.post(f"/f/e/{event['code']}/privacy", headers={"Accept": "application/json"},
                       data={"csrf_token": staff.csrf, "retention_days": "30", "extra_words": "Gazza\nchippy lads"})
    assert admin.status_code == 200
    assert submit(world, event, pupil, "Gazza always hangs round the gates").json["idea"]["status"] == "pending"
    assert of(names(conns["dash"]), "idea_new")[0]["flags"] == ["profanity"]


def test_facilitator_marks_concern_and_it_leaves_every_list(app, world, room):
    event, staff, lead_client, pupil, conns = room
    idea_id = submit(world, event, pupil, "Something that worried the facilitator").json["idea"]["id"]
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    post_json(pupil, f"/e/{event['code']}/ideas/{idea_id}/vote", {"action": "vote"})
    for c in conns.values():
        c.get_received()
    response = post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/concern")
    assert response.status_code == 200
    assert of(names(conns["other"]), "idea_removed") == [{"id": idea_id}]
    assert of(names(conns["pupil"]), "my_idea_removed") == [{"id": idea_id}]
    assert of(names(conns["dash"]), "idea_removed") == [{"id": idea_id}]
    assert of(names(conns["lead"]), "concern_new")[0]["source"] == "facilitator"
    assert rows(app, "SELECT COUNT(*) AS n FROM ideas")[0]["n"] == 0
    assert rows(app, "SELECT COUNT(*) AS n FROM votes")[0]["n"] == 0
    flush(app)
    stats = of(names(conns["dash"]), "stats")[-1]
    assert stats["votes"] == 0 and stats["ideas_per_prompt"] == {}
    assert rows(app, "SELECT action FROM audit_log")[-1]["action"] == "marked idea as concern"
    assert post_json(pupil, f"/f/e/{event['code']}/ideas/{idea_id}/concern").status_code == 401


def test_help_form_reaches_the_lead_with_contact(app, world, room):
    event, _staff, _lead, pupil, conns = room
    page = pupil.get(f"/e/{event['code']}/help").get_data(as_text=True)
    for number in ("tel:08001111", "tel:999", "tel:101", "tel:0800555111", "ceop.police.uk"):
        assert number in page
    response = post_json(pupil, f"/e/{event['code']}/help", {"message": "Can someone talk to me",
                                                              "contact": "find me at lunch, red hoodie"})
    assert response.status_code == 200 and response.json["message"].startswith("Received")
    alert = of(names(conns["lead"]), "concern_new")[0]
    assert (alert["source"], alert["contact"]) == ("help_form", "find me at lunch, red hoodie")
    flush(app)
    for name in ("dash", "screen", "other"):
        assert "talk to me" not in repr(names(conns[name]))
    empty = post_json(pupil, f"/e/{event['code']}/help", {"message": "  "})
    assert empty.status_code == 422 and rows(app, "SELECT COUNT(*) AS n FROM concerns")[0]["n"] == 1
    plain = pupil.post(f"/e/{event['code']}/help", data={"csrf_token": pupil.csrf, "message": "no js"})
    assert plain.status_code == 302 and "state=received" in plain.location
    assert "no js" not in pupil.get(plain.location).get_data(as_text=True)


def test_help_form_needs_a_joined_pupil_and_csrf(app, world, room):
    event, *_ = room
    stranger = app.test_client()
    assert stranger.get(f"/e/{event['code']}/help").status_code == 200  # the help panel is for everyone
    from .conftest import csrf_token
    token = csrf_token(stranger, f"/e/{event['code']}/help")
    response = stranger.post(f"/e/{event['code']}/help", data={"csrf_token": token, "message": "x"},
                             headers={"Accept": "application/json"})
    assert response.status_code == 422
    general = stranger.get("/help").get_data(as_text=True)
    assert "tel:08001111" in general and "<form" not in general.split("<main")[1].split("</main>")[0]


def test_lead_records_action_and_every_access_is_audited(app, world, room):
    event, _staff, lead_client, pupil, conns = room
    submit(world, event, pupil, DISCLOSURE)
    concern_id = rows(app, "SELECT id FROM concerns")[0]["id"]
    page = lead_client.get(f"/s/e/{event['code']}").get_data(as_text=True)
    assert DISCLOSURE in page
    detail = lead_client.get(f"/s/e/{event['code']}/concerns/{concern_id}")
    assert detail.status_code == 200
    saved = post_json(lead_client, f"/s/e/{event['code']}/concerns/{concern_id}",
                      {"status": "passed_to_dsl", "note": "Spoke to Brookfield DSL"})
    assert saved.status_code == 200
    bad = post_json(lead_client, f"/s/e/{event['code']}/concerns/{concern_id}", {"status": "lost", "note": ""})
    assert bad.status_code == 422
    assert post_json(lead_client, f"/s/e/{event['code']}/concerns/99999", {"status": "closed"}).status_code == 404
    assert rows(app, "SELECT status FROM concerns")[0]["status"] == "passed_to_dsl"
    update = rows(app, "SELECT * FROM concern_updates")[0]
    assert update["note"] == "Spoke to Brookfield DSL" and update["user_id"]
    actions = [r["action"] for r in rows(app, "SELECT action FROM audit_log ORDER BY id")]
    assert actions == ["opened the live safeguarding view", "opened the safeguarding view", "read concern",
                       "changed concern"]
    assert DISCLOSURE not in json.dumps(rows(app, "SELECT * FROM audit_log"))
    assert of(names(conns["lead"]), "concern_updated")[0]["status"] == "passed_to_dsl"
    audit_page = lead_client.get(f"/s/e/{event['code']}/audit").get_data(as_text=True)
    assert "read concern" in audit_page and "lead@example.org" in audit_page


def test_lead_of_another_event_sees_nothing(app, world, room, lead):
    event, *_rest = room
    other = world.event(world.facilitator("b@example.org"), title="Other")
    other_lead = lead(other, "other-lead@example.org")
    assert other_lead.get(f"/s/e/{event['code']}").status_code == 404
    assert other_lead.get(f"/s/e/{event['code']}/audit").status_code == 404


def test_pupil_text_never_reaches_the_logs(app, world, room, caplog):
    event, staff, _lead, pupil, _conns = room
    caplog.set_level(logging.DEBUG)
    submit(world, event, pupil, "Unique idea text ZQX for the log check")
    submit(world, event, pupil, "I'm scared to go home tonight ZQX")
    post_json(pupil, f"/e/{event['code']}/help", {"message": "help message ZQX"})
    assert "ZQX" not in caplog.text


def test_join_page_explains_privacy_in_plain_language(app, world):
    event = world.event(world.facilitator())
    page = app.test_client().get(f"/j/{event['code']}").get_data(as_text=True)
    for phrase in ("What we keep", "Who sees it", "safeguarding lead", "30 days after the event", "Not your name"):
        assert phrase in page


def test_join_page_house_rules_follow_the_moderation_setting(app, world):
    pre = world.event(world.facilitator())
    post = world.event(world.facilitator("b@example.org"), title="Post", moderation="post")
    client = app.test_client()
    assert "checks every idea before anyone else sees it" in client.get(f"/j/{pre['code']}").get_data(as_text=True)
    page = client.get(f"/j/{post['code']}").get_data(as_text=True)
    assert "Ideas show straight away" in page and "checks every idea before" not in page
