"""One SQLite connection per request or task, and the schema migrations."""
import sqlite3
from importlib import resources

import click
from flask import current_app, g
from flask.cli import with_appcontext


def connect(path, busy_timeout_ms=2000):
    """Open a connection with the project's pragmas (WAL, FULL sync, foreign keys)."""
    conn = sqlite3.connect(path, detect_types=0, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    return conn


def get_db():
    """The connection for this app context, opened on first use."""
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"], current_app.config["SQLITE_BUSY_TIMEOUT_MS"])
    return g.db


def close_db(_exc=None):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class transaction:
    """`with transaction() as db:` - a short BEGIN IMMEDIATE ... COMMIT block."""

    def __enter__(self):
        self.db = get_db()
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
        return False


def migrations():
    """Numbered SQL files in youth_app/migrations, in order: [(1, sql), ...]."""
    folder = resources.files("youth_app") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(db):
    """Apply every migration newer than PRAGMA user_version; returns the new version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, sql in migrations():
        if number > version:
            db.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
            version = number
    return version


def init_db():
    return migrate(get_db())


@click.command("init-db")
@with_appcontext
def init_db_command():
    """Create or migrate the database."""
    version = init_db()
    click.echo(f"Database ready at schema version {version}: {current_app.config['DATABASE']}")


def init_app(app):
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
