"""A whole workshop in a real browser against the real server: phone, dashboard and big screen."""
import re
from pathlib import Path

import pytest
import socketio
from playwright.sync_api import expect

from .conftest import STAFF_EMAIL, STAFF_PASSWORD, HttpSession, screenshot

pytestmark = pytest.mark.browser
HOSTILE = "<b>Gifts</b> from older 'friends' & <script>alert(1)</script>"


def login(page, server):
    page.goto(server.url + "/login")
    page.fill("#email", STAFF_EMAIL)
    page.fill("#password", STAFF_PASSWORD)
    page.click("button[type=submit]")


def live(page):
    page.wait_for_selector("body[data-live=on]", timeout=10_000)
    page.evaluate("window.__sameDocument = true")  # survives only if the page never reloads


def join_on_phone(page, server):
    page.goto(server.url + "/")
    page.fill("#code", server.code.lower())
    page.get_by_role("button", name="Join").click()
    page.select_option("#school", label="Moorside Academy")
    page.get_by_role("button", name="Start").click()
    live(page)


@pytest.mark.parametrize("mode", ["gevent", "eventlet"])
def test_workshop_live_loop(make_server, desk, phone, mode):
    server = make_server(mode)
    dash = desk.new_page()
    login(dash, server)
    dash.goto(f"{server.url}/f/e/{server.code}")
    live(dash)
    screen = desk.new_page()
    screen.set_viewport_size({"width": 1280, "height": 720})
    screen.goto(f"{server.url}/f/e/{server.code}/screen")
    live(screen)
    pupil = phone.new_page()
    join_on_phone(pupil, server)
    expect(dash.locator("#stat-joined")).to_have_text("1", timeout=5_000)

    # The pupil submits: it waits for approval on the phone and appears on the dashboard at once.
    pupil.fill("textarea", HOSTILE)
    pupil.get_by_role("button", name="Send idea").click()
    expect(pupil.locator(".idea-mine-pending .idea-text")).to_have_text(HOSTILE)
    expect(pupil.locator(".idea-status")).to_have_text("Your idea: waiting for approval")
    queue_item = dash.locator("#queue .queue-item", has_text="Gifts")
    expect(queue_item).to_be_visible(timeout=5_000)
    expect(screen.locator("#screen-ideas")).not_to_contain_text("Gifts")

    # The facilitator approves: the phone and the big screen show it.
    queue_item.get_by_role("button", name="Approve").click()
    expect(pupil.locator(".vote-button")).to_be_visible(timeout=5_000)
    expect(pupil.locator(".idea .idea-status")).to_have_text("Your idea: shown to everyone")
    expect(screen.locator(".screen-idea-text")).to_have_text(HOSTILE, timeout=5_000)

    # The pupil votes: the dashboard count and the screen's bar follow without reloading.
    pupil.locator(".vote-button").click()
    expect(pupil.locator(".vote-button")).to_have_attribute("aria-pressed", "true")
    expect(dash.locator(".ranked-item .ranked-votes")).to_have_text("1", timeout=5_000)
    expect(screen.locator(".screen-votes")).to_have_text("1 vote", timeout=5_000)
    expect(dash.locator("#stat-votes")).to_have_text("1", timeout=5_000)

    # Hostile text stays text everywhere.
    for page in (pupil, dash, screen):
        assert page.locator("script:not([src])").count() == 0
        assert page.locator(".idea-text b, .screen-idea-text b").count() == 0

    for page in (dash, screen, pupil):
        assert page.evaluate("window.__sameDocument === true"), "a live page reloaded"

    # Nothing about pupils in the server's own output: no IP addresses, no user agents, no text.
    server_log = Path(server.log.name).read_text()
    assert "127.0.0.1 -" not in server_log and "Gifts" not in server_log and "Mozilla" not in server_log

    if mode == "gevent":
        screenshot(pupil, "pupil-360x640.png", full_page=False)
        screenshot(pupil, "pupil-full.png")
        screenshot(dash, "dashboard.png")
        screenshot(screen, "big-screen-1280x720.png", full_page=False)


