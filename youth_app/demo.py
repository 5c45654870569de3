"""A demo event (schools and prompts from the brief) and, on request, realistic sample activity."""
import datetime as dt
import random

from .db import get_db
from .services import ideas, participants, prompts, votes
from .services.events import create_event, events_for_user
from .services.users import attach_to_event, create_user, get_user_by_email

DEMO_EMAIL = "facilitator@demo.youthvoice.test"
DEMO_LEAD_EMAIL = "safeguarding@demo.youthvoice.test"
DEMO_TITLE = "Youth Conference on Child Sexual Exploitation"
DEMO_SCHOOLS = ["Brookfield High School", "Moorside Academy", "St Aidan's Catholic High School",
                "Riverside Sixth Form College", "Hilltop College"]
DEMO_PROMPTS = [
    ("issues", "What are the warning signs that someone our age is being groomed or exploited?", True),
    ("issues", "What stops young people from telling someone?", False),
    ("solutions", "What would help young people spot the signs and speak up early?", False),
    ("solutions", "What should schools, police and services do differently?", False),
]
SAMPLE_IDEAS = {
    0: ["An older 'friend' who suddenly buys them a new phone or trainers",
        "Going missing from lessons and nobody following it up",
        "Being added to group chats by people nobody knows",
        "Getting lifts from people who are much older",
        "Having lots of money and not saying where it came from",
        "Being really secretive about who they are messaging",
        "A new older group of friends who hang around outside school",
        "Being offered free alcohol or vapes at parties"],
    1: ["Thinking you'll get in trouble yourself",
        "Not wanting to be called a snitch",
        "Not realising it's grooming because it feels like a relationship",
        "Not knowing which adult at school to go to",
        "Worrying that it will get passed round the whole school"],
    2: ["Lessons about grooming from people our age, not just assemblies",
        "A simple way to report online that doesn't need your name",
        "Posters in the toilets with Childline's number",
        "Teach parents which apps we actually use"],
    3: ["Teachers noticing when someone keeps missing the same lessons",
        "Police coming into school to talk, not only when something's wrong",
        "Youth workers in the places young people hang out",
        "Take young people seriously the first time they say something"],
}


def ensure_account(email, password, role):
    user = get_user_by_email(email)
    return user["id"] if user else create_user(email, password, role)


def ensure_demo(password):
    """The demo facilitator, safeguarding lead and event, created on first use; returns (event, email)."""
    user_id = ensure_account(DEMO_EMAIL, password, "facilitator")
    lead_id = ensure_account(DEMO_LEAD_EMAIL, password, "safeguarding")
    existing = [e for e in events_for_user(user_id) if e["title"] == DEMO_TITLE]
    if existing:
        attach_to_event(lead_id, existing[0]["id"])
        return existing[0], DEMO_EMAIL
    event = create_event(user_id, DEMO_TITLE, dt.date.today().isoformat(), "Conference centre",
                         schools=DEMO_SCHOOLS)
    attach_to_event(lead_id, event["id"])
    for stage, text, is_open in DEMO_PROMPTS:
        prompt = prompts.add_prompt(event["id"], stage, text)
        if is_open:
            prompts.set_prompt_open(event["id"], prompt["id"], True)
    return event, DEMO_EMAIL


def fill_sample(event, seed=2014):
    """Pupils from every school submit, get approved and vote. Returns how many ideas were added."""
    if get_db().execute("SELECT COUNT(*) FROM ideas WHERE event_id = ?", (event["id"],)).fetchone()[0]:
        return 0
    rng = random.Random(seed)
    event_prompts = prompts.prompts_of(event["id"])
    schools = [row["id"] for row in get_db().execute(
        "SELECT id FROM schools WHERE event_id = ? ORDER BY position", (event["id"],))]
    for prompt in event_prompts:
        prompts.set_prompt_open(event["id"], prompt["id"], True)
    pupils = [participants.join(event, schools[i % len(schools)]) for i in range(40)]
    added = []
    for index, texts in SAMPLE_IDEAS.items():
        for text in texts:
            author = pupils[(len(added) * 7) % len(pupils)]
            added.append(ideas.submit_idea(event, author, event_prompts[index]["id"], text))
    for idea in added[:-3]:  # the last few stay pending, so the moderation queue has work
        ideas.moderate(event["id"], idea["id"], "approve")
    approved = added[:-3]
    for pupil in pupils:
        for idea in rng.sample(approved, k=rng.randint(2, 8)):
            votes.cast_vote(event, pupil, idea["id"])
    for idea in approved[:2]:
        ideas.moderate(event["id"], idea["id"], "pin")
    for prompt in event_prompts[1:]:
        prompts.set_prompt_open(event["id"], prompt["id"], False)
    prompts.show_on_screen(event["id"], event_prompts[0]["id"])
    return len(added)
