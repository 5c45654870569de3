"""Service rules and their bad paths, called directly (no HTTP)."""
import sqlite3

import pytest

from youth_app.db import get_db
from youth_app.services import events, ideas, participants, prompts, users, votes
from youth_app.services.errors import Conflict, Forbidden, Gone, Invalid, NotFound, RateLimited


@pytest.fixture
def setup(ctx, world):
    fac = world.facilitator()
    event = world.event(fac)
    prompt = world.prompts(event)[0]
    pupil = participants.join(event, world.schools(event)[0]["id"])
    return event, prompt, pupil


def table_count(table):
    return get_db().execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_join_code_uses_unambiguous_alphabet(ctx):
    codes = {events.new_code() for _ in range(500)}
    assert all(len(c) == 6 for c in codes)
    assert not set("".join(codes)) & set("0O1IL")
    assert events.normalise_code(" xnp-4vh ") == "XNP4VH"
    assert events.normalise_code("XNP4V0") is None  # 0 is not in the alphabet


def test_create_event_with_schools_and_default_theme(ctx, world):
    fac = world.facilitator()
    event = events.create_event(fac, "Day", "2026-11-12", schools="A High\n\n a high \nB College")
    assert event["theme"] == "Prevention and Early Help"
    assert [s["name"] for s in events.schools_of(event["id"])] == ["A High", "B College"]
    assert users.is_event_staff(fac, event["id"])


@pytest.mark.parametrize("title, date, schools, message", [
    ("", "2026-11-12", "A", "title"),
    ("Day", "12/11/2026", "A", "date"),
    ("Day", "2026-11-12", "  \n ", "school"),
])
def test_create_event_rejects_bad_details(ctx, world, title, date, schools, message):
    with pytest.raises(Invalid, match=message):
        events.create_event(world.facilitator(), title, date, schools=schools)
    assert table_count("events") == 0


def test_unknown_code_is_not_found(ctx):
    with pytest.raises(NotFound, match="couldn't find"):
        events.get_event_by_code("ABCDEF")


def test_passwords_are_hashed_and_checked(ctx):
    uid = users.create_user("A@Example.org", "a long password", "facilitator")
    stored = get_db().execute("SELECT password_hash FROM users WHERE id = ?", (uid,)).fetchone()[0]
    assert "a long password" not in stored
    assert users.authenticate("a@example.org", "a long password")["id"] == uid
    assert users.authenticate("a@example.org", "wrong password!") is None
    with pytest.raises(Conflict):
        users.create_user("a@example.org", "another password", "facilitator")
    with pytest.raises(Invalid):
        users.create_user("b@example.org", "short", "facilitator")


def test_submit_trims_and_stores_pending(setup):
    event, prompt, pupil = setup
    idea = ideas.submit_idea(event, pupil, prompt["id"], "   Older friends giving gifts  ")
    assert idea["text"] == "Older friends giving gifts"
    assert idea["status"] == "pending"
    assert idea["school_id"] == pupil["school_id"]


def test_post_moderation_shows_at_once(ctx, world):
    event = world.event(world.facilitator(), moderation="post")
    pupil = participants.join(event, world.schools(event)[0]["id"])
    idea = ideas.submit_idea(event, pupil, world.prompts(event)[0]["id"], "Shown at once")
    assert idea["status"] == "approved"


@pytest.mark.parametrize("text, error", [("", Invalid), ("   \n ", Invalid), ("x" * 281, Invalid)])
def test_submit_rejects_empty_and_too_long(setup, text, error):
    event, prompt, pupil = setup
    with pytest.raises(error):
        ideas.submit_idea(event, pupil, prompt["id"], text)
    assert table_count("ideas") == 0


def test_280_characters_is_allowed(setup):
    event, prompt, pupil = setup
    assert len(ideas.submit_idea(event, pupil, prompt["id"], "y" * 280)["text"]) == 280


def test_closed_prompt_and_closed_event_refuse_ideas(ctx, world, setup):
    event, prompt, pupil = setup
    closed = world.prompts(event)[1]
    with pytest.raises(Conflict, match="closed"):
        ideas.submit_idea(event, pupil, closed["id"], "Too late")
    events.update_settings(event["id"], is_open=0)
    with pytest.raises(Gone):
        ideas.submit_idea(events.get_event(event["id"]), pupil, prompt["id"], "Too late")
    assert table_count("ideas") == 0


def test_prompt_of_another_event_is_not_found(ctx, world, setup):
    event, _prompt, pupil = setup
    other = world.event(world.facilitator("b@example.org"), title="Other")
    with pytest.raises(NotFound):
        ideas.submit_idea(event, pupil, world.prompts(other)[0]["id"], "Cross-event")


def test_rate_limit_and_duplicates(setup):
    event, prompt, pupil = setup
    ideas.submit_idea(event, pupil, prompt["id"], "idea one")
    with pytest.raises(Conflict, match="already sent"):
        ideas.submit_idea(event, pupil, prompt["id"], "idea one")
    for n in range(2, 6):
        ideas.submit_idea(event, pupil, prompt["id"], f"idea {n}")
    with pytest.raises(RateLimited):
        ideas.submit_idea(event, pupil, prompt["id"], "idea six")
    assert table_count("ideas") == 5


