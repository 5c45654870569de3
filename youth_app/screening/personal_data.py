"""Personal data: phone numbers, emails, social handles, addresses, postcodes, names.

find_spans(text) gives the spans of the raw text to mask, each with a kind
(the human-readable reason) and its replacement; find(text) gives the reasons.
"""
import re

import phonenumbers

from . import _data, names
from .names import Span

_HELPLINES = frozenset(re.sub(r"\D", "", n) for n in _data.lines("helplines.txt"))
_COMMON = _data.split_words("common_words.txt")
_PLATFORM = "(?:" + "|".join(_data.lines("social_platforms.txt")) + ")"

_PHONE_FALLBACK = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{7,}\d(?!\w)")
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_EMAIL_SPOKEN = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]+\s*(?:\(at\)|\[at\]|\sat\s)\s*(?:gmail|hotmail|outlook|yahoo|icloud|live|aol|"
    r"btinternet|sky|me)\s*(?:\.|\sdot\s)\s*(?:com|co\.uk|co\s+dot\s+uk|uk|net)\b", re.IGNORECASE)
_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_TIME = re.compile(r"@\d{1,2}(?:[:.]\d{2})?(?:am|pm)?$", re.IGNORECASE)
_PLATFORM_HANDLE = re.compile(
    r"\b(?P<lead>(?:(?:add|follow|message|msg|dm|text|hmu|find|hit)\s+me(?:\s+up)?\s+on\s+)|(?:my\s+))?"
    + _PLATFORM + r"\b(?P<marker>(?:\s*(?:(?:user ?name|name|handle|account|acc|id|is|it's|its)\b|[=:-]))*)\s*"
    r"(?P<handle>@?[A-Za-z0-9_][A-Za-z0-9_.]{1,29})", re.IGNORECASE)
_STRONG_MARKER = re.compile(r"name|handle|id|[=:]", re.IGNORECASE)
_FUNCTION_WORDS = frozenset("the a an on in of to and for at by my your our his her their is are was were".split())
_VERB_ME_HANDLE = re.compile(
    r"\b(?:snap|dm|message|msg|add|follow|find)\s+me\s*(?:on\s+|at\s+|[:=-]\s*)?(?P<handle>@?[A-Za-z0-9_][A-Za-z0-9_.]{2,29})",
    re.IGNORECASE)
_CONTACT_REQUEST = re.compile(
    r"\b(?:add|follow|message|msg|dm|hmu|hit)\s+me(?:\s+up)?\s+(?:on|at)\s+" + _PLATFORM + r"\b", re.IGNORECASE)
_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s?(\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)$", re.IGNORECASE)


def _street_regex(types, caps):
    name = r"[A-Z][a-z'-]+" if caps else r"[A-Za-z][A-Za-z'-]+"
    kinds = "|".join(t.capitalize() if caps else t for t in sorted(types, key=len, reverse=True))
    flags = 0 if caps else re.IGNORECASE
    lead = r"(?:\b(?:flat|apartment)\s+\d+[a-z]?,?\s+)?\b\d{1,4}[a-z]?,?\s+"
    live = r"\b(?:live[sd]?|my\s+(?:house|flat|home|address)\b[^.!?\d]{0,30}?)\s+(?:on|at|in|of|is)\s+"
    street = rf"(?P<words>(?:{name}\s+){{1,3}})(?:{kinds})\b"
    return re.compile(rf"(?:{lead}|{live}){street}", flags)


_STREET_CLEAR = _street_regex(_data.words("street_types.txt"), caps=False)
_STREET_CAPS = _street_regex(_data.words("street_types_ambiguous.txt"), caps=True)


def _national_digits(raw):
    try:
        number = phonenumbers.parse(raw, "GB")
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    except phonenumbers.NumberParseException:
        national = raw
    return re.sub(r"\D", "", national)


def _phone_span(start, end, raw):
    digits = re.sub(r"\D", "", raw)
    if not 9 <= len(digits) <= 15 or digits in _HELPLINES:
        return None
    national = _national_digits(raw)
    if national in _HELPLINES:
        return None
    return Span(start, end, "phone number", national[:5] + " ******")


