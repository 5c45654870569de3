"""A person's full name ("Kyle Brown"), or a first name with a class ("Kyle in 9C").

A pair counts when the first word is in data/first_names.txt and the second is
a surname: capitalised after a capitalised first name (and not an ordinary or
place word), or in data/surnames.txt. Text written In Title Case Or ALL CAPS
tells nothing by its capitals, so there only data/surnames.txt counts.
"""
import re
from collections import namedtuple
from functools import lru_cache

from . import _data

Span = namedtuple("Span", "start end kind replacement")

FIRST = _data.split_words("first_names.txt")
FIRST_COMMON = _data.split_words("first_names_common_words.txt")
SURNAMES = _data.split_words("surnames.txt")
NOT_SURNAMES = _data.split_words("name_stopwords.txt")
COMMON = _data.split_words("common_words.txt")
PUBLIC = frozenset(" ".join(line.lower().split()) for line in _data.lines("public_figures.txt"))
STREETS = _data.words("street_types.txt") | _data.words("street_types_ambiguous.txt")

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_CLASS = re.compile(r"(?:\s+[A-Z]\.?)?\s+(?:in|from)\s+(?:year\s*\d{1,2}[a-z]?|yr\s*\d{1,2}|y\d{1,2}|\d{1,2}[a-z]{1,2})\b",
                    re.IGNORECASE)


def _capitalised(word):
    return word[0].isupper() and not word.isupper()


def _caps_uninformative(words):
    """Title Case or ALL CAPS text: capitals say nothing about names."""
    later = [w for w in words[1:] if len(w) > 1]
    if len(later) < 3:
        return any(w.isupper() for w in words if len(w) > 1)
    shouting = sum(w.isupper() for w in later)
    titled = sum(w[0].isupper() for w in later)
    return shouting / len(later) >= 0.5 or titled / len(later) >= 0.6


def _surname_like(first, second, following, caps_ok):
    f, s = first.lower(), second.lower()
    s = s[:-2] if s.endswith("'s") else s
    if f"{f} {s}" in PUBLIC or following.lower() in STREETS:
        return False
    if following[:1].isupper() and following.lower() in NOT_SURNAMES:  # Thomas Telford School
        return False
    both_caps = _capitalised(first) and _capitalised(second)
    if f in FIRST_COMMON and not both_caps:
        return False
    if s in SURNAMES:
        return True
    if not caps_ok or not both_caps or len(s) < 2:
        return False
    return s not in NOT_SURNAMES and s not in COMMON and s not in FIRST


def _pairs(text):
    """(first match, second match, following word) for adjacent words."""
    matches = list(_WORD.finditer(text))
    for i, m in enumerate(matches[:-1]):
        nxt = matches[i + 1]
        if text[m.end():nxt.start()] not in (" ", "  "):
            continue
        after = matches[i + 2].group() if i + 2 < len(matches) else ""
        yield m, nxt, after


def _mask(word):
    return word[0] + "***"


@lru_cache(maxsize=16)
def full_names(text):
    """Spans of full names in the raw text, as a tuple."""
    words = _WORD.findall(text)
    caps_ok = not _caps_uninformative(words)
    spans = []
    for first, second, after in _pairs(text):
        if first.group().lower() not in FIRST:
            continue
        if _surname_like(first.group(), second.group(), after, caps_ok):
            repl = f"{_mask(first.group())} {_mask(second.group())}"
            spans.append(Span(first.start(), second.end(), "full name", repl))
    return tuple(spans)


@lru_cache(maxsize=16)
def names_with_class(text):
    """Spans of a first name followed by a class or year group ("Kyle in 9C"), as a tuple."""
    spans = []
    for m in _WORD.finditer(text):
        word = m.group()
        low = word.lower()
        if low not in FIRST or (low in FIRST_COMMON and not _capitalised(word)):
            continue
        if _CLASS.match(text, m.end()):
            spans.append(Span(m.start(), m.end(), "name and class", _mask(word)))
    return tuple(spans)


def find_spans(text):
    return list(full_names(text) + names_with_class(text))
