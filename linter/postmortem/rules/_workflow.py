"""The review workflow's stages, named from the schema's ``status`` list (PM106–PM108, PM208).

The schema lists the statuses in workflow order: written, under review, reviewed and
shared, follow-up finished. Unpacking them here fails loudly if the schema changes the
workflow, instead of letting rules compare against spellings of their own.
"""

from ..vocabulary import REVIEWED_STATUSES, STATUSES

DRAFT, IN_REVIEW, PUBLISHED, CLOSED = STATUSES.values

REVIEWED = REVIEWED_STATUSES.values  # the review is merged: a publication date is due
UNREVIEWED = tuple(status for status in STATUSES if status not in REVIEWED)  # before the review is merged

