"""Take-back documents: built from real data made through the app, then opened like a reader would.

The conference is set up once per module (WeasyPrint takes about half a second a PDF): two schools
with ideas, a third whose pupil only voted. Each document is built once and opened with python-docx,
pypdf or as text; every PDF is also rendered to PNG with pdftoppm and checked for ink.
"""
import io
import re
import subprocess
import zipfile

import docx
import pytest
from flask import url_for
from PIL import Image
from pypdf import PdfReader

from youth_app import create_app
from youth_app.db import get_db, init_db
from youth_app.documents import DOCUMENTS, build, build_zip, documents_for, zip_filename
from youth_app.services import packs

from .conftest import World, post_json

SCHOOL_A, SCHOOL_B, SCHOOL_C = "Brookfield High School", "South College", "Quiet Academy"
A_ISSUE = "Older friends who buy you things and then want favours back"
A_SOLUTION = "Lessons run by older pupils about grooming"
HOSTILE = "<script>alert('x')</script> & 😀 fake profiles in games"
URDU = "بچوں کی حفاظت ہم سب کی ذمہ داری ہے"
LONG_WORD = "Warning" + "signs" * 40  # 207 characters without a space
PHONE = "Ask the youth club, ring 07700 900123 after school"
PENDING = "PENDINGTEXT adults who ignore the signs"
HIDDEN = "HIDDENTEXT this one was removed"
DISCLOSURE = "an older lad keeps messaging me and says not to tell anyone"
B_ISSUE = "SOUTHONLY strangers messaging in online games"
B_SOLUTION = "SOUTHONLY a worry box in every form room"
NO_IDEAS = f"No ideas from {SCHOOL_C} pupils were approved"
PDFS = [doc_id for doc_id, d in DOCUMENTS.items() if d.ext == "pdf"]
ONE_PAGERS = ("leaflet_pdf", "poster_pdf", "tasks_pdf")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """Overrides conftest's per-test app: this module's data is made once and only read afterwards."""
    app = create_app({
        "TESTING": True, "DATABASE": str(tmp_path_factory.mktemp("documents") / "test.sqlite"),
        "SECRET_KEY": "test-secret", "TICKER_ENABLED": False, "SERVER_NAME": "localhost",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    })
    with app.app_context():
        init_db()
    return app


def submit(event, pupil, prompt_id, text):
    response = post_json(pupil, f"/e/{event['code']}/ideas", {"prompt_id": prompt_id, "text": text})
    assert response.status_code in (200, 201), response.get_data(as_text=True)
    return response.json


def vote(event, voters, idea_id):
    for pupil in voters:
        assert post_json(pupil, f"/e/{event['code']}/ideas/{idea_id}/vote", {"action": "vote"}).status_code == 200


@pytest.fixture(scope="module")
def conference(app):
    """Three schools; a facilitator approves some ideas; pupils of every school vote."""
    world = World(app)
    event = world.event(world.facilitator(), title="Youth Voice Conference",
                        schools=(SCHOOL_A, SCHOOL_B, SCHOOL_C), open_prompts=2)
    staff = world.staff_client()
    issues, solutions = [p["id"] for p in world.prompts(event)]
    a1, a2, a3, b1, b2, c1 = [world.pupil(event, i) for i in (0, 0, 0, 1, 1, 2)]
    ids = {}
    for pupil, prompt, text in [(a1, issues, A_ISSUE), (a1, solutions, A_SOLUTION), (a2, issues, HOSTILE),
                                (a2, solutions, URDU), (a3, issues, LONG_WORD), (a3, solutions, PHONE),
                                (a1, issues, PENDING), (a1, solutions, HIDDEN),
                                (b1, issues, B_ISSUE), (b1, solutions, B_SOLUTION)]:
        ids[text] = submit(event, pupil, prompt, text)["idea"]["id"]
    assert submit(event, a2, issues, DISCLOSURE)["safeguarding"] is True
    for text, idea_id in ids.items():
        if text != PENDING:
            post_json(staff, f"/f/e/{event['code']}/ideas/{idea_id}/approve")
    post_json(staff, f"/f/e/{event['code']}/ideas/{ids[HIDDEN]}/hide")
    vote(event, [a2, a3, b1, c1], ids[A_ISSUE])
    vote(event, [b1, b2, a3], ids[B_ISSUE])
    vote(event, [a1, a3, b1, b2, c1], ids[URDU])
    vote(event, [a2, b2], ids[A_SOLUTION])
    schools = {s["name"]: s["id"] for s in world.schools(event)}
    return {"event": event, "ids": ids, "schools": schools}


