#!/usr/bin/env python3
"""Converts PETRARCH-2's CAMEO verb-pattern dictionary (CAMEO.2.0.txt, MIT) into cameo-verbs.txt, our format.

What we keep, since we code without a parser:
  * every verb with its inflected forms (irregular forms from the dictionary, regular ones generated here)
    and multi-word verbs ("meet with", "cordon off");
  * the patterns that follow the verb ("- * SANCTIONS [163]", "- * (WITH LEADERS) [036:036]"): their words in
    order, prepositions and noun-phrase braces flattened, synsets (&NAME) kept as references;
  * the active code and the passive code ("[042:043]": the code when the roles are reversed).
Dropped: patterns with words before the verb (they need the parse to tell subject words from others) and the
transformations section.

Format (one record per line, tab-separated):
  synset  NAME  word|word|...          (multi-word members joined with '_')
  block   NAME  CODE                   (CODE '---' = no event unless a pattern or verb says otherwise)
  verb    LEMMA CODE  form form ...    (CODE '' = the block's code; multi-word forms joined with '_')
  pattern CODE  PASSIVE  word word ...  [VERB,VERB] (applies to the verbs of the preceding block; when the
          dictionary's comment names the block verbs the pattern was written for, only to those)

Usage: python3 build-cameo-verbs.py ../../../../../shared/reference/petrarch2/CAMEO.2.0.txt > cameo-verbs.txt
"""
import re
import sys

HEADER = """# CAMEO verb patterns, derived by build-cameo-verbs.py from PETRARCH-2's CAMEO.2.0.txt.
# Source: Open Event Data Alliance, PETRARCH-2 dictionaries, under the MIT licence:
#
# The MIT License (MIT)
# Copyright (c) 2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
# documentation files (the "Software"), to deal in the Software without restriction, including without limitation
# the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
# to permit persons to whom the Software is furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all copies or substantial portions
# of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO
# THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
# CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
#
# synset NAME words | block NAME CODE | verb LEMMA CODE forms | pattern CODE PASSIVE words  (tab-separated)
"""

VOWELS = set("AEIOU")


def regular_forms(word):
    """PETRARCH generates the regular forms of a verb that lists none: -S, -ED, -ING."""
    forms = {word}
    if re.search(r"(S|X|Z|CH|SH)$", word):
        forms.add(word + "ES")
    elif word.endswith("Y") and len(word) > 1 and word[-2] not in VOWELS:
        forms.add(word[:-1] + "IES")
    else:
        forms.add(word + "S")
    if word.endswith("E"):
        forms.update({word + "D", word[:-1] + "ING"})
    elif word.endswith("Y") and len(word) > 1 and word[-2] not in VOWELS:
        forms.update({word[:-1] + "IED", word + "ING"})
    else:
        forms.update({word + "ED", word + "ING"})
        # Short consonant-vowel-consonant verbs double the last letter: stop, stopped, stopping.
        if len(word) <= 5 and re.search(r"[^AEIOU][AEIOU][BDGKLMNPRST]$", word):
            forms.update({word + word[-1] + "ED", word + word[-1] + "ING"})
    return forms


def multiword_forms(phrase):
    """'+MEET_WITH' without a list: inflect the first word, keep the rest."""
    words = phrase.split("_")
    return {"_".join([f] + words[1:]) for f in regular_forms(words[0])}


def parse_code(text):
    text = text.strip()
    if ":" in text:
        active, passive = text.split(":", 1)
    else:
        active, passive = text, ""
    return active.strip() or "", passive.strip() or ""


def main(path):
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    out = [HEADER.rstrip("\n")]
    section = None
    synset = None
    synsets = {}
    block_verbs = set()
    for raw in lines:
        comment = raw.split("#", 1)[1] if "#" in raw else ""
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####### SYNONYM SETS"):
            section = "synsets"
            continue
        if raw.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not line.strip():
            continue
        if section == "synsets":
            if line.startswith("&"):
                synset = line.strip().upper()
                synsets[synset] = []
            elif line.startswith("+") and synset:
                synsets[synset].append(line[1:].strip().rstrip("_").upper())
            continue
        if section != "verbs":
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            out.append(f"block\t{m.group(1)}\t{m.group(2).strip()}")
            block_verbs = set()
            continue
        if line.startswith("- "):
            m = re.match(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*$", line)
            if not m:
                continue
            body, code = m.group(1), m.group(2)
            if "*" not in body:
                continue
            before, after = body.split("*", 1)
            if before.strip():
                continue
            words = re.sub(r"[(){}$^%]", " ", after)
            words = [w for w in words.split() if w not in ("+",)]
            words = [w.lstrip("+").rstrip("_") for w in words]
            words = [w for w in words if w]
            if not words:
                continue
            active, passive = parse_code(code)
            named = [w for w in re.findall(r"[A-Z][A-Z_\-]+", comment) if w in block_verbs]
            verbs = f"\t{','.join(sorted(set(named)))}" if named else ""
            out.append(f"pattern\t{active or '-'}\t{passive or '-'}\t{' '.join(words)}{verbs}")
            continue
        # A verb line: FORM [CODE] {IRREGULAR FORMS}
        m = re.match(r"^(\+?[A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*(\{[^}]*\})?", line.strip())
        if not m:
            continue
        lemma = m.group(1).lstrip("+").rstrip("_")
        braces = m.group(2) or m.group(4)
        code = (m.group(3) or "").strip("[]").strip()
        if braces is not None:
            listed = [f.lstrip("+").rstrip("_") for f in braces.strip("{}").split()]
            forms = {lemma, *listed} if listed else {lemma}
        else:
            forms = multiword_forms(lemma) if "_" in lemma else regular_forms(lemma)
        active, _ = parse_code(code) if code else ("", "")
        block_verbs.add(lemma)
        out.append(f"verb\t{lemma}\t{active}\t{' '.join(sorted(f.lower() for f in forms))}")
    synset_lines = [f"synset\t{name}\t{'|'.join(sorted(set(w.lower() for w in words)))}" for name, words in synsets.items() if words]
    print("\n".join(out[:1] + synset_lines + out[1:]))


if __name__ == "__main__":
    main(sys.argv[1])
