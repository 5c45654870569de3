"""Words on the slides and in the speaker notes: short sentences young presenters can read aloud."""
from ..documents.common import HELPLINES, nice_date, one_line

EMPTY_STAGE = "No ideas approved yet for this part"
EMPTY_QUOTES = "No quotes chosen yet: a facilitator pins ideas to show them here"
TITLES = {
    "who": "Who took part",
    "issues": "The top issues we found",
    "solutions": "Our top ideas for tackling them",
    "quotes": "In our own words",
    "polls": "Results of our polls",
    "back_at_school": "What we will do back at school",
    "help": "Thank you - and where to get help",
}
TASKS = (
    ("Write an article for our school magazine", "What we talked about, what we said and why it matters."),
    ("Share what we learned with our pupil council", "The top issues and ideas, and what our school could change."),
    ("Share useful information with the whole school", "Posters and leaflets with where to get help."),
)
HELP_MESSAGE = "If anything today has worried you, talk to someone you trust. It is never a young person's fault."
NUMBER_WORDS = ("One", "Two", "Three", "Four", "Five", "Six")


def plural(count, word, many=None):
    """'1 school', '3 schools', '2 votes'."""
    return f"{count} {word}" if count == 1 else f"{count} {many or word + 's'}"


def timing(seconds):
    """120 -> '2 min', 75 -> '1 min 15 s', 30 -> '30 s'."""
    minutes, rest = divmod(int(seconds or 0), 60)
    return " ".join(part for part in (f"{minutes} min" if minutes else "", f"{rest} s" if rest else "") if part) \
        or "0 s"


def byline(schools):
    return f"by young people from {plural(schools, 'school')}" if schools else "by young people"


def date_label(event_date):
    return nice_date(event_date)


def quoted(text):
    return f"\u201c{one_line(text)}\u201d"


def lines(*sentences):
    """Speaker notes: one short sentence a line, empty ones left out."""
    return "\n".join(s for s in sentences if s)


def title_notes(body):
    return lines("Hello everyone.", f"We are young people from {plural(body['schools'], 'school')}."
                 if body["schools"] else "We are young people from across the county.",
                 "Today we talked about keeping children safe from sexual exploitation.",
                 f"Our theme was {one_line(body['theme'])}." if body["theme"] else "",
                 "In the next ten minutes we will tell you what we said.")


def who_notes(body):
    value = {s["key"]: s["value"] for s in body["stats"]}
    return lines(f"{plural(value['pupils'], 'young person', 'young people')} took part today.",
                 f"We came from {plural(value['schools'], 'school')}.",
                 f"We shared {plural(value['ideas'], 'idea')} that the facilitators approved.",
                 f"We cast {plural(value['votes'], 'vote')} for the ideas we agreed with most.",
                 "The chart shows how many of us came from each school.")


def ranked_notes(body):
    opening = {"issues": "First we looked at the issues.", "solutions": "Then we talked about what would help."}
    if not body["ideas"]:
        return lines(opening[body["stage"]], "No ideas were approved for this part yet.")
    asked = [f"We were asked: {quoted(q)}" for q in body["questions"][:2]]
    said = [f"Number {rank}, with {plural(idea['votes'], 'vote')}: {quoted(idea['text'])}" if idea["votes"]
            else f"Number {rank}: {quoted(idea['text'])}" for rank, idea in enumerate(body["ideas"], 1)]
    voted = any(idea["votes"] for idea in body["ideas"])
    return lines(opening[body["stage"]], *asked, "These got the most votes." if voted else "Here are our ideas.",
                 *said, "Read each idea as it is written. These are our own words.")


def quotes_notes(body):
    if not body["ideas"]:
        return lines("No quotes have been chosen yet.")
    return lines("Here are some of our ideas, in our own words.", *[quoted(i["text"]) for i in body["ideas"]],
                 "Read them slowly. Pause after each one.")


def polls_notes(body):
    said = []
    for poll in body["polls"]:
        top = max(poll["options"], key=lambda option: option["votes"])
        said.append(f"We were asked: {quoted(poll['question'])}")
        said.append(f"Most of us chose {quoted(top['label'])}, with {plural(top['votes'], 'vote')}.")
    return lines("We also answered some polls.", *said)


def tasks_notes(body):
    return lines("Here is what we will do back at school.",
                 *[f"{NUMBER_WORDS[n]}: we will {t['title'][0].lower()}{t['title'][1:]}."
                   for n, t in enumerate(body["tasks"])])


def help_notes(_body):
    return lines("Thank you for listening.", "If anything today worried you, please talk to someone.",
                 "Childline is free, any time: 0800 1111.", "In an emergency, call 999.",
                 "It is never a young person's fault.")


def helplines():
    return [{"name": name, "number": number, "detail": detail} for name, number, detail in HELPLINES]


NOTES = {"title": title_notes, "who": who_notes, "issues": ranked_notes, "solutions": ranked_notes,
         "quotes": quotes_notes, "polls": polls_notes, "back_at_school": tasks_notes, "help": help_notes}
