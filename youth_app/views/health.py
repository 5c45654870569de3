"""GET /healthz: is the database reachable and migrated?"""
from flask import Blueprint, jsonify

from ..db import get_db, migrations

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    try:
        version = get_db().execute("PRAGMA user_version").fetchone()[0]
    except Exception as exc:  # report, do not crash: this is what monitors poll
        return jsonify(status="error", database="unreachable", detail=type(exc).__name__), 503
    latest = migrations()[-1][0]
    ok = version == latest
    return jsonify(status="ok" if ok else "error", database="ok" if ok else "needs migration",
                   schema_version=version), (200 if ok else 503)
