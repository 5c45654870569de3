"""Error pages and JSON errors: a clear message and the right 4xx."""
from flask import jsonify, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, SecurityError

from ..services.errors import ServiceError
from .access import wants_json

MESSAGES = {
    400: "Something in that request was not right.",
    401: "Your login has expired. Log in again in this browser, then reload the page.",
    403: "You don't have access to that page.",
    404: "We couldn't find that page.",
    405: "That action isn't allowed here.",
    413: "That was too much text to send.",
    429: "Too many requests. Please wait a moment.",
}


def error_response(status, message):
    if wants_json():
        return jsonify(ok=False, error=message), status
    return render_template("errors/message.html", status=status, message=message), status


def handle_service_error(exc):
    return error_response(exc.status, exc.message)


def handle_csrf_error(exc):
    return error_response(400, "This page had expired. Go back, reload it and try again.")


def handle_untrusted_host(exc):
    """No page (its links would carry the untrusted host): a plain 400."""
    return "Bad request: unknown host.", 400, {"Content-Type": "text/plain; charset=utf-8"}


def handle_http_error(exc):
    if exc.code is None or exc.code < 400:
        return exc
    return error_response(exc.code, MESSAGES.get(exc.code, exc.description))


def init_app(app):
    app.register_error_handler(ServiceError, handle_service_error)
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(SecurityError, handle_untrusted_host)
    app.register_error_handler(HTTPException, handle_http_error)
