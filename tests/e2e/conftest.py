"""End-to-end fixtures: the real server (run.py) in a subprocess, and Debian's chromium via Playwright."""
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from youth_app import create_app
from youth_app.db import init_db
from youth_app.services import events, prompts, users

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
STAFF_EMAIL, STAFF_PASSWORD = "facilitator@e2e.test", "e2e password 123"
LEAD_EMAIL = "lead@e2e.test"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A real Youth Voice server on a free port, with a facilitator and an event ready."""

    def __init__(self, tmp_path, mode):
        self.mode = mode
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = str(tmp_path / f"{mode}.sqlite")
        self.event = self.prepare()
        self.code = self.event["code"]
        env = dict(os.environ, ASYNC_MODE=mode, PORT=str(self.port), HOST="127.0.0.1",
                   YOUTH_VOICE_DATABASE=self.database, PYTHONUNBUFFERED="1")
        self.log = open(tmp_path / f"server-{mode}.log", "w")
        self.process = subprocess.Popen([sys.executable, str(ROOT / "run.py")], cwd=ROOT, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_until_up()

    def prepare(self):
        app = create_app({"DATABASE": self.database, "SECRET_KEY": "unused-here"})
        with app.app_context():
            init_db()
            uid = users.create_user(STAFF_EMAIL, STAFF_PASSWORD, "facilitator")
            lead = users.create_user(LEAD_EMAIL, STAFF_PASSWORD, "safeguarding")
            event = events.create_event(uid, "E2E Youth Conference", "2026-11-12", "Main hall",
                                        schools=["Brookfield High School", "Moorside Academy"])
            users.attach_to_event(lead, event["id"])
            first = prompts.add_prompt(event["id"], "issues", "What are the warning signs?")
            prompts.add_prompt(event["id"], "solutions", "What would help young people speak up?")
            prompts.set_prompt_open(event["id"], first["id"], True)
            return events.get_event(event["id"])

    def wait_until_up(self, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {Path(self.log.name).read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class HttpSession:
    """A tiny cookie-keeping HTTP client for socket tests (what a phone's browser would hold)."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path) as r:
            return r.read().decode()

    def csrf(self, path):
        return re.search(r'name="csrf-token" content="([^"]+)"', self.get(path)).group(1)

    def post(self, path, data, accept_json=True):
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=body,
                                         headers={"Accept": "application/json"} if accept_json else {})
        try:
            with self.opener.open(request) as r:
                return r.status, self.parse(r)
        except urllib.error.HTTPError as err:
            return err.code, self.parse(err)

    @staticmethod
    def parse(response):
        body = response.read().decode()
        return json.loads(body) if response.headers.get_content_type() == "application/json" else body

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    def login(self, email=STAFF_EMAIL):
        token = self.csrf("/login")
        self.post("/login", {"csrf_token": token, "email": email, "password": STAFF_PASSWORD},
                  accept_json=False)
        return self

    def join(self, code, school_index=0):
        html = self.get(f"/j/{code}")
        token = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
        school = re.findall(r'<option value="(\d+)"', html)[school_index]
        self.post(f"/j/{code}", {"csrf_token": token, "school": school}, accept_json=False)
        return self


@pytest.fixture
def make_server(tmp_path):
    servers = []

    def start(mode="gevent"):
        server = Server(tmp_path, mode)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield context
    context.close()


def screenshot(page, name, full_page=True):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)
