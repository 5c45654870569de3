"""HTML/CSS to PDF with WeasyPrint: our own autoescaping Jinja environment, QR codes, one-page fitting."""
from pathlib import Path

import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from weasyprint import HTML

from . import common

TEMPLATES = Path(__file__).parent / "templates"
PX_PER_MM = 96 / 25.4  # WeasyPrint lays out in CSS pixels

# Separate from the Flask app's templates: documents are built outside any request.
env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True)
env.globals.update(common=common, draft_mark=common.DRAFT_MARK)
env.filters["css_string"] = lambda text: Markup(common.css_string(text))
env.filters.update(nice_date=common.nice_date, votes=common.votes_label, one_line=common.one_line,
                   short=common.short)


def qr_data_uri(url):
    """A QR code for url as an SVG data URI (black on white, a quiet zone of four modules)."""
    return segno.make(url, error="m").svg_data_uri(dark="#000000", light="#ffffff", border=4)


def render_html(template, **context):
    return env.get_template(template).render(**context)


def render_document(template, **context):
    """A template laid out by WeasyPrint (pages, anchors); .write_pdf() gives the bytes."""
    return HTML(string=render_html(template, **context), base_url=str(TEMPLATES)).render()


def fitted_pdf(template, sizes, shorten, bottom_margin_mm, **context):
    """A one-page PDF at the largest base font size (pt; `sizes` largest first) that holds everything.

    If even the smallest size overflows, `shorten(context)` returns a context with shorter texts;
    as a last resort only the first page is kept, so the result is always exactly one page.
    """
    for attempt in (context, shorten(context)):
        found = largest_fitting(template, sizes, attempt)
        if found:
            size, document = found
            return filled(template, document, bottom_margin_mm, base_size=size, **attempt)
    document = render_document(template, base_size=sizes[-1], spacer_mm=0, **attempt)
    return document.copy(document.pages[:1]).write_pdf()


def largest_fitting(template, sizes, context):
    """(size, rendered document) for the largest size that gives one page, or None; a binary search,
    since a smaller size never needs more pages."""
    low, high, best = 0, len(sizes) - 1, None
    while low <= high:
        middle = (low + high) // 2
        document = render_document(template, base_size=sizes[middle], spacer_mm=0, **context)
        if len(document.pages) == 1:
            best, high = (sizes[middle], document), middle - 1
        else:
            low = middle + 1
    return best


def filled(template, document, bottom_margin_mm, **context):
    """Move the free space at the foot of the page above the footer, so the footer sits at the bottom.

    The template marks the end of its content with id="sheet-end" and puts `spacer_mm` above its footer.
    """
    page = document.pages[0]
    end = page.anchors.get("sheet-end")
    free_mm = (page.height - end[1]) / PX_PER_MM - bottom_margin_mm - 1 if end else 0
    if free_mm > 2:
        spaced = render_document(template, spacer_mm=round(free_mm, 1), **context)
        if len(spaced.pages) == 1:
            return spaced.write_pdf()
    return document.write_pdf()

