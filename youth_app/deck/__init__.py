"""The young people's ten-minute presentation: a draft deck built from the day's stored data.

    slides = build_draft(event, polls=None)      # [slide dict], see builder.py; inside an app context
    slides = merge_edits(build_draft(event), saved_slides)   # fresh data, the facilitator's edits kept
    total_seconds(slides), over_budget(slides)   # visible slides only; the budget is 600 s
    build_pptx(event, slides) -> bytes           # PowerPoint 16:9, speaker notes, native charts
    build_handout_pdf(event, slides, with_notes=True) -> bytes   # one landscape A4 page a slide
    export("pptx" | "handout_pdf" | "slides_pdf", event, slides) -> (bytes, filename, mimetype)
    deck_filename(event, "pptx") -> "youth-conference_presentation_2026-11-12.pptx"

Only approved ideas appear, in their masked public text; concerns are never read.
"""
from typing import Callable, NamedTuple

from ..documents.common import slugify
from .builder import BUDGET_SECONDS, build_draft, merge_edits, over_budget, total_seconds
from .pdf_export import build_handout_pdf
from .pptx_export import build_pptx

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PDF = "application/pdf"


class Export(NamedTuple):
    builder: Callable  # builder(event, slides) -> bytes
    part: str  # the middle of the file name
    ext: str
    mimetype: str


EXPORTS = {
    "pptx": Export(build_pptx, "presentation", "pptx", PPTX),
    "handout_pdf": Export(build_handout_pdf, "presentation-handout", "pdf", PDF),
    "slides_pdf": Export(lambda event, slides: build_handout_pdf(event, slides, with_notes=False),
                         "presentation-slides", "pdf", PDF),
}


def deck_filename(event, ext, part="presentation"):
    """ASCII-only 'event-title_part_date.ext', e.g. 'youth-conference_presentation_2026-11-12.pptx'."""
    date = slugify(event["event_date"], fallback="undated")
    return f"{slugify(event['title'], fallback='youth-voice')}_{slugify(part, 'presentation')}_{date}.{ext}"


def export(kind, event, slides):
    """(bytes, filename, mimetype) for one export kind; an unknown kind raises KeyError."""
    chosen = EXPORTS[kind]
    return chosen.builder(event, slides), deck_filename(event, chosen.ext, chosen.part), chosen.mimetype


__all__ = ["BUDGET_SECONDS", "EXPORTS", "build_draft", "build_handout_pdf", "build_pptx", "deck_filename",
           "export", "merge_edits", "over_budget", "total_seconds"]
