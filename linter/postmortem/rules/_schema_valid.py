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
        return _valid(instance, schema, schema)
    except (_Unknown, RecursionError):
        return None


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


def _valid(instance, schema, root) -> bool:
    if schema is True:
        return True
    if schema is False:
        return False
    if type(schema) is not dict:
        raise _Unknown
    unknown = False  # one keyword that fails is an error even when another cannot be read
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        check = _KEYWORDS.get(keyword)
        try:
            if check is None:
                raise _Unknown
            if not check(value, instance, schema, root):
                return False
        except _Unknown:
            unknown = True
    if unknown:
        raise _Unknown
    return True


def _ref(value, instance, schema, root) -> bool:
    if type(value) is not str or not value.startswith("#/$defs/") or "/" in value[len("#/$defs/"):] or "~" in value:
        raise _Unknown
    target = root.get("$defs", {}).get(value[len("#/$defs/"):])
    if target is None:
        raise _Unknown
    return _valid(instance, target, root)


def _type(value, instance, schema, root) -> bool:
    names = value if type(value) is list else [value]
    return any(_is_type(instance, name) for name in names)


def _enum(value, instance, schema, root) -> bool:
    if type(value) is not list:
        raise _Unknown
    return any(_equal(each, instance) for each in value)


def _const(value, instance, schema, root) -> bool:
    return _equal(value, instance)


def _pattern(value, instance, schema, root) -> bool:
    return not _is_type(instance, "string") or re.search(value, instance) is not None


def _min_length(value, instance, schema, root) -> bool:
    return not _is_type(instance, "string") or len(instance) >= value


def _max_length(value, instance, schema, root) -> bool:
    return not _is_type(instance, "string") or len(instance) <= value


def _min_items(value, instance, schema, root) -> bool:
    return not _is_type(instance, "array") or len(instance) >= value


def _unique_items(value, instance, schema, root) -> bool:
    if not value or not _is_type(instance, "array"):
        return True
    if any(type(item) is not str for item in instance):
        raise _Unknown  # jsonschema's equality of numbers, booleans and containers: not needed here
    return len(set(instance)) == len(instance)


def _minimum(value, instance, schema, root) -> bool:
    if type(value) not in (int, float):
        raise _Unknown
    return not _is_type(instance, "number") or not instance < value


def _items(value, instance, schema, root) -> bool:
    if "prefixItems" in schema:
        raise _Unknown
    return not _is_type(instance, "array") or all(_valid(item, value, root) for item in instance)


def _properties(value, instance, schema, root) -> bool:
    if not _is_type(instance, "object"):
        return True
    return all(_valid(instance[name], sub, root) for name, sub in value.items() if name in instance)


def _additional_properties(value, instance, schema, root) -> bool:
    if "patternProperties" in schema:
        raise _Unknown
    if not _is_type(instance, "object"):
        return True
    known = schema.get("properties", {})
    extras = [name for name in instance if name not in known]
    if value is False:
        return not extras
    return all(_valid(instance[name], value, root) for name in extras)


def _required(value, instance, schema, root) -> bool:
    return not _is_type(instance, "object") or all(name in instance for name in value)


def _one_of(value, instance, schema, root) -> bool:
    return sum(1 for sub in value if _valid(instance, sub, root)) == 1


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
