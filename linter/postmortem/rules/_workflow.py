"""The review workflow's stages, named from the schema's ``status`` list (PM106–PM108, PM208).

The schema lists the statuses in workflow order: written, under review, reviewed and
shared, follow-up finished. Unpacking them here fails loudly if the schema changes the
workflow, instead of letting rules compare against spellings of their own.
"""

from ..vocabulary import STATUSES

DRAFT, IN_REVIEW, PUBLISHED, CLOSED = STATUSES.values

UNREVIEWED = (DRAFT, IN_REVIEW)  # before the review is merged
REVIEWED = (PUBLISHED, CLOSED)  # the review is merged: a publication date is due

# How long a post-mortem may stay unreviewed after the incident ended (PM108's default).
REVIEW_DAYS = 30


def days_unreviewed(incident, today) -> int | None:
    """Days since the incident ended (``resolved``, else ``started``) for a post-mortem still
    in ``draft`` or ``in-review``; None when it is reviewed or has no date. One definition for
    PM108 and any report of stalled reviews."""
    if incident.status not in UNREVIEWED:
        return None
    end = incident.resolved or incident.started
    return None if end is None else (today - end.date()).days
