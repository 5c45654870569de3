"""Database: pragmas, migrations, constraints."""
from youth_app.db import connect, get_db, migrate, migrations


def test_pragmas(ctx):
    db = get_db()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 2000


def test_migrations_are_versioned_and_idempotent(tmp_path):
    db = connect(str(tmp_path / "m.sqlite"))
    latest = migrations()[-1][0]
    assert migrate(db) == latest
    assert db.execute("PRAGMA user_version").fetchone()[0] == latest
    assert migrate(db) == latest  # a second run changes nothing
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"events", "schools", "prompts", "participants", "ideas", "votes", "users"} <= tables


def test_idea_length_is_a_constraint_too(ctx, world):
    import sqlite3

    import pytest

    from youth_app.services import participants

    event = world.event(world.facilitator())
    pupil = participants.join(event, world.schools(event)[0]["id"])
    prompt = world.prompts(event)[0]["id"]
    insert = ("INSERT INTO ideas (event_id, prompt_id, participant_id, school_id, text) VALUES (?, ?, ?, ?, ?)")
    args = (event["id"], prompt, pupil["id"], pupil["school_id"])
    get_db().execute(insert, (*args, "ok"))  # the same row with valid text is accepted
    for bad in ("", "x" * 281):
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            get_db().execute(insert, (*args, bad))
