"""Pupil council pack: one-page summary, votes side by side, proposals, questions, action plan."""
from docx.enum.text import WD_BREAK
from docx.shared import Mm

from . import common, docx_kit, pdf

PLAN_ROWS = 6
PLAN_HEADER = ["Action", "Who", "By when", "How we will know it worked"]

QUESTIONS = (
    "Which of these warning signs would pupils in our school recognise? Where might they see them - "
    "online, on the way to school, in town?",
    "Which proposal could we start this term ourselves, and which need the head teacher or governors?",
    "Do pupils know who our safeguarding lead is and how to reach them? How could we make that easier?",
    "How could a pupil who is worried about a friend get help without feeling they are getting them "
    "into trouble?",
    "How will we reach year groups who were not at the conference, including the youngest pupils?",
    "What would tell us in six months that something has changed?",
)

REPORT_BACK = (
    "Assemblies: a five-minute slot for each year group - the top warning signs and what helps, in "
    "pupils' own words, and where the posters are.",
    "Form time: use two or three of the discussion questions. Nobody should share personal stories in "
    "class; anyone who is worried talks to the safeguarding lead privately.",
    "Newsletter and school magazine: the article written from the article kit.",
    "Council minutes: publish which proposals were agreed, who is doing what and by when.",
    "Come back after half a term and tell each year group what has happened, using the action plan.",
)


SUMMARY_SIZES = (10.5, 9.5, 8.5, 7.5)  # pt: smaller only when long ideas would push the summary over a page


def council_pdf(data, help_url):
    """The council pack as a printable PDF, its summary on the first page."""
    for size in SUMMARY_SIZES:
        document = pdf.render_document("council.html", data=data, questions=QUESTIONS, report_back=REPORT_BACK,
                                       plan_rows=PLAN_ROWS, help_url=help_url, summary_size=size)
        if "summary-end" in document.pages[0].anchors:
            break
    return document.write_pdf()


def council_docx(data, help_url):
    """The council pack as an editable Word document."""
    doc = docx_kit.new_document(data, "Pupil council pack")
    summary(doc, data)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    votes_section(doc, data)
    school_section(doc, data)
    proposals_section(doc, data)
    action_plan(doc)
    docx_kit.help_box(doc)
    return docx_kit.to_bytes(doc)


def summary(doc, data):
    school = data["school"]["name"]
    docx_kit.para(doc, "Pupil council pack - one-page summary", bold=True, color=docx_kit.NAVY)
    docx_kit.heading(doc, school, 0)
    docx_kit.para(doc, f"{data['event']['title']} - {common.nice_date(data['event']['event_date'])}"
                       f" - {data['event']['venue']}. Theme: {data['event']['theme']}.")
    if not data["school_ideas"]:
        docx_kit.para(doc, common.no_ideas_note(school), bold=True)
    t = data["totals"]
    docx_kit.para(doc, f"{t['schools']} schools, {t['pupils']} pupils ({t['school_pupils']} from {school}), "
                       f"{t['ideas']} ideas approved, {t['votes']} votes cast.")
    for title, ideas in (("Top issues", data["top_issues"]), ("Top ideas for addressing them", data["top_solutions"])):
        docx_kit.heading(doc, title, 2)
        # Votes first, so a right-to-left idea does not turn the whole line round.
        docx_kit.bullets(doc, [f"{common.votes_label(i['votes'])}, {i['school_votes']} from us: "
                               f"{common.short(i['text'])}" for i in ideas[:3]] or ["None approved."])
    if data["school_ideas"]:
        docx_kit.heading(doc, "In our pupils' words", 2)
        for idea in data["school_ideas"][:3]:
            docx_kit.quote(doc, common.short(idea["text"], 120))
    docx_kit.heading(doc, "For the council to decide", 2)
    docx_kit.bullets(doc, [common.short(p["title"]) for p in data["proposals"]], numbered=True)
    docx_kit.para(doc, "We ask the council to discuss these proposals, agree at least one action with a name "
                       "and a date beside it, and report back to every year group.", bold=True)


def votes_section(doc, data):
    school = data["school"]["name"]
    docx_kit.heading(doc, "What the conference said, with our school's votes", 1)
    docx_kit.para(doc, f"Each pupil could vote for the ideas they agreed with. The last two columns show how many "
                       f"votes came from {school} and from everyone at the conference.")
    for title, ideas in (("Identifying the issues", data["top_issues"]),
                         ("How we could address them", data["top_solutions"])):
        docx_kit.heading(doc, title, 2)
        rows = [[n, common.one_line(i["text"]), i["school_votes"], i["votes"]] for n, i in enumerate(ideas, 1)]
        docx_kit.table(doc, ["#", "Idea", "Votes from our school", "Votes, whole conference"], rows,
                       widths=[Mm(10), Mm(100), Mm(30), Mm(30)])


def school_section(doc, data):
    school = data["school"]["name"]
    docx_kit.heading(doc, f"What pupils from {school} said", 1)
    if not data["school_ideas"]:
        docx_kit.para(doc, common.no_ideas_note(school), bold=True)
    for label, ideas in common.ideas_by_stage(data["school_ideas"]):
        docx_kit.heading(doc, label, 2)
        for idea in ideas:
            docx_kit.quote(doc, idea["text"])


def proposals_section(doc, data):
    docx_kit.heading(doc, "Proposals for the council to discuss", 1)
    for n, proposal in enumerate(data["proposals"], 1):
        docx_kit.heading(doc, f"{n}. {common.one_line(proposal['title'])}", 2)
        docx_kit.para(doc, "The ideas behind it:", italic=True)
        for text in proposal["ideas"]:
            docx_kit.quote(doc, text)
    docx_kit.heading(doc, "Discussion questions", 1)
    docx_kit.bullets(doc, QUESTIONS, numbered=True)


def action_plan(doc):
    doc.add_page_break()  # the plan table on one page, to print and fill in
    docx_kit.heading(doc, "Action plan", 1)
    docx_kit.table(doc, PLAN_HEADER, [[""] * 4 for _ in range(PLAN_ROWS)],
                   widths=[Mm(55), Mm(30), Mm(25), Mm(60)], min_height=Mm(15))
    docx_kit.heading(doc, "Reporting back to the year groups", 1)
    docx_kit.bullets(doc, REPORT_BACK)
