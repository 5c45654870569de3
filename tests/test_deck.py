"""The young people's presentation deck: the draft from stored data, edits kept, PPTX and PDF opened."""
import copy
import io
import json
import sqlite3
import subprocess
import zipfile

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pypdf import PdfReader

from youth_app.db import get_db
from youth_app.deck import (BUDGET_SECONDS, build_draft, build_handout_pdf, build_pptx, deck_filename, export,
                            merge_edits, over_budget, total_seconds)
from youth_app.services import events

from .conftest import post_json

KEYS = ["title", "who", "issues", "solutions", "quotes", "back_at_school", "help"]
HOSTILE = "<script>alert('x')</script> <b>bold</b> & " + "Supercalifragilistic" * 6 + " \U0001F642\U0001F6B8"
URDU = "بچوں کی حفاظت"
PHONE = "Text 07700 900123 if you are worried"
MASKED = "Text 07700 ****** if you are worried"
DISCLOSURE = "I'm scared to go home tonight"
PENDING = "Pending idea nobody approved"
HIDDEN = "Hidden idea after approval"
EXCLUDED = ("scared to go home", PENDING, HIDDEN, "900123")


class Conference:
    """Pupils send ideas over HTTP; the facilitator approves, hides and pins them; pupils vote."""

    def __init__(self, app, world):
        self.app = app
        self.event = world.event(world.facilitator(), open_prompts=2)
        self.code = self.event["code"]
        self.staff = world.staff_client()
        self.pupils = [world.pupil(self.event, school) for school in (0, 0, 0, 1, 1)]
        self.issue, self.solution = (p["id"] for p in world.prompts(self.event))
        self.ids = {}

    def send(self, pupil, prompt, text, approve=True):
        response = post_json(self.pupils[pupil], f"/e/{self.code}/ideas", {"prompt_id": prompt, "text": text})
        assert response.status_code in (200, 201), response.json
        idea = response.json.get("idea")
        if idea and approve:
            self.moderate(idea["id"], "approve")
        if idea:
            self.ids[text] = idea["id"]
        return idea

    def moderate(self, idea_id, action):
        assert post_json(self.staff, f"/f/e/{self.code}/ideas/{idea_id}/{action}").status_code == 200

    def vote(self, pupil, text):
        url = f"/e/{self.code}/ideas/{self.ids[text]}/vote"
        assert post_json(self.pupils[pupil], url, {"action": "vote"}).status_code == 200

    def fresh_event(self):
        with self.app.app_context():
            return events.get_event(self.event["id"])


@pytest.fixture
def conference(app, world):
    """Six approved issues (two tie on votes, the earlier one named to sort last), three approved
    solutions (hostile, Urdu, a masked phone number), a pending, a hidden and a disclosure-like text."""
    c = Conference(app, world)
    issues = ["Older friends buying gifts", "Zero notice when lessons are missed", "A group chat with strangers",
              "Lifts from much older people", "Money nobody explains", "Going missing at night"]
    for index, text in enumerate(issues):
        c.send(index % 5, c.issue, text)
    for index, text in enumerate((HOSTILE, URDU, PHONE)):
        c.send(index, c.solution, text)
    c.send(3, c.solution, PENDING, approve=False)
    c.send(4, c.solution, HIDDEN)
    c.moderate(c.ids[HIDDEN], "hide")
    assert c.send(4, c.issue, DISCLOSURE) is None  # went to the safeguarding lead, never an idea
    for pupil, text in ((0, issues[0]), (1, issues[0]), (2, issues[0]), (0, issues[1]), (3, issues[1]),
                        (1, issues[2]), (4, issues[2]), (2, HOSTILE)):
        c.vote(pupil, text)
    c.moderate(c.ids[issues[0]], "pin")
    c.moderate(c.ids[URDU], "pin")
    c.issues = issues
    return c


def draft(app, event, polls=None):
    with app.app_context():
        return build_draft(event, polls=polls)


