#!/usr/bin/env python3
"""Exact-match accuracy of extracted title, author and publish date against the ground truth of the extraction
development pages (the shared scorer scores the text only). On demand, called by tests/extraction-eval.sh.

  extraction-metadata.py --pages DIR --extracted out.jsonl [--misses]

out.jsonl holds `monitor extract` lines ({"path": ".../ID.html", "title", "byline", "publishedAt", ...}).
A field is scored only on the pages whose ground truth has it. Comparison, after Unicode NFKC, case folding and
collapsing whitespace: title equal; author equal (several authors: the same names in any order, separated by
commas, "and" or "&"); date equal to the day, as written on the page (the offset the page gave is kept, not
converted to UTC).
"""
import argparse
import json
import os
import re
import sys
import unicodedata


def norm(text):
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "'", text)
    return " ".join(text.split()).strip(" .,;:|-–—")


def names(text):
    return sorted(n for n in (norm(part) for part in re.split(r",|;|\s+and\s+|\s+&\s+|\s+und\s+|\s+et\s+|\s+y\s+", text or "")) if n)


def day(value):
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value or "")
    return match.group(1) if match else None


FIELDS = {
    "title": ("title", lambda gt, ours: norm(gt) == norm(ours)),
    "author": ("byline", lambda gt, ours: names(gt) == names(ours)),
    "publish_date": ("publishedAt", lambda gt, ours: day(gt) == day(ours)),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", required=True)
    ap.add_argument("--extracted", required=True)
    ap.add_argument("--misses", action="store_true", help="list every miss: id, field, truth, ours")
    ap.add_argument("--ids", help="score only these ids (comma-separated)")
    a = ap.parse_args()
    rows = {}
    with open(a.extracted, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            rows[os.path.basename(row["path"]).rsplit(".html", 1)[0]] = row
    wanted = set(a.ids.split(",")) if a.ids else None
    totals = {field: [0, 0] for field in FIELDS}
    misses = []
    for pid in sorted(rows):
        if wanted is not None and pid not in wanted:
            continue
        with open(os.path.join(a.pages, pid + ".json"), encoding="utf-8") as f:
            gt = json.load(f).get("ground_truth") or {}
        for field, (ours_key, same) in FIELDS.items():
            truth = gt.get(field)
            if not truth:
                continue
            ours = rows[pid].get(ours_key)
            ok = same(str(truth), ours or "")
            totals[field][0] += ok
            totals[field][1] += 1
            if not ok:
                misses.append((pid, field, truth, ours))
    if a.misses:
        for pid, field, truth, ours in misses:
            print(f"{pid} {field:12} truth {truth!r}\n{'':17} ours  {ours!r}")
    print("metadata  " + "  ".join(f"{field} {hit / n:.3f} ({hit}/{n})" for field, (hit, n) in totals.items() if n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
