"""The rule reference, generated from each rule module's docstring and constants.

The same text that ``postmortem explain CODE`` prints, so the two never drift. The page is
``templates/postmortem/pages/rules.md``.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from postmortem.rule import RuleInfo, all_rules, section_text

from . import markup as m
from .templating import Templates

PARTS = ("What it does", "Why it matters", "Example", "Use instead")


def anchor(info: RuleInfo) -> str:
    return info.code.lower()


def rules_page(templates: Templates) -> str:
    rules = [
        {
            "code": info.code,
            "name": info.name,
            "anchor": anchor(info),
            "severity": f"{info.severity}",
            "needs_archive": info.needs_archive,
            # The rules' own Markdown: trusted, written in this package.
            "summary": Markup(info.summary.replace("|", "\\|")),
            "options": [(name, Markup(json.dumps(default))) for name, default in info.options.items()],
            "parts": [(part, Markup(text)) for part in PARTS if (text := section_text(info.doc, part))],
        }
        for info in all_rules().values()
    ]
    return m.front_matter(title="Rule reference") + templates.page("rules.md", rules=rules)
