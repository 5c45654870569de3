"""The deck as a PowerPoint file (16:9): one slide per visible slide, speaker notes, native charts."""
import io

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches

from ..documents.common import is_rtl, nice_date, one_line
from .builder import visible
from .wording import timing
from .pptx_parts import (CREAM, GREY, MINT, NAVY, TEAL, WHITE, bar_chart, clean, fitted_size, panel,
                         paragraph, style, text_box, widen_layouts)

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 inches
TITLE_ONLY = 5
LEFT, RIGHT = 0.6, 12.73  # inches: the content's left and right edges
TOP, BOTTOM = 1.75, 6.75


def build_pptx(event, slides):
    """The .pptx bytes for the visible slides, in their order."""
    presentation = Presentation()
    old_width = presentation.slide_width
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    widen_layouts(presentation, old_width)
    presentation.core_properties.title = clean(event["title"])
    presentation.core_properties.author = "Youth Voice"
    shown = visible(slides)
    for number, slide in enumerate(shown, 1):
        page = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])
        RENDERERS.get(slide["kind"], render_bullets)(page, slide)
        if slide["kind"] != "title":
            footer(page, event, number, len(shown))
        speaker_notes(page, slide)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def set_title(page, text, box=(LEFT, 0.35, RIGHT - LEFT, 1.2), color=NAVY, sizes=(40, 36, 32, 28, 24)):
    shape = page.shapes.title
    shape.left, shape.top, shape.width, shape.height = (Inches(v) for v in box)
    frame = shape.text_frame
    frame.word_wrap, frame.vertical_anchor = True, MSO_ANCHOR.MIDDLE
    frame.text = clean(one_line(text))
    para = frame.paragraphs[0]
    para.alignment = PP_ALIGN.LEFT
    for run in para.runs:
        style(run, fitted_size([frame.text], box[2], box[3], sizes, spacing=0), bold=True, color=color)
    if color == NAVY:
        panel(page, (LEFT, box[1] + box[3] + 0.02, 1.6, 0.09), TEAL)


def footer(page, event, number, count):
    frame = text_box(page, (LEFT, 6.95, RIGHT - LEFT, 0.4))
    paragraph(frame, [(f"{one_line(event['title'])}  \u00b7  {nice_date(event['event_date'])}  \u00b7  "
                       f"{number} / {count}", {"color": GREY})], 12, space_after=0)


def speaker_notes(page, slide):
    heading = " \u00b7 ".join(part for part in (slide.get("presenter"), f"about {timing(slide.get('seconds'))}") if part)
    page.notes_slide.notes_text_frame.text = clean(f"{heading}\n{slide.get('notes') or ''}")


def render_title(page, slide):
    body = slide["body"]
    page.background.fill.solid()
    page.background.fill.fore_color.rgb = NAVY
    set_title(page, slide["title"], box=(LEFT, 1.5, RIGHT - LEFT, 2.4), color=WHITE, sizes=(54, 48, 44, 40, 36, 32))
    panel(page, (LEFT, 4.05, 2.2, 0.12), TEAL)
    frame = text_box(page, (LEFT, 4.4, RIGHT - LEFT, 2.4))
    paragraph(frame, [(body["byline"][:1].upper() + body["byline"][1:], {"bold": True, "color": WHITE})], 32)
    when = " \u00b7 ".join(one_line(p) for p in (body["date_label"], body["theme"]) if p)
    paragraph(frame, [(when, {"color": CREAM})], 26)
    paragraph(frame, [("Youth Voice", {"color": MINT})], 18)