def by_key(slides):
    return {slide["key"]: slide for slide in slides}


def db_one(app, sql, *args):
    with app.app_context():
        return get_db().execute(sql, args).fetchone()[0]


def test_slides_in_order_with_presenters_notes_and_a_ten_minute_budget(app, conference):
    slides = draft(app, conference.fresh_event())
    assert [s["key"] for s in slides] == KEYS
    assert [s["presenter"] for s in slides] == [f"Presenter {n}" for n in range(1, 8)]
    assert all(s["hidden"] is False and s["title"] and s["kind"] and s["notes"] for s in slides)
    assert all(isinstance(s["seconds"], int) and s["seconds"] > 0 for s in slides)
    assert total_seconds(slides) <= BUDGET_SECONDS and not over_budget(slides)
    title = by_key(slides)["title"]
    assert title["title"] == "Youth conference"
    assert title["body"]["byline"] == "by young people from 2 schools"
    assert title["body"]["date"] == "2026-11-12" and title["body"]["date_label"] == "12 November 2026"
    tasks = " ".join(t["title"] for t in by_key(slides)["back_at_school"]["body"]["tasks"])
    assert "school magazine" in tasks and "pupil council" in tasks and "whole school" in tasks
    help_numbers = [line["number"] for line in by_key(slides)["help"]["body"]["lines"]]
    assert help_numbers[:2] == ["0800 1111", "999"] and "0800 1111" in by_key(slides)["help"]["notes"]

    polls = [{"question": "Would you know who to tell?", "options": [("Yes", 4), {"label": "No", "votes": 1}]}]
    with_polls = draft(app, conference.fresh_event(), polls)
    assert [s["key"] for s in with_polls] == KEYS[:5] + ["polls"] + KEYS[5:]
    assert by_key(with_polls)["polls"]["body"]["polls"][0]["total"] == 5
    assert "Yes" in by_key(with_polls)["polls"]["notes"]
    assert total_seconds(with_polls) <= BUDGET_SECONDS
    assert [s["key"] for s in draft(app, conference.fresh_event(), polls=[])] == KEYS
    with_polls[1]["seconds"] = 400
    assert over_budget(with_polls)
    with_polls[1]["hidden"] = True  # hidden slides take no time
    assert total_seconds(with_polls) == total_seconds(with_polls[:1] + with_polls[2:]) and not over_budget(with_polls)


def test_totals_and_chart_match_the_database(app, conference):
    who = by_key(draft(app, conference.fresh_event()))["who"]
    stats = {s["key"]: s["value"] for s in who["body"]["stats"]}
    event_id = conference.event["id"]
    assert stats == {
        "schools": db_one(app, "SELECT COUNT(*) FROM schools WHERE event_id = ?", event_id),
        "pupils": db_one(app, "SELECT COUNT(*) FROM participants WHERE event_id = ?", event_id),
        "ideas": db_one(app, "SELECT COUNT(*) FROM ideas WHERE event_id = ? AND status = 'approved'", event_id),
        "votes": db_one(app, "SELECT SUM(vote_count) FROM ideas WHERE event_id = ? AND status = 'approved'", event_id),
    }
    assert stats == {"schools": 2, "pupils": 5, "ideas": 9, "votes": 8}
    assert who["body"]["chart"]["categories"] == ["North High", "South College"]
    assert who["body"]["chart"]["values"] == [3, 2]
    assert "5 young people" in who["notes"] and "8 votes" in who["notes"]


