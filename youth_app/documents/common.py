"""Wording and small helpers every take-back document shares (DOCX, Markdown and PDF alike)."""
import datetime as dt
import re
import unicodedata

DRAFT_MARK = "DRAFT - not yet released"
FONT = "Noto Sans"
COMPLEX_SCRIPT_FONT = "Noto Naskh Arabic"
STAGES = (("issues", "Identifying the issues"), ("solutions", "How we could address them"))
TARGET_LENGTH = "400-600 words"

# Where to get help: the same four routes on every document, in this order.
HELPLINES = (
    ("Childline", "0800 1111", "Free, private, any time, day or night - or childline.org.uk"),
    ("Emergency", "999", "If someone is in danger right now"),
    ("Police, not an emergency", "101", "To report something that has already happened"),
    ("Online abuse", "ceop.police.uk", "CEOP: report online grooming or sexual abuse"),
)
SAFEGUARDING_LEAD = "Talk to your school's safeguarding lead:"
BLANK = "____________________"

TASKS = (
    ("Write an article for the school magazine",
     "Use the article kit. Pick a headline, then write 400-600 words in four parts: what happened, "
     "what we said, why it matters and what happens next. Quote pupils' ideas, never their names. "
     "Ask a teacher to read it before it is printed."),
    ("Share learning with the pupil council",
     "Use the pupil council pack. Present the top issues and ideas and the proposals, talk them through "
     "with the discussion questions, and fill in the action plan: what, who, by when, and how you will "
     "know it worked."),
    ("Take back useful information to distribute throughout the school",
     "Print the A4 leaflet and the A3 poster. Ask your safeguarding lead to write their name on them, then "
     "pin them up where everyone passes: corridors, form rooms, the library, toilets. Share the QR code in "
     "assemblies and the newsletter."),
)


def no_ideas_note(school_name):
    """The note on the packs of a school with no approved ideas of its own."""
    return (f"No ideas from {school_name} pupils were approved at the conference, so this pack is built "
            f"from the conference-wide results. They are still worth taking back.")


def nice_date(iso):
    """'2026-11-12' -> '12 November 2026' (the raw value if it is not a date)."""
    try:
        day = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{day.day} {day:%B %Y}"


def slugify(text, fallback="school"):
    """ASCII-safe, lower-case, hyphenated: 'Brookfield High School' -> 'brookfield-high-school'."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or fallback


def document_filename(event, school, name, ext):
    """school_document_date.ext, e.g. 'brookfield-high-school_council-pack_2026-11-12.pdf'."""
    date = slugify(event["event_date"], fallback=slugify(event["code"], "event"))
    return f"{slugify(school['name'])}_{name}_{date}.{ext}"


def is_rtl(text):
    """True when the first strong character is right-to-left (what HTML's dir="auto" decides)."""
    for char in text or "":
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def one_line(text):
    """Pupil text on one line: newlines and runs of spaces collapsed."""
    return " ".join((text or "").split())


def short(text, limit=110):
    """At most `limit` characters, cut at a word boundary with an ellipsis (for summaries only)."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "\u2026"


def css_string(text):
    """Text as the inside of a CSS string: everything but letters, digits and spaces as a hex escape
    (so no quote, backslash or '</style>' in a pupil's or school's text can leave the string)."""
    return "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):x} " for c in one_line(text))


def quote(text):
    return f"\u201c{one_line(text)}\u201d"


def facts(data):
    """(label, value) pairs for the facts box."""
    event, totals = data["event"], data["totals"]
    pairs = [("Event", event["title"]), ("Date", nice_date(event["event_date"])),
             ("Venue", event["venue"] or "-"), ("Theme", event["theme"]),
             ("Schools taking part", str(totals["schools"])), ("Pupils taking part", str(totals["pupils"])),
             (f"Pupils from {data['school']['name']}", str(totals["school_pupils"])),
             ("Ideas approved", str(totals["ideas"])), ("Votes cast", str(totals["votes"]))]
    return pairs


def headlines(data):
    """The headline ideas, each once (suggestions may repeat when the school's top idea tops the vote)."""
    seen = []
    for headline in map(one_line, data["headlines"]):
        if headline and headline not in seen:
            seen.append(headline)
    return seen


def ideas_by_stage(ideas):
    """[(stage label, [ideas])] for the stages that have ideas."""
    return [(label, [i for i in ideas if i["stage"] == stage]) for stage, label in STAGES
            if any(i["stage"] == stage for i in ideas)]


def votes_label(count):
    return f"{count} vote" if count == 1 else f"{count} votes"
