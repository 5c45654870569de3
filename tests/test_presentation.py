"""The presentation over HTTP and Socket.IO: build, edit, present, export; pupils see their ideas' reach."""
import io

import pytest
from pptx import Presentation
from pypdf import PdfReader

from youth_app.extensions import socketio

from .conftest import post_json
from .test_realtime import names, of


@pytest.fixture
def deck_event(app, world):
    """An event with two approved ideas (one pinned), one hidden, and a built deck."""
    event = world.event(world.facilitator())
    staff, pupil = world.staff_client(), world.pupil(event)
    prompt = world.prompts(event)[0]["id"]
    ids = []
    for text in ("Older friends buying phones", "Lifts from older lads", "Hidden idea never shown"):
        other = world.pupil(event, 1)
        ids.append(post_json(other if text.startswith("Hidden") else pupil, f"/e/{event['code']}/ideas",
                             {"prompt_id": prompt, "text": text}).json["idea"]["id"])
    for idea_id in ids[:2]:
        post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    post_json(staff, f"/f/e/{event['code']}/ideas/{ids[0]}/pin")
    post_json(staff, f"/f/e/{event['code']}/ideas/{ids[2]}/hide")
    assert staff.post(f"/f/e/{event['code']}/deck/generate", data={"csrf_token": staff.csrf}).status_code == 302
    return event, staff, pupil, ids


def editor_form(staff, event):
    """The editor's current fields, as the browser would post them back."""
    from youth_app.services import decks
    with staff.application.app_context():
        slides = decks.stored(event["id"])["slides"]
    data = {"csrf_token": staff.csrf, "key": [s["key"] for s in slides]}
    for n, s in enumerate(slides):
        data.update({f"title-{n}": s["title"], f"notes-{n}": s["notes"], f"seconds-{n}": str(s["seconds"]),
                     f"presenter-{n}": s["presenter"], f"order-{n}": str(n + 1)})
        if "candidates" in s["body"]:
            data[f"has-ideas-{n}"] = "1"
            data[f"ideas-{n}"] = [str(i) for i in s["body"]["idea_ids"]]
    return slides, data


def stored_slides(app, event):
    from youth_app.services import decks
    with app.app_context():
        return decks.stored(event["id"])["slides"]


def test_edits_are_saved_and_survive_a_rebuild(app, world, deck_event):
    event, staff, pupil, ids = deck_event
    slides, data = editor_form(staff, event)
    keys = [s["key"] for s in slides]
    who, issues = keys.index("who"), keys.index("issues")
    data.update({f"title-{who}": "Who came", f"presenter-{who}": "Amira", f"seconds-{who}": "45",
                 f"order-{issues}": "1.5", f"hidden-{keys.index('quotes')}": "yes",
                 f"ideas-{issues}": [str(ids[1]), str(ids[2])],  # ids[2] is hidden: cannot be chosen
                 "new-title": "Our <pledge>", "new-bullets": "We will tell someone\nWe will look out for friends"})
    assert staff.post(f"/f/e/{event['code']}/deck", data=data).status_code == 302
    saved = stored_slides(app, event)
    order = [s["key"] for s in saved]
    assert order.index("issues") < order.index("who")
    who_slide = saved[order.index("who")]
    assert (who_slide["title"], who_slide["presenter"], who_slide["seconds"]) == ("Who came", "Amira", 45)
    assert saved[order.index("quotes")]["hidden"] is True
    assert [i["text"] for i in saved[order.index("issues")]["body"]["ideas"]] == ["Lifts from older lads"]
    custom = [s for s in saved if s["key"].startswith("custom-")][0]
    assert custom["title"] == "Our <pledge>" and custom["body"]["bullets"][1] == "We will look out for friends"
    # new data arrives; rebuilding keeps the edits and the custom slide
    post_json(staff, f"/f/e/{event['code']}/ideas/{ids[0]}/unpin")
    staff.post(f"/f/e/{event['code']}/deck/generate", data={"csrf_token": staff.csrf})
    rebuilt = stored_slides(app, event)
    assert [s["key"] for s in rebuilt] == order
    assert rebuilt[order.index("who")]["presenter"] == "Amira"
    assert any(s["key"] == custom["key"] for s in rebuilt)
    assert "Hidden idea never shown" not in str(rebuilt)


def test_over_budget_is_saved_with_a_warning(app, deck_event):
    event, staff, _pupil, _ids = deck_event
    slides, data = editor_form(staff, event)
    data["seconds-0"] = "600"
    page = staff.post(f"/f/e/{event['code']}/deck", data=data, follow_redirects=True).get_data(as_text=True)
    assert "over the ten minutes" in page