def render_stats(page, slide):
    body = slide["body"]
    set_title(page, slide["title"])
    for index, stat in enumerate(body["stats"]):
        left, top = LEFT + (index % 2) * 2.75, TOP + (index // 2) * 2.45
        panel(page, (left, top, 2.55, 2.25), NAVY)
        frame = text_box(page, (left, top + 0.1, 2.55, 2.05), MSO_ANCHOR.MIDDLE)
        paragraph(frame, [(f"{stat['value']:,}", {"bold": True, "color": WHITE})],
                  fitted_size([f"{stat['value']:,}"], 2.4, 1.1, (60, 54, 48, 40, 32)), PP_ALIGN.CENTER, 0.05)
        paragraph(frame, [(stat["label"], {"color": CREAM})], 20, PP_ALIGN.CENTER, 0)
    chart = body["chart"]
    if chart["categories"]:
        size = 16 if len(chart["categories"]) <= 8 else 12
        bar_chart(page, (6.3, TOP - 0.1, RIGHT - 6.3, BOTTOM - TOP + 0.2), chart["title"], chart["categories"],
                  chart["values"], size)


def render_ranked(page, slide):
    body = slide["body"]
    set_title(page, slide["title"])
    if not body["ideas"]:
        return empty_note(page, body["empty"])
    width = 7.9
    texts = [f"{n}. {i['text']} ({i['votes']} votes)" for n, i in enumerate(body["ideas"], 1)]
    size = fitted_size(texts, width, BOTTOM - TOP)
    frame = text_box(page, (LEFT, TOP, width, BOTTOM - TOP))
    for rank, idea in enumerate(body["ideas"], 1):
        votes = f"{idea['votes']} vote" if idea["votes"] == 1 else f"{idea['votes']} votes"
        # The left-to-right mark keeps "(12 votes)" in order after right-to-left text (Unicode bidi rule W2).
        paragraph(frame, [(f"{rank}.  ", {"bold": True, "color": TEAL}), (one_line(idea["text"]), {}),
                          (f"\u200e  ({votes})", {"bold": True, "color": TEAL, "size": max(12, size - 4)})], size)
    chart = body["chart"]
    bar_chart(page, (LEFT + width + 0.3, TOP, RIGHT - LEFT - width - 0.3, BOTTOM - TOP), "Votes",
              chart["categories"], chart["values"], 18)


def render_quotes(page, slide):
    body = slide["body"]
    set_title(page, slide["title"])
    if not body["ideas"]:
        return empty_note(page, body["empty"])
    texts = [f"\u201c{one_line(i['text'])}\u201d" for i in body["ideas"]]
    size = fitted_size(texts, RIGHT - LEFT - 0.6, BOTTOM - TOP, (36, 32, 30, 28, 26, 24, 22, 20, 18, 16, 14), 0.6)
    panel(page, (LEFT, TOP, 0.12, BOTTOM - TOP), TEAL)
    frame = text_box(page, (LEFT + 0.35, TOP, RIGHT - LEFT - 0.35, BOTTOM - TOP), MSO_ANCHOR.MIDDLE)
    for text, idea in zip(texts, body["ideas"]):
        paragraph(frame, [(text, {"color": NAVY})], size, space_after=0.6, rtl=is_rtl(idea["text"]))


def render_polls(page, slide):
    polls = slide["body"]["polls"]
    set_title(page, slide["title"])
    width = (RIGHT - LEFT - 0.3 * (len(polls) - 1)) / len(polls)
    for index, poll in enumerate(polls):
        left = LEFT + index * (width + 0.3)
        frame = text_box(page, (left, TOP, width, 1.1))
        paragraph(frame, [(one_line(poll["question"]), {"bold": True})],
                  fitted_size([poll["question"]], width, 1.1, (24, 22, 20, 18, 16, 14)), rtl=is_rtl(poll["question"]))
        bar_chart(page, (left, TOP + 1.2, width, BOTTOM - TOP - 1.2), "Votes",
                  [o["label"] for o in poll["options"]], [o["votes"] for o in poll["options"]], 16)


def render_tasks(page, slide):
    set_title(page, slide["title"])
    for index, task in enumerate(slide["body"]["tasks"]):
        top = TOP + 0.1 + index * 1.65
        circle = panel(page, (LEFT, top, 1.1, 1.1), TEAL, MSO_SHAPE.OVAL)
        circle.text_frame.text = str(index + 1)
        circle.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
        style(circle.text_frame.paragraphs[0].runs[0], 40, bold=True, color=WHITE)
        frame = text_box(page, (LEFT + 1.4, top - 0.05, RIGHT - LEFT - 1.4, 1.45), MSO_ANCHOR.MIDDLE)
        paragraph(frame, [(task["title"], {"bold": True, "color": NAVY})], 30, space_after=0.2)
        paragraph(frame, [(task["detail"], {})], 22, space_after=0)


def render_help(page, slide):
    body = slide["body"]
    set_title(page, slide["title"])
    for index, line in enumerate(body["lines"]):
        left, top = LEFT + (index % 2) * 6.15, TOP + (index // 2) * 1.9
        panel(page, (left, top, 5.95, 1.7), MINT if index > 1 else CREAM)
        frame = text_box(page, (left + 0.15, top + 0.05, 5.7, 1.6), MSO_ANCHOR.MIDDLE)
        paragraph(frame, [(line["number"], {"bold": True, "color": NAVY}), (f"   {line['name']}", {"size": 20,
                                                                                                "bold": True})],
                  36 if index < 2 else 28, space_after=0.1)
        paragraph(frame, [(line["detail"], {"color": GREY})], 16, space_after=0)
    frame = text_box(page, (LEFT, TOP + 3.9, RIGHT - LEFT, 1.0), MSO_ANCHOR.MIDDLE)
    paragraph(frame, [(body["message"], {"bold": True, "color": NAVY})], 22, PP_ALIGN.CENTER, 0)


def render_bullets(page, slide):
    """Any other kind of slide: its title and its body's bullets, if it has any."""
    set_title(page, slide["title"])
    bullets = [str(b) for b in slide["body"].get("bullets", [])]
    frame = text_box(page, (LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP))
    for bullet in bullets:
        paragraph(frame, [(f"\u2022 {bullet}", {})], fitted_size(bullets, RIGHT - LEFT, BOTTOM - TOP))


def empty_note(page, message):
    box = panel(page, (LEFT + 1.5, TOP + 1.2, RIGHT - LEFT - 3.0, 2.0), CREAM)
    frame = box.text_frame
    frame.word_wrap = True
    paragraph(frame, [(message, {"bold": True, "color": NAVY})], 28, PP_ALIGN.CENTER, 0)


RENDERERS = {"title": render_title, "stats": render_stats, "ranked": render_ranked, "quotes": render_quotes,
             "polls": render_polls, "tasks": render_tasks, "help": render_help}
