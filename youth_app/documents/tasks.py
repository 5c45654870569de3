"""The pupil's one-pager: "Your three tasks back at school", with the school's name."""
from . import pdf

SIZES = (12, 11.5, 11, 10.5, 10, 9)
BOTTOM_MARGIN_MM = 14  # as in tasks.css
MATERIALS = (
    "the school magazine article kit (Word or Markdown) - headline ideas, quotes, facts and writing prompts.",
    "the pupil council pack (PDF or Word) - summary, votes, proposals, questions and an action plan.",
    "the A4 leaflet and the A3 poster for the whole school, with the helplines and a QR code.",
)


def tasks_pdf(data, help_url):
    """One page a pupil takes home: the three tasks and what each involves."""
    return pdf.fitted_pdf("tasks.html", SIZES, lambda context: context, bottom_margin_mm=BOTTOM_MARGIN_MM,
                          data=data, help_url=help_url, materials=MATERIALS)
