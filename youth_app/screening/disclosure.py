"""Possible disclosure of harm: the most important flag, tuned for recall.

The conference is ABOUT grooming and exploitation, so a harm cue alone
("Being asked to carry packages") is an ordinary idea. A text is flagged when
  - a strong cue matches (data/disclosure_strong.txt: "scared to go home",
    "I owe them", "it's happening to me"), unless the text is plainly general
    (data/disclosure_generic.txt: "kids who...", "if you...") with no personal cue, or
  - a harm cue (data/disclosure_harm.txt) matches AND the text is about the
    writer or someone they know (data/disclosure_personal.txt: I/me, "my sister",
    "a friend of mine", a pupil's name), once opinion frames such as "I think"
    (data/disclosure_frames.txt) are taken out.
Two refinements, both before the cues are looked for:
  - a hypothetical "what I WOULD do" sentence part ("if someone asked me for pics I'd
    block them", "I'd tell my mum if my friend was acting different") is left out
    (data/disclosure_hypothetical.txt), unless it shows the thing is already happening;
  - an indirect question ("is it normal that...", "asking for a friend", "is that
    grooming", data/disclosure_questions.txt) makes the text personal, and "you/your"
    in it are read as "me/my" ("buying you alcohol" -> "buying me alcohol").
"""
import re

from . import _data, names
from .normalise import plain

_RELATION = "|".join(_data.lines("relation_words.txt"))
_PLACEHOLDERS = {
    "{relation}": _RELATION,
    "{obj}": rf"(?:me|her|him|us|them|my (?:\w+ )?(?:{_RELATION}))",
    "{pics}": r"(?:pictures?|photos?|nudes?|videos?|selfies|snaps|images?|naked (?:pictures|photos))",
    "{body}": r"(?:legs?|arms?|bum|backside|face|hair|body|chest|boobs|breasts?|thighs?|waist|knees?|neck|private parts|privates)",
}
_PREFIX = "may describe someone being harmed: "
_WORD = re.compile(r"[a-z][a-z'-]*")


def _expand(pattern):
    for key, value in _PLACEHOLDERS.items():
        pattern = pattern.replace(key, value)
    return pattern


def _tagged(name):
    groups = _data.tagged_entries(name)
    return [(tag, _data.phrase_regex([_expand(p) for p in pats])) for tag, pats in groups.items()]


STRONG = _tagged("disclosure_strong.txt")
HARM = _tagged("disclosure_harm.txt")
PERSONAL = _data.phrase_regex([_expand(p) for p in _data.lines("disclosure_personal.txt")])
FRAMES = _data.phrase_regex(_data.lines("disclosure_frames.txt"))
GENERIC = _data.phrase_regex(_data.lines("disclosure_generic.txt"))
QUESTIONS = _data.phrase_regex(_data.lines("disclosure_questions.txt"))

_HYPOTHETICAL = _data.tagged_entries("disclosure_hypothetical.txt")
_WOULD = "(?:" + "|".join(f"(?:{p})" for p in _HYPOTHETICAL["would"]) + r")(?!\w)"
_REAL = _data.phrase_regex(_HYPOTHETICAL["real"])
_IF_ANYONE = re.compile(r"\bif " + _data.whole("|".join(f"(?:{p})" for p in _HYPOTHETICAL["anyone"])))
# One character of the same sentence part: no punctuation, no "but/because/so/if" (bounded use only).
_PART_CHAR = r"(?:(?!\b(?:but|because|so|if|though|although)\b)[^.!?;,])"
_IF_THEN = re.compile(r"(?<![\w'])if (?:" + _PART_CHAR + r"{1,100}?),? (?:then )?" + _WOULD + _PART_CHAR + r"{0,100}")
_THEN_IF = re.compile(r"(?<![\w'])" + _WOULD + _PART_CHAR + r"{0,100}?\bif\b" + _PART_CHAR + r"{0,100}")
_SECOND_PERSON = re.compile(r"\b(?:you're|you've|you'll|you'd|yourself|your|yours|you)(?![\w'])")
_AS_WRITER = {"you're": "i'm", "you've": "i've", "you'll": "i'll", "you'd": "i'd", "yourself": "myself",
              "your": "my", "yours": "mine", "you": "me"}


def _names_someone(raw, text):
    """A pupil's name counts as a personal reference ("Kyle keeps getting picked up")."""
    if names.full_names(raw) or names.names_with_class(raw):
        return True
    return any(w in names.FIRST and w not in names.FIRST_COMMON for w in _WORD.findall(text))


def is_personal(raw, text=None):
    """True when the text is about the writer or someone they know."""
    text = plain(raw) if text is None else text
    return bool(PERSONAL.search(FRAMES.sub(" ", text))) or _names_someone(raw, text)


def _matching_tags(rules, text):
    return [tag for tag, regex in rules if regex.search(text)]


def _drop_hypothetical(text):
    """The text without "if X, I'd Y" / "I'd Y if X" parts that are only hypothetical."""
    def drop(match):
        part = match.group()
        if _REAL.search(part) and not _IF_ANYONE.search(part):
            return part
        return " "
    return _THEN_IF.sub(drop, _IF_THEN.sub(drop, text))


def find(raw):
    """Reasons (possibly empty) why the text may be a disclosure of harm."""
    text = _drop_hypothetical(plain(raw))
    personal = is_personal(raw, text)
    if QUESTIONS.search(text):
        personal = True
        text = _SECOND_PERSON.sub(lambda m: _AS_WRITER[m.group()], text)
    tags = []
    if personal or not GENERIC.search(text):
        tags = _matching_tags(STRONG, text)
    if personal:
        tags += [t for t in _matching_tags(HARM, text) if t not in tags]
    return [_PREFIX + t for t in tags]