def test_keyboard_moderation_and_pin(make_server, desk, phone):
    server = make_server()
    dash = desk.new_page()
    login(dash, server)
    dash.goto(f"{server.url}/f/e/{server.code}")
    live(dash)
    pupil = phone.new_page()
    join_on_phone(pupil, server)
    for text in ("First idea stays", "Second idea to approve", "Third idea to hide"):
        pupil.fill("textarea", text)
        pupil.get_by_role("button", name="Send idea").click()
        expect(dash.locator("#queue .queue-item", has_text=text)).to_be_visible(timeout=5_000)
    dash.locator("#queue .queue-item").first.focus()
    dash.keyboard.press("j")  # move to the second idea
    dash.keyboard.press("a")
    expect(dash.locator(".ranked-item", has_text="Second idea")).to_be_visible(timeout=5_000)
    expect(dash.locator("#queue .queue-item", has_text="First idea stays")).to_be_visible()
    # focus stays in the queue on the idea that took the approved one's place
    expect(dash.locator("#queue .queue-item:focus")).to_contain_text("Third idea", timeout=5_000)
    dash.keyboard.press("h")
    expect(dash.locator("#hidden")).to_contain_text("Third idea to hide", timeout=5_000)
    expect(pupil.locator(".idea-status", has_text="not shown to everyone")).to_be_visible(timeout=5_000)
    assert dash.locator("#queue .queue-item").count() == 1
    dash.locator(".ranked-item").get_by_role("button", name="Pin").click()
    expect(dash.locator(".ranked-item.pinned")).to_be_visible(timeout=5_000)


def test_phone_layout_is_mobile_first(make_server, phone):
    server = make_server()
    pupil = phone.new_page()
    join_on_phone(pupil, server)
    assert pupil.evaluate("document.documentElement.scrollWidth") <= 360, "no horizontal scroll at 360 px"
    small = pupil.evaluate("""() => [...document.querySelectorAll('button, a, input, textarea, select')]
        .filter(e => e.offsetParent !== null && !e.closest('.site-footer') && !e.classList.contains('skip-link'))
        .map(e => [e.tagName, e.textContent.trim().slice(0, 20), e.getBoundingClientRect().height])
        .filter(([, , h]) => h < 44)""")
    assert small == [], f"tap targets under 44 px: {small}"
    unlabeled = pupil.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
        .filter(e => !(e.labels && e.labels.length)).map(e => e.name)""")
    assert unlabeled == []
    assert pupil.locator("main").count() == 1 and pupil.locator("footer a[href='tel:08001111']").count() == 1


def test_pupil_page_works_without_javascript(make_server, browser):
    server = make_server()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(f"{server.url}/j/{server.code}")
    page.select_option("#school", label="Brookfield High School")
    page.get_by_role("button", name="Start").click()
    page.fill("textarea", "Sent with a plain form")
    page.get_by_role("button", name="Send idea").click()
    expect(page.locator(".notice-success")).to_contain_text("Sent!")
    expect(page.locator(".idea-mine-pending")).to_contain_text("Sent with a plain form")
    staff = HttpSession(server.url).login()
    idea_id = int(re.search(r'id="idea-(\d+)"', page.content()).group(1))
    token = staff.csrf("/f/")
    assert staff.post(f"/f/e/{server.code}/ideas/{idea_id}/approve", {"csrf_token": token})[0] == 200
    page.reload()
    page.locator(".vote-button").click()
    expect(page.locator(".vote-button")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".vote-count")).to_have_text("1")
    context.close()


def test_long_polling_keeps_a_phone_live_when_websocket_is_blocked(make_server):
    """School Wi-Fi may block WebSocket: Socket.IO's polling transport alone must carry updates."""
    server = make_server()
    phone_http = HttpSession(server.url).join(server.code)
    staff = HttpSession(server.url).login()
    client = socketio.Client(reconnection=False)
    received = []
    client.on("idea_shown", lambda data: received.append(data))
    client.on("snapshot", lambda data: received.append({"snapshot": True}))
    client.connect(server.url, transports=["polling"], headers={"Cookie": phone_http.cookie_header()},
                   auth={"event": server.code, "view": "pupil"}, wait_timeout=5)
    try:
        assert client.transport() == "polling"
        token = phone_http.csrf(f"/e/{server.code}")
        prompt_id = re.search(r'name="prompt_id" value="(\d+)"', phone_http.get(f"/e/{server.code}")).group(1)
        status, body = phone_http.post(f"/e/{server.code}/ideas", {"csrf_token": token, "prompt_id": prompt_id,
                                                                    "text": "Over polling"})
        assert status == 201
        staff.post(f"/f/e/{server.code}/ideas/{body['idea']['id']}/approve", {"csrf_token": staff.csrf("/f/")})
        client.sleep(1.0)
        assert {"snapshot": True} in received
        assert [r.get("text") for r in received if "text" in r] == ["Over polling"]
    finally:
        client.disconnect()


