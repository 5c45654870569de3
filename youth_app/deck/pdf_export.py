"""The deck as a printable handout: one landscape A4 page per visible slide, speaker notes below."""
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from weasyprint import HTML

from ..documents.common import is_rtl, nice_date, one_line
from .builder import visible

TEMPLATES = Path(__file__).parent / "templates"
SIZES = (17, 16, 15, 14, 13, 12, 11, 10, 9, 8)  # pt: a slide's base size, largest first


def timing(seconds):
    """120 -> '2 min', 75 -> '1 min 15 s', 30 -> '30 s'."""
    minutes, rest = divmod(int(seconds or 0), 60)
    return " ".join(part for part in (f"{minutes} min" if minutes else "", f"{rest} s" if rest else "") if part) \
        or "0 s"


def rtl_class(text):
    """' rtl' for text whose first strong character is right-to-left: WeasyPrint ignores dir="auto"."""
    return " rtl" if is_rtl(text) else ""


# Our own environment, not Flask's: handouts are built outside any request, and every text is escaped.
env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True)
env.filters.update(nice_date=nice_date, one_line=one_line)
env.globals.update(rtl=rtl_class, zip=zip, timing=timing)


def build_handout_pdf(event, slides, with_notes=True):
    """PDF bytes: each visible slide on its own page, in the largest type (of SIZES) that fits it."""
    shown = visible(slides)
    low, high = [0] * len(shown), [len(SIZES) - 1] * len(shown)
    best = [len(SIZES) - 1] * len(shown)
    steps = [0] * len(shown)
    while True:  # a binary search for every slide at once: each render tries one size per slide
        document = render(event, shown, steps, with_notes)
        fits = slides_fitting(document, len(shown))
        for i, fit in enumerate(fits):
            if fit:
                best[i], high[i] = steps[i], steps[i] - 1
            else:
                low[i] = steps[i] + 1
        if all(lo > hi for lo, hi in zip(low, high)):
            break
        steps = [(lo + hi) // 2 if lo <= hi else b for lo, hi, b in zip(low, high, best)]
    if steps != best:
        document = render(event, shown, best, with_notes)
    if len(document.pages) != max(1, len(shown)):  # even the smallest type overflowed: one page each
        document = document.copy([document.pages[p] for p in slide_starts(document, len(shown))])
    return document.write_pdf()


def render(event, shown, steps, with_notes):
    sizes = [SIZES[step] for step in steps]
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


def slides_fitting(document, count):
    """For each slide: does it fit on one page?"""
    starts = slide_starts(document, count) + [len(document.pages)]
    return [starts[i + 1] - starts[i] <= 1 for i in range(count)]
