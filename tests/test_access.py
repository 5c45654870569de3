"""The access matrix: every staff page and socket view against every role, including none."""
import pytest

from youth_app.extensions import socketio
from youth_app.services import users

from .conftest import PASSWORD, csrf_token

ROLES = ("none", "pupil", "facilitator", "other_facilitator", "safeguarding", "other_safeguarding", "teacher")


@pytest.fixture
def matrix(app, world):
    """An event, a pending idea and a concern, and one logged-in client per role."""
    fac = world.facilitator()
    event = world.event(fac)
    other = world.event(world.facilitator("other@example.org"), title="Other")
    with app.app_context():
        for email, role, ev in (("lead@example.org", "safeguarding", event), ("olead@example.org", "safeguarding", other),
                                ("teacher@example.org", "teacher", event)):
            uid = users.create_user(email, PASSWORD, role)
            users.attach_to_event(uid, ev["id"])
    pupil = world.pupil(event)
    prompt_id = world.prompts(event)[0]["id"]
    idea_id = pupil.post(f"/e/{event['code']}/ideas", headers={"Accept": "application/json"},
                         data={"csrf_token": pupil.csrf, "prompt_id": prompt_id, "text": "matrix idea"}).json["idea"]["id"]
    pupil.post(f"/e/{event['code']}/help", data={"csrf_token": pupil.csrf, "message": "matrix concern"})
    clients = {"none": app.test_client(), "pupil": pupil, "facilitator": world.staff_client(),
               "other_facilitator": world.staff_client("other@example.org"),
               "safeguarding": world.staff_client("lead@example.org"),
               "other_safeguarding": world.staff_client("olead@example.org"),
               "teacher": world.staff_client("teacher@example.org")}
    for client in clients.values():
        client.csrf = csrf_token(client)
    return event, idea_id, prompt_id, clients


def allowed(role, audience):
    return role == {"facilitator": "facilitator", "safeguarding": "safeguarding"}[audience]


PAGES = [  # (path template, audience)
    ("/f/e/{code}", "facilitator"), ("/f/e/{code}/screen", "facilitator"), ("/f/e/{code}/admin", "facilitator"),
    ("/f/e/{code}/export.csv", "facilitator"), ("/f/e/{code}/export.json", "facilitator"),
    ("/s/e/{code}", "safeguarding"), ("/s/e/{code}/concerns/1", "safeguarding"), ("/s/e/{code}/audit", "safeguarding"),
]
ACTIONS = [
    ("/f/e/{code}/ideas/{idea}/approve", "facilitator", {}), ("/f/e/{code}/ideas/{idea}/hide", "facilitator", {}),
    ("/f/e/{code}/ideas/{idea}/concern", "facilitator", {}), ("/f/e/{code}/prompts/{prompt}/close", "facilitator", {}),
    ("/f/e/{code}/prompts", "facilitator", {"stage": "issues", "text": "new"}),
    ("/f/e/{code}/settings", "facilitator", {"moderation": "post", "allow_self_vote": "1"}),
    ("/f/e/{code}/privacy", "facilitator", {"retention_days": "10", "extra_words": ""}),
    ("/f/e/{code}/staff", "facilitator", {"email": "lead@example.org", "school": "0"}),
    ("/f/e/{code}/close", "facilitator", {}), ("/f/e/{code}/delete-data", "facilitator", {}),
    ("/s/e/{code}/concerns/1", "safeguarding", {"status": "closed", "note": "x"}),
]


@pytest.mark.parametrize("role", ROLES)
def test_staff_pages(matrix, role):
    event, idea_id, prompt_id, clients = matrix
    for template, audience in PAGES:
        response = clients[role].get(template.format(code=event["code"]))
        if allowed(role, audience):
            assert response.status_code == 200, (role, template)
        else:
            assert response.status_code in (302, 403, 404), (role, template, response.status_code)
            if response.status_code == 302:
                assert "/login" in response.location
            assert "matrix concern" not in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ROLES)
def test_staff_actions(app, matrix, role):
    event, idea_id, prompt_id, clients = matrix
    for template, audience, data in ACTIONS:
        if role == "facilitator" and template.endswith(("delete-data", "/concern", "/close")):
            continue  # destructive for the rest of the matrix; each has its own test
        path = template.format(code=event["code"], idea=idea_id, prompt=prompt_id)
        response = clients[role].post(path, data=dict(data, csrf_token=clients[role].csrf),
                                      headers={"Accept": "application/json"})
        if allowed(role, audience):
            assert response.status_code == 200, (role, path, response.get_data(as_text=True))
        else:
            assert response.status_code in (401, 403, 404), (role, path, response.status_code)
    from youth_app.db import get_db
    with app.app_context():
        status = get_db().execute("SELECT status FROM ideas WHERE id = ?", (idea_id,)).fetchone()
        concern = get_db().execute("SELECT status FROM concerns").fetchone()
    if role != "facilitator":
        assert status["status"] == "pending", "nobody but the facilitator moderated"
    if role != "safeguarding":
        assert concern["status"] == "new", "nobody but the lead changed the concern"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view, audience", [("dashboard", "facilitator"), ("screen", "facilitator"),
                                            ("safeguarding", "safeguarding")])
def test_socket_views(app, matrix, role, view, audience):
    event, _idea, _prompt, clients = matrix
    sock = socketio.test_client(app, flask_test_client=clients[role], auth={"event": event["code"], "view": view})
    try:
        assert sock.is_connected() == allowed(role, audience), (role, view)
    finally:
        if sock.is_connected():
            sock.disconnect()


@pytest.mark.parametrize("role", ROLES)
def test_pupil_socket_view_needs_a_pupil_of_this_event(app, matrix, role):
    event, _idea, _prompt, clients = matrix
    sock = socketio.test_client(app, flask_test_client=clients[role], auth={"event": event["code"], "view": "pupil"})
    try:
        assert sock.is_connected() == (role == "pupil")
    finally:
        if sock.is_connected():
            sock.disconnect()


def test_pupil_cannot_emit_staff_events(app, matrix):
    """Pupils have no socket events at all: anything they emit is ignored and changes nothing."""
    event, idea_id, _prompt, clients = matrix
    sock = socketio.test_client(app, flask_test_client=clients["pupil"], auth={"event": event["code"], "view": "pupil"})
    sock.get_received()
    for name in ("approve", "moderate", "concern_new", "snapshot"):
        sock.emit(name, {"idea_id": idea_id, "action": "approve"})
    assert sock.get_received() == []
    from youth_app.db import get_db
    with app.app_context():
        assert get_db().execute("SELECT status FROM ideas WHERE id = ?", (idea_id,)).fetchone()[0] == "pending"
    sock.disconnect()
