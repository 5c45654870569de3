"""python-docx helpers: an A4 document in our fonts, with DRAFT header, quotes, tables and help box.

All text goes in through runs, which escape it; every run names Noto Sans and, for Arabic-script
text, the complex-script font Noto Naskh Arabic (w:rFonts w:cs), so Word and LibreOffice pick fonts
that cover pupils' words.
"""
import io
import re

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from . import common

EMOJI_FONT = "Noto Color Emoji"
# Runs of emoji get their own run in the emoji font (Word and LibreOffice do not always fall back).
EMOJI = re.compile("([\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\U000E0020-\U000E007F]+)")
NAVY = RGBColor(0x14, 0x21, 0x3D)
RED = RGBColor(0xB0, 0x00, 0x20)


def set_fonts(r_pr_owner, font=common.FONT, complex_font=common.COMPLEX_SCRIPT_FONT):
    """Name our fonts for every script on a run or style (rFonts ascii, hAnsi, eastAsia, cs)."""
    fonts = r_pr_owner.get_or_add_rPr().get_or_add_rFonts()
    for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme_attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), font)
    fonts.set(qn("w:cs"), complex_font)


def new_document(data, title):
    """A4 document with our fonts on every style, core properties, and the DRAFT header if unreleased."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(18)
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            set_fonts(style.element)
    doc.styles["Normal"].font.size = Pt(11)
    doc.core_properties.title = f"{title} - {data['school']['name']}"
    doc.core_properties.author = "Youth Voice"
    doc.core_properties.comments = f"{data['event']['title']}, {common.nice_date(data['event']['event_date'])}"
    footer = section.footer.paragraphs[0]
    add_run(footer, f"{data['school']['name']} - {data['event']['title']}", size=8)
    if not data["released"]:
        add_run(section.header.paragraphs[0], common.DRAFT_MARK, bold=True, color=RED)
        para(doc, f"{common.DRAFT_MARK}: a facilitator still has to check and release this pack.", italic=True,
             color=RED)
    return doc


def add_run(paragraph, text, **options):
    """Add text in our fonts, emoji in runs of their own in the emoji font."""
    for i, piece in enumerate(EMOJI.split(text)):
        if piece:
            one_run(paragraph, piece, emoji=i % 2 == 1, **options)


def one_run(paragraph, text, emoji=False, bold=False, italic=False, size=None, color=None):
    """One run; right-to-left text is marked (w:rtl) so Word lays it out and shapes it correctly."""
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if size:
        run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color
    set_fonts(run._r, *((EMOJI_FONT, EMOJI_FONT) if emoji else ()))
    if common.is_rtl(text):
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
    return run


def para(doc, text="", style=None, **run_options):
    paragraph = doc.add_paragraph(style=style)
    if text:
        add_run(paragraph, text, **run_options)
    if common.is_rtl(text):
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    return paragraph


def heading(doc, text, level=1):
    paragraph = doc.add_heading(level=level)
    add_run(paragraph, text)
    return paragraph


def quote(doc, text):
    """A pupil's idea as a quote, never attributed to a person."""
    return para(doc, common.quote(text), style="Quote")


def bullets(doc, items, numbered=False):
    """A bulleted list, or a numbered one that starts at 1 (Word's List Number would run on)."""
    if numbered:
        return [para(doc, f"{n}. {text}", style="List") for n, text in enumerate(items, 1)]
    return [para(doc, text, style="List Bullet") for text in items]


def table(doc, header, rows, widths=None, min_height=None):
    """A grid table with a bold shaded header row; rows are lists of cell text."""
    grid = doc.add_table(rows=1, cols=len(header), style="Table Grid")
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, header):
        shade(cell, "14213D")
        add_run(cell.paragraphs[0], text, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF))
    for values in rows:
        row = grid.add_row()
        if min_height:
            row.height = min_height
        for cell, value in zip(row.cells, values):
            if str(value):  # 0 votes is a value; "" leaves a cell to fill in
                add_run(cell.paragraphs[0], str(value))
    if widths:
        grid.autofit = False
        for column, width in zip(grid.columns, widths):
            column.width = width  # the grid LibreOffice reads ...
            for cell in column.cells:
                cell.width = width  # ... and the cell widths Word reads
    return grid


def shade(cell, fill):
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def facts_table(doc, data):
    return table(doc, ["Fact", "Detail"], common.facts(data), widths=[Mm(55), Mm(115)])


def help_box(doc):
    """The helplines and a blank for the safeguarding lead's name, kept together on one page."""
    paragraphs = [heading(doc, "Where to get help", 2)]
    for name, number, detail in common.HELPLINES:
        paragraphs.append(para(doc, style="List Bullet"))
        add_run(paragraphs[-1], f"{name}: {number}", bold=True)
        add_run(paragraphs[-1], f" - {detail}")
    paragraph = para(doc)
    add_run(paragraph, common.SAFEGUARDING_LEAD + " ", bold=True)
    add_run(paragraph, common.BLANK)
    for kept in paragraphs:
        kept.paragraph_format.keep_with_next = True


def to_bytes(doc):
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
