"""Abuse: insults aimed at people or groups, slurs, naming someone negatively.

Rules live in data/: slurs.txt, abuse_insults.txt, people_words.txt,
perpetrator_words.txt, negative_words.txt, abuse_phrases.txt, abuse_not_meant.txt.
"""
import re

from . import _data, names, profanity
from .normalise import basic, clause_before, plain, tokens
from .wordlist import WordList

SLURS = WordList("slurs.txt")
_INSULTS = _data.tagged_entries("abuse_insults.txt")
_PEOPLE = _data.phrase_regex(_data.lines("people_words.txt"))
_PERPETRATORS = _data.phrase_regex(_data.lines("perpetrator_words.txt"))
_NEGATIVE = _data.phrase_regex(_data.lines("negative_words.txt"))
_PHRASES = _data.tagged("abuse_phrases.txt")

_COPULA = r"(?:\b(?:are|is|were|was|be|being|am)|'re|'s)"
# Up to four filler words between the verb and the insult ("are all useless idiots").
_FILLER = r"(?:(?:" + "|".join(_INSULTS["filler"]) + r")\s+){0,4}"
_INSULT = re.compile(
    _COPULA + r"\s+" + _FILLER + r"(?:" + "|".join(_INSULTS["person"] + _INSULTS["quality"]) + r")(?![\w'])"
)
# Negation and reported thoughts or words: the insult is not the writer's own.
_NEGATION = re.compile(
    r"\b(?:" + "|".join(f"(?:{e})" for e in _data.lines("abuse_not_meant.txt") if e != "n't")
    + r")\b|n't\b"
)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Miss|Ms|Mx|Sir|Dr)\.?\s+[A-Z][A-Za-z'-]+|\b(?:mr|mrs|ms|mx)\.?\s+[a-z][a-z'-]+")
_NAME_WORD = re.compile(r"[a-z][a-z'-]*")


def _has_name(clause):
    for word in _NAME_WORD.findall(clause):
        if word in names.FIRST and word not in names.FIRST_COMMON:
            return True
    return bool(re.search(r"\b(?:mr|mrs|miss|ms|mx|sir)\b", clause))


def _about_people(clause):
    return bool(_PEOPLE.search(clause)) or _has_name(clause)


def insults(text):
    """Insults after a verb 'to be' in a clause about people, not negated, not about perpetrators."""
    for m in _INSULT.finditer(text):
        clause = clause_before(text, m.start())
        if _NEGATION.search(clause) or _PERPETRATORS.search(clause):
            continue
        if _about_people(clause):
            return True
    return False


def _is_slur(tok):
    """A slur; a masked form that also fits a swear word (f***ing) counts as the swear word."""
    kind = SLURS.match(tok)
    return kind == "plain" or (kind == "masked" and not profanity.SWEAR_WORDS.match(tok))


def slurs(raw):
    return any(_is_slur(tok) for tok in tokens(basic(raw)))


def names_someone_negatively(raw, text):
    """A member of staff by title, or a pupil by full name, with a negative word."""
    if not _NEGATIVE.search(text) and not profanity.find(raw):
        return False
    return bool(_TITLE.search(raw)) or bool(names.full_names(raw))


def phrases(text):
    found = []
    for tag, regex in _PHRASES:
        for m in regex.finditer(text):
            if not _NEGATION.search(clause_before(text, m.start())):
                found.append(tag)
                break
    return found


def find(raw):
    """Reasons (possibly empty) why the text looks abusive."""
    text = plain(raw)
    reasons = []
    if slurs(raw):
        reasons.append("slur")
    if insults(text):
        reasons.append("insult aimed at people")
    if names_someone_negatively(raw, text):
        reasons.append("names someone negatively")
    for tag in phrases(text):
        if tag not in reasons:
            reasons.append(tag)
    return reasons
