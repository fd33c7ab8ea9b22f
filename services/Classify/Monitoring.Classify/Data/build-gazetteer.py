#!/usr/bin/env python3
"""Builds countries.json (our gazetteer format) from mledoze/countries (ODbL 1.0).

Usage: python3 build-gazetteer.py ../../../../../shared/reference/countries/countries.json > countries.json
Each entry: ISO-3166 alpha-3 code, English name, and every surface form that names the country:
names and official names in 24 languages, native names, alternative spellings, demonyms, capitals,
plus the seats of power used as metonyms ("the Kremlin") listed in SEATS below.
"""
import json
import sys

# Seats of power and metonyms that the source data lacks.
SEATS = {
    "RUS": ["Kremlin"], "USA": ["White House", "Pentagon", "Washington", "Capitol Hill"], "CHN": ["Zhongnanhai", "PRC"],
    "GBR": ["Downing Street", "Whitehall", "Britain"], "FRA": ["Elysee", "Élysée", "Quai d'Orsay"], "PRK": ["North Korea"],
    "DEU": ["Bundestag"], "JPN": ["Kantei"], "IND": ["New Delhi"], "ISR": ["Knesset"], "TWN": ["Taipei"],
    # English names the source data has replaced with the official one, still what news writes.
    "TUR": ["Turkey"], "CZE": ["Czech Republic"], "MKD": ["Macedonia"], "SWZ": ["Swaziland"],
}

# Two-letter codes read as words far more often than as countries; only these are kept, case-sensitively.
ABBREVIATIONS = {"USA": ["US", "U.S.", "U.S.A."], "GBR": ["UK", "U.K."], "ARE": ["UAE"], "PRK": ["DPRK"], "KOR": ["ROK"]}


def forms(country):
    names = [country["name"]["common"], country["name"]["official"]]
    names += [n for native in country["name"].get("native", {}).values() for n in (native["common"], native["official"])]
    names += [n for t in country.get("translations", {}).values() for n in (t["common"], t["official"])]
    names += [a for a in country.get("altSpellings", []) if len(a) > 3 or (a.isupper() and len(a) == 3)]
    demonyms = [d for demonyms in country.get("demonyms", {}).values() for d in demonyms.values()]
    names += demonyms
    # The people as a plural noun: "three Americans", "Israelis" ("Chinese", "British" have no plural form).
    names += [d + "s" for d in demonyms if d.endswith(("an", "i")) and " " not in d]
    names += country.get("capital", [])
    names += SEATS.get(country["cca3"], []) + ABBREVIATIONS.get(country["cca3"], [])
    seen, result = set(), []
    for name in names:
        name = name.strip()
        if not name or "," in name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        result.append(name)
    return result


def main(path):
    countries = json.load(open(path, encoding="utf-8"))
    gazetteer = [
        {"code": c["cca3"], "name": c["name"]["common"], "forms": forms(c)}
        for c in sorted(countries, key=lambda c: c["cca3"])
    ]
    # A dependent territory shares demonyms and names with its sovereign ("French", "American", "Sudan" of South
    # Sudan's official-name translations): such a form names the independent country, not the territory.
    independent = {c["cca3"] for c in countries if c.get("independent")}
    sovereign_forms = {f.casefold() for g in gazetteer if g["code"] in independent for f in g["forms"]}
    for g in gazetteer:
        if g["code"] not in independent:
            g["forms"] = [f for f in g["forms"] if f.casefold() not in sovereign_forms]
    # Between two independent countries the form goes to the one whose common name it is ("Sudan", "Guyana").
    names = {g["name"].casefold(): g["code"] for g in gazetteer}
    for g in gazetteer:
        g["forms"] = [f for f in g["forms"] if names.get(f.casefold(), g["code"]) == g["code"]]
    json.dump({"licence": "ODbL 1.0, derived from mledoze/countries; see README.md", "countries": gazetteer},
              sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
