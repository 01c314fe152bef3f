"""The parse floor: what any checker of a post-mortem must do to each file, and no more.

    python bench/floor.py FOLDER        # every post-mortem under FOLDER, in one process

Reads each file, loads its YAML frontmatter (the project's ruamel.yaml loader) and parses
its Markdown body with markdown-it set up as the project sets it up
(``postmortem.parse.markdown``), then drops both: no model, no rules, no output. The
garbage collector is tuned as ``postmortem lint`` tunes it, so the two compare like for
like. ``bench/run.py`` times it beside ``postmortem lint --jobs 1`` on the same files:
lint / floor is what the model and the rules cost on top of reading the format.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path


def parse_floor(paths: list[Path]) -> int:
    """Load the frontmatter and parse the body of each of ``paths``; the number of files read."""
    from postmortem.parse.frontmatter import _yaml
    from postmortem.parse.markdown import parser_for

    yaml = _yaml()
    done = 0
    for path in paths:
        text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
        body = text
        if text.startswith("---\n"):
            end = text.find("\n---\n", 3)
            if end >= 0:
                yaml.load(text[4:end])
                body = text[end + 5 :]
        parser_for(body).parse(body)  # the parser the linter picks for the body
        done += 1
    return done


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 50_000), max(old[1], 20), *old[2:])  # as postmortem lint does
    paths = sorted(path for path in folder.rglob("*.md") if path.name.lower() not in ("readme.md", "index.md"))
    return 0 if parse_floor(paths) == len(paths) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
