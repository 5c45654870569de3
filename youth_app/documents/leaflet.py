"""Information for the whole school: an A4 leaflet and an A3 poster, always exactly one page."""
from . import common, pdf

# Base font sizes (pt), largest first; the builder takes the largest at which the page holds everything
# (a binary search: half-point steps cost one more render than whole points, and fill the page better).
A4_SIZES = tuple(size / 2 for size in range(40, 15, -1))  # 20 to 8 pt
A3_SIZES = tuple(round(size * 1.41, 1) for size in A4_SIZES)
HELP_MIN_SIZE = {"A4": 12, "A3": 17}  # the helplines stay readable however much pupils wrote
BOTTOM_MARGIN_MM = 11  # as in leaflet.css
SHORT_LIMIT = 120


def leaflet_pdf(data, help_url):
    """A4 leaflet to print and hand out or pin up."""
    return sheet(data, help_url, "A4", A4_SIZES)


def poster_pdf(data, help_url):
    """The same content scaled for an A3 poster."""
    return sheet(data, help_url, "A3", A3_SIZES)


def sheet(data, help_url, paper, sizes):
    context = {"data": data, "help_url": help_url, "paper": paper, "help_min_size": HELP_MIN_SIZE[paper],
               "qr": pdf.qr_data_uri(help_url), "issues": data["top_issues"], "solutions": data["top_solutions"]}
    return pdf.fitted_pdf("leaflet.html", sizes, shortened, bottom_margin_mm=BOTTOM_MARGIN_MM, **context)


def shortened(context):
    """The same sheet with each idea cut to SHORT_LIMIT characters (only when nothing else fits)."""
    cut = lambda ideas: [dict(i, text=common.short(i["text"], SHORT_LIMIT)) for i in ideas]  # noqa: E731
    return dict(context, issues=cut(context["issues"]), solutions=cut(context["solutions"]))
