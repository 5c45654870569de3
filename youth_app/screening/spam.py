"""Spam: links, repeated characters, empty or meaningless text, keyboard mash.

Meaningless words live in data/spam_words.txt, allowed link domains in
data/link_allow.txt.
"""
import re
from functools import lru_cache

from . import _data
from .normalise import basic, squeeze

_ALLOWED = _data.words("link_allow.txt")
_MEANINGLESS = _data.phrase_regex(_data.lines("spam_words.txt"))
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s]+"
    r"|(?<![\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|uk|ly|io|gg|app|link|xyz|info|biz|ru|site|online|shop|store)"
    r"\b(?:/[^\s]*)?",
    re.IGNORECASE,
)
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/\s?#:]+)", re.IGNORECASE)
_RUN = re.compile(r"(\S)\1{5,}")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_MASH_RUNS = frozenset(row[i:i + 5] for row in _ROWS for i in range(len(row) - 4))
_REPEATED_UNIT = re.compile(r"^(\w{2,3})\1+\w{0,2}$")
_NO_VOWEL = re.compile(r"^[b-df-hj-np-tv-xz]{6,}$")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _allowed(url):
    host = _HOST.match(url)
    host = host.group(1).lower() if host else ""
    return any(host == d or host.endswith("." + d) for d in _ALLOWED)


def links(text):
    text = _EMAIL.sub(" ", text)
    return [m.group() for m in _URL.finditer(text) if not _allowed(m.group())]


@lru_cache(maxsize=8192)
def _is_mash(word):
    if _NO_VOWEL.match(word) or (len(word) >= 6 and _REPEATED_UNIT.match(word)):
        return True
    return any(word[i:i + 5] in _MASH_RUNS for i in range(len(word) - 4))


def repeated(text):
    """A character typed 6+ times in a row that is most of the text, or all there is besides filler."""
    runs = [m.group() for m in _RUN.finditer(text)]
    if not runs:
        return False
    longest = max(len(r) for r in runs)
    chars = len(re.sub(r"\s", "", text))
    return longest >= 15 or longest / chars >= 0.5 or meaningless(_RUN.sub(" ", text))


def meaningless(text):
    """Only filler words, laughs, mash, single letters, numbers or punctuation.

    A phone number on its own is personal data, not spam."""
    if len(_DIGIT.findall(text)) >= 7:
        return False
    rest = _MEANINGLESS.sub(" ", squeeze(basic(text), 1))
    words = [w for w in _WORDS.findall(rest) if len(w) > 1 and not _is_mash(w)]
    return not words


def mash(text):
    words = _WORDS.findall(basic(text))
    mashed = [w for w in words if _is_mash(w)]
    return bool(mashed) and len(mashed) * 2 >= len(words)


def find(text):
    """Reasons (possibly empty) why the text looks like spam."""
    if not _LETTERS.search(text or "") and not (text or "").strip():
        return ["empty text"]
    reasons = []
    if links(text):
        reasons.append("link")
    if repeated(text):
        reasons.append("repeated characters")
    if mash(text):
        reasons.append("keyboard mash")
    elif not reasons and meaningless(text):
        reasons.append("meaningless text")
    return reasons