def test_votes_one_per_pupil_with_undo(setup, world):
    event, prompt, pupil = setup
    idea = ideas.moderate(event["id"], ideas.submit_idea(event, pupil, prompt["id"], "Votable")["id"], "approve")
    other = participants.join(event, world.schools(event)[1]["id"])
    assert votes.cast_vote(event, pupil, idea["id"]) == 1
    assert votes.cast_vote(event, other, idea["id"]) == 2
    with pytest.raises(Conflict, match="already voted"):
        votes.cast_vote(event, pupil, idea["id"])
    assert votes.withdraw_vote(event, pupil, idea["id"]) == 1
    with pytest.raises(Conflict, match="not voted"):
        votes.withdraw_vote(event, pupil, idea["id"])
    assert votes.vote_count(idea["id"]) == table_count("votes") == 1


def test_unique_constraint_makes_double_vote_impossible(setup):
    event, prompt, pupil = setup
    idea = ideas.submit_idea(event, pupil, prompt["id"], "x")
    db = get_db()
    db.execute("INSERT INTO votes (idea_id, participant_id) VALUES (?, ?)", (idea["id"], pupil["id"]))
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO votes (idea_id, participant_id) VALUES (?, ?)", (idea["id"], pupil["id"]))


@pytest.mark.parametrize("status", ["pending", "hidden"])
def test_no_votes_on_pending_or_hidden_ideas(setup, status):
    event, prompt, pupil = setup
    idea = ideas.submit_idea(event, pupil, prompt["id"], "Not public")
    if status == "hidden":
        ideas.moderate(event["id"], idea["id"], "hide")
    with pytest.raises(Conflict):
        votes.cast_vote(event, pupil, idea["id"])
    assert table_count("votes") == 0


def test_self_vote_setting(setup, world):
    event, prompt, pupil = setup
    idea = ideas.moderate(event["id"], ideas.submit_idea(event, pupil, prompt["id"], "Mine")["id"], "approve")
    event = events.update_settings(event["id"], allow_self_vote=0)
    with pytest.raises(Forbidden):
        votes.cast_vote(event, pupil, idea["id"])
    other = participants.join(event, world.schools(event)[0]["id"])
    assert votes.cast_vote(event, other, idea["id"]) == 1


def test_vote_on_closed_prompt_refused(setup):
    event, prompt, pupil = setup
    idea = ideas.moderate(event["id"], ideas.submit_idea(event, pupil, prompt["id"], "x")["id"], "approve")
    prompts.set_prompt_open(event["id"], prompt["id"], False)
    with pytest.raises(Conflict, match="closed"):
        votes.cast_vote(event, pupil, idea["id"])


def test_pupil_of_event_a_cannot_vote_in_event_b(ctx, world, setup):
    event, prompt, pupil = setup
    other = world.event(world.facilitator("b@example.org"), title="B")
    other_pupil = participants.join(other, world.schools(other)[0]["id"])
    idea = ideas.moderate(event["id"], ideas.submit_idea(event, pupil, prompt["id"], "A's idea")["id"], "approve")
    with pytest.raises(NotFound):
        votes.cast_vote(other, other_pupil, idea["id"])  # idea id of A looked up within B
    assert participants.get_participant(event["id"], other_pupil["token"]) is None


def test_moderation_rules(setup):
    event, prompt, pupil = setup
    idea = ideas.submit_idea(event, pupil, prompt["id"], "x")
    with pytest.raises(Conflict):
        ideas.moderate(event["id"], idea["id"], "pin")
    with pytest.raises(Invalid):
        ideas.moderate(event["id"], idea["id"], "delete")
    assert ideas.moderate(event["id"], idea["id"], "approve")["status"] == "approved"
    assert ideas.moderate(event["id"], idea["id"], "pin")["pinned"] == 1
    hidden = ideas.moderate(event["id"], idea["id"], "hide")
    assert (hidden["status"], hidden["pinned"]) == ("hidden", 0)


def test_rejoin_keeps_participant_and_can_change_school(setup, world):
    event, _prompt, pupil = setup
    again = participants.join(event, world.schools(event)[1]["id"], pupil["token"])
    assert again["id"] == pupil["id"] and again["school_name"] == "South College"
    with pytest.raises(Invalid):
        participants.join(event, 99999, pupil["token"])


def test_prompt_editing_and_ordering(setup):
    event, prompt, _pupil = setup
    second = prompts.add_prompt(event["id"], "solutions", "Third question")
    prompts.move_prompt(event["id"], second["id"], "up")
    order = [p["text"] for p in prompts.prompts_of(event["id"])]
    assert order == ["What are the warning signs?", "Third question", "What would help?"]
    prompts.edit_prompt(event["id"], prompt["id"], "issues", "  Edited   text ")
    assert prompts.get_prompt(event["id"], prompt["id"])["text"] == "Edited text"
    with pytest.raises(Invalid):
        prompts.add_prompt(event["id"], "nonsense", "x")
    with pytest.raises(Invalid):
        prompts.edit_prompt(event["id"], prompt["id"], "issues", "")
    assert [p["text"] for p in prompts.prompts_of(event["id"], open_only=True)] == ["Edited text"]
