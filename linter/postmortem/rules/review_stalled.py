"""
## What it does
Warns about a post-mortem still in `draft` or `in-review` more than `days` days after the
incident was resolved. The default is 30 days; the incident's end is `resolved`, or
`started` when there is no `resolved`. "Today" is the date of the run (`--today` sets it).

```toml
[tool.postmortem.rules.PM108]
days = 21
```

## Why it matters
A post-mortem that stays in review is one nobody finishes: the action items are not agreed,
the archive does not count it, and what the responders remember fades every week. The
writing guide asks for a draft within 48 hours and a review soon after.

## Example
```yaml
status: in-review
resolved: 2026-09-09T16:00:00Z
```
(linted on 2026-11-30: 82 days after resolution)

## Use instead
Hold the review meeting and set `status: published` with the `published:` date, or agree in
the pull request who finishes the draft and by when.
"""

from ..config import ConfigError
from ..rule import Finding, Severity
from ..model import REVIEW_DAYS, days_unreviewed
from ._workflow import PUBLISHED

CODE = "PM108"
NAME = "review-stalled"
SEVERITY = Severity.WARNING
OPTIONS = {"days": REVIEW_DAYS}


def validate_options(options):
    days = options.get("days")
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise ConfigError(f"[tool.postmortem.rules.{CODE}]: days must be a whole number of days, 0 or more")


def check(doc, ctx):
    fm = doc.frontmatter
    incident = doc.incident
    days = days_unreviewed(incident, ctx.today)
    limit = ctx.options["days"]
    if fm is None or days is None or days <= limit:
        return
    end = incident.resolved or incident.started
    what = "resolution" if incident.resolved else "the start of the incident"
    yield Finding(
        fm.span(("status",)),
        f"still {incident.status} {days} days after {what} ({end.date()}); reviews should finish within {limit} days",
        f"Finish the review and set `status: {PUBLISHED}` with the `published:` date, or agree who finishes it and by when.",
    )
