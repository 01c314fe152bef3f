"""The format contract in code: section names and aliases, table columns, defaults.

The writing guide and the format reference in ``docs/`` describe exactly these values.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import SEVERITIES
from .lazy_re import lazy

# Canonical section keys in the order a post-mortem presents them, each with the headings
# that name it (compared case-insensitively, ignoring numbering and punctuation).
SECTIONS: dict[str, tuple[str, ...]] = {
    "summary": ("Summary", "Executive Summary", "Incident Summary", "Overview", "TL;DR", "TLDR", "Issue Summary"),
    "impact": ("Impact", "Customer Impact", "User Impact", "Business Impact", "Impact Assessment"),
    "timeline": (
        "Timeline",
        "Incident Timeline",
        "Timeline of Events",
        "Timeline of the Incident",
        "Timeline (UTC)",
        "Detailed Timeline",
    ),
    "root-cause": (
        "Root Cause Analysis",
        "Root Cause",
        "Root Causes",
        "Contributing Factors",
        "Root Cause and Contributing Factors",
        "Causes",
        "Root Cause of the Outage",
        "Root Cause of the Issue",
        "Root Cause of the Incident",
        "Root Cause Identification",
        "Root Cause and Resolution",
        "Cause",
        "What Happened and Why",
    ),
    "went-well": ("What Went Well", "Went Well", "What Worked", "Things That Went Well", "What Went Right"),
    "could-improve": (
        "What Could Improve",
        "What Could Be Improved",
        "What Went Wrong",
        "What Didn't Go Well",
        "What Did Not Go Well",
        "What Went Poorly",
        "What Went Badly",
        "What Didn't Work",
        "Things That Went Wrong",
        "Where We Got Lucky",
        "Opportunities for Improvement",
        "Areas for Improvement",
    ),
    "action-items": (
        "Action Items",
        "Follow-up Actions",
        "Follow-Up Actions",
        "Corrective Actions",
        "Remediation",
        "Remediations",
        "Remediation Items",
        "Follow-ups",
        "Follow-up Items",
        "Follow-up",
        "Action Items and Follow-ups",
        "Actions",
        "Future Actions",
        "Next Steps",
        "Corrective and Preventative Measures",
        "Corrective and Preventive Measures",
        "Corrective and Preventative Actions",
        "Preventive Actions",
        "Preventative Actions",
        "Action Plan",
    ),
    "communication": ("Stakeholder Communication", "Communication", "Communications", "Stakeholder Communications"),
    "lessons": ("Lessons Learned", "Lessons", "Learnings", "Key Learnings", "Lessons Learnt", "Takeaways", "Key Takeaways"),
}

# Level-2 headings real post-mortems use for parts this format has no section for. They are
# accepted anywhere (as every other level-2 heading is); ``postmortem import`` keeps each
# under its own name instead of reporting it as a heading it could not place.
KNOWN_EXTRAS: tuple[str, ...] = (
    "Detection",
    "Response",
    "Resolution",
    "Recovery",
    "Resolution and Recovery",
    "Mitigation",
    "Trigger",
    "Leadup",
    "Lead-up",
    "Fault",
    "Background",
    "Context",
    "Analysis",
    "Postmortem",
    "Post-mortem",
    "Actions Taken",
    "Affected Crates",
    "Affected Services",
    "Affected Users",
    "Contents",
    "Recurrence",
    "Backlog Check",
    "Supporting Information",
    "Appendix",
    "References",
    "Links",
    "Thanks",
    "Acknowledgements",
    "Acknowledgments",
    "Glossary",
    "Long Term Changes",
)

SECTION_ORDER: tuple[str, ...] = tuple(SECTIONS)

# The customer-facing part of Stakeholder Communication, a sub-heading (``### External
# Summary``). The site publishes it, and nothing else of the post-mortem, as status history.
EXTERNAL_SUMMARY: tuple[str, ...] = (
    "External Summary",
    "Customer-Facing Summary",
    "Customer Summary",
    "Public Summary",
    "Status Page Summary",
)

# The two most severe levels also need Stakeholder Communication.
# Sub-sections the format knows, at level 3 or deeper, by key.
SUBSECTIONS: dict[str, tuple[str, ...]] = {
    "external-summary": EXTERNAL_SUMMARY,
    "internal-summary": ("Internal Summary", "Internal Update", "Internal Communication"),
    "five-whys": ("5 Whys", "Five Whys", "The 5 Whys", "The Five Whys", "5 Whys Analysis", "Five Whys Analysis"),
}

REQUIRED_SECTIONS: dict[str, tuple[str, ...]] = {
    severity: SECTION_ORDER if rank < 2 else tuple(key for key in SECTION_ORDER if key != "communication")
    for rank, severity in enumerate(SEVERITIES)
}

# Table columns: canonical name -> accepted header spellings. ``required`` lists the
# columns a table of that kind must have; the others are optional.
TABLES: dict[str, dict] = {
    "timeline": {
        "section": "timeline",
        "columns": {
            "time": ("Time", "Timestamp", "Time (UTC)", "When"),
            "event": ("Event", "What Happened", "Description"),
            "actor": ("Actor", "Actor Role", "Role", "Who"),
            "notes": ("Notes", "Note", "Evidence", "Details"),
        },
        "required": ("time", "event", "actor"),
        "signature": "time",
    },
    "factors": {
        "section": "root-cause",
        "columns": {
            "id": ("ID", "#"),
            "factor": ("Factor", "Contributing Factor", "Description"),
            "category": ("Category",),
            "contribution": ("Contribution", "Contribution Level", "Level"),
            "preventable": ("Preventable", "Preventable?"),
        },
        "required": ("id", "factor", "category", "contribution", "preventable"),
        "signature": "category",
    },
    "actions": {
        "section": "action-items",
        "columns": {
            "id": ("ID", "#"),
            "action": ("Action", "Action Item", "Item"),
            "category": ("Category", "Type"),
            "owner": ("Owner", "Owner Role", "Team"),
            "priority": ("Priority",),
            "due": ("Due", "Due Date"),
            "status": ("Status",),
            "tracking": ("Tracking", "Tracking Link", "Ticket", "Link"),
            "addresses": ("Addresses", "Factors", "Contributing Factors", "Factor"),
        },
        "required": ("id", "action", "category", "owner", "priority", "due", "status"),
        "signature": "action",
    },
}

PLACEHOLDER = re.compile(r"\{\{.*?\}\}", re.DOTALL)

# Confidence markers: ``[ASSUMPTION]``, ``[ESTIMATE: how it was estimated]``,
# ``[UNCERTAIN: why]``. Group 1 is the kind, group 2 the note (None when absent).
# A marker may wrap onto the next line inside a paragraph.
CONFIDENCE_MARKER = re.compile(r"\[(ASSUMPTION|ESTIMATE|UNCERTAIN)(?::\s*([^\[\]]*?))?\s*\]")

_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.)\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)
def normalise_heading(text: str) -> str:
    """``"3. Root-Cause & Analysis:"`` -> ``"root cause and analysis"``. Cached: every
    document's headings and table header cells are looked up, mostly the same few names."""
    text = _NUMBERING.sub("", text).replace("&", " and ").lower()
    return _NON_WORD.sub(" ", text).strip()


