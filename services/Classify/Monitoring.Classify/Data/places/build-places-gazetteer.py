#!/usr/bin/env python3
"""Builds places.tsv, the gazetteer of the Places stage, from the GeoNames dump (CC BY 4.0).

Usage: python3 build-places-gazetteer.py ../../../../../../shared/reference/geonames > places.tsv

One row per place: countries (countryInfo.txt), first-level regions (admin1CodesASCII.txt) and cities of at least
15,000 people or capitals (cities15000.txt). Columns:
  geonameid  kind (country|region|city)  ISO-3 country  admin1 code  population  latitude  longitude  capital (1|0)
  names  alternate names  languages (a country's ISO 639 codes, from countryInfo.txt; empty for the others)
names: the GeoNames name first, then the ASCII name (and a region's shortened forms), separated by '|'; alternate
names: for cities of 100,000 people or more, the Latin-script alternate names that read as names (capital first
letter, five letters or more, no digits), which the resolver trusts less (exonyms in every language: "Londres"). A region has no coordinates or population in GeoNames: it takes the population-weighted mean
position and the summed population of its cities (a region with no city of 15,000 is left out: it cannot be placed).
A country takes the population-weighted mean of its cities and the population of countryInfo.txt.
Region names also get their generic word dropped ("Kharkivs'ka Oblast'" -> "Kharkiv Oblast", "Kharkiv region";
"Cauca Department" -> "Cauca") where no city of the country has that name.
"""
import collections
import gzip
import os
import re
import sys

ALTERNATES_FROM = 100_000
GENERIC = ["Oblast'", "Oblast", "Province", "Department", "Region", "Governorate", "State", "County", "District",
           "Municipality", "Prefecture", "Voivodeship", "Krai", "Kray", "Republic", "Autonomous Community"]


def latin_name(name):
    return (len(name) >= 4 and name[0].isupper() and not any(c.isdigit() or c in ",()/;" for c in name)
            and all(c.isspace() or c in "-'’." or ("A" <= c <= "z") or ("\u00C0" <= c <= "\u024F") for c in name)
            and not name.isupper())


# A region's shortened name that is an ordinary word ("Eastern" of "Eastern Province") is not kept.
GENERIC_BASES = {"Eastern", "Western", "Northern", "Southern", "Central", "Centre", "Center", "North", "South", "East",
                 "West", "Capital", "Coast", "Upper", "Lower", "Greater", "Northeast", "Northwest", "Southeast",
                 "Southwest", "Middle", "Far North", "Interior", "Islands", "Lakes", "Mountain", "Highlands", "Nacional",
                 "Oro", "Sur", "Norte", "Este", "Oeste", "Centro", "Litoral", "Costa"}


def region_bases(name):
    """'Kharkivs'ka Oblast'' -> 'Kharkiv'; 'Cauca Department' -> 'Cauca'; None when no generic word ends it."""
    for word in GENERIC:
        if name.endswith(" " + word):
            base = name[: -len(word) - 1].strip()
            base = re.sub(r"s[’']ka$", "", base)  # Ukrainian adjectival form of the oblast's city
            return base if len(base) >= 3 and base not in GENERIC_BASES else None
    return None


def main(folder):
    countries = {}
    for line in open(os.path.join(folder, "countryInfo.txt"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        languages = sorted({code.split("-")[0] for code in f[15].split(",") if code})
        countries[f[0]] = {"iso3": f[1], "name": f[4], "population": int(f[7] or 0), "id": f[16], "languages": languages}

    cities = []
    with gzip.open(os.path.join(folder, "cities15000.txt.gz"), "rt", encoding="utf-8") as source:
        for line in source:
            f = line.rstrip("\n").split("\t")
            if f[8] not in countries or f[6] != "P" or f[7] in ("PPLX", "PPLH", "PPLQ", "PPLW"):
                continue
            cities.append({"id": f[0], "name": f[1], "ascii": f[2], "alternates": f[3].split(",") if f[3] else [],
                           "lat": float(f[4]), "lon": float(f[5]), "code": f[7], "cc": f[8], "admin1": f[10],
                           "population": int(f[14] or 0)})

    weights = collections.defaultdict(lambda: [0.0, 0.0, 0])
    for c in cities:
        for key in (c["cc"], c["cc"] + "." + c["admin1"]):
            w = weights[key]
            w[0] += c["lat"] * c["population"]
            w[1] += c["lon"] * c["population"]
            w[2] += c["population"]
    city_names = {(c["cc"], c["name"]) for c in cities} | {(c["cc"], c["ascii"]) for c in cities}

    rows = []
    for cc, country in countries.items():
        w = weights.get(cc)
        if not w or w[2] == 0:
            continue
        rows.append((country["id"], "country", country["iso3"], "", country["population"], w[0] / w[2], w[1] / w[2], 0, [country["name"]], [], country["languages"]))

    for line in open(os.path.join(folder, "admin1CodesASCII.txt"), encoding="utf-8"):
        code, name, ascii_name, geonameid = line.rstrip("\n").split("\t")
        cc = code.split(".")[0]
        w = weights.get(code)
        if cc not in countries or not w or w[2] == 0:
            continue
        names = [name, ascii_name]
        for full in (name, ascii_name):
            base = region_bases(full)
            if base:
                names += [base + " Oblast" if full.endswith(("Oblast", "Oblast'")) else base + " " + full.split()[-1], base + " region"]
                if (cc, base) not in city_names:
                    names.append(base)
        rows.append((geonameid, "region", countries[cc]["iso3"], code.split(".")[1], w[2], w[0] / w[2], w[1] / w[2], 0, names, [], []))

    for c in cities:
        alternates = [a.strip() for a in c["alternates"] if latin_name(a.strip())] if c["population"] >= ALTERNATES_FROM else []
        capital = 1 if c["code"] == "PPLC" else 0
        rows.append((c["id"], "city", countries[c["cc"]]["iso3"], c["admin1"], c["population"], c["lat"], c["lon"], capital, [c["name"], c["ascii"]], alternates, []))

    out = sys.stdout
    out.write("# Places gazetteer, generated by build-places-gazetteer.py from the GeoNames dump of 2025-11-19:\n")
    out.write("# GeoNames (www.geonames.org), CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Do not edit by hand.\n")
    out.write("# geonameid\tkind\tcountry\tadmin1\tpopulation\tlatitude\tlongitude\tcapital\tnames\talternate names ('|'-separated, GeoNames name first)\tlanguages (of a country)\n")
    for (gid, kind, iso3, admin1, population, lat, lon, capital, names, alternates, languages) in rows:
        seen = set()
        names, alternates = unique(names, seen), unique(alternates, seen)
        out.write(f"{gid}\t{kind}\t{iso3}\t{admin1}\t{population}\t{lat:.4f}\t{lon:.4f}\t{capital}\t{'|'.join(names)}\t{'|'.join(alternates)}\t{','.join(languages)}\n")


def unique(names, seen):
    result = []
    for n in names:
        n = n.strip()
        if n and "|" not in n and "\t" not in n and n.casefold() not in seen:
            seen.add(n.casefold())
            result.append(n)
    return result


if __name__ == "__main__":
    main(sys.argv[1])