@pytest.mark.parametrize("mode", ["gevent", "eventlet"])
def test_websocket_transport_and_refusal(make_server, mode):
    server = make_server(mode)
    staff = HttpSession(server.url).login()
    client = socketio.Client(reconnection=False)
    states = []
    client.on("snapshot", states.append)
    client.connect(server.url, transports=["websocket"], headers={"Cookie": staff.cookie_header()},
                   auth={"event": server.code, "view": "dashboard"}, wait_timeout=5)
    try:
        assert client.transport() == "websocket"
        client.sleep(0.5)
        assert states and states[0]["prompts"][0]["text"] == "What are the warning signs?"
    finally:
        client.disconnect()
    stranger = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        stranger.connect(server.url, transports=["websocket"], auth={"event": server.code, "view": "dashboard"},
                         wait_timeout=5)


def approve_many(server, texts):
    """Other phones (one idea each) send ideas over HTTP; the facilitator approves them."""
    staff = HttpSession(server.url).login()
    staff_token = staff.csrf("/f/")
    for text in texts:
        phone_http = HttpSession(server.url).join(server.code, 1)
        page = phone_http.get(f"/e/{server.code}")
        prompt_id = re.search(r'name="prompt_id" value="(\d+)"', page).group(1)
        token = phone_http.csrf(f"/e/{server.code}")
        status, body = phone_http.post(f"/e/{server.code}/ideas", {"csrf_token": token, "prompt_id": prompt_id,
                                                                    "text": text})
        assert status == 201, body
        staff.post(f"/f/e/{server.code}/ideas/{body['idea']['id']}/approve", {"csrf_token": staff_token})


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_big_screen_never_scrolls(make_server, desk, size):
    server = make_server()
    approve_many(server, [f"Idea {n}: " + "a long idea that wraps across the line " * 6 for n in range(5)]
                 + ["Supercalifragilisticexpialidocious" * 8])
    screen = desk.new_page()
    screen.set_viewport_size({"width": size[0], "height": size[1]})
    login(screen, server)
    screen.goto(f"{server.url}/f/e/{server.code}/screen")
    live(screen)
    expect(screen.locator(".screen-idea")).to_have_count(6, timeout=5_000)
    overflow = screen.evaluate("""() => ({
        w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight,
        last: document.querySelector('.screen-idea:last-child').getBoundingClientRect().bottom})""")
    assert overflow["w"] <= size[0] and overflow["h"] <= size[1] and overflow["last"] <= size[1]
    code_px = screen.evaluate("parseFloat(getComputedStyle(document.getElementById('screen-code')).fontSize)")
    assert code_px >= 0.08 * size[1], "join code readable from the back of the hall"
    if size == (1920, 1080):
        screenshot(screen, "big-screen-1920x1080-full.png", full_page=False)


def test_sort_toggle_orders_by_votes_or_newest(make_server, phone):
    server = make_server()
    approve_many(server, ["Older idea", "Newer idea"])
    voter = HttpSession(server.url).join(server.code)
    page = voter.get(f"/e/{server.code}")
    older = re.search(r'id="idea-(\d+)"[^>]*>\s*<p class="idea-text">Older idea', page).group(1)
    voter.post(f"/e/{server.code}/ideas/{older}/vote", {"csrf_token": voter.csrf(f"/e/{server.code}"),
                                                        "action": "vote"})
    pupil = phone.new_page()
    join_on_phone(pupil, server)
    expect(pupil.locator(".idea-text").first).to_have_text("Older idea")
    pupil.get_by_role("link", name="Newest").click()
    expect(pupil.locator(".idea-text").first).to_have_text("Newer idea")
    assert pupil.evaluate("window.__sameDocument === true")


def test_cross_origin_socket_is_refused(make_server):
    server = make_server()
    staff = HttpSession(server.url).login()
    client = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(server.url, transports=["websocket"], wait_timeout=5,
                       headers={"Cookie": staff.cookie_header(), "Origin": "http://evil.example"},
                       auth={"event": server.code, "view": "dashboard"})
