"""Youth Voice: live, safeguarded feedback for youth conferences."""
import os
from pathlib import Path

from flask import Flask

from . import config as defaults
from .extensions import csrf, socketio

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config=None, async_mode=None):
    """The app factory: settings, then each init_* step in order.

    async_mode is chosen by the server entry (run.py); tests use the default, threading.
    """
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    init_config(app, test_config)
    if async_mode:
        app.config["ASYNC_MODE"] = async_mode
    init_database(app)
    init_security(app)
    init_views(app)
    init_realtime(app)
    init_cli(app)
    return app


def init_config(app, test_config):
    app.config.from_mapping(defaults.DEFAULTS)
    os.makedirs(app.instance_path, exist_ok=True)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.update(defaults.env_overrides())
    else:
        app.config.update(test_config)
    if not app.config.get("DATABASE"):
        app.config["DATABASE"] = os.path.join(app.instance_path, "youth_voice.sqlite")
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = defaults.load_secret_key(app.instance_path)


def init_database(app):
    from . import db

    db.init_app(app)


def init_security(app):
    from .views import security

    csrf.init_app(app)
    security.init_app(app)


def init_views(app):
    from .views import (auth, deck, errors, facilitator, filters, health, help, manage, packs, present, pupil,
                        safeguarding)

    for module in (auth, deck, facilitator, health, help, manage, packs, present, pupil, safeguarding):
        app.register_blueprint(module.bp)
    errors.init_app(app)
    filters.init_app(app)


def init_realtime(app):
    from .realtime import events, ticker  # noqa: F401  (events registers the socket handlers)

    ticker.init_app(app)

    origins = app.config["CORS_ALLOWED_ORIGINS"] or None  # None: same origin only
    socketio.init_app(
        app,
        async_mode=app.config["ASYNC_MODE"],
        cors_allowed_origins=origins,
        max_http_buffer_size=app.config["SOCKETIO_MAX_BUFFER"],
        manage_session=False,
    )


def init_cli(app):
    from . import cli

    cli.init_app(app)
