"""Command line: init-db, create-user, demo."""
import re

from youth_app.db import get_db
from youth_app.services.users import authenticate


def test_init_db(runner):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0 and "schema version" in result.output


def test_create_user_from_environment(app, runner):
    result = runner.invoke(args=["create-user", "lead@example.org", "--role", "facilitator"],
                           env={"YOUTH_VOICE_PASSWORD": "a good long password"})
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert authenticate("lead@example.org", "a good long password")["role"] == "facilitator"
    again = runner.invoke(args=["create-user", "lead@example.org"], env={"YOUTH_VOICE_PASSWORD": "a good long password"})
    assert again.exit_code != 0 and "already exists" in again.output


def test_create_user_prompts_for_password(app, runner):
    result = runner.invoke(args=["create-user", "p@example.org"], input="typed password 1\ntyped password 1\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert authenticate("p@example.org", "typed password 1") is not None


def test_demo_prints_code_link_and_login_and_is_idempotent(app, runner):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    code = re.search(r"Join code:\s+([A-Z0-9]{6})", first.output).group(1)
    assert f"/j/{code}" in first.output and "password" in first.output
    password = re.search(r"password (\S+)", first.output).group(1)
    second = runner.invoke(args=["demo"])
    assert code in second.output
    with app.app_context():
        assert get_db().execute("SELECT COUNT(*) FROM events").fetchone()[0] == 1
        assert authenticate("facilitator@demo.youthvoice.test", password) is not None


def test_demo_sample_fills_every_screen(app, runner):
    result = runner.invoke(args=["demo", "--sample"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        db = get_db()
        statuses = dict(db.execute("SELECT status, COUNT(*) FROM ideas GROUP BY status").fetchall())
        assert statuses["approved"] >= 15 and statuses["pending"] >= 1
        assert db.execute("SELECT COUNT(*) FROM votes").fetchone()[0] > 50
        assert db.execute("SELECT COUNT(*) FROM ideas WHERE pinned = 1").fetchone()[0] == 2
        schools = db.execute("SELECT COUNT(DISTINCT school_id) FROM participants").fetchone()[0]
        assert schools == 5
    assert "already present" in runner.invoke(args=["demo", "--sample"]).output
