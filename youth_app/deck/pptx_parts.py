"""Small python-pptx helpers for the deck: text boxes with fitted type, native bar charts, colours.

All text goes in through text frames as runs, so it is stored as literal text (XML-escaped by lxml).
"""
import math
import re

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

NAVY, TEAL, INK = RGBColor(0x14, 0x21, 0x3D), RGBColor(0x0A, 0x7C, 0x6B), RGBColor(0x11, 0x11, 0x11)
CREAM, MINT, WHITE, GREY = (RGBColor(0xFF, 0xF8, 0xDB), RGBColor(0xEE, 0xF7, 0xF5), RGBColor(0xFF, 0xFF, 0xFF),
                            RGBColor(0x44, 0x44, 0x44))
FONT = "Arial"  # on every school laptop; LibreOffice draws it with the metric-compatible Liberation Sans
SIZES = (32, 30, 28, 26, 24, 22, 20, 18, 16, 14, 12)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # \r too: "\r\n" from a form becomes "\n"


def clean(text):
    """Text as it will be stored: control characters (not allowed in XML) dropped, nothing else changed."""
    return CONTROL.sub("", str(text))


def fitted_size(texts, width_in, height_in, sizes=SIZES, spacing=0.35):
    """The largest size (pt) at which these paragraphs should fit the box, judged from their widths.

    Lines of 1.25 and a little slack leave room for word wrapping and Arabic-script text; a word longer
    than a line simply breaks, as PowerPoint breaks it.
    """
    widths = [width_em(t) for t in texts]
    for size in sizes:
        lines = sum(max(1, math.ceil(w * size / (width_in * 72 * 0.95))) for w in widths)
        if (lines * 1.25 + len(texts) * spacing) * size / 72 <= height_in:
            return size
    return sizes[-1]


def width_em(text):
    """Roughly how wide text is in Arial, in em: capitals and emoji are wider than the 0.47 em average."""
    return sum(0.67 if char.isupper() else 1.1 if ord(char) > 0x2FFF and not char.isalpha() else 0.47
               for char in text)


def style(run, size, bold=False, color=INK, italic=False):
    font = run.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    font.color.rgb = color


def text_box(slide, box, anchor=MSO_ANCHOR.TOP):
    """An empty, word-wrapping text frame at box = (left, top, width, height) in inches."""
    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    frame = shape.text_frame
    frame.word_wrap, frame.auto_size, frame.vertical_anchor = True, MSO_AUTO_SIZE.NONE, anchor
    frame.margin_left = frame.margin_right = Inches(0.08)
    return frame


def paragraph(frame, runs, size, align=PP_ALIGN.LEFT, space_after=0.35, rtl=None):
    """Add one paragraph of runs [(text, {style})]; right-to-left when its pupil text starts RTL."""
    para = frame.paragraphs[0] if len(frame.paragraphs) == 1 and not frame.paragraphs[0].runs else \
        frame.add_paragraph()
    para.alignment = align
    para.space_after = Pt(size * space_after)
    if rtl:
        para._p.get_or_add_pPr().set("rtl", "1")
        para.alignment = PP_ALIGN.RIGHT
    for text, options in runs:
        run = para.add_run()
        run.text = clean(text)
        style(run, options.get("size", size), options.get("bold", False), options.get("color", INK),
              options.get("italic", False))
    return para



def panel(slide, box, fill, shape=MSO_SHAPE.RECTANGLE):
    """A filled shape without outline, e.g. a stat tile or a colour band."""
    item = slide.shapes.add_shape(shape, *(Inches(v) for v in box))
    item.fill.solid()
    item.fill.fore_color.rgb = fill
    item.line.fill.background()
    style_element = item._element.find(qn("p:style"))  # the theme's style would add a shadow in LibreOffice
    if style_element is not None:
        item._element.remove(style_element)
    return item


def bar_chart(slide, box, title, categories, values, label_size=16):
    """A native horizontal bar chart (editable in PowerPoint), first category at the top."""
    data = CategoryChartData(number_format="0")
    data.categories = [clean(c) for c in categories]
    data.add_series(clean(title), values)
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *(Inches(v) for v in box), data).chart
    chart.has_legend = False
    chart.has_title = True
    chart.chart_title.text_frame.text = clean(title)
    style(chart.chart_title.text_frame.paragraphs[0].runs[0], 18, bold=True, color=NAVY)
    chart.font.size, chart.font.name = Pt(label_size), FONT
    plot = chart.plots[0]
    plot.gap_width, plot.vary_by_categories = 50, False
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked, labels.position = "0", False, XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size, labels.font.bold = Pt(label_size), True
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = TEAL
    chart.category_axis.reverse_order = True
    chart.category_axis.tick_labels.font.size = Pt(label_size)
    chart.category_axis.format.line.color.rgb = GREY
    value_axis = chart.value_axis
    value_axis.visible, value_axis.has_major_gridlines, value_axis.minimum_scale = False, False, 0
    value_axis.maximum_scale = max([1, *values]) * 1.15
    return chart


def widen_layouts(presentation, old_width):
    """Stretch the template's master and layout placeholders to the new slide width."""
    ratio = presentation.slide_width / old_width
    for owner in [presentation.slide_master, *presentation.slide_layouts]:
        for shape in owner.placeholders:
            if shape.left is not None and shape.width is not None:
                shape.left, shape.width = Emu(int(shape.left * ratio)), Emu(int(shape.width * ratio))
