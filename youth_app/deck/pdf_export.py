"""The deck as a printable handout: one landscape A4 page per visible slide, speaker notes below."""
import math
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from weasyprint import HTML

from ..documents.common import is_rtl, nice_date, one_line
from .builder import visible
from .wording import timing

TEMPLATES = Path(__file__).parent / "templates"
MAX_PT, MIN_PT, MAX_RENDERS = 17, 7, 6  # a slide's base type size, and how hard to try to fit it
MARGINS_MM = 11 + 13  # top and bottom of @page in handout.css
PX_PER_MM = 96 / 25.4


def rtl_class(text):
    """' rtl' for text whose first strong character is right-to-left: WeasyPrint ignores dir="auto"."""
    return " rtl" if is_rtl(text) else ""


# Our own environment, not Flask's: handouts are built outside any request, and every text is escaped.
env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True)
env.filters.update(nice_date=nice_date, one_line=one_line)
env.globals.update(rtl=rtl_class, zip=zip, timing=timing)


def build_handout_pdf(event, slides, with_notes=True):
    """PDF bytes: each visible slide on its own page, in the largest type that fits it (MAX_PT down to MIN_PT)."""
    shown = visible(slides)
    sizes = [MAX_PT] * len(shown)
    for _attempt in range(MAX_RENDERS):
        document = render(event, shown, sizes, with_notes)
        over = {i: need for i, need in enumerate(pages_needed(document, len(shown))) if need > 1}
        if not over or all(sizes[i] == MIN_PT for i in over):
            break
        for i, need in over.items():  # height grows faster than the size (wrapped lines), slower than its square
            sizes[i] = max(MIN_PT, min(sizes[i] - 1, math.floor(sizes[i] / need ** 0.75)))
    if len(document.pages) != max(1, len(shown)):  # even the smallest type overflowed: one page each
        document = document.copy([document.pages[p] for p in slide_starts(document, len(shown))])
    return document.write_pdf()


def render(event, shown, sizes, with_notes):
    html = env.get_template("handout.html").render(event=event, slides=shown, sizes=sizes, with_notes=with_notes)
    return HTML(string=html, base_url=str(TEMPLATES)).render()


def slide_starts(document, count):
    """The page index on which each slide begins (its anchor "slide-N")."""
    starts = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            if name.startswith("slide-"):
                starts.setdefault(int(name[6:]), index)
    return [starts.get(i, 0) for i in range(count)]


def pages_needed(document, count):
    """How many pages' worth of height each slide takes, from its start and end anchors (1.0: one full page)."""
    where = {}
    for index, page in enumerate(document.pages):
        for name, box in page.anchors.items():  # box: (left, top, right, bottom)
            where.setdefault(name, (index, box[1]))
    usable = document.pages[0].height - MARGINS_MM * PX_PER_MM if document.pages else 1
    needed = []
    for i in range(count):
        (first, top), (last, bottom) = where.get(f"slide-{i}", (0, 0)), where.get(f"end-{i}", (0, 0))
        needed.append(((last - first) * usable + bottom - top) / usable)
    return needed
