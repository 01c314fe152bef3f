"""Recurring contributing factors (``postmortem.themes``): labelled pairs, grouping, the CLI."""

from __future__ import annotations

import json

import pytest

from postmortem import themes
from postmortem.archive import archive_files
from postmortem.parse import parse_file

from .conftest import ROOT
from .projects import make_project, run


def archive_factors() -> list[str]:
    return [f.factor for path in archive_files(ROOT / "postmortems") for f in parse_file(path).factors]


# The same weakness in other words: similar.
SAME = [
    ("Expiry monitoring covered only public endpoints, not hostnames behind the internal ingress",
     "Certificate expiry monitoring covered TLS endpoints only, not signing certificates published in key sets"),
    ("Connection pool does not validate connections on borrow",
     "The reporting service's connection pool kept stale connections because it does not validate them on borrow"),
    ("No alert watched the zero-result rate of search queries",
     "No alert watched the rate of failed logins"),
    ("Failover runbook has no step to verify application reconnects",
     "The database failover runbook has no step that checks that applications reconnect"),
    ("Staging and production pool settings drifted apart",
     "Pool settings in staging drifted from production"),
    ("The registry deploy credential was a long-lived static secret available to every job in the workflow",
     "A long-lived static credential for the package registry was readable by every job"),
]

# Unrelated factors that share a word or two: not similar.
DIFFERENT = [
    ("No alert watched the zero-result rate of search queries",
     "The pipeline's plan output shows pools by numeric id, so the changed reference looked like a rename in review"),
    ("Connection pool does not validate connections on borrow",
     "The DNS pipeline applied a geo-DNS policy that referenced a CDN pool with no working origins"),
    ("The reindex time limit was not revisited after the catalogue grew by 40%",
     "Loader batches exceeded the consumer poll limit after event size grew 3.7 times, causing a rebalance loop"),
    ("The rebalance loop was logged at INFO level only and had no metric",
     "The flag ramp plan checked server metrics only, and moved to 100% before client metrics could show the effect"),
    ("The SSO gateway caches the key set for one hour and has no way to flush it short of a restart",
     "A 3,600-second TTL on www and api kept wrong answers cached for an hour after the revert"),
    ("Staging and production pool settings drifted apart",
     "The node pool's surge limit of 1 node brought capacity back one node at a time"),
]


@pytest.mark.parametrize("first, second", SAME)
def test_same_theme_is_similar(first, second):
    assert themes.similarity(first, second, archive_factors()) >= themes.THRESHOLD


@pytest.mark.parametrize("first, second", DIFFERENT)
def test_different_themes_are_not_similar(first, second):
    assert themes.similarity(first, second, archive_factors()) < themes.THRESHOLD


def test_terms_stem_and_pair_words():
    assert themes.terms("No alert watched it") == ["alert", "watch", "no alert", "alert watch"]
    assert themes.terms("No alert watches") == themes.terms("no alerts watched")


def test_bundled_archive_has_recurring_factors_across_postmortems():
    docs = [parse_file(path) for path in archive_files(ROOT / "postmortems")]
    found = themes.themes(docs)
    assert found
    for theme in found:
        assert theme.incidents >= 2
        assert len({o.doc.path for o in theme.occurrences}) == theme.incidents
    pool = next(t for t in found if "validate connections on borrow" in t.label)
    assert [o.label for o in pool.occurrences] == ["PM-2026-007 CF1", "PM-2026-029 CF1"]
    assert themes.themes(reversed(docs)) == found  # the order of the files does not matter


def test_factors_of_one_postmortem_never_make_a_theme_alone():
    doc = parse_file(ROOT / "postmortems" / "2026-03-04-checkout-errors-for-eu-customers.md")
    assert themes.themes([doc]) == []


def test_stats_themes(tmp_path):
    project = make_project(tmp_path, copy_archive=True)
    result = run(project, "stats", "--themes", "--format", "json", "--today", "2026-11-23")
    data = json.loads(result.stdout)
    assert data["themes_threshold"] == themes.THRESHOLD and isinstance(data["themes"], list)
    bundled = run(project, "stats", "--themes", "--today", "2026-11-23", str(ROOT / "postmortems")).stdout
    assert "Recurring contributing factors" in bundled and "seen in 2 incidents" in bundled
    assert "themes" not in json.loads(run(project, "stats", "--format", "json", "--today", "2026-11-23").stdout)


def test_similar_pairs_are_every_pair_at_or_above_the_threshold():
    texts = archive_factors() + [a for a, _ in SAME] + [b for _, b in SAME]
    vecs = themes.vectors(texts)
    brute = {
        (i, j): themes.cosine(vecs[i], vecs[j])
        for i in range(len(vecs)) for j in range(i + 1, len(vecs))
        if themes.cosine(vecs[i], vecs[j]) >= themes.THRESHOLD
    }
    found = themes.similar_pairs(vecs)
    assert found.keys() == brute.keys() and len(found) >= len(SAME)