def test_bad_edits_are_refused_and_nothing_changes(app, deck_event):
    event, staff, _pupil, _ids = deck_event
    before = stored_slides(app, event)
    _slides, data = editor_form(staff, event)
    data["seconds-0"] = "soon"
    assert staff.post(f"/f/e/{event['code']}/deck", data=data, headers={"Accept": "application/json"}).status_code == 422
    _slides, data = editor_form(staff, event)
    data["key"] = data["key"][:-1] + ["forged-key"]
    assert staff.post(f"/f/e/{event['code']}/deck", data=data, headers={"Accept": "application/json"}).status_code == 422
    assert stored_slides(app, event) == before


def test_presenter_socket_moves_the_projector(app, world, deck_event):
    event, staff, pupil, _ids = deck_event
    projector = socketio.test_client(app, flask_test_client=staff, auth={"event": event["code"], "view": "projector"})
    presenter = socketio.test_client(app, flask_test_client=staff, auth={"event": event["code"], "view": "presenter"})
    assert of(names(projector), "deck_state")[0]["position"] == 0
    names(presenter)
    assert presenter.emit("deck_goto", {"position": 2}, callback=True) == {"ok": True, "position": 2}
    state = of(names(projector), "deck_state")[-1]
    assert state["position"] == 2 and state["started_at"]
    assert presenter.emit("deck_goto", {"position": 99}, callback=True)["ok"] is False
    assert presenter.emit("deck_goto", {"position": "2"}, callback=True)["ok"] is False
    assert not socketio.test_client(app, flask_test_client=pupil,
                                    auth={"event": event["code"], "view": "presenter"}).is_connected()
    world.event(world.facilitator("b@example.org"), title="B")
    outsider = world.staff_client("b@example.org")
    assert not socketio.test_client(app, flask_test_client=outsider,
                                    auth={"event": event["code"], "view": "projector"}).is_connected()


def test_exports_open_and_hold_only_approved_text(app, deck_event):
    event, staff, _pupil, _ids = deck_event
    response = staff.get(f"/f/e/{event['code']}/deck/export/pptx")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    deck = Presentation(io.BytesIO(response.data))
    text = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides)
    assert "Older friends buying phones" in text and "Hidden idea never shown" not in text + notes
    assert notes.strip()
    pdf = PdfReader(io.BytesIO(staff.get(f"/f/e/{event['code']}/deck/export/handout_pdf").data))
    assert len(pdf.pages) == len([s for s in stored_slides(app, event) if not s["hidden"]])
    assert staff.get(f"/f/e/{event['code']}/deck/export/docx").status_code == 422


def test_deck_pages_are_for_the_events_facilitators_only(app, world, deck_event):
    event, _staff, pupil, _ids = deck_event
    world.facilitator("b@example.org")
    outsider = world.staff_client("b@example.org")
    for path in ("/deck", "/deck/projector", "/deck/presenter", "/deck/export/pptx"):
        assert outsider.get(f"/f/e/{event['code']}{path}").status_code == 404
        assert pupil.get(f"/f/e/{event['code']}{path}").status_code == 302


def test_pupil_sees_where_their_idea_got_to(app, world, deck_event, sockets):
    event, staff, pupil, ids = deck_event
    snapshot = of(names(sockets(pupil, event, "pupil")), "snapshot")[0]
    mine = {i["id"]: i for i in snapshot["mine"]}
    assert mine[ids[0]]["in_presentation"] is True and mine[ids[0]]["on_screen"] is True
    page = pupil.get(f"/e/{event['code']}").get_data(as_text=True)
    assert "Your idea: in the presentation" in page


def test_deck_command_writes_pptx_and_pdf(app, runner, deck_event, tmp_path):
    event, *_ = deck_event
    result = runner.invoke(args=["deck", event["code"], "--pptx", str(tmp_path / "d.pptx"), "--pdf", str(tmp_path / "d.pdf")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "d.pptx").read_bytes()[:2] == b"PK" and (tmp_path / "d.pdf").read_bytes()[:4] == b"%PDF"
    assert runner.invoke(args=["deck", event["code"]]).exit_code != 0


def test_dashboard_shows_the_presentation_total(app, deck_event):
    event, staff, _pupil, _ids = deck_event
    total = sum(s["seconds"] for s in stored_slides(app, event) if not s["hidden"])
    page = staff.get(f"/f/e/{event['code']}").get_data(as_text=True)
    assert f"{total // 60}:{total % 60:02d} of 10:00" in page


def test_ideas_hidden_or_withdrawn_after_building_leave_every_screen_and_export(app, runner, deck_event, tmp_path):
    event, staff, _pupil, ids = deck_event
    projector = socketio.test_client(app, flask_test_client=staff, auth={"event": event["code"], "view": "projector"})
    names(projector)
    post_json(staff, f"/f/e/{event['code']}/ideas/{ids[1]}/hide")
    post_json(staff, f"/f/e/{event['code']}/ideas/{ids[0]}/concern")
    states = of(names(projector), "deck_state")
    assert len(states) >= 2, "each status change refreshed the projector"
    state = str(states[-1])
    editor = staff.get(f"/f/e/{event['code']}/deck").get_data(as_text=True)
    pptx = Presentation(io.BytesIO(staff.get(f"/f/e/{event['code']}/deck/export/pptx").data))
    pptx_text = " ".join(sh.text_frame.text for sl in pptx.slides for sh in sl.shapes if sh.has_text_frame)
    pptx_text += " ".join(sl.notes_slide.notes_text_frame.text for sl in pptx.slides)
    runner.invoke(args=["deck", event["code"], "--pdf", str(tmp_path / "d.pdf")])
    pdf_text = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "d.pdf")).pages)
    for text in ("Lifts from older lads", "Older friends buying phones"):
        assert text not in editor and text not in pptx_text and text not in pdf_text, text
    assert "Older friends buying phones" not in state and "Lifts from older lads" not in state


