"""Safeguarding in the real browser: masking, a disclosure reaching only the lead, the help form."""
import pytest
from playwright.sync_api import expect

from .conftest import LEAD_EMAIL, STAFF_EMAIL, STAFF_PASSWORD, screenshot
from .test_live_loop import join_on_phone, live

pytestmark = pytest.mark.browser
DISCLOSURE = "someone has pictures of me and says he'll send them to everyone if I don't do what he says"


def login_as(page, server, email):
    page.goto(server.url + "/login")
    page.fill("#email", email)
    page.fill("#password", STAFF_PASSWORD)
    page.click("button[type=submit]")


def test_disclosure_phone_number_and_help_form(make_server, browser, phone):
    server = make_server()
    facilitator = browser.new_context(viewport={"width": 1366, "height": 900})
    safeguarding = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        dash = facilitator.new_page()
        login_as(dash, server, STAFF_EMAIL)
        dash.goto(f"{server.url}/f/e/{server.code}")
        live(dash)
        screen = facilitator.new_page()
        screen.goto(f"{server.url}/f/e/{server.code}/screen")
        live(screen)
        lead = safeguarding.new_page()
        login_as(lead, server, LEAD_EMAIL)
        lead.goto(f"{server.url}/s/e/{server.code}")
        live(lead)
        pupil = phone.new_page()
        join_on_phone(pupil, server)

        # A phone number: masked for the facilitator, held back, never on the big screen.
        pupil.fill("textarea", "if anyone wants to talk text me on 07700 900123")
        pupil.get_by_role("button", name="Send idea").click()
        queued = dash.locator("#queue .queue-item", has_text="07700")
        expect(queued).to_be_visible(timeout=5_000)
        expect(queued).not_to_contain_text("900123")
        expect(queued.locator(".flags")).to_contain_text("phone number")

        # A possible disclosure: the lead's view alerts within seconds; the pupil sees the calm message.
        pupil.fill("textarea", DISCLOSURE)
        pupil.get_by_role("button", name="Send idea").click()
        expect(pupil.locator(".calm")).to_contain_text("You are not in trouble", timeout=5_000)
        expect(lead.locator(".concern-text", has_text="someone has pictures of me")).to_be_visible(timeout=5_000)
        expect(lead.locator("#alert")).to_contain_text("New concern")
        expect(lead.locator("#concern-badge")).to_have_text("1")
        assert lead.title().startswith("(1)")
        pupil.get_by_role("link", name="See who you can talk to").click()
        expect(pupil.locator("a[href='tel:08001111']").first).to_be_visible()
        screenshot(pupil, "pupil-after-disclosure.png", full_page=False)

        # The "talk to someone" form goes straight to the lead, and is cleared on the phone.
        pupil.locator("#message").fill("Can I talk to someone at lunch")
        pupil.locator("#contact").fill("I'm by the stage in a red hoodie")
        pupil.get_by_role("button", name="Send to the safeguarding lead").click()
        expect(pupil.locator("#help-result")).to_contain_text("Received")
        assert pupil.locator("#message").input_value() == ""
        assert pupil.evaluate("localStorage.length + sessionStorage.length") == 0
        expect(lead.locator(".concern", has_text="talk to someone at lunch")).to_contain_text("red hoodie", timeout=5_000)
        expect(lead.locator("#concern-badge")).to_have_text("2")
        screenshot(lead, "safeguarding-view.png")

        # Nowhere else: not the dashboard, not the big screen.
        dash.wait_for_timeout(500)
        for page in (dash, screen):
            text = page.locator("body").inner_text()
            assert "pictures of me" not in text and "red hoodie" not in text and "900123" not in text
        screenshot(dash, "dashboard-with-flags.png")
    finally:
        facilitator.close()
        safeguarding.close()


def test_footer_help_button_on_every_pupil_page(make_server, phone):
    server = make_server()
    page = phone.new_page()
    for path in ("/", f"/j/{server.code}", "/help"):
        page.goto(server.url + path)
        expect(page.get_by_role("link", name="Worried about something? Talk to someone")).to_be_visible()
    join_on_phone(page, server)
    page.get_by_role("link", name="Worried about something? Talk to someone").click()
    expect(page.get_by_role("heading", name="Send a message to the safeguarding lead here today")).to_be_visible()
    for number in ("tel:08001111", "tel:999", "tel:101", "tel:0800555111"):
        assert page.locator(f"a[href='{number}']").count() >= 1
