"""The presentation in the real browser: build, edit, and a presenter view driving the projector."""
import time

import pytest
from playwright.sync_api import expect

from .conftest import screenshot
from .test_live_loop import approve_many, live, login

pytestmark = pytest.mark.browser


def test_presenter_view_drives_the_projector(make_server, browser, desk):
    server = make_server()
    approve_many(server, ["Older friends buying phones", "<b>Group chats</b> with strangers"])
    editor = desk.new_page()
    login(editor, server)
    editor.goto(f"{server.url}/f/e/{server.code}/deck")
    editor.get_by_role("button", name="Build the draft").click()
    expect(editor.locator("#deck-total")).to_contain_text("of 10:00")
    editor.fill("#presenter-0", "Amira")
    editor.fill("#seconds-0", "500")
    expect(editor.locator("#deck-total")).to_contain_text("Over the ten minutes")  # live warning while typing
    editor.fill("#seconds-0", "30")
    editor.get_by_role("button", name="Save the presentation").click()
    expect(editor.locator(".notice-success").first).to_contain_text("Saved")

    projector_context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        projector = projector_context.new_page()
        login(projector, server)
        projector.goto(f"{server.url}/f/e/{server.code}/deck/projector")
        live(projector)
        expect(projector.locator(".deck-slide.active h1")).to_be_visible()
        first_title = projector.locator(".deck-slide.active h1").inner_text()

        presenter = desk.new_page()
        presenter.goto(f"{server.url}/f/e/{server.code}/deck/presenter")
        live(presenter)
        expect(presenter.locator("#speaker")).to_have_text("Amira")
        presenter.get_by_role("button", name="Next").click()
        started = time.monotonic()
        expect(projector.locator(".deck-slide.active h1")).not_to_have_text(first_title, timeout=1_000)
        assert time.monotonic() - started < 1.0
        expect(presenter.locator("#deck-now")).to_have_text("2")
        presenter.wait_for_timeout(1_200)
        assert presenter.locator("#elapsed").inner_text() != "0:00", "the timer runs"
        presenter.keyboard.press("PageDown")  # a clicker
        expect(projector.locator("#deck-now")).to_have_text("3", timeout=1_000)
        projector.keyboard.press("ArrowLeft")  # the projector's own keyboard moves the presenter view too
        expect(presenter.locator("#deck-now")).to_have_text("2", timeout=1_000)
        # pupils' text stays text
        assert projector.locator(".deck-slide b").count() == 0
        screenshot(projector, "projector-1280x720.png", full_page=False)
        screenshot(presenter, "presenter-view.png", full_page=False)
    finally:
        projector_context.close()
