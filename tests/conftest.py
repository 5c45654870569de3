"""Fixtures: an app with a temporary database, clients, and factories that go through the services."""
import re

import pytest

from youth_app import create_app
from youth_app.db import init_db
from youth_app.extensions import socketio
from youth_app.services import events, prompts, users

PASSWORD = "correct horse battery"


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True,
        "DATABASE": str(tmp_path / "test.sqlite"),
        "SECRET_KEY": "test-secret",
        "TICKER_ENABLED": False,  # tests flush the ticker by hand
        "SERVER_NAME": "localhost",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast in tests; production uses scrypt
    })
    with app.app_context():
        init_db()
    return app


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token(client, path="/"):
    """The CSRF token of this client's session, read from a page's meta tag."""
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


class World:
    """Creates staff, events and pupils through the services (and HTTP where a session is needed)."""

    def __init__(self, app):
        self.app = app

    def facilitator(self, email="fac@example.org"):
        with self.app.app_context():
            return users.create_user(email, PASSWORD, "facilitator")

    def event(self, user_id, title="Youth conference", schools=("North High", "South College"),
              open_prompts=1, **settings):
        with self.app.app_context():
            event = events.create_event(user_id, title, "2026-11-12", "Hall", schools=list(schools))
            for i, (stage, text) in enumerate([("issues", "What are the warning signs?"),
                                               ("solutions", "What would help?")]):
                prompt = prompts.add_prompt(event["id"], stage, text)
                if i < open_prompts:
                    prompts.set_prompt_open(event["id"], prompt["id"], True)
            if settings:
                events.update_settings(event["id"], **settings)
            return events.get_event(event["id"])

    def prompts(self, event):
        with self.app.app_context():
            return prompts.prompts_of(event["id"])

    def schools(self, event):
        with self.app.app_context():
            return events.schools_of(event["id"])

    def pupil(self, event, school_index=0):
        """A new phone that has joined the event over HTTP; returns its test client."""
        client = self.app.test_client()
        token = csrf_token(client, f"/j/{event['code']}")
        school = self.schools(event)[school_index]["id"]
        response = client.post(f"/j/{event['code']}", data={"csrf_token": token, "school": school})
        assert response.status_code == 302, response.get_data(as_text=True)
        client.csrf = csrf_token(client, f"/e/{event['code']}")
        return client

    def staff_client(self, email="fac@example.org"):
        client = self.app.test_client()
        token = csrf_token(client, "/login")
        response = client.post("/login", data={"csrf_token": token, "email": email, "password": PASSWORD})
        assert response.status_code == 302
        client.csrf = csrf_token(client, "/f/")
        return client


@pytest.fixture
def world(app):
    return World(app)


JSON = {"Accept": "application/json"}


def post_json(client, url, data=None):
    data = dict(data or {})
    data.setdefault("csrf_token", client.csrf)
    return client.post(url, data=data, headers=JSON)


@pytest.fixture
def sockets(app):
    """Open Socket.IO test clients sharing an HTTP client's session; disconnected at the end."""
    opened = []

    def connect(http_client, event, view):
        sock = socketio.test_client(app, flask_test_client=http_client, auth={"event": event["code"], "view": view})
        opened.append(sock)
        return sock

    yield connect
    for sock in opened:
        if sock.is_connected():
            sock.disconnect()