def phones(text):
    """libphonenumber's matcher (region GB), plus a digit-run fallback for what it misses."""
    if len(_DIGIT.findall(text)) < 9:
        return []
    spans = []
    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matcher:
        spans.append(_phone_span(match.start, match.end, match.raw_string))
    for m in _PHONE_FALLBACK.finditer(text):
        raw = m.group().rstrip(" -.(")
        if raw.lstrip("(")[:1] in ("0", "+") or re.search(r"\d{10}", raw):  # not "2008 2009 2010"
            spans.append(_phone_span(m.start(), m.start() + len(raw), raw))
    return [s for s in spans if s]


def emails(text):
    spans = [Span(m.start(), m.end(), "email address", m.group()[0] + "***@***") for m in _EMAIL.finditer(text)]
    spans += [Span(m.start(), m.end(), "email address", m.group()[0] + "***@***")
              for m in _EMAIL_SPOKEN.finditer(text)]
    return spans


def _explicit_handle(m):
    """"snap name: X", "add me on snap X", "my insta is X" name a handle; "snap is X" does not."""
    lead = (m.group("lead") or "").lower().split()
    marker = m.group("marker").lower()
    if _STRONG_MARKER.search(marker) or "me" in lead:
        return True
    return lead == ["my"] and bool(re.search(r"\b(?:is|it's|its)\b", marker))


def _handle_ok(m):
    handle = m.group("handle")
    bare = handle.lstrip("@").lower().strip(".")
    if handle.startswith("@") or re.search(r"[\d_.]", bare):
        return not re.fullmatch(r"[\d.]+", bare)
    return _explicit_handle(m) and bare not in _COMMON and len(bare) >= 3


def handles(text):
    spans = []
    for m in _AT_HANDLE.finditer(text):
        if not _TIME.match(m.group()):
            spans.append(Span(m.start(), m.end(), "social media handle", "@***"))
    for m in _VERB_ME_HANDLE.finditer(text):
        bare = m.group("handle").lstrip("@")
        if re.search(r"[\d_.]", bare) and re.search(r"[A-Za-z]", bare) or m.group("handle").startswith("@"):
            spans.append(Span(m.start("handle"), m.end("handle"), "social media handle", "@***"))
    for m in _PLATFORM_HANDLE.finditer(text):
        if _handle_ok(m):
            spans.append(Span(m.start("handle"), m.end("handle"), "social media handle", "@***"))
    return spans


def postcodes(text):
    spans = []
    for m in _POSTCODE.finditer(text):
        if not _ORDINAL.match(m.group(2)):
            spans.append(Span(m.start(), m.end(), "postcode", m.group(1).upper() + " ***"))
    return spans


def _address_ok(m):
    """Street name words: never function words; ordinary words only when capitalised."""
    for word in m.group("words").split():
        low = word.lower()
        if low in _FUNCTION_WORDS or (low in _COMMON and not word[0].isupper()):
            return False
    return True


def addresses(text):
    spans = []
    for regex in (_STREET_CLEAR, _STREET_CAPS):
        for m in regex.finditer(text):
            if _address_ok(m):
                start = m.start("words") if not m.group()[:1].isdigit() and not m.group().lower().startswith("flat") else m.start()
                spans.append(Span(start, m.end(), "street address", "[address]"))
    return spans


def _without_overlaps(spans):
    """Keep the longest span where spans overlap, in text order."""
    kept = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def find_spans(text):
    spans = emails(text)
    spans += phones(text) + handles(text) + postcodes(text) + addresses(text) + names.find_spans(text)
    return _without_overlaps(spans)


def find(text):
    """Reasons (possibly empty) why the text holds personal data."""
    reasons = []
    for span in find_spans(text):
        if span.kind not in reasons:
            reasons.append(span.kind)
    if not reasons and _CONTACT_REQUEST.search(text):
        reasons.append("social media contact request")
    return reasons


def mask(text):
    """The text with each piece of personal data replaced by its masked form."""
    out, pos = [], 0
    for span in find_spans(text):
        out.append(text[pos:span.start])
        out.append(span.replacement)
        pos = span.end
    out.append(text[pos:])
    return "".join(out)
