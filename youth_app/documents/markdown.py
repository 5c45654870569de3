"""A tiny Markdown writer that escapes every piece of text it is given.

Pupils' text is escaped so that no Markdown renderer turns it into markup: HTML such as <script>
stays literal text (\\<script\\>), and * _ [ ] ` | cannot start emphasis, links, code or table cells.
"""
import re

from . import common

# Characters that start markup anywhere in a line (all backslash-escapable in CommonMark) ...
SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# ... and those that only do at the start of a line (headings, list items, setext underlines).
LEADING_MARK = re.compile(r"^([#+=-])")
LEADING_NUMBER = re.compile(r"^(\d+)([.)])")


class MarkdownWriter:
    def __init__(self):
        self.lines = []

    @staticmethod
    def escape(text):
        """Text on one line, with every character Markdown could read as markup backslash-escaped."""
        text = SPECIAL.sub(r"\\\1", common.one_line(str(text)))
        return LEADING_NUMBER.sub(r"\1\\\2", LEADING_MARK.sub(r"\\\1", text))

    def line(self, raw=""):
        self.lines.append(raw)

    def heading(self, level, text):
        self.lines += ["#" * level + " " + self.escape(text), ""]

    def paragraph(self, text, raw=False):
        self.lines += [text if raw else self.escape(text), ""]

    def quote(self, text):
        self.lines += ["> " + self.escape(text), ""]

    def bullets(self, items):
        self.lines += [f"- {self.escape(item)}" for item in items] + [""]

    def table(self, header, rows):
        self.lines.append("| " + " | ".join(self.escape(h) for h in header) + " |")
        self.lines.append("|" + "---|" * len(header))
        self.lines += ["| " + " | ".join(self.escape(c) for c in row) + " |" for row in rows]
        self.lines.append("")

    def text(self):
        return "\n".join(self.lines).rstrip() + "\n"