@pytest.fixture(scope="module")
def help_url(app):
    with app.app_context():
        return url_for("help.general", _external=True)


@pytest.fixture(scope="module")
def built(app, conference, help_url):
    """Every document of school A, built once through build()."""
    with app.app_context():
        return {doc_id: build(doc_id, conference["event"], conference["schools"][SCHOOL_A], help_url)
                for doc_id in DOCUMENTS}


@pytest.fixture(scope="module")
def empty_school_zip(app, conference, help_url):
    """Every document of the school whose pupil only voted, through build_zip()."""
    with app.app_context():
        return build_zip(conference["event"], conference["schools"][SCHOOL_C], help_url)


# --- opening the files --------------------------------------------------------------------------

def docx_text(content):
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for s in document.sections for p in s.header.paragraphs + s.footer.paragraphs]
    return "\n".join(parts)


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def text_of(doc_id, content):
    if doc_id.endswith("_docx"):
        return docx_text(content)
    if doc_id.endswith("_pdf"):
        return pdf_text(content)
    return content.decode("utf-8")


def squash(text):
    """Without whitespace, so a text wrapped over lines (or inside a long word) still matches."""
    return re.sub(r"\s+", "", text)


def contains_words(haystack, needle):
    """Case-insensitive: headings may be set in capitals by CSS."""
    return squash(needle).lower() in squash(haystack).lower()


def contains(haystack, needle):
    return squash(needle) in squash(haystack)


def section(text, start, end):
    """The part of a document's text between two headings."""
    flat = squash(text)
    begin = flat.index(squash(start))
    return flat[begin:flat.index(squash(end), begin)]


def pdf_fonts(content):
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def ink_ratio(png_path):
    with Image.open(png_path) as image:
        grey = image.convert("L")
        dark = sum(grey.histogram()[:200])
        return dark / (grey.width * grey.height)


# --- school A's documents ------------------------------------------------------------------------

@pytest.mark.parametrize("doc_id", list(DOCUMENTS))
def test_only_approved_masked_text_appears(built, doc_id):
    text = text_of(doc_id, built[doc_id][0])
    for absent in (PENDING, HIDDEN, "older lad", "900123", "PENDINGTEXT", "HIDDENTEXT"):
        assert not contains(text, absent), absent
    assert contains(text, A_ISSUE) and contains(text, URDU)  # the top of the conference-wide lists


@pytest.mark.parametrize("doc_id, start, end", [
    ("article_docx", f"What pupils from {SCHOOL_A} said", "What the whole conference voted for"),
    ("article_md", f"What pupils from {SCHOOL_A} said", "What the whole conference voted for"),
    ("council_docx", f"What pupils from {SCHOOL_A} said", "Proposals for the council to discuss"),
    ("council_pdf", f"What pupils from {SCHOOL_A} said", "Proposals for the council to discuss"),
])
def test_school_section_quotes_this_schools_approved_ideas_only(built, doc_id, start, end):
    quotes = section(text_of(doc_id, built[doc_id][0]), start, end)
    for text in (A_ISSUE, A_SOLUTION, URDU, LONG_WORD):
        assert squash(text) in quotes, text
    assert "07700" in quotes and "900123" not in quotes  # the phone number, masked
    assert "SOUTHONLY" not in quotes


@pytest.mark.parametrize("doc_id", ["article_docx", "council_docx", "council_pdf", "article_md"])
def test_conference_wide_lists_include_other_schools(built, doc_id):
    assert contains(text_of(doc_id, built[doc_id][0]), B_ISSUE)


def expected_votes(conference):
    """(text, all votes, school A's votes) of each approved idea, read from the database."""
    rows = get_db().execute(
        "SELECT i.public_text, i.vote_count, (SELECT COUNT(*) FROM votes v JOIN participants p"
        " ON p.id = v.participant_id WHERE v.idea_id = i.id AND p.school_id = ?) FROM ideas i"
        " WHERE i.status = 'approved'", (conference["schools"][SCHOOL_A],)).fetchall()
    return [tuple(r) for r in rows]


