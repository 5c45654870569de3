"""School magazine article kit (DOCX and Markdown): facts, headlines, quotes, results and prompts.

It is a kit pupils write from, not a finished article in their name.
"""
from docx.shared import Mm

from . import common, docx_kit
from .markdown import MarkdownWriter

TITLE = "School magazine article kit"
INTRO = ("This is a kit to write your article from - not a finished article. Use your own words. The quotes "
         "below are real ideas from the conference, approved by the facilitators; never say who said them.")
STRUCTURE = (
    ("What happened", "about 100 words", (
        "When and where was the conference, and who took part?",
        "What was the theme, and what were you asked to think about?",
        "What did the day look like - the questions, sharing ideas, voting on phones?")),
    ("What we said", "about 150-200 words", (
        "Pick two or three quotes from your school and say why they stood out.",
        "Which warning signs did young people think adults miss?",
        "Which ideas got the most votes across all the schools?")),
    ("Why it matters", "about 100 words", (
        "Why does it help when young people spot the signs early?",
        "What would you want every pupil in your school to know?",
        "Keep it general: no real cases, no stories about people you know.")),
    ("What happens next", "about 100 words", (
        "What will the pupil council discuss, and when?",
        "Where are the posters going up, and what can readers do?",
        "End with where to get help: Childline 0800 1111 and your safeguarding lead.")),
)
CHECKLIST = (
    f"Length: {common.TARGET_LENGTH}.",
    "No names: quotes are from \"a pupil\" or \"young people at the conference\".",
    "No details of real cases or of anyone's own experience.",
    "Include the \"Where to get help\" box at the end.",
    "Ask a teacher to read it before it goes in the magazine.",
)


def article_docx(data, help_url):
    """The kit as an editable Word document."""
    doc = docx_kit.new_document(data, TITLE)
    docx_kit.heading(doc, f"{TITLE}: {data['school']['name']}", 0)
    docx_kit.para(doc, INTRO, italic=True)
    if not data["school_ideas"]:
        docx_kit.para(doc, common.no_ideas_note(data["school"]["name"]), bold=True)
    docx_kit.heading(doc, "The facts", 1)
    docx_kit.facts_table(doc, data)
    docx_kit.heading(doc, "Headline ideas", 1)
    docx_kit.bullets(doc, common.headlines(data))
    docx_kit.heading(doc, "Standfirst (the sentence under the headline)", 2)
    docx_kit.para(doc, common.one_line(data["standfirst"]))
    school_quotes_docx(doc, data)
    results_docx(doc, data)
    structure_docx(doc)
    docx_kit.help_box(doc)
    return docx_kit.to_bytes(doc)


def school_quotes_docx(doc, data):
    docx_kit.heading(doc, f"What pupils from {data['school']['name']} said", 1)
    if not data["school_ideas"]:
        docx_kit.para(doc, common.no_ideas_note(data["school"]["name"]))
    for label, ideas in common.ideas_by_stage(data["school_ideas"]):
        docx_kit.heading(doc, label, 2)
        for idea in ideas:
            docx_kit.quote(doc, idea["text"])


def results_docx(doc, data):
    docx_kit.heading(doc, "What the whole conference voted for", 1)
    for label, ideas in (("Top issues", data["top_issues"]), ("Top ideas for addressing them", data["top_solutions"])):
        docx_kit.heading(doc, label, 2)
        rows = [[common.one_line(i["text"]), i["votes"], i["school_votes"]] for i in ideas]
        docx_kit.table(doc, ["Idea", "Votes, whole conference", "Votes from our school"],
                       rows or [["No ideas were approved for this question.", "", ""]],
                       widths=[Mm(110), Mm(30), Mm(30)])


def structure_docx(doc):
    docx_kit.heading(doc, "Suggested structure", 1)
    docx_kit.para(doc, f"Target length: {common.TARGET_LENGTH}.", bold=True)
    for part, length, prompts in STRUCTURE:
        docx_kit.heading(doc, f"{part} ({length})", 2)
        docx_kit.bullets(doc, prompts)
    docx_kit.heading(doc, "Before you hand it in", 2)
    docx_kit.bullets(doc, CHECKLIST)


def article_md(data, help_url):
    """The same kit as Markdown, for pupils who write in a plain text editor or an online doc."""
    md = MarkdownWriter()
    if not data["released"]:
        md.line(f"> **{common.DRAFT_MARK}**")
    md.heading(1, f"{TITLE}: {data['school']['name']}")
    md.paragraph(f"_{md.escape(INTRO)}_", raw=True)
    if not data["school_ideas"]:
        md.paragraph(f"**{md.escape(common.no_ideas_note(data['school']['name']))}**", raw=True)
    md.heading(2, "The facts")
    md.table(["Fact", "Detail"], common.facts(data))
    md.heading(2, "Headline ideas")
    md.bullets(common.headlines(data))
    md.heading(3, "Standfirst (the sentence under the headline)")
    md.paragraph(data["standfirst"])
    school_quotes_md(md, data)
    results_md(md, data)
    structure_md(md)
    help_md(md)
    return md.text().encode("utf-8")


def school_quotes_md(md, data):
    md.heading(2, f"What pupils from {data['school']['name']} said")
    if not data["school_ideas"]:
        md.paragraph(common.no_ideas_note(data["school"]["name"]))
    for label, ideas in common.ideas_by_stage(data["school_ideas"]):
        md.heading(3, label)
        for idea in ideas:
            md.quote(common.quote(idea["text"]))


def results_md(md, data):
    md.heading(2, "What the whole conference voted for")
    for label, ideas in (("Top issues", data["top_issues"]), ("Top ideas for addressing them", data["top_solutions"])):
        md.heading(3, label)
        rows = [[i["text"], i["votes"], i["school_votes"]] for i in ideas]
        md.table(["Idea", "Votes, whole conference", "Votes from our school"],
                 rows or [["No ideas were approved for this question.", "", ""]])


def structure_md(md):
    md.heading(2, "Suggested structure")
    md.paragraph(f"**Target length: {md.escape(common.TARGET_LENGTH)}.**", raw=True)
    for part, length, prompts in STRUCTURE:
        md.heading(3, f"{part} ({length})")
        md.bullets(prompts)
    md.heading(3, "Before you hand it in")
    md.bullets(CHECKLIST)


def help_md(md):
    md.heading(2, "Where to get help")
    md.bullets([f"{name}: {number} - {detail}" for name, number, detail in common.HELPLINES])
    md.paragraph(f"**{md.escape(common.SAFEGUARDING_LEAD)}** {common.BLANK}", raw=True)  # a blank to write on
