"""Whether frontmatter is valid against the schema, answered without importing jsonschema.

jsonschema and the libraries it loads (referencing, attrs, its format checkers) cost a
one-file run more than its own work, and nearly every post-mortem's frontmatter is valid.
:func:`is_valid` reads the keywords the frontmatter schema uses, with the semantics of
jsonschema's Draft 2020-12 validator, and answers True (no error), False (at least one
error) or None (a keyword, a reference or a value it does not know: it cannot tell). Only
when the answer is not True does schema-violation (PM101) ask jsonschema for the errors and
their messages, so its findings are jsonschema's on every file.
tests/test_schema_valid.py holds the two to the same verdict on real and mutated
frontmatter.
"""

from __future__ import annotations

import re

# Keywords that only annotate or identify: they never make an instance invalid.
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default",
                          "x-labels"})
# Plain values as the frontmatter reader builds them (postmortem.parse.frontmatter); anything
# else (a datetime, a Decimal, a subclass with its own equality) is beyond this check.
_PLAIN = (str, bool, int, float, type(None))


class _Unknown(Exception):
    """The schema or the instance holds something this check does not read as jsonschema does."""


def is_valid(instance, schema: dict) -> bool | None:
    """True if jsonschema finds no error in ``instance``, False if it finds one, None if
    this check cannot tell."""
    try:
        return _compiled(schema)(instance)
    except (_Unknown, RecursionError):
        return None


_COMPILED: dict[int, tuple[dict, object]] = {}  # id(root schema) -> (schema, its check)


def _compiled(schema: dict):
    """The check of a root schema, built once: one closure per keyword, in the schema's order."""
    kept = _COMPILED.get(id(schema))
    if kept is None or kept[0] is not schema:
        kept = _COMPILED[id(schema)] = (schema, _compile(schema, schema, {}))
    return kept[1]


def _unknown(instance):
    raise _Unknown


def _compile(schema, root, refs):
    """A function of an instance: True (valid), False (invalid) or raises _Unknown."""
    if schema is True:
        return lambda instance: True
    if schema is False:
        return lambda instance: False
    if type(schema) is not dict:
        return _unknown
    checks = []
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        make = _KEYWORDS.get(keyword)
        checks.append(_unknown if make is None else make(value, schema, root, refs))
    checks = tuple(checks)

    def valid(instance) -> bool:
        unknown = False  # one keyword that fails is an error even when another cannot be read
        for check in checks:
            try:
                if not check(instance):
                    return False
            except _Unknown:
                unknown = True
        if unknown:
            raise _Unknown
        return True

    return valid


def _is_type(instance, name: str) -> bool:
    kind = type(instance)
    if kind is dict:
        return name == "object"
    if kind is list:
        return name == "array"
    if kind not in _PLAIN:
        raise _Unknown
    if name == "string":
        return kind is str
    if name == "integer":
        return kind is int or (kind is float and instance.is_integer())
    if name == "number":
        return kind is int or kind is float
    if name == "boolean":
        return kind is bool
    if name == "null":
        return instance is None
    if name in ("object", "array"):
        return False
    raise _Unknown


def _equal(one, two) -> bool:
    """jsonschema's equality, for a schema value that is text: only equal text is equal."""
    if type(one) is not str:
        raise _Unknown
    if type(two) is dict or type(two) is list:
        return False
    if type(two) not in _PLAIN:
        raise _Unknown
    return type(two) is str and one == two


def _ref(value, schema, root, refs):
    name = value[len("#/$defs/"):] if type(value) is str and value.startswith("#/$defs/") else None
    if name is None or "/" in name or "~" in name or name not in root.get("$defs", {}):
        return _unknown

    def check(instance) -> bool:
        target = refs.get(name)
        if target is None:  # compiled on first use: a definition may refer to itself
            target = refs[name] = _compile(root["$defs"][name], root, refs)
        return target(instance)

    return check


_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "null": (type(None),),
          "object": (dict,), "array": (list,)}
_KNOWN_TYPES = frozenset((dict, list, *_PLAIN))


def _type(value, schema, root, refs):
    names = tuple(value) if type(value) is list else (value,)
    if any(name not in _TYPES for name in names):
        return lambda instance: any(_is_type(instance, name) for name in names)
    accepted = frozenset(kind for name in names for kind in _TYPES[name])  # by exact type: bool is no int
    integer = "integer" in names

    def check(instance) -> bool:
        kind = type(instance)
        if kind in accepted:
            return True
        if kind not in _KNOWN_TYPES:
            raise _Unknown
        return integer and kind is float and instance.is_integer()

    return check


def _enum(value, schema, root, refs):
    if type(value) is not list or any(type(each) is not str for each in value):
        return _unknown
    values = frozenset(value)

    def check(instance) -> bool:  # _equal for each value, at once
        kind = type(instance)
        if kind is str:
            return instance in values
        if kind is dict or kind is list or kind in _PLAIN:
            return False
        raise _Unknown

    return check


def _const(value, schema, root, refs):
    return lambda instance: _equal(value, instance)


def _pattern(value, schema, root, refs):
    search = re.compile(value).search  # jsonschema: isinstance(instance, str) and re.search(value, instance)
    return lambda instance: not isinstance(instance, str) or search(instance) is not None


def _min_length(value, schema, root, refs):
    return lambda instance: not isinstance(instance, str) or len(instance) >= value


def _max_length(value, schema, root, refs):
    return lambda instance: not isinstance(instance, str) or len(instance) <= value


def _min_items(value, schema, root, refs):
    return lambda instance: not _is_type(instance, "array") or len(instance) >= value


def _unique_items(value, schema, root, refs):
    def check(instance) -> bool:
        if not value or not _is_type(instance, "array"):
            return True
        if any(type(item) is not str for item in instance):
            raise _Unknown  # jsonschema's equality of numbers, booleans and containers: not needed here
        return len(set(instance)) == len(instance)

    return check


def _minimum(value, schema, root, refs):
    if type(value) not in (int, float):
        return _unknown
    return lambda instance: not _is_type(instance, "number") or not instance < value


def _items(value, schema, root, refs):
    if "prefixItems" in schema:
        return _unknown
    item_valid = _compile(value, root, refs)
    return lambda instance: not _is_type(instance, "array") or all(item_valid(item) for item in instance)


def _properties(value, schema, root, refs):
    if type(value) is not dict:
        return _unknown
    checks = tuple((name, _compile(sub, root, refs)) for name, sub in value.items())
    return lambda instance: not _is_type(instance, "object") or all(
        check(instance[name]) for name, check in checks if name in instance
    )


def _additional_properties(value, schema, root, refs):
    if "patternProperties" in schema:
        return _unknown
    known = schema.get("properties", {})
    extra_valid = None if value is False else _compile(value, root, refs)

    def check(instance) -> bool:
        if not _is_type(instance, "object"):
            return True
        extras = [name for name in instance if name not in known]
        if extra_valid is None:
            return not extras
        return all(extra_valid(instance[name]) for name in extras)

    return check


def _required(value, schema, root, refs):
    return lambda instance: not _is_type(instance, "object") or all(name in instance for name in value)


def _one_of(value, schema, root, refs):
    subs = tuple(_compile(sub, root, refs) for sub in value)
    return lambda instance: sum(1 for sub in subs if sub(instance)) == 1


_KEYWORDS = {
    "$ref": _ref,
    "type": _type,
    "enum": _enum,
    "const": _const,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minItems": _min_items,
    "uniqueItems": _unique_items,
    "minimum": _minimum,
    "items": _items,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "required": _required,
    "oneOf": _one_of,
}