def test_top_five_by_votes_with_ties_in_the_order_sent(app, conference):
    slides = by_key(draft(app, conference.fresh_event()))
    issues = slides["issues"]["body"]
    names = conference.issues
    assert [i["text"] for i in issues["ideas"]] == names[:5]  # 3, 2, 2 (earlier id first), 0, 0
    assert [i["votes"] for i in issues["ideas"]] == [3, 2, 2, 0, 0]
    assert conference.ids[names[1]] < conference.ids[names[2]] and names[1] > names[2]  # id decides, not text
    assert issues["chart"]["values"] == [3, 2, 2, 0, 0] and issues["chart"]["categories"] == ["1", "2", "3", "4", "5"]
    assert len(issues["candidates"]) == 6 and issues["idea_ids"] == [conference.ids[n] for n in names[:5]]
    assert f"Number 1, with 3 votes: \u201c{names[0]}\u201d" in slides["issues"]["notes"]
    assert f"Number 4: \u201c{names[3]}\u201d" in slides["issues"]["notes"]  # no "with 0 votes" to read out
    assert [i["text"] for i in slides["solutions"]["body"]["ideas"]] == [HOSTILE, URDU, MASKED]
    assert [i["text"] for i in slides["quotes"]["body"]["ideas"]] == [names[0], URDU]


def test_empty_event_gives_sensible_slides_and_files(app, world):
    event = world.event(world.facilitator())
    slides = draft(app, event)
    assert [s["key"] for s in slides] == KEYS
    slide = by_key(slides)
    for key in ("issues", "solutions"):
        assert slide[key]["body"]["ideas"] == []
        assert slide[key]["body"]["empty"] == "No ideas approved yet for this part"
    assert slide["quotes"]["body"]["ideas"] == [] and slide["quotes"]["body"]["empty"]
    assert slide["who"]["body"]["chart"]["values"] == [0, 0]
    assert slide["title"]["body"]["byline"] == "by young people"  # nobody has joined yet
    deck = Presentation(io.BytesIO(build_pptx(event, slides)))
    assert len(deck.slides) == 7
    assert "No ideas approved yet for this part" in " ".join(shape_texts(deck.slides[2]))
    pdf = PdfReader(io.BytesIO(build_handout_pdf(event, slides)))
    assert len(pdf.pages) == 7 and "No ideas approved yet for this part" in pdf.pages[2].extract_text()


def test_only_approved_public_text_is_read_never_concerns_or_raw_text(app, conference):
    reads = set()

    def authorizer(action, arg1, arg2, _db, _trigger):
        if action == sqlite3.SQLITE_READ:
            reads.add((arg1, arg2))
        return sqlite3.SQLITE_OK

    with app.app_context():
        get_db().set_authorizer(authorizer)
        slides = build_draft(events.get_event(conference.event["id"]))
        get_db().set_authorizer(None)
    assert ("ideas", "public_text") in reads
    assert ("ideas", "text") not in reads and not any(table == "concerns" for table, _column in reads)
    assert db_one(app, "SELECT COUNT(*) FROM concerns WHERE text = ?", DISCLOSURE) == 1  # it was stored, elsewhere
    dumped = json.dumps(slides, ensure_ascii=False)
    assert MASKED in dumped
    assert not [text for text in EXCLUDED if text in dumped]


