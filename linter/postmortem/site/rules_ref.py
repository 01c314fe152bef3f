"""The rule reference, generated from each rule module's docstring and constants.

The same text that ``postmortem explain CODE`` prints, so the two never drift.
"""

from __future__ import annotations

import json

from postmortem.rule import RuleInfo, all_rules, section_text

from . import markup as m

PARTS = ("What it does", "Why it matters", "Example", "Use instead")


def anchor(info: RuleInfo) -> str:
    return info.code.lower()


def rules_page() -> str:
    rules = list(all_rules().values())
    out = [
        m.front_matter(title="Rule reference"),
        "# Rule reference\n\n",
        f"`postmortem lint` runs {len(rules)} rules. Each has a stable code and name; select, ignore or "
        "configure them by either in `[tool.postmortem]` of `pyproject.toml`. "
        "`postmortem explain CODE` prints the same text in the terminal.\n\n",
        '<div class="pm-rule-index" markdown>\n\n',
        "| Code | Name | Default severity | What it checks |\n|---|---|---|---|\n",
    ]
    for info in rules:
        summary = info.summary.replace("|", "\\|")  # the docstrings are Markdown
        out.append(f"| [{info.code}](#{anchor(info)}) | `{info.name}` | {_severity(info)} | {summary} |\n")
    out.append("\n</div>\n")
    for info in rules:
        out.append(f"\n## {info.code} `{info.name}` {{ #{anchor(info)} }}\n\n")
        out.append(f"Default severity: {_severity(info)}")
        if info.needs_archive:
            out.append(" · reads the whole archive")
        out.append("\n\n")
        if info.options:
            out.append("| Option | Default |\n|---|---|\n")
            for name, default in info.options.items():
                out.append(f"| `{name}` | `{json.dumps(default)}` |\n")
            example = "\n".join(f"{name} = {json.dumps(default)}" for name, default in info.options.items())
            out.append(f'\n```toml\n[tool.postmortem.rules.{info.code}]\nseverity = "{info.severity}"\n{example}\n```\n\n')
        for part in PARTS:
            text = section_text(info.doc, part)
            if text:
                out.append(f'<p class="pm-rule-part">{part}</p>\n\n{text}\n\n')
    return "".join(out)


def _severity(info: RuleInfo) -> str:
    return f'<span class="pm-badge pm-badge--rule-{info.severity}">{info.severity}</span>'
