#!/usr/bin/env python3
"""Builds cameo-codes.tsv: every CAMEO code with its root, GDELT quad class, Goldstein value, PLOVER category
and name.

Goldstein values and names: cameo-goldstein.csv from the icews R package (MIT, (c) 2022 Andreas Beger).
PLOVER categories: CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, Open Event Data Alliance; edited by Philip Schrodt).
Quad class as GDELT assigns it from the root: 01-04 verbal cooperation (1), 05-08 material cooperation (2),
09-13 verbal conflict (3), 14-20 material conflict (4).

Usage: python3 build-cameo-codes.py ../../../../../shared/reference/cameo/cameo-goldstein.csv \
           ../../../../../shared/reference/plover/CAMEO2PLOVER-2021.txt > cameo-codes.tsv
"""
import csv
import re
import sys


def quad(root):
    r = int(root)
    return 1 if r <= 4 else 2 if r <= 8 else 3 if r <= 13 else 4


def main(goldstein_path, plover_path):
    plover = {}
    for line in open(plover_path, encoding="utf-8"):
        m = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line)
        if m:
            plover[m.group(1)] = m.group(2)
    print("# CAMEO codes: code, root, GDELT quad class, Goldstein value, PLOVER category, name.")
    print("# Goldstein values and names: icews R package, MIT, (c) 2022 Andreas Beger.")
    print("# PLOVER categories: CAMEO2PLOVER-2021, CC BY-SA 4.0, Open Event Data Alliance (ed. Philip Schrodt).")
    print("# Built by build-cameo-codes.py.")
    for row in csv.DictReader(open(goldstein_path, encoding="utf-8")):
        code, root = row["code"], row["root_code"]
        category = plover.get(code) or plover.get(code[:3]) or plover.get(root) or ""
        print(f"{code}\t{root}\t{quad(root)}\t{row['goldstein']}\t{category}\t{row['name'].strip()}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
