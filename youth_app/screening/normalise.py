"""Text normalisation shared by the detectors.

basic()     NFKC, straight quotes, lower case, single spaces.
tokens()    word-ish tokens for word-list matching (keeps * # @ $ and digits
            inside words so masked and leetspeak forms survive).
deleet()    leetspeak map (sh1t -> shit, b@stard -> bastard, $lag -> slag).
variants()  the forms of a token to look up: as typed, de-leeted, and with
            repeated letters squeezed (fuuuuck -> fuck, asssss -> ass).
plain()     basic() plus text-speak expansion (u -> you, bf -> boyfriend; and, from
            the next word, "hell hurt" -> "he'll hurt", "ur talking" -> "you're
            talking"), used by the phrase rules (abuse, disclosure).
"""
import re
import unicodedata
from functools import lru_cache

from . import _data

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_LEET = str.maketrans({"1": "i", "!": "i", "|": "i", "3": "e", "0": "o", "4": "a",
                       "@": "a", "5": "s", "$": "s", "7": "t", "+": "t"})
_TOKEN = re.compile(r"[^\s,;:?\"()\[\]{}<>/\\~=^]+")
_EDGES = ".!'-_"
_SEPARATED = re.compile(r"^(?:[a-z0-9@$*][-._]){2,}[a-z0-9@$*]$")
_RUN3 = re.compile(r"(.)\1{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[.,!?;:])")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9']+|[^\sa-z0-9']")

SLANG = _data.mapping("slang.txt")


def _context_slang():
    by_tag = {}
    for tag, entries in _data.tagged_entries("slang_context.txt").items():
        by_tag[tag] = dict(e.lower().split(None, 1) for e in entries)
    return by_tag.get("verb", {}), by_tag.get("ing", {})


SLANG_BEFORE_VERB, SLANG_BEFORE_ING = _context_slang()
BASE_VERBS = _data.split_words("base_verbs.txt")


@lru_cache(maxsize=16)
def basic(text):
    """NFKC, straight quotes and dashes, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).lower()
    return _SPACE.sub(" ", text).strip()


def _clean_token(tok):
    tok = tok.strip(_EDGES)
    if _SEPARATED.match(tok):  # f.u.c.k, s-h-i-t
        tok = re.sub(r"[-._]", "", tok)
    return tok


@lru_cache(maxsize=16)
def tokens(text):
    """Tokens of basic(text) as a tuple; runs of single letters ("f u c k") are also joined."""
    toks = [t for t in (_clean_token(t) for t in _TOKEN.findall(basic(text))) if t]
    joined, run = [], []
    for tok in toks + [""]:
        if len(tok) == 1 and tok.isalpha():
            run.append(tok)
            continue
        if len(run) >= 3:
            joined.append("".join(run))
        run = []
    return tuple(toks + joined)


def deleet(tok):
    """Map leetspeak symbols to letters, only in tokens that contain a letter."""
    if not any(c.isalpha() for c in tok):
        return tok
    return tok.translate(_LEET).strip(_EDGES)


def squeeze(tok, keep=1):
    """Runs of 3+ identical characters cut down to `keep` characters."""
    return _RUN3.sub(lambda m: m.group(1) * keep, tok)


def variants(tok):
    """The distinct forms of a token to look up in a word list (as typed first)."""
    form = deleet(tok)
    forms = [tok]
    for v in (form, squeeze(form, 1), squeeze(form, 2)):
        if v not in forms:
            forms.append(v)
    return forms


@lru_cache(maxsize=16)
def plain(text):
    """basic() with text-speak expanded, for phrase rules."""
    parts = _WORD.findall(basic(text))
    out = []
    for i, part in enumerate(parts):
        nxt = parts[i + 1] if i + 1 < len(parts) else ""
        if part in SLANG_BEFORE_VERB and nxt in BASE_VERBS:
            out.append(SLANG_BEFORE_VERB[part])
        elif part in SLANG_BEFORE_ING and len(nxt) > 4 and nxt.endswith("ing"):
            out.append(SLANG_BEFORE_ING[part])
        else:
            out.append(SLANG.get(part, part))
    return _SPACE_BEFORE_PUNCT.sub("", " ".join(out))


_CLAUSE_BREAK = re.compile(r"[.!?;,]|\bbut\b|\bbecause\b|\bso\b(?= )")


def clause_before(text, pos):
    """The part of the clause in `text` that comes before position `pos`."""
    start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, pos):
        start = m.end()
    return text[start:pos]
