"""Build ``linter/postmortem/rules/_places.py``: names of countries, regions and cities.

A capitalised word that is a place is evidence against a person: "In neighbouring France",
"cities such as Zurich, Basel and Geneva", "Marietta, Georgia". Many places are given names
too (Georgia, Florence, Victoria, Geneva), so the name rule (PM506) asks this list before it
takes such a word for a person on the strength of the given-name list alone; a sentence that
makes a person of the word ("Georgia said", "Mr Lincoln") still counts.

The places come from the address providers of Faker (MIT licence), the same package the
given-name lists are built from (bench/build_given_names.py): every locale's lists of
countries, states, provinces, regions, prefectures and cities written in Latin letters, minus
the city lists of more than 1,000 entries (municipality registers full of small villages that
share their name with families). The few English-speaking cities that Faker does
not list (it makes up its English city names) are the places bench/build_given_names.py keeps
out of the given names. Kept: single words, and the last word of a name of several ("New
Zealand", "Sri Lanka") unless it is a given name or a surname ("Saint Lucia"), minus English
words (lemminflect's dictionary: "Reading", "Mobile", "Nice"), which the name rule never takes
for names anyway. Also written: the abbreviations of states and provinces ("Santa Cruz, CA").

    pip install faker lemminflect
    python bench/build_places.py   # writes rules/_places.py
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "linter"))

import faker.providers.address as address  # noqa: E402
import lemminflect  # noqa: E402

from postmortem.rules import _lexicon as lex  # noqa: E402

LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏ'’\-]{3,}$")
REGION_KINDS = ("countr", "state", "province", "region", "prefecture")
KINDS = REGION_KINDS + ("cit", "town", "district")
SKIP = ("code", "abbr", "postcode", "pincode", "format", "prefix", "suffix", "part", "pref", "key", "lgu")
MAX_LIST = 1000


def _is_name(low: str) -> bool:
    from postmortem.rules._given_names import NAMES
    from postmortem.rules._surnames import SURNAMES

    return any(f"\n{low}\n" in table.get(low[:1], "") for table in (NAMES, SURNAMES)) or low in lex.GIVEN_NAMES


def collect(kinds) -> list[str]:
    places: set[str] = set()
    for info in pkgutil.iter_modules(address.__path__):
        provider = getattr(importlib.import_module(f"{address.__name__}.{info.name}"), "Provider", None)
        for attr in dir(provider):
            if attr.startswith("_") or not any(k in attr for k in kinds) or any(s in attr for s in SKIP):
                continue
            values = getattr(provider, attr, None)
            if isinstance(values, dict):
                values = list(values.values()) if all(isinstance(v, str) for v in values.values()) else list(values)
            if not isinstance(values, (list, tuple)) or len(values) > MAX_LIST:
                continue
            for value in values:
                if not isinstance(value, str):
                    continue
                words = value.strip().split()
                # "New Zealand", "Sri Lanka": the last word too, which alone could pass for a
                # name, unless it is a name ("Saint Lucia", "San Marino")
                for word in words if len(words) == 1 else [w for w in words[-1:] if not _is_name(w.lower())]:
                    if LATIN.match(word):
                        places.add(word.lower())
    folded = {unicodedata.normalize("NFKD", p).encode("ascii", "ignore").decode() for p in places}
    return sorted(p for p in places | folded if len(p) > 2 and not lemminflect.getAllLemmas(p))


def codes() -> list[str]:
    """Abbreviations of states and provinces ("CA", "NSW", "ON"), upper case as written."""
    found: set[str] = set()
    for info in pkgutil.iter_modules(address.__path__):
        provider = getattr(importlib.import_module(f"{address.__name__}.{info.name}"), "Provider", None)
        for attr in ("states_abbr", "provinces_abbr"):
            for value in getattr(provider, attr, None) or ():
                if isinstance(value, str) and value.isupper() and value.isalpha() and 2 <= len(value) <= 3:
                    found.add(value)
    return sorted(found)


def main() -> None:
    regions = collect(REGION_KINDS)
    # cities and towns, with the places bench/build_given_names.py keeps out of the given names
    from build_given_names import NOT_NAMES  # noqa: E402  (same directory)

    calendar = set("january february march april may june july august september october november december "
                   "monday tuesday wednesday thursday friday saturday sunday".split())
    cities = sorted((set(collect(KINDS)) | (NOT_NAMES - calendar)) - set(regions))
    path = ROOT / "linter" / "postmortem" / "rules" / "_places.py"
    lines = [
        '"""Names of countries, regions and cities, lower case (generated by bench/build_places.py).',
        "",
        "Source: the address providers of Faker (MIT licence, https://github.com/joke2k/faker), single",
        "words in Latin letters, minus English words. One string with a place on each line: cheap to",
        'load, and read only when a word that could be a given name needs it."""',
        "",
        "# countries, states, provinces, regions: a place wherever it stands, unless the sentence",
        "# makes a person of the word",
        "REGIONS = " + repr("\n" + "\n".join(regions) + "\n"),
        "# cities, towns and districts: a place where the context says so (\"in Basel\", \"Marietta, Georgia\")",
        "CITIES = " + repr("\n" + "\n".join(cities) + "\n"),
        "# abbreviations of states and provinces, as written: \"Santa Cruz, CA\"",
        "REGION_CODES = frozenset(" + repr(codes()) + ")",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(regions)} regions, {len(cities)} cities")


if __name__ == "__main__":
    main()
