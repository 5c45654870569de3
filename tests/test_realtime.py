"""Live flows over Flask-SocketIO's test client: who receives what, coalesced counts, snapshots."""
import pytest

from .conftest import post_json


def names(sock):
    """The events this client received since the last call, as (name, payload) pairs."""
    return [(m["name"], m["args"][0] if m["args"] else None) for m in sock.get_received()]


def of(received, name):
    return [payload for n, payload in received if n == name]


def flush(app, pupils=True):
    ticker = app.extensions["youth_ticker"]
    ticker.flush_staff()
    if pupils:
        ticker.flush_pupils()


@pytest.fixture
def live(app, world, sockets):
    """An event with a facilitator dashboard, a big screen and two pupils, all connected."""
    fac = world.facilitator()
    event = world.event(fac)
    staff = world.staff_client()
    pupil_a, pupil_b = world.pupil(event), world.pupil(event, 1)
    conns = {
        "dash": sockets(staff, event, "dashboard"),
        "screen": sockets(staff, event, "screen"),
        "a": sockets(pupil_a, event, "pupil"),
        "b": sockets(pupil_b, event, "pupil"),
    }
    for sock in conns.values():
        assert sock.is_connected()
    snapshots = {k: names(s) for k, s in conns.items()}
    return event, staff, pupil_a, pupil_b, conns, snapshots


def submit(world, event, pupil, text, prompt_index=0):
    prompt = world.prompts(event)[prompt_index]
    response = post_json(pupil, f"/e/{event['code']}/ideas", {"prompt_id": prompt["id"], "text": text})
    assert response.status_code == 201, response.json
    return response.json["idea"]["id"]


def test_every_view_gets_a_snapshot_on_connect(live):
    *_rest, snapshots = live
    assert of(snapshots["dash"], "snapshot")[0]["stats"]["joined"] == 2
    assert of(snapshots["screen"], "screen_state")[0]["prompt"]["text"] == "What are the warning signs?"
    pupil_state = of(snapshots["a"], "snapshot")[0]
    assert [p["text"] for p in pupil_state["prompts"]] == ["What are the warning signs?"]
    assert pupil_state["school"] == "North High"


@pytest.mark.parametrize("auth", [None, {"event": "ABCDEF", "view": "pupil"}, {"view": "dashboard"},
                                  {"event": "x", "view": "screen"}])
def test_connection_without_rights_is_refused(app, world, sockets, auth):
    from youth_app.extensions import socketio

    world.event(world.facilitator())
    sock = socketio.test_client(app, auth=auth)
    assert not sock.is_connected()


def test_pupil_cannot_open_staff_views(app, world, sockets):
    event = world.event(world.facilitator())
    pupil = world.pupil(event)
    assert not sockets(pupil, event, "dashboard").is_connected()
    assert not sockets(pupil, event, "screen").is_connected()
    assert not sockets(app.test_client(), event, "pupil").is_connected()  # never joined


def test_other_events_facilitator_is_refused(app, world, sockets):
    event = world.event(world.facilitator())
    world.facilitator("b@example.org")
    other_staff = world.staff_client("b@example.org")
    assert not sockets(other_staff, event, "dashboard").is_connected()


def test_pending_idea_reaches_staff_only(app, world, live):
    event, staff, pupil_a, _b, conns, _ = live
    idea_id = submit(world, event, pupil_a, "Older lads at the park giving out vapes")
    dash = names(conns["dash"])
    assert [i["id"] for i in of(dash, "idea_new")] == [idea_id]
    assert of(dash, "idea_new")[0]["school"] == "North High"
    assert "participant_id" not in of(dash, "idea_new")[0]
    own = names(conns["a"])
    assert of(own, "my_idea")[0]["status"] == "pending"
    assert not of(own, "idea_shown")
    flush(app)
    others = names(conns["b"]) + names(conns["screen"])
    assert "Older lads" not in repr(others)


def test_approval_reaches_pupils_and_screen(app, world, live):
    event, staff, pupil_a, _b, conns, _ = live
    idea_id = submit(world, event, pupil_a, "Lessons from people our age")
    for sock in conns.values():
        sock.get_received()
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    b = names(conns["b"])
    assert of(b, "idea_shown") == [{"id": idea_id, "prompt_id": world.prompts(event)[0]["id"],
                                    "text": "Lessons from people our age", "votes": 0,
                                    "created_at": of(b, "idea_shown")[0]["created_at"]}]
    assert of(names(conns["a"]), "my_idea")[0]["status"] == "approved"
    assert of(names(conns["dash"]), "idea_updated")[0]["status"] == "approved"
    flush(app)
    screen = of(names(conns["screen"]), "screen_state")
    assert [i["text"] for i in screen[-1]["ideas"]] == ["Lessons from people our age"]