def test_merge_keeps_the_facilitators_edits_and_takes_pupil_text_fresh(app, conference):
    names = conference.issues
    saved = draft(app, conference.fresh_event())
    slide = by_key(saved)
    slide["issues"]["title"] = "What worries us"
    slide["issues"]["body"]["idea_ids"] = [conference.ids[names[2]], conference.ids[names[0]]]
    slide["issues"]["body"]["ideas"][0]["text"] = "TAMPERED in the saved copy"
    slide["who"]["notes"] = f"Say hello. {names[1]} mattered most."  # quotes an idea hidden below
    slide["quotes"]["notes"] = "Our own notes for the quotes"
    slide["quotes"]["seconds"] = 90
    slide["help"]["presenter"] = "Aisha and Sam"
    slide["solutions"]["hidden"] = True
    saved = [slide[k] for k in ("title", "who", "quotes", "issues", "solutions", "back_at_school", "help")]
    saved = json.loads(json.dumps(saved))  # as stored

    conference.moderate(conference.ids[names[1]], "hide")
    conference.vote(3, names[0])
    polls = [{"question": "Did today help?", "options": [("Yes", 5)]}]
    merged = merge_edits(draft(app, conference.fresh_event(), polls), saved)

    assert [s["key"] for s in merged] == ["title", "who", "quotes", "issues", "solutions", "polls",
                                          "back_at_school", "help"]
    slide = by_key(merged)
    assert slide["issues"]["title"] == "What worries us"
    assert [i["text"] for i in slide["issues"]["body"]["ideas"]] == [names[2], names[0]]
    assert [i["votes"] for i in slide["issues"]["body"]["ideas"]] == [2, 4]  # fresh counts
    assert f"with 4 votes: \u201c{names[0]}\u201d" in slide["issues"]["notes"]  # unedited notes follow the choice
    assert slide["quotes"]["notes"] == "Our own notes for the quotes" and slide["quotes"]["seconds"] == 90
    assert slide["help"]["presenter"] == "Aisha and Sam" and slide["solutions"]["hidden"] is True
    assert slide["who"]["notes"].startswith("5 young people took part today.")
    assert slide["who"]["warnings"]
    dumped = json.dumps(merged, ensure_ascii=False)
    assert "TAMPERED" not in dumped and names[1] not in dumped
    assert slide["solutions"]["title"] == "Our top ideas for tackling them"  # unedited: the builder's own
    again = merge_edits(draft(app, conference.fresh_event(), polls), merged)  # a second round keeps them too
    assert [i["text"] for i in by_key(again)["issues"]["body"]["ideas"]] == [names[2], names[0]]
    assert by_key(again)["quotes"]["seconds"] == 90 and [s["key"] for s in again] == [s["key"] for s in merged]


def shape_texts(slide):
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def pptx_xml(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    return "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))


def test_pptx_has_titles_notes_native_charts_and_literal_text(app, conference):
    event = conference.fresh_event()
    slides = draft(app, event)
    by_key(slides)["back_at_school"]["hidden"] = True
    content = build_pptx(event, slides)
    deck = Presentation(io.BytesIO(content))
    shown = [s for s in slides if not s["hidden"]]
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)
    assert [page.shapes.title.text_frame.text for page in deck.slides] == [s["title"] for s in shown]
    for page, slide in zip(deck.slides, shown):
        notes = page.notes_slide.notes_text_frame.text
        assert slide["presenter"] in notes and slide["notes"].splitlines()[-1] in notes
    assert "5 young people took part today." in deck.slides[1].notes_slide.notes_text_frame.text

    who_chart = chart_of(deck.slides[1])
    assert who_chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(who_chart.plots[0].categories) == ["North High", "South College"]
    assert list(who_chart.plots[0].series[0].values) == [
        db_one(app, "SELECT COUNT(*) FROM participants WHERE school_id = ?", school["id"])
        for school in conference_schools(app, event)]
    issue_votes = [db_one(app, "SELECT vote_count FROM ideas WHERE id = ?", conference.ids[name])
                   for name in conference.issues[:5]]
    assert list(chart_of(deck.slides[2]).plots[0].series[0].values) == issue_votes == [3, 2, 2, 0, 0]

    runs = [run.text for page in deck.slides for shape in page.shapes if shape.has_text_frame
            for para in shape.text_frame.paragraphs for run in para.runs]
    assert HOSTILE in runs and URDU in runs and f"\u201c{URDU}\u201d" in runs and MASKED in runs
    xml = pptx_xml(content)
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in xml and "<script>" not in xml and "<b>bold" not in xml
    assert not [text for text in EXCLUDED if text in xml]
    assert "What we will do back at school" not in xml  # the hidden slide is left out
    sizes = [run.font.size.pt for page in deck.slides for shape in page.shapes if shape.has_text_frame
             for para in shape.text_frame.paragraphs for run in para.runs if run.text.strip()]
    assert min(sizes) >= 12 and max(sizes) >= 40


