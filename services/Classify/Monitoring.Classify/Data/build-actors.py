#!/usr/bin/env python3
"""Builds actors.json (our actor dictionary) from the PETRARCH-2 / Phoenix dictionaries (MIT, petrarch2.LICENSE)
plus our own curated, current entries (actors-curated.json: organisations with short codes, heads of state and
government, foreign and defence ministers as of 2024-2025, aliases across spellings and scripts).

Usage: python3 build-actors.py ../../../../../shared/reference/petrarch2 > actors.json

Entry: {"id", "type": person|organisation|role, "name", "code", "country", "sectors", "role", "current", "source", "aliases"}
- code: ISO-3 country for national actors ("RUS"), the organisation's short code for international ones ("NATO"),
  "" for role words, which take the country of an adjacent country mention at match time.
- sectors: CAMEO sector codes (GOV, MIL, COP, JUD, PTY, SPY, REB, ...), primary first.
Curated entries win: a PETRARCH alias that also names a curated entry is dropped from the PETRARCH entry, so
stale roles (Shoigu as defence minister) are corrected rather than duplicated.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SECTORS = {"GOV", "MIL", "COP", "JUD", "PTY", "REB", "OPP", "SPY", "LEG", "ELI", "BUS", "MED", "CVL", "CRM",
           "EDU", "HLH", "REL", "LAB", "AGR", "ENV", "REF", "UAF", "IMG", "INS", "SEP", "MOD", "RAD", "NGO", "IGO",
           "DEV", "HRI", "JEW", "MUS", "CHR", "BUD", "HIN", "SPY", "ATH", "SET"}
INSTITUTION = re.compile(r"\b(ARMY|PARTY|MINISTR|COUNCIL|FORCE|COMMITTEE|CONGRESS|POLICE|GUARD|MILITIA|FRONT|MOVEMENT|"
                         r"ORGANI[SZ]ATION|UNION|ASSOCIATION|AGENCY|BANK|COURT|OFFICE|COMMAND|BRIGADE|DEPARTMENT|"
                         r"GOVERNMENT|PARLIAMENT|SERVICE|COMMISSION|AUTHORITY|ASSEMBLY|NAVY|LEAGUE|GROUP|CORPS|"
                         r"ALLIANCE|INSTITUTE|BUREAU|CABINET|SENATE|COALITION|CONFERENCE|FEDERATION|NATIONAL|TROOPS|"
                         r"SOLDIERS|REBELS|FIGHTERS|COMPANY|CORPORATION|SECURITY|COUNTRIES|STATES|DIRECTORATE|UNIT|NATIONS|"
                         r"PEOPLE|REPUBLIC|KINGDOM|MISSION|FUND|PROGRAM|CENTER|CENTRE|SCHOOL|UNIVERSITY|TIMES|NEWS)")
CODE = re.compile(r"\[([A-Z~]{3,15})(?:\s+([<>]?\d{6,8})(?:-(\d{6,8}))?)?\s*\]")


def year(date):
    date = date.lstrip("<>")
    if len(date) == 6:
        yy = int(date[:2])
        return (1900 if yy >= 30 else 2000) + yy
    return int(date[:4])


def words(raw):
    """PETRARCH phrase (WORDS_JOINED_, trailing _ = whole word) to our phrase ("Words Joined")."""
    raw = raw.strip().rstrip("_").replace("_", " ").strip()
    raw = re.sub(r"\s*\([^)]*\)\s*", " ", raw).strip()
    if not raw or not re.search(r"[A-Z]", raw):
        return None
    parts = raw.split()
    vowels = sum(c in "AEIOU" for c in raw)
    if len(parts) == 1 and "-" not in raw and (len(raw) <= 3 or (len(raw) <= 5 and vowels <= 1) or any(c.isdigit() for c in raw)):
        return raw  # an acronym ("BBC", "PFLP", "MI5"): kept in capitals, so it matches only in capitals ("Us" is not "US")
    return " ".join(w.capitalize() if not re.fullmatch(r"[A-Z]\.([A-Z]\.)*", w) else w for w in parts)


def parse_actor_file(path):
    """Yields (names, codes) blocks: codes are (code, from_year, to_year)."""
    names, codes = [], []
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        text = line.split("#", 1)[0]
        if not text.strip():
            continue
        found = [(m.group(1), m.group(2), m.group(3)) for m in CODE.finditer(text)]
        name_part = CODE.sub("", text).strip()
        if line[0] not in " \t+" and name_part:
            if names:
                yield names, codes
            names, codes = [name_part], []
        elif line.startswith("+") and name_part:
            names.append(name_part.lstrip("+"))
        for code, start, end in found:
            since = until = None
            if start and start.startswith(">"):
                since = year(start)
            elif start and start.startswith("<"):
                until = year(start)
            elif start:
                since = year(start)
                until = year(end) if end else None
            codes.append((code, since, until))
    if names:
        yield names, codes


def split_code(code):
    """RUSGOVMIL -> ("RUS", ["GOV", "MIL"]); IGOWSTNAT -> ("IGOWSTNAT", ["IGO"])."""
    head, rest = code[:3], code[3:]
    if head in ("IGO", "NGO", "IMG", "MNC"):
        return code, [head]
    sectors = [rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3] in SECTORS]
    return head, sectors


def petrarch_entries(directory):
    result = []
    for file in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for names, codes in parse_actor_file(os.path.join(directory, file)):
            if not codes:
                continue
            current = [c for c in codes if c[2] is None]
            latest = max(codes, key=lambda c: (c[2] or 9999, c[1] or 0))
            if latest[2] is not None and latest[2] < 2012:
                continue  # roles that ended long ago: stale for monitoring
            code, _, until = (current or [latest])[0]
            if len(code) == 3 and file == "Phoenix.Countries.actors.txt":
                continue  # bare country blocks: countries come from countries.json
            country, sectors = split_code(code)
            aliases = [w for w in (words(n) for n in names) if w]
            if not aliases:
                continue
            primary = names[0].rstrip("_").upper().replace("_", " ")
            is_person = (file != "Phoenix.MilNonState.actors.txt" and not INSTITUTION.search(primary)
                         and 2 <= len(primary.split()) <= 4 and code[:3] not in ("NGO", "MNC", "IMG"))
            result.append({
                "type": "person" if is_person else "organisation",
                "name": aliases[0], "code": country, "cameo": code,
                "country": country if len(country) == 3 and country not in ("INT", "IGO") else None, "sectors": sectors or ["GOV"],
                "aliases": aliases, "current": until is None,
            })
    return result


def agent_entries(directory):
    subst, result = {}, {}
    for line in open(os.path.join(directory, "Phoenix.agents.txt"), encoding="utf-8", errors="replace"):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        m = re.match(r"(!\w+!)\s*=\s*(.*)", text)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[~(\w+)\]", text)
        if not m:
            continue
        raw, plural, code = m.group(1).strip(), m.group(2), m.group(3)
        sectors = [code[i:i + 3] for i in range(0, len(code), 3) if code[i:i + 3] in SECTORS]
        if not sectors:
            continue
        forms = [raw]
        for key, values in subst.items():
            if key in raw:
                forms = [f.replace(key, v) for f in forms for v in values]
        if plural:
            forms += [p for p in plural.strip("{} ").split() if p]
        phrases = []
        for form in forms:
            phrase = form.rstrip("_").replace("_", " ").strip().lower()
            if not phrase or "!" in phrase or len(phrase) < 3:
                continue
            phrases.append(phrase)
            if not plural and form.endswith("_") is False and not phrase.endswith("s"):
                phrases.append(phrase[:-1] + "ies" if phrase.endswith("y") and phrase[-2] not in "aeiou" else phrase + "s")
            elif not plural and not phrase.endswith("s"):
                phrases.append(phrase + "s")
        head = phrases[0] if phrases else None
        if not head:
            continue
        entry = result.setdefault(head, {"type": "role", "name": head, "code": "", "sectors": sectors, "aliases": []})
        entry["aliases"] += [p for p in phrases if p not in entry["aliases"]]
    return list(result.values())


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main(directory):
    curated = json.load(open(os.path.join(HERE, "actors-curated.json"), encoding="utf-8"))
    taken = set()
    entries = []
    for entry in curated["organisations"] + curated["people"]:
        entry.setdefault("current", True)
        entry["source"] = "curated"
        entries.append(entry)
        taken.update(a.casefold() for a in [entry["name"]] + entry["aliases"])
    for entry in petrarch_entries(directory):
        entry["aliases"] = [a for a in entry["aliases"] if a.casefold() not in taken]
        if not entry["aliases"]:
            continue
        entry["name"] = entry["aliases"][0]
        entry["source"] = "petrarch2"
        taken.update(a.casefold() for a in entry["aliases"])
        entries.append(entry)
    for entry in agent_entries(directory):
        entry["aliases"] = [a for a in entry["aliases"] if a.casefold() not in taken]
        if entry["aliases"]:
            entry["source"] = "petrarch2"
            taken.update(a.casefold() for a in entry["aliases"])
            entries.append(entry)
    ids = set()
    for entry in entries:
        prefix = {"person": "person", "organisation": "org", "role": "role"}[entry["type"]]
        base = entry.get("id") or f"{prefix}:{slug(entry['name'])}" + (f"-{entry['code'].lower()}" if entry["type"] == "organisation" and len(entry["code"]) == 3 else "")
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        ids.add(candidate)
        entry["id"] = candidate
    order = ["id", "type", "name", "code", "country", "cameo", "sectors", "role", "current", "source", "aliases"]
    out = [{k: e[k] for k in order if k in e and e[k] not in (None, "")} | {"code": e.get("code", "")} for e in entries]
    print('{"licence": "Derived in part from the PETRARCH-2 Phoenix dictionaries (MIT, Open Event Data Alliance); '
          'see petrarch2.LICENSE and README.md",\n "actors": [')
    print(",\n".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in out))
    print("]}")


if __name__ == "__main__":
    main(sys.argv[1])
