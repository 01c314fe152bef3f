"""
## What it does
Validates the frontmatter against `schema/postmortem.schema.json` (JSON Schema 2020-12) and
reports each violation at the line and column of the offending key or value: a missing
required key, an unknown key, a value of the wrong type, a severity or status outside the
allowed set, a timestamp without a timezone, a date or time that does not exist
(`2026-02-30`, `25:10`). Values that are still template placeholders
(`{{ … }}`) are left to PM205.

## Why it matters
Severity, services, timestamps and impact feed the archive pages, the MTTD/MTTR figures and
the insights charts; one `severity: high` makes an incident vanish from every SEV filter.

## Example
```yaml
severity: high
started: 2026-03-04 14:02
due: tomorrow
```

## Use instead
```yaml
severity: SEV2
started: 2026-03-04T14:02:00Z
```
The hint of each finding quotes the schema's description of the field.
"""

from functools import lru_cache

from .. import vocabulary
from ..model import Span

from ..rule import Finding, Severity
from ..spec import PLACEHOLDER
from ..times import normalise_date, normalise_timestamp, parse_date, parse_timestamp
from ..vocabulary import TIMESTAMP_KEYS, canonical
from ._fixes import scalar_edit
from ._schema_valid import is_valid

FIX = "frontmatter value spelling, dates and timestamps"
CODE = "PM101"
NAME = "schema-violation"
SEVERITY = Severity.ERROR


@lru_cache(maxsize=1)
def validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(vocabulary.schema())


def check(doc, ctx):
    fm = doc.frontmatter
    if fm is None:
        return
    if is_valid(fm.data, vocabulary.schema()):
        yield from _impossible_dates(fm)  # jsonschema would find nothing: not imported
        return
    errors = sorted(validator().iter_errors(fm.data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        path = tuple(error.absolute_path)
        if isinstance(error.instance, str) and PLACEHOLDER.search(error.instance):
            continue
        name = _dotted(path)
        hint = error.schema.get("description") if isinstance(error.schema, dict) else None
        hint = hint or _description(path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else error.message
            key = _dotted(path + (missing,))
            schema_props = error.schema.get("properties", {})
            hint = schema_props.get(missing, {}).get("description")
            span = fm.span(path, key=True) if path else _opening(fm)
            yield Finding(span, f"frontmatter is missing required key `{key}`", hint)
        elif error.validator == "additionalProperties":
            allowed = set(error.schema.get("properties", {}))
            for extra in (k for k in error.instance if k not in allowed):
                yield Finding(
                    fm.span(path + (extra,), key=True),
                    f"unknown frontmatter key `{_dotted(path + (extra,))}`",
                    "Known keys: " + ", ".join(sorted(allowed)),
                )
        elif error.validator == "enum":
            options = ", ".join(str(o) for o in error.validator_value)
            fix = _respelled(doc, path, error.instance, error.validator_value) if path in _RESPELLED else None
            yield Finding(fm.span(path), f"`{name}` must be one of {options}; got {error.instance!r}", _fix_hint(fix, hint), fix)
        elif error.validator == "pattern" and error.schema == _definition("timestamp"):
            fix = scalar_edit(doc, path, error.instance, normalise_timestamp(error.instance) or error.instance)
            yield Finding(
                fm.span(path),
                f"`{name}` must be an ISO 8601 timestamp with a timezone, e.g. 2026-03-04T14:02:00Z; got {error.instance!r}",
                _fix_hint(fix, hint),
                fix,
            )
        elif error.validator == "pattern" and error.schema == _definition("date"):
            fix = scalar_edit(doc, path, error.instance, normalise_date(error.instance) or error.instance)
            yield Finding(fm.span(path), f"`{name}` must be a date written YYYY-MM-DD; got {error.instance!r}", _fix_hint(fix, hint), fix)
        elif error.validator == "pattern":
            yield Finding(fm.span(path), f"`{name}` has the wrong form: {error.instance!r}", hint)
        elif error.validator == "type":
            wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            words = " or ".join(_TYPE_WORDS.get(t, t) for t in wanted)
            yield Finding(fm.span(path), f"`{name or 'frontmatter'}` must be {words}; got {error.instance!r}", hint)
        elif error.validator in ("oneOf", "anyOf"):
            yield Finding(fm.span(path), f"`{name}` is not an allowed value: {error.instance!r}", hint)
        else:
            yield Finding(fm.span(path), f"`{name or 'frontmatter'}`: {error.message}", hint)
    yield from _impossible_dates(fm)


_RESPELLED = {("severity",), ("status",)}  # enum values --fix respells (sev2 -> SEV2)


def _respelled(doc, path, value, allowed):
    if not isinstance(value, str):
        return None
    meant = canonical(value, allowed)
    return scalar_edit(doc, path, value, meant) if meant else None


def _fix_hint(fix, hint):
    return f"{hint} `postmortem lint --fix` rewrites it." if fix and hint else hint


def _impossible_dates(fm):
    """Values of the right form that name no real moment: 2026-02-30, 25:10, +24:00."""
    import re

    for key in TIMESTAMP_KEYS + ("published",):
        value = fm.data.get(key)
        if not isinstance(value, str):
            continue
        kind = "timestamp" if key in TIMESTAMP_KEYS else "date"
        if not re.fullmatch(_definition(kind)["pattern"], value):
            continue  # the schema check above reports the form
        parsed = parse_timestamp(value) if kind == "timestamp" else parse_date(value)
        if parsed is None:
            yield Finding(
                fm.span((key,)),
                f"`{key}` is not a real {'date and time' if kind == 'timestamp' else 'date'}: {value!r}",
                "Check the month, day, hour and minute, and the timezone offset.",
            )


_TYPE_WORDS = {
    "array": "a list",
    "object": "a mapping of keys to values",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def _definition(name):
    return vocabulary.schema()["$defs"][name]


def _description(path) -> str | None:
    """The schema's description of the value at ``path``, looked up through properties and items."""
    node = vocabulary.schema()
    description = None
    for part in path:
        if not isinstance(node, dict):
            return None
        node = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
        if node is None:
            return None
        description = node.get("description", description if isinstance(part, int) else None)
    return description


def _opening(fm):
    return Span(fm.start_line, 1, fm.start_line, 4)


def _dotted(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