@pytest.mark.parametrize("doc_id", ["council_docx", "article_docx"])
def test_vote_counts_in_tables_match_the_database(app, conference, built, doc_id):
    document = docx.Document(io.BytesIO(built[doc_id][0]))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    with app.app_context():
        expected = expected_votes(conference)
    assert ("Older friends who buy you things and then want favours back", 4, 2) in expected
    for text, votes, school_votes in expected:
        row = next(r for r in rows if text in r)
        numbers = [c for c in row if c.isdigit()]
        if doc_id == "council_docx":  # rank, idea, this school's votes, whole conference
            assert numbers[1:] == [str(school_votes), str(votes)], text
        else:  # idea, whole conference, this school's votes
            assert numbers == [str(votes), str(school_votes)], text


def test_markdown_votes_and_escaping(built):
    content, name, mimetype = built["article_md"]
    text = content.decode("utf-8")
    assert (name, mimetype) == ("brookfield-high-school_article-kit_2026-11-12.md", "text/markdown")
    assert f"| {A_ISSUE} | 4 | 2 |" in text
    assert "\\<script\\>alert" in text and "<script>" not in text and "\\&" in text
    assert f"> “{URDU}”" in text


def test_hostile_text_is_literal_in_docx(built):
    for doc_id in ("article_docx", "council_docx"):
        text = docx_text(built[doc_id][0])
        assert "<script>alert('x')</script> & 😀 fake profiles in games" in text
        assert LONG_WORD in text


def test_docx_runs_name_fonts_for_arabic_script(built):
    document = docx.Document(io.BytesIO(built["article_docx"][0]))
    urdu_runs = [r for p in document.paragraphs for r in p.runs if URDU in r.text]
    assert urdu_runs
    fonts = urdu_runs[0]._r.rPr.rFonts
    assert fonts.get(docx.oxml.ns.qn("w:cs")) == "Noto Naskh Arabic"
    assert fonts.get(docx.oxml.ns.qn("w:ascii")) == "Noto Sans"
    assert urdu_runs[0]._r.rPr.find(docx.oxml.ns.qn("w:rtl")) is not None


@pytest.mark.parametrize("doc_id", PDFS)
def test_pdf_text_layer_fonts_and_pages(built, doc_id):
    content = built[doc_id][0]
    text = pdf_text(content)
    assert contains(text, URDU)  # the idea with most votes: on every PDF, the tasks page included
    assert contains(text, "<script>alert('x')</script>") or doc_id == "tasks_pdf"
    assert any("Naskh" in name or "Nastaliq" in name for name in pdf_fonts(content))
    if doc_id in ONE_PAGERS:
        assert len(PdfReader(io.BytesIO(content)).pages) == 1


@pytest.mark.parametrize("doc_id", ["leaflet_pdf", "poster_pdf"])
def test_leaflet_and_poster_carry_where_to_get_help(built, help_url, doc_id):
    text = pdf_text(built[doc_id][0])
    for needle in ("0800 1111", "999", "101", "ceop.police.uk", "safeguarding lead:", "____", help_url):
        assert contains(text, needle), needle
    page = PdfReader(io.BytesIO(built[doc_id][0])).pages[0]
    width_mm = float(page.mediabox.width) / 72 * 25.4
    assert round(width_mm) == {"leaflet_pdf": 210, "poster_pdf": 297}[doc_id]


def test_tasks_one_pager_names_the_school_and_the_three_tasks(built):
    text = pdf_text(built["tasks_pdf"][0])
    for needle in ("Your three tasks back at school", SCHOOL_A, "Write an article for the school magazine",
                   "Share learning with the pupil council", "distribute throughout the school"):
        assert contains(text, needle), needle


def test_council_pack_has_proposals_questions_and_action_plan(built):
    text = pdf_text(built["council_pdf"][0])
    for needle in ("one-page summary", "Proposals for the council to discuss", "The ideas behind it",
                   "Discussion questions", "Action plan", "How we will know it worked",
                   "Reporting back to the year groups"):
        assert contains_words(text, needle), needle
    table = docx.Document(io.BytesIO(built["council_docx"][0])).tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["Action", "Who", "By when", "How we will know it worked"]
    assert len(table.rows) >= 6 and all(c.text == "" for c in table.rows[-1].cells)


