#!/usr/bin/env python3
"""Writes engine/data/names/names.bin: the gazetteer the PERSON detector loads at run time.

    pip install faker==40.54.0
    python3 engine/data/names/generate.py

Every list comes from the Faker package (MIT licence, https://pypi.org/project/Faker/), whose
locale data holds the given names and surnames common in each country, the words of its
placeholder text and the names of countries, regions and cities:

- given names and surnames of en_US, en_GB, fr_FR, de_DE, es_ES, it_IT, nl_NL;
- Chinese surnames and the characters of Chinese given names (zh_CN);
- common words (the lorem word lists of the same locales, months and weekdays) and places
  (countries, states, regions, cities): a capitalised word that is one of those is a name only
  with more evidence.

The file is plain text sections behind a small header, so that the engine can read it without a
parser of its own: the magic `HUSHNAMES1\\n`, then per section a line `<name> <byte length>` and
that many bytes of entries, one per line, sorted. Writing the same Faker version gives the same file.
"""

import importlib
import os

import faker

LATIN_LOCALES = ["en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL"]
# Months and weekdays are capitalised in English and look like given names (May, June, August).
CALENDAR = (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
).split()


def provider(kind, locale):
    return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider


def names(attribute):
    found = set()
    for locale in LATIN_LOCALES:
        for name in getattr(provider("person", locale), attribute, ()):
            # Faker lists a few multi-word surnames ("'s Gravensande"): one word each here.
            if " " not in name and len(name) >= 2:
                found.add(name)
    return found


def common_words():
    words = set(CALENDAR)
    for locale in LATIN_LOCALES:
        try:
            words.update(w for w in provider("lorem", locale).word_list if len(w) >= 2)
        except ModuleNotFoundError:
            continue
    return words


def places():
    found = set()
    for locale in LATIN_LOCALES:
        p = provider("address", locale)
        for attribute in ["countries", "states", "regions", "provinces", "cities"]:
            places_here = getattr(p, attribute, ())
            # Italy's list holds every comune (16,000 villages): the size is not worth it.
            if len(places_here) > 5000:
                continue
            # Single-word places only: the words of "Anna Paulowna" or "Den Haag" are not places.
            found.update(p for p in places_here if " " not in p and len(p) >= 3)
    return found


def main():
    zh = provider("person", "zh_CN")
    given_chars = {c for name in list(zh.first_names_male) + list(zh.first_names_female) for c in name}
    sections = [
        ("given", names("first_names")),
        ("surnames", names("last_names")),
        ("cjk_surnames", set(zh.last_names)),
        ("cjk_given", given_chars),
        ("common_words", common_words()),
        ("places", places()),
    ]
    out = bytearray(b"HUSHNAMES1\n")
    for name, entries in sections:
        body = "".join(f"{e}\n" for e in sorted(entries)).encode("utf-8")
        out += f"{name} {len(body)}\n".encode("ascii") + body
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "names.bin")
    with open(path, "wb") as f:
        f.write(out)
    counts = ", ".join(f"{name} {len(entries)}" for name, entries in sections)
    print(f"wrote {path}: {len(out)} bytes (Faker {faker.VERSION}; {counts})")


if __name__ == "__main__":
    main()
