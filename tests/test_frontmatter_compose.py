"""The frontmatter's composer (one loader class, made once) gives the node trees, and the
errors, of ruamel.yaml's own ``YAML.compose``."""

from __future__ import annotations

import pytest

from postmortem.parse.frontmatter import _compose, _loader_class, _yaml

TEXTS = [
    "title: Plain\nid: PM-2024-001\n",
    "date: 2024-03-05\nstarted: 2024-03-05T10:00:00Z\nwhen: 2024-03-05 10:00:00 +01:00\n",
    "yes: yes\nno: No\non: on\ntrue: True\nnull: ~\nempty:\nn: 012\nx: 0x1F\no: 0o17\nf: 1.5e3\ninf: .inf\nnan: .NaN\n",
    "list: [a, 'b', \"c\", 1, 2.0, null]\nmap: {a: 1, b: [x, {y: z}]}\n",
    "authors:\n  - name: A\n    role: lead\n  - name: B\n",
    "base: &b {a: 1}\nother: *b\nmerged:\n  <<: *b\n  c: 2\n",
    "tagged: !custom value\nstr: !!str 123\nbin: !!binary aGVsbG8=\nset: !!set {a, b}\n",
    "%YAML 1.1\n---\nold: yes\noctal: 012\n",
    "folded: >\n  one\n  two\nliteral: |\n  three\n  four\n",
    "summary: \"unicode é ✓ \\u00e9\"\nq: 'it''s'\n",
    "= : value\n'<<': x\n",
    "dup: 1\ndup: 2\n",
    "bad: [unclosed\n",
    "key: value\n  indented: wrong\n",
    "a: 'open quote\n",
    "- just\n- a list\n",
    "scalar only",
    "two: docs\n---\nsecond: doc\n",
    "tab:\t1\n",
    "nul: \x00\n",
]


def dump(node):
    if node is None:
        return None
    marks = tuple((m.line, m.column, m.index) for m in (node.start_mark, node.end_mark))
    if node.id == "scalar":
        value = node.value
    elif node.id == "mapping":
        value = [(dump(k), dump(v)) for k, v in node.value]
    else:
        value = [dump(item) for item in node.value]
    return (node.id, str(node.tag), getattr(node, "style", None), marks, value)


def by_ruamel(text):
    yaml = _yaml()
    try:
        return "ok", dump(yaml.compose(text))
    except Exception as exc:  # noqa: BLE001 - the errors must match too
        return type(exc).__name__, str(exc)
    finally:
        yaml.doc_infos.clear()


def by_ours(text):
    try:
        return "ok", dump(_compose(text))
    except Exception as exc:  # noqa: BLE001
        return type(exc).__name__, str(exc)


def test_the_loader_class_is_made_once():
    assert _loader_class() is not None  # ruamel.yaml.clib is a dependency: the C parser is used
    assert _loader_class() is _loader_class()


@pytest.mark.parametrize("text", TEXTS)
def test_nodes_and_errors_equal_ruamel_compose(text):
    assert by_ours(text) == by_ruamel(text)