def test_hiding_removes_from_pupils(app, world, live):
    event, staff, pupil_a, _b, conns, _ = live
    idea_id = submit(world, event, pupil_a, "Will be hidden")
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    for sock in conns.values():
        sock.get_received()
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/hide")
    assert of(names(conns["b"]), "idea_removed") == [{"id": idea_id}]
    flush(app)
    assert of(names(conns["screen"]), "screen_state")[-1]["ideas"] == []


def test_votes_are_coalesced_per_tick(app, world, live):
    event, staff, pupil_a, pupil_b, conns, _ = live
    ids = [submit(world, event, pupil_a, f"Idea {n}") for n in range(3)]
    for idea_id in ids:
        post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    flush(app)
    for sock in conns.values():
        sock.get_received()
    for voter in (pupil_a, pupil_b):
        for idea_id in ids[:2]:
            assert post_json(voter, f"/e/{event['code']}/ideas/{idea_id}/vote", {"action": "vote"}).status_code == 200
    assert not of(names(conns["dash"]), "counts"), "no per-vote broadcast"
    app.extensions["youth_ticker"].flush_staff()
    dash_counts = of(names(conns["dash"]), "counts")
    assert dash_counts == [{"counts": {str(ids[0]): 2, str(ids[1]): 2}}]
    assert not of(names(conns["b"]), "counts"), "staff rooms first, pupils on their slower tick"
    app.extensions["youth_ticker"].flush_pupils()
    assert of(names(conns["b"]), "counts") == [{"counts": {str(ids[0]): 2, str(ids[1]): 2}}]
    flush(app)
    assert not of(names(conns["dash"]), "counts") and not of(names(conns["b"]), "counts"), "skipped when unchanged"


def test_reconnect_gets_true_state(app, world, live):
    event, staff, pupil_a, _b, conns, _ = live
    idea_id = submit(world, event, pupil_a, "Before the drop")
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    post_json(pupil_a, f"/e/{event['code']}/ideas/{idea_id}/vote", {"action": "vote"})
    conns["a"].disconnect()
    conns["a"].connect(auth={"event": event["code"], "view": "pupil"})
    state = of(names(conns["a"]), "snapshot")[-1]
    assert [(i["id"], i["votes"]) for i in state["ideas"]] == [(idea_id, 1)]
    assert state["voted"] == [idea_id]
    assert state["mine"][0]["status"] == "approved"


def test_prompt_changes_reach_pupils(app, world, live):
    event, staff, _a, _b, conns, _ = live
    second = world.prompts(event)[1]
    post_json(staff, f"/f/e/{event['code']}/prompts/{second['id']}/open")
    update = of(names(conns["b"]), "prompts")[-1]
    assert [p["text"] for p in update["prompts"]] == ["What are the warning signs?", "What would help?"]
    assert of(names(conns["dash"]), "prompts")[-1]["settings"]["screen_prompt_id"] == second["id"]


def test_nothing_crosses_events(app, world, live, sockets):
    event, staff, pupil_a, _b, conns, _ = live
    other = world.event(world.facilitator("b@example.org"), title="Other")
    outsider = world.pupil(other)
    out_sock = sockets(outsider, other, "pupil")
    names(out_sock)
    idea_id = submit(world, event, pupil_a, "Only for event A")
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    post_json(pupil_a, f"/e/{event['code']}/ideas/{idea_id}/vote", {"action": "vote"})
    flush(app)
    assert names(out_sock) == []


def test_pupil_messages_never_carry_tokens(app, world, live):
    event, staff, pupil_a, _b, conns, snapshots = live
    idea_id = submit(world, event, pupil_a, "Token check")
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    flush(app)
    with app.app_context():
        from youth_app.db import get_db
        tokens = [r[0] for r in get_db().execute("SELECT token FROM participants")]
    everything = repr(snapshots) + repr([names(s) for s in conns.values()])
    assert tokens and not any(t in everything for t in tokens)
    assert "participant_id" not in everything


def test_per_vote_baseline_mode_broadcasts_every_vote(app, world, live):
    """COALESCE_VOTES=False exists only as the benchmark's baseline; check it does what it claims."""
    event, staff, pupil_a, _b, conns, _ = live
    idea_id = submit(world, event, pupil_a, "Baseline idea")
    post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    for sock in conns.values():
        sock.get_received()
    app.config["COALESCE_VOTES"] = False
    post_json(pupil_a, f"/e/{event['code']}/ideas/{idea_id}/vote", {"action": "vote"})
    assert of(names(conns["b"]), "counts") == [{"counts": {str(idea_id): 1}}]
    assert of(names(conns["dash"]), "counts") == [{"counts": {str(idea_id): 1}}]
