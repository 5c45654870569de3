"""The server entry: the only module that knows the async mode and monkey-patches.

ASYNC_MODE=gevent (default) or eventlet; HOST and PORT choose the address.
"""
import os
import sys

ASYNC_MODE = os.environ.get("ASYNC_MODE", "gevent")

if ASYNC_MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()
elif ASYNC_MODE == "eventlet":
    import eventlet

    eventlet.monkey_patch()
elif ASYNC_MODE != "threading":
    sys.exit(f"ASYNC_MODE must be gevent, eventlet or threading, not {ASYNC_MODE!r}")

from youth_app import create_app  # noqa: E402  (after monkey-patching, on purpose)
from youth_app import jobs  # noqa: E402
from youth_app.db import init_db  # noqa: E402
from youth_app.extensions import socketio  # noqa: E402


def main():
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "5000"))
    app = create_app(async_mode=ASYNC_MODE)
    with app.app_context():
        init_db()
    jobs.start(app)  # the retention purge, hourly
    print(f"Youth Voice on http://{host}:{port}/ (async mode: {ASYNC_MODE})", flush=True)
    options = {"max_size": 10000} if ASYNC_MODE == "eventlet" else {}  # eventlet caps at 1,024
    if ASYNC_MODE == "threading":
        options["allow_unsafe_werkzeug"] = True
    # Access logs stay off by default: they would record pupils' IP addresses.
    socketio.run(app, host=host, port=port, debug=os.environ.get("DEBUG") == "1",
                 use_reloader=False, log_output=os.environ.get("ACCESS_LOG") == "1", **options)


if __name__ == "__main__":
    main()
