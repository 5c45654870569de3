"""Default settings; instance/config.py and YOUTH_VOICE_* environment variables override them."""
import os
import secrets
from pathlib import Path

DEFAULTS = {
    "DATABASE": None,  # set to instance/youth_voice.sqlite by the factory
    "SQLITE_BUSY_TIMEOUT_MS": 2000,
    "ASYNC_MODE": "threading",  # run.py sets gevent (default) or eventlet
    "CORS_ALLOWED_ORIGINS": [],  # extra origins; the app's own origin is always allowed
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "SOCKETIO_MAX_BUFFER": 16 * 1024,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,
    "PERMANENT_SESSION_LIFETIME": 14 * 3600,  # a conference day; staff log in again tomorrow
    "TRUSTED_HOSTS": None,  # e.g. ["voice.example.org"]: other Host headers are refused
    "WTF_CSRF_TIME_LIMIT": None,  # a conference day is long; the token lives with the session
    "IDEAS_PER_MINUTE": 5,
    "IDEA_MAX_LENGTH": 280,
    "STAFF_TICK_SECONDS": 0.2,
    "PUPIL_TICK_SECONDS": 1.0,
    "TICKER_ENABLED": True,
    "COALESCE_VOTES": True,  # False: one broadcast per vote (only as the benchmark's baseline)
    "SCREEN_TOP_IDEAS": 6,
    "PUBLIC_URL": None,
    "PASSWORD_HASH_METHOD": "scrypt",  # tests use a fast pbkdf2 setting  # e.g. https://voice.example.org; default: the request's host
}

ENV_OVERRIDES = ("DATABASE", "PUBLIC_URL", "SESSION_COOKIE_SECURE", "CORS_ALLOWED_ORIGINS", "COALESCE_VOTES",
                 "TRUSTED_HOSTS")


def load_secret_key(instance_path):
    """Read instance/secret_key, creating it (random, 0600) on first start."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def env_overrides():
    values = {}
    for name in ENV_OVERRIDES:
        raw = os.environ.get(f"YOUTH_VOICE_{name}")
        if raw is None:
            continue
        if name in ("SESSION_COOKIE_SECURE", "COALESCE_VOTES"):
            values[name] = raw.lower() in ("1", "true", "yes")
        elif name in ("CORS_ALLOWED_ORIGINS", "TRUSTED_HOSTS"):
            values[name] = [o.strip() for o in raw.split(",") if o.strip()]
        else:
            values[name] = raw
    return values
