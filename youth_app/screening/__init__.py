"""Screening of pupils' short contributions before they reach a shared screen.

    from youth_app.screening import screen, mask_personal_data, FLAGS

    result = screen("text me on 07700 900123", extra_words=("kyle",))
    result.flags    -> ("personal_data",)
    result.reasons  -> ("phone number",)
    result.ok       -> False
    result.to_dict(text) -> {"text": ..., "flags": [...], "reasons": [...]}
    mask_personal_data("text me on 07700 900123") -> "text me on 07700 ******"

Pure Python regex, rules compiled once at import from the files in data/,
which a facilitator may extend (each file says its format at the top).
This package imports nothing from the rest of youth_app.
"""
from dataclasses import dataclass

from . import abuse, disclosure, personal_data, profanity, spam

FLAGS = ("profanity", "personal_data", "abuse", "spam", "disclosure")
# Only the first MAX_CHARS characters are screened: a bound on the work one text can cause.
MAX_CHARS = 10_000

_DETECTORS = {
    "personal_data": personal_data.find,
    "abuse": abuse.find,
    "spam": spam.find,
    "disclosure": disclosure.find,
}


@dataclass(frozen=True)
class ScreenResult:
    """The outcome of screen(): flags in FLAGS order, with human-readable reasons."""

    flags: tuple = ()
    reasons: tuple = ()

    @property
    def ok(self):
        return not self.flags

    def to_dict(self, text):
        return {"text": text, "flags": list(self.flags), "reasons": list(self.reasons)}


def _extra_words(extra_words):
    if not extra_words:
        return ()
    if isinstance(extra_words, str):
        return (extra_words,)
    return tuple(w for w in extra_words if isinstance(w, str) and w.strip())


def screen(text, extra_words=()):
    """Check one contribution; extra_words are per-event blocked words (flag "profanity")."""
    text = text[:MAX_CHARS] if isinstance(text, str) else ""
    found = {"profanity": profanity.find(text, _extra_words(extra_words))}
    for flag, detect in _DETECTORS.items():
        found[flag] = detect(text)
    flags, reasons = [], []
    for flag in FLAGS:
        if found[flag]:
            flags.append(flag)
            reasons.extend(r for r in found[flag] if r not in reasons)
    return ScreenResult(tuple(flags), tuple(reasons))


def mask_personal_data(text):
    """The text with phone numbers, emails, handles, addresses, postcodes and names masked."""
    if not isinstance(text, str) or not text:
        return text
    return personal_data.mask(text)


__all__ = ["FLAGS", "ScreenResult", "screen", "mask_personal_data"]
