"""Long tables of the site (the archive, the action items) as a first page of HTML and data files.

A table that lists the whole archive grows with it: 2,000 post-mortems made the archive
page 2.2 MB. So a long table's page holds its first :data:`PAGE_ROWS` rows as HTML (which
works without JavaScript) and the whole table as compact JSON files beside the page, which
``site/assets/filters.js`` fetches when the reader filters, sorts or turns a page, and then
filters, sorts and pages over every row. The filter form's counts are worked out here over
every row, so they are right before any data is fetched.

A data file: ``{"fields": [...], "values": {field: [value, ...]}, "rows": [[...], ...]}``.
A field listed in ``values`` is dictionary-encoded: a row holds the index of its value (or
a list of indices, for a field of several values) instead of the value, which repeats over
thousands of rows. Each file holds at most :data:`CHUNK_ROWS` rows, so that no file grows
with the archive either; each has its own dictionary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

PAGE_ROWS = 50
CHUNK_ROWS = 2000


@dataclass(frozen=True)
class DataFile:
    src_uri: str
    content: str


def encode(fields: Sequence[str], coded: Iterable[str], rows: Sequence[dict[str, Any]]) -> str:
    """One data file of ``rows`` (dicts with every name of ``fields``); the ``coded`` fields
    (a string, or a list of strings, in each row) by index into their dictionary."""
    coded = [name for name in fields if name in set(coded)]
    values: dict[str, list[str]] = {name: [] for name in coded}
    index: dict[str, dict[str, int]] = {name: {} for name in coded}

    def code(name: str, value: str) -> int:
        found = index[name].get(value)
        if found is None:
            found = index[name][value] = len(values[name])
            values[name].append(value)
        return found

    out = []
    for row in rows:
        encoded = []
        for name in fields:
            value = row[name]
            if name in index:
                value = [code(name, v) for v in value] if isinstance(value, list) else code(name, value)
            encoded.append(value)
        out.append(encoded)
    data = {"fields": list(fields), "values": values, "rows": out}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def data_files(stem: str, fields: Sequence[str], coded: Iterable[str], rows: Sequence[dict[str, Any]],
               chunk_rows: int = CHUNK_ROWS) -> list[DataFile]:
    """``rows`` as ``{stem}-1.json``, ``{stem}-2.json``, ... of at most ``chunk_rows`` rows each."""
    coded = list(coded)
    return [
        DataFile(f"{stem}-{number}.json", encode(fields, coded, rows[start : start + chunk_rows]))
        for number, start in enumerate(range(0, max(len(rows), 1), chunk_rows), start=1)
    ]

