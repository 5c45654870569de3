"""Command line: create-user, demo (init-db lives in db.py)."""
import json
import os
import secrets
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from . import demo
from .db import init_db
from .services.errors import ServiceError
from .screening import screen
from .services.events import extra_words, get_event_by_code
from .services.retention import purge_due, purge_event
from .services.users import ROLES, attach_to_event, create_user


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="facilitator", show_default=True)
@click.option("--event", "event_code", help="Join code of an event this account may run.")
@with_appcontext
def create_user_command(email, role, event_code):
    """Create a staff account; the password comes from YOUTH_VOICE_PASSWORD or a prompt."""
    init_db()
    password = os.environ.get("YOUTH_VOICE_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    try:
        user_id = create_user(email, password, role)
        if event_code:
            attach_to_event(user_id, get_event_by_code(event_code)["id"])
    except ServiceError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"Created {role} {email}.")


def demo_password():
    """The demo facilitator's password, made once and kept in instance/ (never in git)."""
    path = Path(current_app.instance_path) / "demo_password"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path.read_text().strip()


@click.command("demo")
@click.option("--sample", is_flag=True, help="Also fill the event with sample ideas and votes.")
@click.option("--base-url", default=None, help="Server address for the printed links.")
@with_appcontext
def demo_command(sample, base_url):
    """Create (once) a demo event and facilitator; print the join code, link and login."""
    init_db()
    event, email = demo.ensure_demo(demo_password())
    if sample:
        added = demo.fill_sample(event)
        click.echo(f"Sample data: {added} ideas added." if added else "Sample data already present.")
    host = os.environ.get("HOST", "127.0.0.1")
    base = (base_url or current_app.config.get("PUBLIC_URL")
            or f"http://{host}:{os.environ.get('PORT', '5000')}").rstrip("/")
    click.echo("")
    click.echo(f"  Event:        {event['title']}")
    click.echo(f"  Join code:    {event['code']}")
    click.echo(f"  Pupil link:   {base}/j/{event['code']}")
    click.echo(f"  Facilitator:  {base}/login  email {email}  password {demo_password()}")
    click.echo(f"  Safeguarding: {base}/login  email {demo.DEMO_LEAD_EMAIL}  (same password)")
    click.echo(f"  Dashboard:    {base}/f/e/{event['code']}")
    click.echo(f"  Big screen:   {base}/f/e/{event['code']}/screen")
    click.echo("")


@click.command("screen")
@click.option("--event", "event_code", help="Also apply this event's extra word list.")
@with_appcontext
def screen_command(event_code):
    """Screen one text per line from standard input; print one JSON object per line."""
    words = extra_words(get_event_by_code(event_code)) if event_code else ()
    for line in click.get_text_stream("stdin"):
        text = line.rstrip("\n")
        click.echo(json.dumps(screen(text, words).to_dict(text), ensure_ascii=False))


@click.command("purge")
@click.option("--event", "event_code", help="Delete this event's pupil data now, whatever its retention.")
@with_appcontext
def purge_command(event_code):
    """Delete pupils' data of events past their retention period (or of one event now)."""
    init_db()
    if event_code:
        event = get_event_by_code(event_code)
        purge_event(event["id"])
        click.echo(f"Deleted pupils' data of {event['code']}.")
        return
    codes = purge_due()
    click.echo(f"Deleted pupils' data of {len(codes)} event(s): {', '.join(codes) or 'none due'}.")


@click.command("packs")
@click.argument("code")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write into.")
@click.option("--base-url", default="http://127.0.0.1:5000", show_default=True, help="For the help QR code.")
@with_appcontext
def packs_command(code, out_dir, base_url):
    """Write every school's pack documents, one folder per school."""
    from . import documents
    from .services.events import schools_of

    event = get_event_by_code(code)
    help_url = (current_app.config.get("PUBLIC_URL") or base_url).rstrip("/") + "/help"
    for school in schools_of(event["id"]):
        folder = Path(out_dir) / documents.slug(school["name"])
        folder.mkdir(parents=True, exist_ok=True)
        for doc_id in documents.DOCUMENTS:
            body, filename, _mimetype = documents.build(doc_id, event, school["id"], help_url)
            (folder / filename).write_bytes(body)
        click.echo(f"{school['name']}: {len(documents.DOCUMENTS)} documents in {folder}")


@click.command("deck")
@click.argument("code")
@click.option("--pptx", "pptx_path", type=click.Path(dir_okay=False), help="Write the PowerPoint file here.")
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False), help="Write the PDF handout here.")
@click.option("--no-notes", is_flag=True, help="PDF without speaker notes.")
@with_appcontext
def deck_command(code, pptx_path, pdf_path, no_notes):
    """Export the presentation (built from the day's data if there is none yet, edits kept otherwise)."""
    from . import deck
    from .services import decks

    if not (pptx_path or pdf_path):
        raise click.UsageError("Give --pptx FILE and/or --pdf FILE.")
    event = get_event_by_code(code)
    slides = decks.current_slides(event) or decks.generate(event)
    if pptx_path:
        Path(pptx_path).write_bytes(deck.build_pptx(event, slides))
        click.echo(f"Wrote {pptx_path}")
    if pdf_path:
        Path(pdf_path).write_bytes(deck.build_handout_pdf(event, slides, with_notes=not no_notes))
        click.echo(f"Wrote {pdf_path}")


def init_app(app):
    app.cli.add_command(deck_command)
    app.cli.add_command(packs_command)
    app.cli.add_command(create_user_command)
    app.cli.add_command(demo_command)
    app.cli.add_command(screen_command)
    app.cli.add_command(purge_command)