def _header_key(text: str) -> str:
    """Normalised heading, or the bare text for symbol-only headers such as ``#``."""
    return normalise_heading(text) or text.strip()


def _index(mapping: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_header_key(alias): key for key, aliases in mapping.items() for alias in aliases}


SECTION_INDEX = _index(SECTIONS)
_HEADING_INDEX = {**_index(SUBSECTIONS), **SECTION_INDEX}


def section_key(heading: str, index: dict[str, str] | None = None) -> str | None:
    """The key of a top-level (``##``) section heading, or None."""
    return (index or SECTION_INDEX).get(normalise_heading(heading))


def heading_key(heading: str) -> str | None:
    """The key of a heading at any level: a section's or a known sub-section's. A heading
    whose name has the word "whys" (``Root cause identification: the five whys``) is a
    5 Whys sub-section, as the format reference says."""
    name = normalise_heading(heading)
    key = _HEADING_INDEX.get(name)
    if key is None and "whys" in name.split():
        return "five-whys"
    return key


_COLUMN_INDEX = {kind: _index(layout["columns"]) for kind, layout in TABLES.items()}


_ZONED_TIME = lazy(r"^\s*time\s*\(\s*(?:[a-z]{1,5}|[a-z]{0,3}\s*[+-]\s*\d{1,2}(?::?\d{2})?)\s*\)\s*$", re.IGNORECASE)


def column_key(kind: str, header: str) -> str | None:
    """Canonical column of a table header cell; an empty header names no column. A timeline's
    ``Time (PST)`` or ``Time (UTC+1)`` is its Time column (the zone in it does not count)."""
    if not header.strip():
        return None
    key = _COLUMN_INDEX[kind].get(_header_key(header))
    if key is None and kind == "timeline" and _ZONED_TIME.match(header):
        return "time"
    return key
