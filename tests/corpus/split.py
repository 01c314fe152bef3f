#!/usr/bin/env python3
"""Split harvested real-text items into development and test sets, by source document.

A document goes to the test set when the first 8 hex digits of sha256(document id), read as
a number, mod 100 are below 35: deterministic and independent of the items, so adding items
never moves a document from one set to the other, and no document is in both. Items whose
text (lower-cased, stripped) was already seen are dropped. Prints only counts.

    python tests/corpus/split.py HARVEST_DIR OUT_DIR

reads HARVEST_DIR/*/prose.tsv and HARVEST_DIR/*/actions.tsv (columns as in the output
files) and writes OUT_DIR/{prose,actions}-{dev,test}.tsv.
"""

import hashlib
import sys
from pathlib import Path

HEADERS = {
    "prose": ["label", "category", "person", "text", "doc", "source"],
    "actions": ["label", "fault", "text", "doc", "source"],
}


def is_test(doc: str) -> bool:
    return int(hashlib.sha256(doc.strip().encode()).hexdigest()[:8], 16) % 100 < 35


def main(harvest: Path, out: Path) -> None:
    for kind, cols in HEADERS.items():
        rows = {"dev": [], "test": []}
        seen = set()
        for path in sorted(harvest.glob(f"*/{kind}.tsv")):
            if path.parent.resolve() == out.resolve():
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip() or line.startswith("#"):
                    continue
                fields = line.split("\t")
                if fields[0] == "label":
                    continue
                if len(fields) != len(cols):
                    print(f"{path}:{n}: {len(fields)} fields, want {len(cols)}", file=sys.stderr)
                    continue
                key = fields[cols.index("text")].strip().lower()
                if key in seen:
                    continue
                seen.add(key)
                rows["test" if is_test(fields[cols.index("doc")]) else "dev"].append(line)
        for part, lines in rows.items():
            (out / f"{kind}-{part}.tsv").write_text("\t".join(cols) + "\n" + "".join(l + "\n" for l in lines), encoding="utf-8")
            docs = len({l.split("\t")[cols.index("doc")] for l in lines})
            print(f"{kind}-{part}: {len(lines)} items from {docs} documents")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
