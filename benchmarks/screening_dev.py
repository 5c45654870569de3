"""Precision/recall of youth_app.screening on a labelled CSV, plus throughput.

    python benchmarks/screening_dev.py [CSV]

CSV columns: label,stage,text (labels: ok or one of FLAGS). A text "has" flag L
when L is in screen(text).flags; an ok text counts as a false positive for each
flag it gets. Default CSV: ../shared/data/contributions_dev.csv from the repo root.
"""
import csv
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared/data/contributions_dev.csv"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from youth_app.screening import FLAGS, screen  # noqa: E402


def load_rows(path=DEFAULT_CSV):
    with open(path, newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle)]


def _ratio(num, den):
    return num / den if den else None


def evaluate(rows):
    """Per-flag precision/recall and the share of ok texts flagged at all.

    Returns {"n": int, "ok_total": int, "ok_flagged": int, "ok_flagged_share": float,
             "labels": {flag: {"tp", "fp", "fn", "support", "precision", "recall"}},
             "misses": [(label, text, flags)], "false_alarms": [(label, text, flags)]}.
    precision/recall are None when undefined (nothing flagged / no such label).
    """
    counts = {f: {"tp": 0, "fp": 0, "fn": 0, "support": 0} for f in FLAGS}
    ok_total = ok_flagged = 0
    misses, false_alarms = [], []
    for row in rows:
        label, text = row["label"].strip(), row["text"]
        flags = screen(text).flags
        if label == "ok":
            ok_total += 1
            ok_flagged += bool(flags)
        elif label in counts:
            counts[label]["support"] += 1
            if label in flags:
                counts[label]["tp"] += 1
            else:
                counts[label]["fn"] += 1
                misses.append((label, text, flags))
        for flag in flags:
            if flag != label:
                counts[flag]["fp"] += 1
                false_alarms.append((label, text, flags))
    for c in counts.values():
        c["precision"] = _ratio(c["tp"], c["tp"] + c["fp"])
        c["recall"] = _ratio(c["tp"], c["support"])
    return {"n": len(rows), "ok_total": ok_total, "ok_flagged": ok_flagged,
            "ok_flagged_share": _ratio(ok_flagged, ok_total) or 0.0, "labels": counts,
            "misses": misses, "false_alarms": false_alarms}


def _rate(fn, texts, min_seconds=0.5):
    """Texts per second for fn over texts, repeated for at least min_seconds."""
    done, start = 0, time.perf_counter()
    while True:
        for text in texts:
            fn(text)
        done += len(texts)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return done / elapsed


def throughput(texts, min_seconds=0.5):
    return {"screen": _rate(screen, texts, min_seconds), "str.lower": _rate(str.lower, texts, min_seconds)}


def _pct(value):
    return "  n/a" if value is None else f"{value * 100:5.1f}%"


def report(result, speed):
    lines = [f"{'label':<14} {'support':>7} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}"]
    for flag, c in result["labels"].items():
        lines.append(f"{flag:<14} {c['support']:>7} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} "
                     f"{_pct(c['precision']):>9} {_pct(c['recall']):>7}")
    lines.append(f"ok texts flagged (any flag): {result['ok_flagged']}/{result['ok_total']} "
                 f"= {_pct(result['ok_flagged_share']).strip()}")
    per_text_us = 1e6 / speed["screen"]
    lines.append(f"throughput (word caches warm): screen {speed['screen']:,.0f} texts/s ({per_text_us:.0f} us/text); "
                 f"baseline str.lower {speed['str.lower']:,.0f} texts/s "
                 f"({speed['str.lower'] / speed['screen']:,.0f}x faster)")
    for title, items in (("missed", result["misses"]), ("false alarms", result["false_alarms"])):
        for label, text, flags in items:
            lines.append(f"  {title}: [{label}] {text!r} -> {list(flags)}")
    return "\n".join(lines)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else DEFAULT_CSV
    rows = load_rows(path)
    result = evaluate(rows)
    speed = throughput([r["text"] for r in rows])
    print(f"{path} ({result['n']} texts)")
    print(report(result, speed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