def chart_of(page):
    charts = [shape.chart for shape in page.shapes if shape.has_chart]
    assert len(charts) == 1
    return charts[0]


def conference_schools(app, event):
    with app.app_context():
        return events.schools_of(event["id"])


def non_white_share(path):
    image = Image.open(path).convert("L")
    histogram = image.histogram()
    return 1 - sum(histogram[245:]) / (image.width * image.height)


def test_handout_pdf_one_page_a_slide_with_notes_and_rendered(app, conference, tmp_path):
    event = conference.fresh_event()
    slides = draft(app, event)
    content = build_handout_pdf(event, slides)
    pdf = PdfReader(io.BytesIO(content))
    assert len(pdf.pages) == len(slides) == 7
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height) and round(float(box.width)) == 842  # A4 landscape
    texts = [page.extract_text() for page in pdf.pages]
    for text, slide in zip(texts, slides):
        assert " ".join(slide["title"].split()) in " ".join(text.split())
        assert "SPEAKER NOTES" in text and slide["presenter"].upper() in text  # a small-caps heading
    everything = " ".join(texts)
    assert "<script>alert('x')</script>" in everything and "<b>bold</b>" in everything
    assert "07700 ******" in everything and "0800 1111" in everything
    assert not [text for text in EXCLUDED if text in everything]

    (tmp_path / "handout.pdf").write_bytes(content)
    subprocess.run(["pdftoppm", "-r", "24", "-png", str(tmp_path / "handout.pdf"), str(tmp_path / "page")],
                   check=True, timeout=60)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 7
    assert all(non_white_share(page) > 0.03 for page in pages), [non_white_share(p) for p in pages]


def test_handout_without_notes_hidden_slides_and_overlong_notes_stay_one_page_each(app, conference):
    event = conference.fresh_event()
    slides = draft(app, event)
    by_key(slides)["quotes"]["hidden"] = True
    by_key(slides)["who"]["notes"] = "A very long note. " * 220  # far more than a page
    with_notes = PdfReader(io.BytesIO(build_handout_pdf(event, slides)))
    assert len(with_notes.pages) == 6
    assert "A very long note." in with_notes.pages[1].extract_text()
    bare = PdfReader(io.BytesIO(build_handout_pdf(event, slides, with_notes=False)))
    texts = [page.extract_text() for page in bare.pages]
    assert len(texts) == 6 and not any("SPEAKER NOTES" in t or "A very long note" in t for t in texts)
    assert "In our own words" not in " ".join(texts)


def test_filenames_and_export_registry(app, conference):
    event = conference.fresh_event()
    assert deck_filename(event, "pptx") == "youth-conference_presentation_2026-11-12.pptx"
    odd = dict(event, title="../Ünïcode <b>Day</b> \u0628\u0686\u0648\u06ba", event_date="2026-11-12")
    name = deck_filename(odd, "pdf", part="presentation-handout")
    assert name == "unicode-b-day-b_presentation-handout_2026-11-12.pdf" and name.isascii()
    content, filename, mimetype = export("pptx", event, draft(app, event))
    assert filename.endswith(".pptx") and mimetype.endswith("presentationml.presentation")
    assert zipfile.ZipFile(io.BytesIO(content)).testzip() is None
    with pytest.raises(KeyError):
        export("nonsense", event, [])


def test_saved_values_are_cleaned_when_merged(app, conference):
    fresh = draft(app, conference.fresh_event())
    saved = copy.deepcopy(fresh)
    saved[0]["seconds"] = 10_000
    saved[1]["title"] = "   "
    saved[2]["presenter"] = ["not", "text"]
    saved.append({"key": "gone"})
    saved.append("junk")
    merged = merge_edits(fresh, saved)
    assert [s["key"] for s in merged] == KEYS
    assert merged[0]["seconds"] == BUDGET_SECONDS
    assert merged[1]["title"] == "Who took part" and merged[2]["presenter"] == "Presenter 3"
