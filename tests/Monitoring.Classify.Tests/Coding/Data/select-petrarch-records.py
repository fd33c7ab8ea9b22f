#!/usr/bin/env python3
"""Selects the PETRARCH-2 unit-test records we use as regression tests and writes petrarch-records.xml.

Kept: records whose expected codes are all real CAMEO codes and whose actors are plain codes (country or
organisation, optionally with a sector). Dropped: parse and discard error records, date-restricted actors (DATE-*),
quoted free-text actors, and the fictional 9xx codes of PETRARCH's own validation verb file.

Usage: python3 select-petrarch-records.py PETR.UnitTest.records.xml cameo-codes.tsv > petrarch-records.xml
"""
import re
import sys
from xml.sax.saxutils import escape

NOTICE = """<!--
  A selection of PETRARCH-2's unit-test records (PETR.UnitTest.records.xml), made by select-petrarch-records.py.
  The MIT License (MIT). Copyright (c) 2014 Open Event Data.
  Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
  documentation files (the "Software"), to deal in the Software without restriction, including without limitation
  the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
  to permit persons to whom the Software is furnished to do so, subject to the following conditions:
  The above copyright notice and this permission notice shall be included in all copies or substantial portions
  of the Software.
  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO
  THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
  AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
  CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
  DEALINGS IN THE SOFTWARE.
-->"""


def main(records_path, codes_path):
    codes = {line.split("\t")[0] for line in open(codes_path, encoding="utf-8") if not line.startswith("#")}
    text = open(records_path, encoding="utf-8").read()
    out = ['<?xml version="1.0" encoding="utf-8"?>', NOTICE, "<Sentences>"]
    kept = 0
    for attrs, body in re.findall(r"<Sentence (.*?)>(.*?)</Sentence>", text, re.S):
        m = re.search(r'id\s*=\s*"(.*?)"', attrs)
        if not m or "error=" in body or "error=" in attrs:
            continue
        rid = m.group(1)
        if rid.startswith(("DATE-", "ERROR", "DISCARD", "FINAL", "TABDEBUG")):
            continue
        t = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not t:
            continue
        sentence = " ".join(t.group(1).split())
        codings = re.findall(r'<EventCoding\s+sourcecode="([^"]*)"\s+targetcode="([^"]*)"\s+eventcode="([^"]*)"', body)
        noevents = 'noevents' in body
        if not codings and not noevents:
            continue
        if any(c not in codes or '"' in s or '"' in g or "'" in s for s, g, c in codings):
            continue
        if any(not re.fullmatch(r"[A-Z#-]{3}([A-Z]{3})*", s) or not re.fullmatch(r"[A-Z#-]{3}([A-Z]{3})*", g) for s, g, _ in codings):
            continue
        kept += 1
        out.append(f'<Sentence id="{escape(rid)}">')
        for s, g, c in codings:
            out.append(f'  <EventCoding sourcecode="{s}" targetcode="{g}" eventcode="{c}"/>')
        if noevents:
            out.append("  <NoEvents/>")
        out.append(f"  <Text>{escape(sentence)}</Text>")
        out.append("</Sentence>")
    out.append("</Sentences>")
    print("\n".join(out))
    print(f"{kept} records", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
