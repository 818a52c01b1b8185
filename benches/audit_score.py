#!/usr/bin/env python3
"""Score a `govops audit -f json` report against a sample's truth.json, rule by rule.

usage: audit_score.py REPORT.json TRUTH.json  → prints JSON {rule: {tp, fp, fn, precision, recall}}

Matching follows truth.json's rules: gap.missing_item on (rule, region_code, item_code),
everything else on (rule, sorted records). Rules the generator does not plant (gap.offline_only,
gap.no_mobile_channel, gap.peer_missing) are not scored.
"""
import json
import sys


def key(d):
    if d["rule"] == "gap.missing_item":
        return (d["rule"], d.get("region_code"), d.get("item_code"))
    return (d["rule"], tuple(sorted(d.get("records", []))))


def main():
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    truth = json.load(open(sys.argv[2], encoding="utf-8"))
    want = {key(d) for d in truth["defects"]}
    planted = {d["rule"] for d in truth["defects"] if d["rule"].split(".")[0] in ("duplicate", "gap", "consistency", "quality")}
    got = {key(f) for f in report["findings"] if f["rule"] in planted}
    out = {}
    for rule in sorted(planted):
        w = {k for k in want if k[0] == rule}
        g = {k for k in got if k[0] == rule}
        tp = len(w & g)
        out[rule] = {
            "tp": tp,
            "fp": len(g - w),
            "fn": len(w - g),
            "precision": round(tp / len(g), 4) if g else 1.0,
            "recall": round(tp / len(w), 4) if w else 1.0,
        }
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
