"""Swear words, including leetspeak (sh1t), stretched (fuuuck) and masked (f***, b*stard) forms.

Matching is per token (see wordlist.py), so "Scunthorpe", "class", "assess" and
"cocktail" are never flagged: a list word must be the whole token (or, for
"word*" entries, its start), or one part of a hyphenated token ("half-arsed",
"cock-up"). The word lists live in data/profanity.txt and data/profanity_safe.txt.
"""
import re
from functools import lru_cache

from . import _data
from .normalise import basic, deleet, squeeze, tokens
from .wordlist import WordList

_SAFE = _data.words("profanity_safe.txt")
_SAFE_PHRASES = _data.phrase_regex([re.escape(p) for p in _SAFE if " " in p])
SWEAR_WORDS = WordList("profanity.txt", safe_words={w for w in _SAFE if " " not in w})
_REASONS = {"plain": "swear word", "masked": "swear word (masked)"}
_SEPARATED_LETTERS = re.compile(r"^(?:\w-)+\w$")


def _token_reason(tok):
    reason = _REASONS.get(SWEAR_WORDS.match(tok))
    if reason is None and "-" in tok and not _SEPARATED_LETTERS.match(tok):
        # a hyphenated compound: "half-arsed", "cock-up", "piss-take"
        for part in tok.split("-"):
            if len(part) > 1:
                reason = _REASONS.get(SWEAR_WORDS.match(part))
                if reason:
                    break
    return reason


def _extra_forms(extra_words):
    forms = set()
    for word in extra_words or ():
        norm = " ".join(deleet(t) for t in tokens(str(word)))
        if norm:
            forms.add(norm)
    return tuple(sorted(forms))


@lru_cache(maxsize=128)
def _extra_regex(forms):
    return _data.phrase_regex([re.escape(f) for f in forms])


def _has_extra_word(toks, extra_words):
    forms = _extra_forms(extra_words)
    if not forms:
        return False
    regex = _extra_regex(forms)
    text = " ".join(deleet(t) for t in toks)
    return any(regex.search(v) for v in (text, squeeze(text, 1), squeeze(text, 2)))


def find(text, extra_words=()):
    """Reasons (possibly empty) why the text counts as profanity."""
    cleaned = _SAFE_PHRASES.sub(" ", basic(text))
    toks = tokens(cleaned)
    reasons = []
    for tok in toks:
        reason = _token_reason(tok)
        if reason and reason not in reasons:
            reasons.append(reason)
    if "swear word" not in reasons and SWEAR_WORDS.has_phrase(toks):
        reasons.append("swear word")
    if _has_extra_word(toks, extra_words):
        reasons.append("event blocked word")
    return reasons
