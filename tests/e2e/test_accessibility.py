"""axe-core (WCAG 2.1 AA rules, contrast included) on every screen, in the real browser."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import LEAD_EMAIL, STAFF_EMAIL
from .test_live_loop import approve_many, join_on_phone, live
from .test_safeguarding_flow import login_as

pytestmark = pytest.mark.browser
AXE = Axe()
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page):
    results = AXE.run(page, options=RULES)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]


def test_pupil_screens_pass_axe(make_server, phone):
    server = make_server()
    approve_many(server, ["An idea to vote on"])
    page = phone.new_page()
    found = {}
    for path in ("/", f"/j/{server.code}", "/help", "/go?code=bad"):
        page.goto(server.url + path)
        found[path] = violations(page)
    join_on_phone(page, server)
    page.wait_for_selector(".vote-button")
    found["event"] = violations(page)
    page.goto(f"{server.url}/e/{server.code}/help?state=disclosure")
    found["help"] = violations(page)
    assert {k: v for k, v in found.items() if v} == {}
    # Control: the check does catch a real problem (an unlabeled field, low-contrast text).
    page.evaluate("""() => {
        const main = document.querySelector('main');
        main.appendChild(document.createElement('input'));
        const faint = document.createElement('p');
        faint.textContent = 'faint text';
        faint.style.color = '#bbb'; faint.style.background = '#fff';  // CSSOM: allowed by the CSP
        main.appendChild(faint);
    }""")
    assert {v[0] for v in violations(page)} >= {"label", "color-contrast"}


def test_staff_screens_pass_axe(make_server, desk, browser):
    server = make_server()
    approve_many(server, ["An approved idea"])
    page = desk.new_page()
    login_as(page, server, STAFF_EMAIL)
    found = {}
    for path in ("/f/", f"/f/e/{server.code}", f"/f/e/{server.code}/admin", f"/f/e/{server.code}/screen"):
        page.goto(server.url + path)
        if path.endswith(("/screen", server.code)):
            live(page)
            page.wait_for_timeout(300)
        found[path] = violations(page)
    page.goto(f"{server.url}/f/e/{server.code}/deck")
    page.get_by_role("button", name="Build the draft").click()
    page.wait_for_selector("#deck-editor")
    found["deck editor"] = violations(page)
    for view in ("projector", "presenter"):
        page.goto(f"{server.url}/f/e/{server.code}/deck/{view}")
        live(page)
        found[view] = violations(page)
    page.goto(f"{server.url}/f/e/{server.code}/packs")
    found["packs"] = violations(page)
    lead_context = browser.new_context()
    lead = lead_context.new_page()
    login_as(lead, server, LEAD_EMAIL)
    lead.goto(f"{server.url}/s/e/{server.code}")
    live(lead)
    found["safeguarding"] = violations(lead)
    lead_context.close()
    assert {k: v for k, v in found.items() if v} == {}