def test_article_kit_has_facts_headlines_structure_and_length(built):
    text = docx_text(built["article_docx"][0])
    for needle in ("Youth Voice Conference", "12 November 2026", "Prevention and Early Help", "Headline ideas",
                   "Standfirst", "What happened", "What we said", "Why it matters", "What happens next",
                   "400-600 words", "not a finished article"):
        assert needle in text, needle
    facts = docx.Document(io.BytesIO(built["article_docx"][0])).tables[0]
    facts = {row.cells[0].text: row.cells[1].text for row in facts.rows}
    assert (facts["Schools taking part"], facts["Pupils taking part"]) == ("3", "6")
    headlines = section(built["article_md"][0].decode(), "## Headline ideas", "### Standfirst")
    assert headlines.count(squash(A_ISSUE)) == 1  # suggested twice (school's top and conference's top), shown once


@pytest.mark.parametrize("doc_id", PDFS)
def test_pdfs_render_to_non_blank_images(built, tmp_path, doc_id):
    path = tmp_path / "doc.pdf"
    path.write_bytes(built[doc_id][0])
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "page")], check=True, timeout=60)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and all(ink_ratio(p) > 0.02 for p in pages[:1]) and all(ink_ratio(p) > 0.002 for p in pages)


def test_filenames_and_mimetypes(built):
    assert built["council_pdf"][1:] == ("brookfield-high-school_council-pack_2026-11-12.pdf", "application/pdf")
    assert built["article_docx"][2].endswith("wordprocessingml.document")
    for content, name, mimetype in built.values():
        assert re.fullmatch(r"brookfield-high-school_[a-z0-9-]+_2026-11-12\.(pdf|docx|md)", name)
        assert content[:4] in (b"%PDF", b"PK\x03\x04") or mimetype == "text/markdown"
    assert len({name for _c, name, _m in built.values()}) == len(DOCUMENTS)


def test_unknown_document_is_a_key_error(app, conference, help_url):
    with app.app_context(), pytest.raises(KeyError):
        build("brochure_pdf", conference["event"], conference["schools"][SCHOOL_A], help_url)


def test_documents_for_lists_every_document(app, conference):
    with app.app_context():
        listed = documents_for(conference["event"], conference["schools"][SCHOOL_B])
        assert zip_filename(conference["event"], conference["schools"][SCHOOL_B]) == \
            "south-college_take-back-pack_2026-11-12.zip"
    assert [d["id"] for d in listed] == list(DOCUMENTS)
    assert all(d["filename"].startswith("south-college_") and d["title"] for d in listed)


# --- a school with no ideas, draft and release ------------------------------------------------------

def test_empty_school_zip_holds_useful_packs_with_a_note(empty_school_zip):
    archive = zipfile.ZipFile(io.BytesIO(empty_school_zip))
    names = archive.namelist()
    assert len(names) == len(DOCUMENTS) and all(n.startswith("quiet-academy_") for n in names)
    for doc_id, document in DOCUMENTS.items():
        name = next(n for n in names if n.endswith(f"_{document.name}_2026-11-12.{document.ext}"))
        text = text_of(doc_id, archive.read(name))
        assert contains(text, A_ISSUE), doc_id  # conference-wide results still there
        if doc_id not in ("leaflet_pdf", "poster_pdf"):  # the corridor sheets are conference-wide anyway
            assert contains(text, NO_IDEAS), doc_id
        if doc_id in ONE_PAGERS:
            assert len(PdfReader(io.BytesIO(archive.read(name))).pages) == 1


@pytest.mark.parametrize("doc_id", list(DOCUMENTS))
def test_unreleased_documents_say_draft(built, doc_id):
    assert "DRAFT - not yet released" in text_of(doc_id, built[doc_id][0])
    assert not contains(text_of(doc_id, built[doc_id][0]), NO_IDEAS.replace(SCHOOL_C, SCHOOL_A))


def test_released_documents_lose_the_draft_mark(app, conference, help_url):
    school = conference["schools"][SCHOOL_B]
    with app.app_context():
        before = build("article_md", conference["event"], school, help_url)[0].decode()
        packs.set_released(conference["event"]["id"], school)
        get_db().commit()
        archive = zipfile.ZipFile(io.BytesIO(build_zip(conference["event"], school, help_url)))
    assert "DRAFT - not yet released" in before
    for name in archive.namelist():
        doc_id = next(i for i, d in DOCUMENTS.items() if name.endswith(f"_{d.name}_2026-11-12.{d.ext}"))
        text = text_of(doc_id, archive.read(name))
        assert "DRAFT" not in text and SCHOOL_B in text, name
        assert contains(text, B_SOLUTION) or doc_id == "tasks_pdf", name
