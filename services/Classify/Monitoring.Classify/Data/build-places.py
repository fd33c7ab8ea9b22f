#!/usr/bin/env python3
"""Builds the event coder's place names (coding/places-LANG.txt) from the GeoNames gazetteer (CC BY 4.0).

Usage: python3 build-places.py ../../../../../shared/reference/geonames ar > coding/places-ar.txt
       python3 build-places.py ../../../../../shared/reference/geonames es > coding/places-es.txt

A place names where an event happened; the coder gives its country to the people of the sentence that have none
("guerrilleros … en Popayán" → COL/REB) and takes it as the target of an attack or a protest with no other.
ar: the Arabic-script names of cities (population >= 30,000) of the countries where Arabic news reports most (the
gazetteer has the capitals of the others); es: the names of cities (>= 15,000) and first-level regions of the Spanish-speaking countries. A name that
two countries share with comparable populations is dropped; so are names that are ordinary words (STOP below).
"""
import gzip
import os
import re
import sys
import unicodedata

NEAR = {
    "ar": set("AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE AF PK IR TR IL ET ER DJ KM TD ML NE NG".split()),
    "es": set("AR BO CL CO CR CU DO EC ES GT HN MX NI PA PE PR PY SV UY VE".split()),
}
MINIMUM = {"ar": (30000, None), "es": (15000, None)}
SHORT = 150000

# Place names that are also ordinary words of the language (compared after normalisation, without the article).
STOP = {
    "ar": set("""مدينه جديده شرقيه غربيه شماليه جنوبيه وسطي نصر سلام حريه وحده ثوره عين جزيره صور زرقاء حمراء بيضاء
              سوق قريه بلد دار باب بئر ميناء مطار جبل وادي نهر بحر قصر برج حصن عيون قلعه خضراء نور امل فجر عرب
              منصوره ساحل كوت رشيد زاويه مركز فلاح سعاده ربيع خير حي حسين علي محمد احمد
              شهداء شهيد احرار مجاهدين عروبه استقلال تحرير بيان ميدان ساحه شارع جامعه كنيسه مسجد لجنه سنه وقت اطار ظل حين اثناء مقابل عمال طريق معبر
              وان لاد الحي الحد الصف الوقف الخبر الخمس الفحم التل قوم سار سحر بول جنه سبي تلا كسل""".split()),
    "es": {"la paz", "paz", "soledad", "libertad", "esperanza", "progreso", "concordia", "victoria", "union", "mercedes",
           "florida", "trinidad", "dolores", "rosario", "carmen", "pilar", "constitucion", "independencia", "colon", "cesar", "general", "bolivar", "sucre", "cordoba",
           "san", "santa", "centro", "norte", "sur", "este", "oeste", "capital", "distrito", "guerra", "general"},
}


def normalize(language, name):
    name = name.strip()
    if language == "ar":
        name = re.sub("[\u064B-\u065F\u0670\u0640]", "", name)
        name = name.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}))
        return name[2:] if name.startswith("ال") and len(name) > 4 else name
    decomposed = unicodedata.normalize("NFD", name.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def usable(language, name):
    if language == "ar":
        return len(name) >= 3 and all(c == " " or "\u0600" <= c <= "\u06FF" for c in name)
    return len(name) >= 4 and name[0].isupper() and not any(c.isdigit() or c in ",()/" for c in name)


def main(folder, language):
    # A country's own names are the actor layer's (countries.json): "Armenia" the town is not Armenia the country.
    import json
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "countries.json"), encoding="utf-8") as f:
        countries = {normalize(language, form) for c in json.load(f)["countries"] for form in c["forms"]}
    iso3 = {}
    with open(os.path.join(folder, "countryInfo.txt"), encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                f = line.rstrip("\n").split("\t")
                iso3[f[0]] = f[1]

    near, (small, large) = NEAR[language], MINIMUM[language]
    best = {}  # normalised name -> {country: (population, name as written)}

    def add(name, country, population):
        key = normalize(language, name)
        if not usable(language, name) or key in STOP[language] or key in countries or len(key) < 3:
            return
        if language == "ar" and len(key) == 3 and population < SHORT:
            return  # a three-letter Arabic name is also some word; only a large city's name is worth the risk
        seen = best.setdefault(key, {})
        if population > seen.get(country, (-1, ""))[0]:
            seen[country] = (population, name)

    with gzip.open(os.path.join(folder, "cities15000.txt.gz"), "rt", encoding="utf-8") as lines:
        for line in lines:
            f = line.rstrip("\n").split("\t")
            country, population = f[8], int(f[14] or 0)
            minimum = small if country in near else large
            if minimum is None or population < minimum or country not in iso3:
                continue
            names = [f[1], f[2]] if language == "es" else f[3].split(",")
            for name in names:
                add(name, iso3[country], population)

    if language == "es":
        with open(os.path.join(folder, "admin1CodesASCII.txt"), encoding="utf-8") as lines:
            for line in lines:
                code, name, ascii_name, _ = line.rstrip("\n").split("\t")
                country = code.split(".")[0]
                if country in near:
                    for n in (name, ascii_name):
                        n = re.sub(r"^(Departamento|Provincia|Estado|Región|Region) de(l)? | (Department|Province|State|Region)$", "", n)
                        add(n, iso3[country], 10 ** 6)

    by_country = {}
    for key, countries in best.items():
        ranked = sorted(countries.items(), key=lambda c: -c[1][0])
        if len(ranked) > 1 and ranked[1][1][0] * 3 > ranked[0][1][0]:
            continue  # shared by two countries of comparable size: which one is meant is not known
        country, (_, name) = ranked[0]
        by_country.setdefault(country, set()).add(name.replace(" ", "_"))

    print(f"# Place names of the event coder ({language}), generated by build-places.py from the GeoNames gazetteer:")
    print("# GeoNames (www.geonames.org), CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Do not edit by hand.")
    print("# CODE<TAB>SECTOR<TAB>forms, as in actors-LANG.txt; every form names a place of the country CODE.")
    for country in sorted(by_country):
        print(f"{country}\t-\t{' '.join(sorted(by_country[country]))}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
