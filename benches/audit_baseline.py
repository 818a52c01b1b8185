#!/usr/bin/env python3
"""The near-duplicate job done the obvious way, for `cargo bench --bench audit` to compare.

usage: audit_baseline.py CATALOG.csv [BUDGET_SECONDS]

Per region: names lower-cased, NFKC, punctuation and spaces removed; character bigrams;
candidates from datasketch MinHash LSH (Jaccard 0.5, 128 permutations) when datasketch is
installed, else every pair of the region; pairs with different item codes and bigram Jaccard
>= 0.5 are reported. Prints JSON {"method","pairs":[[id,id],...],"complete","regions_done",
"regions"}; stops at the time budget (national catalogs take a long time this way).
"""
import csv
import itertools
import json
import sys
import time
import unicodedata

try:
    from datasketch import MinHash, MinHashLSH
except ImportError:  # pragma: no cover - depends on the machine
    MinHash = None

THRESHOLD = 0.5


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(c for c in s if c.isalnum())


def bigrams(s):
    return {s[i : i + 2] for i in range(len(s) - 1)} or {s}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a or b else 1.0


def region_pairs(rows):
    grams = [bigrams(norm(r[2])) for r in rows]
    out = []
    if MinHash is not None and len(rows) > 1:
        hashes = MinHash.bulk([[g.encode() for g in gs] for gs in grams], num_perm=128)
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=128)
        for i, h in enumerate(hashes):
            lsh.insert(i, h)
        cands = set()
        for i, h in enumerate(hashes):
            for j in lsh.query(h):
                if j != i:
                    cands.add((min(i, j), max(i, j)))
    else:
        cands = itertools.combinations(range(len(rows)), 2)
    for i, j in cands:
        if rows[i][1] != rows[j][1] and jaccard(grams[i], grams[j]) >= THRESHOLD:
            out.append(sorted([rows[i][0], rows[j][0]]))
    return out


def main():
    path = sys.argv[1]
    budget = float(sys.argv[2]) if len(sys.argv) > 2 else 900.0
    start = time.time()
    pairs, done, complete = [], 0, True
    regions = set()
    with open(path, encoding="utf-8-sig", newline="") as f:
        r = csv.reader(f)
        head = next(r)
        ix = [head.index(c) for c in ("id", "item_code", "name", "region_code")]
        group, current = [], None
        for row in r:
            if len(row) != len(head):
                continue
            rec = [row[i] for i in ix]
            if rec[3] != current:
                if group:
                    if time.time() - start > budget:
                        complete = False
                        regions.add(rec[3])
                        break
                    pairs += region_pairs(group)
                    done += 1
                group, current = [], rec[3]
                regions.add(current)
            group.append(rec)
        else:
            if group:
                pairs += region_pairs(group)
                done += 1
        if not complete:
            for row in r:
                if len(row) == len(head):
                    regions.add(row[ix[3]])
    method = "datasketch MinHash LSH" if MinHash is not None else "bigram Jaccard, all pairs"
    json.dump({"method": method, "pairs": pairs, "complete": complete, "regions_done": done, "regions": len(regions)}, sys.stdout)


if __name__ == "__main__":
    main()