def test_deleting_pupil_data_deletes_the_deck(app, deck_event):
    event, staff, _pupil, _ids = deck_event
    projector = socketio.test_client(app, flask_test_client=staff, auth={"event": event["code"], "view": "projector"})
    names(projector)
    post_json(staff, f"/f/e/{event['code']}/delete-data", {"confirm": "yes"})
    assert of(names(projector), "deck_state")[-1]["slides"] == []
    from youth_app.db import get_db
    with app.app_context():
        assert get_db().execute("SELECT COUNT(*) FROM decks").fetchone()[0] == 0


def test_a_stale_editor_tab_keeps_slides_added_in_another(app, deck_event):
    event, staff, _pupil, _ids = deck_event
    _slides, stale_form = editor_form(staff, event)
    _slides, fresh_form = editor_form(staff, event)
    fresh_form.update({"new-title": "From tab B", "new-bullets": "one"})
    staff.post(f"/f/e/{event['code']}/deck", data=fresh_form)
    staff.post(f"/f/e/{event['code']}/deck", data=stale_form)
    saved = stored_slides(app, event)
    assert [s["title"] for s in saved if s["key"].startswith("custom-")] == ["From tab B"]
    assert saved[-1]["key"] == "help", "the help lines stay last"
    slides, form = editor_form(staff, event)
    form["key"] = form["key"] + [form["key"][0]]
    assert staff.post(f"/f/e/{event['code']}/deck", data=form, headers={"Accept": "application/json"}).status_code == 422
    slides, form = editor_form(staff, event)
    custom_index = [s["key"] for s in slides].index("custom-1")
    form[f"delete-{custom_index}"] = "yes"
    staff.post(f"/f/e/{event['code']}/deck", data=form)
    assert not any(s["key"].startswith("custom-") for s in stored_slides(app, event))


def test_browser_line_breaks_do_not_freeze_the_notes(app, world, deck_event):
    event, staff, pupil, ids = deck_event
    slides, form = editor_form(staff, event)
    for n, slide in enumerate(slides):
        form[f"notes-{n}"] = slide["notes"].replace("\n", "\r\n")  # as a browser posts a textarea
    staff.post(f"/f/e/{event['code']}/deck", data=form)
    new = post_json(world.pupil(event, 1), f"/e/{event['code']}/ideas",
                    {"prompt_id": world.prompts(event)[0]["id"], "text": "Brand new approved idea"}).json["idea"]
    post_json(staff, f"/f/e/{event['code']}/ideas/{new['id']}/approve")
    staff.post(f"/f/e/{event['code']}/deck/generate", data={"csrf_token": staff.csrf})
    issues = [s for s in stored_slides(app, event) if s["key"] == "issues"][0]
    assert "Brand new approved idea" in issues["notes"], "notes were not edited, so they follow the new data"


def test_deck_goto_refuses_bools_and_non_deck_sockets(app, world, deck_event):
    event, staff, pupil, _ids = deck_event
    presenter = socketio.test_client(app, flask_test_client=staff, auth={"event": event["code"], "view": "presenter"})
    assert presenter.emit("deck_goto", {"position": True}, callback=True)["ok"] is False
    dashboard = socketio.test_client(app, flask_test_client=staff, auth={"event": event["code"], "view": "dashboard"})
    assert dashboard.emit("deck_goto", {"position": 1}, callback=True) == {"ok": False, "error": "not allowed"}
    phone = socketio.test_client(app, flask_test_client=pupil, auth={"event": event["code"], "view": "pupil"})
    assert phone.emit("deck_goto", {"position": 1}, callback=True) == {"ok": False, "error": "not allowed"}
