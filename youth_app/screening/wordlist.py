"""Token-level word lists with leetspeak, stretched and masked forms.

Entry syntax (one a line in a data file):
  word     the whole word only (so "ass" never matches "class" or "assess")
  word*    the word and any word starting with it (fuck* -> fucking, fucker)
  *word*   any word containing it (only for strings no ordinary word contains)
  a b      a phrase of whole words ("f off")
"""
import re
from functools import lru_cache

from . import _data
from .normalise import deleet, variants

_MASK_RUN = re.compile(r"[*#]+")
# Endings tried when a masked token (f***ing) is compared with a "word*" entry.
_ENDINGS = ("", "s", "es", "ed", "er", "ers", "ing", "in", "ings", "y", "ty", "head",
            "heads", "face", "wit", "wits", "hole", "holes", "ish", "off", "bag")


def _masked_regex(tok, min_length=4):
    """f***ing -> f[a-z]{2,4}ing; None unless the token starts with a letter, has * or #
    and is 4+ characters long (so the grades "A*" and "D**" are left alone)."""
    if len(tok) < min_length or not tok[0].isalpha() or not _MASK_RUN.search(tok):
        return None
    parts, pos = [], 0
    for run in _MASK_RUN.finditer(tok):
        parts.append(re.escape(tok[pos:run.start()]))
        n = len(run.group())
        parts.append("[a-z]{%d,%d}" % (max(1, n - 1), n + 1))
        pos = run.end()
    parts.append(re.escape(tok[pos:]))
    return re.compile("".join(parts))


class WordList:
    """A word list loaded from data/<filename>, with an optional list of safe words."""

    def __init__(self, filename, safe_words=frozenset()):
        entries = [e.lower() for e in _data.lines(filename)]
        phrases = [e for e in entries if " " in e]
        entries = [e for e in entries if " " not in e]
        self._phrases = _data.phrase_regex([re.escape(p) for p in phrases]) if phrases else None
        self.exact = frozenset(e for e in entries if "*" not in e)
        prefixes = [e[:-1] for e in entries if e.endswith("*") and not e.startswith("*")]
        self._prefixes = tuple(prefixes)
        contains = [e.strip("*") for e in entries if e.startswith("*")]
        self.safe = frozenset(safe_words)
        self._prefix = re.compile("^(?:" + "|".join(map(re.escape, prefixes)) + ")") if prefixes else None
        self._contains = re.compile("|".join(map(re.escape, contains))) if contains else None
        targets = self.exact | {p + e for p in prefixes + contains for e in _ENDINGS}
        self._by_initial = {}
        for form in targets:
            self._by_initial.setdefault(form[0], []).append(form)
        self.match = lru_cache(maxsize=16384)(self._match)

    def has(self, form):
        """True when one normalised token form is in the list."""
        if not form or form in self.safe:
            return False
        if form in self.exact:
            return True
        if self._prefix is not None and self._prefix.match(form):
            return True
        return self._contains is not None and bool(self._contains.search(form))

    def has_phrase(self, toks):
        """True when a listed phrase ("f off") occurs in the (de-leeted) tokens."""
        if self._phrases is None:
            return False
        return bool(self._phrases.search(" ".join(deleet(t) for t in toks)))

    def _has_masked(self, tok):
        form = deleet(tok)
        regex = _masked_regex(form)
        if regex is None:
            return False
        if any(regex.fullmatch(w) for w in self._by_initial.get(form[0], ())):
            return True
        return self._masked_prefix(form)

    def _masked_prefix(self, form):
        """sh*tshow: does the masked start of the token spell a "word*" entry?"""
        for prefix in self._prefixes:
            if prefix[0] != form[0]:
                continue
            for end in (len(prefix) - 1, len(prefix), len(prefix) + 1):
                regex = _masked_regex(form[:end], min_length=2)
                if regex is not None and regex.fullmatch(prefix):
                    return True
        return False

    def _match(self, tok):
        """'plain' if the token is listed as typed, 'masked' if only a disguised form is, else None."""
        forms = variants(tok)
        if any(f in self.safe for f in forms):
            return None
        if self.has(tok):
            return "plain"
        if any(self.has(f) for f in forms[1:]) or self._has_masked(tok):
            return "masked"
        return None
