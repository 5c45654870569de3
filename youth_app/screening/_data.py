"""Loading the rule files in data/ (read once, at import).

Two formats, both with '#' comments and blank lines ignored:
- word lists: one word or phrase a line, matched case-insensitively;
- tagged pattern lists: "tag: regex" a line; the tag becomes part of the
  human-readable reason and the regex is matched against normalised
  (lower-case) text as a whole word or phrase.
"""
import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
_TAG = re.compile(r"^([a-z][a-z ]*?)\s*:\s+(.+)$")


def lines(name):
    """The meaningful lines of data/<name>, stripped."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


def words(name):
    """A word list as a frozenset of lower-case entries."""
    return frozenset(line.lower() for line in lines(name))


def split_words(name):
    """A space- or line-separated word list as a frozenset of lower-case words."""
    return frozenset(w.lower() for line in lines(name) for w in line.split())


def mapping(name):
    """'key value...' lines as a dict (first word -> rest of the line)."""
    out = {}
    for line in lines(name):
        key, _, value = line.partition(" ")
        out[key.lower()] = value.strip().lower()
    return out


def whole(pattern):
    """Wrap a regex so it only matches whole words/phrases."""
    return r"(?<![\w'])(?:" + pattern + r")(?!\w)"


def phrase_regex(entries, flags=re.IGNORECASE):
    """One compiled alternation matching any entry (regex) as a whole phrase."""
    if not entries:
        return re.compile(r"(?!x)x")
    ordered = sorted(entries, key=len, reverse=True)
    return re.compile(whole("|".join(f"(?:{e})" for e in ordered)), flags)


def tagged_entries(name):
    """A tagged pattern file as {tag: [regex, ...]}, tags in file order."""
    groups = {}
    for line in lines(name):
        match = _TAG.match(line)
        if not match:
            raise ValueError(f"{name}: expected 'tag: regex', got {line!r}")
        groups.setdefault(match.group(1), []).append(match.group(2))
    return groups


def tagged(name):
    """A tagged pattern file as [(tag, compiled regex)], one regex per tag, in file order."""
    return [(tag, phrase_regex(pats)) for tag, pats in tagged_entries(name).items()]
