"""``postmortem import`` on real public post-mortems, kept verbatim in ``tests/data/import/``
(their origins and licences in ``SOURCES.md``), and on small made-up shapes.

For every real post-mortem: every heading it uses is mapped (to a section, a known extra
section, or a sub-section of one), no word of its text is lost, and the file written lints
with exactly the findings its report lists.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postmortem.engine import Linter
from postmortem.importer import import_text, write_new
from postmortem.importer.reading import read_source
from postmortem.importer.report import findings, render

from .conftest import FIXTURES, TODAY, make_config
from .projects import make_project, run

DATA = Path(__file__).resolve().parent / "data" / "import"
REAL = sorted(p for p in DATA.glob("*.md") if p.name != "SOURCES.md")
# Words a time is written with, which the table writes as a 24-hour time and an offset.
_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}")
_TIME_WORDS = re.compile(r"^(?:AM|PM|am|pm|UTC|PST|PDT|CET|EST|EDT)$")


def _archive(tmp_path: Path) -> Path:
    archive = tmp_path / "postmortems"
    archive.mkdir()
    shutil.copy(FIXTURES / "owners.yml", archive / "owners.yml")
    return archive


def _import(path: Path, archive: Path):
    imported = import_text(path.read_text(encoding="utf-8"), str(path), archive, TODAY)
    return imported, archive / imported.name


def test_the_data_set_has_ten_real_post_mortems_with_sources():
    assert len(REAL) >= 10
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for path in REAL:
        assert f"`{path.name}`" in sources, f"{path.name} has no entry in SOURCES.md"


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_every_heading_is_mapped(path, tmp_path):
    imported, _ = _import(path, _archive(tmp_path))
    source = read_source(path.read_text(encoding="utf-8"), str(path))
    mapped = {(m.title, m.level) for m in imported.mappings}
    for heading in source.headings:
        assert (heading.title, heading.level) in mapped, f"heading {heading.title!r} is not in the report"
    assert not imported.unmapped, [m.title for m in imported.unmapped]


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_no_word_of_the_text_is_lost(path, tmp_path):
    imported, _ = _import(path, _archive(tmp_path))
    source = read_source(path.read_text(encoding="utf-8"), str(path))
    headings = {h.line for h in source.headings} | {source.title_line}
    table_headers = {n for n in range(len(source.lines) - 1) if _DELIMITER.match(source.lines[n + 1])}
    # headings are renamed (the report says to what) and table headers are the format's
    body = [line for n, line in enumerate(source.lines)
            if n not in headings | table_headers and not line.strip().startswith("{:")]  # kramdown attributes
    words = set(re.findall(r"[A-Za-z][A-Za-z'’-]{2,}", "\n".join(body)))
    missing = {w for w in words if w not in imported.text and not _TIME_WORDS.match(w)}
    assert not missing, sorted(missing)[:20]


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_the_written_file_lints_with_exactly_the_findings_its_report_lists(path, tmp_path):
    archive = _archive(tmp_path)
    linter = Linter(make_config(archive=archive, owners=archive / "owners.yml"), today=TODAY)
    imported, target = _import(path, archive)
    listed = findings(imported, linter, str(target))
    report = render(imported, listed, str(target))
    write_new(target, imported.text)
    result = Linter(make_config(archive=archive, owners=archive / "owners.yml"), today=TODAY).lint_paths([target])
    linted = sorted((d.line, d.code, d.message) for d in result.diagnostics)
    assert linted == sorted((item.line, item.code, item.message) for item in listed)
    for line, code, message in linted:
        assert f"line {line}: " in report and message in report
    # what the import could not fill is a placeholder, never a made-up value
    assert "{{" in imported.text
    assert not any(d.code in ("PM001", "PM002") for d in result.diagnostics)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_the_frontmatter_states_only_what_the_source_says(path, tmp_path):
    imported, _ = _import(path, _archive(tmp_path))
    frontmatter = imported.text.split("\n---\n", 1)[0]
    for key in ("severity", "services", "authors", "detected", "detection_method"):
        value = next(line for line in frontmatter.splitlines() if line.startswith(f"{key}:"))
        assert "{{" in value, f"{key} was filled in: {value}"
    summary = next(line for line in frontmatter.splitlines() if line.startswith("  summary:"))
    if "{{" not in summary:  # the first sentence of the source's Impact section
        assert json.loads(summary.split(": ", 1)[1]) in " ".join(path.read_text(encoding="utf-8").split())
    for key in ("started", "mitigated", "resolved"):
        line = next((l for l in frontmatter.splitlines() if l.startswith(f"{key}:")), None)
        if line and "{{" not in line:  # read from a timeline row that says so
            stamp = line.split(": ", 1)[1]
            assert stamp[11:16] in imported.text.split("\n---\n", 1)[1], f"{key} {stamp} has no timeline row"


# --------------------------------------------------------------------------- shapes


def _convert(text: str, tmp_path: Path):
    return import_text(text, "incident.md", _archive(tmp_path), TODAY)


def test_a_timeline_list_with_12_hour_times_and_a_stated_zone(tmp_path):
    imported = _convert(
        "# Search outage on 2019-01-22\n\n## Timeline\n\nAll times in PST\n\n2019-01-22\n\n"
        "- 2:54 PM PST: change merged. **Outage begins.**\n- 3:28 PM: bad config uploaded\n\n2019-01-23\n\n"
        "- 4:49 AM: first report\n- [???] something happened\n- 8:27 AM: **Outage ends.**\n",
        tmp_path,
    )
    assert "| 2019-01-22 14:54 -08:00 | change merged. **Outage begins.** | | |" in imported.text
    assert "| 15:28 | bad config uploaded | | |" in imported.text
    assert "| 2019-01-23 04:49 | first report | | |" in imported.text
    assert "| {{ time, not given in the source }} | something happened [UNCERTAIN: the source gives no time] | | |" in imported.text
    assert "started: 2019-01-22T14:54:00-08:00" in imported.text
    assert "mitigated: 2019-01-23T08:27:00-08:00" in imported.text
    assert "All times in PST" in imported.text


def test_an_ambiguous_zone_is_kept_as_written_and_reported(tmp_path):
    imported = _convert("# Payment errors in Pune\n\n## Timeline\n\n- 2024-05-01 09:10 IST: alert fires\n", tmp_path)
    assert "| 2024-05-01 09:10 IST | alert fires | | |" in imported.text
    assert any("IST" in note and "more than one timezone" in note for note in imported.notes)


def test_an_action_table_keeps_what_the_source_gives(tmp_path):
    imported = _convert(
        "# Shakespeare search down\n\n## Action Items\n\n|Action Item |Type |Owner |Bug|\n|---|---|---|---|\n"
        "|Update playbook with instructions| mitigate |jennifer| n/a DONE|\n"
        "|Use flux capacitor to balance load|prevent|martym|Bug 5554823 TODO|\n",
        tmp_path,
    )
    assert "| A1 | Update playbook with instructions | mitigate | jennifer |" in imported.text
    assert "| done |" in imported.text.split("| A1 |")[1].split("\n")[0]
    row = imported.text.split("| A2 |")[1].split("\n")[0]
    assert "| open |" in row and "Bug 5554823" in row


def test_lessons_with_sub_sections_become_the_format_sections(tmp_path):
    imported = _convert(
        "# Outage\n\n## Lessons Learned\n\n### What went well\n\nAlerts fired.\n\n### What went wrong\n\n"
        "Slow rollback.\n\n### Where we got lucky\n\nThe on-call engineer was awake.\n", tmp_path)
    text = imported.text
    assert text.index("## What Went Well\n\nAlerts fired.") < text.index("## What Could Improve\n\nSlow rollback.")
    assert "### Where we got lucky\n\nThe on-call engineer was awake." in text
    assert "## Lessons Learned\n\n{{" in text


def test_unknown_headings_are_kept_and_reported(tmp_path):
    imported = _convert("# Outage\n\n## Summary\n\nIt broke.\n\n## Musings\n\nA thought.\n", tmp_path)
    assert [m.title for m in imported.unmapped] == ["Musings"]
    assert "## Musings\n\nA thought." in imported.text


# --------------------------------------------------------------------------- writing


def test_write_new_never_overwrites(tmp_path):
    target = tmp_path / "a.md"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_new(target, "theirs")
    assert target.read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left


def test_cli_import_writes_reports_and_never_overwrites(tmp_path):
    project = make_project(tmp_path)
    source = tmp_path / "docsrs.md"
    shutil.copy(DATA / "rust-docsrs-outage-postmortem.md", source)
    first = run(project, "import", str(source), "--today", "2026-11-23")
    assert first.exit_code == 0, first.output
    written = project / "postmortems" / "2019-10-21-docs-rs-outage-postmortem.md"
    assert written.is_file()
    assert "## Root cause of the outage -> Root Cause Analysis" in first.output
    assert "To fill in" in first.output
    before = written.read_bytes()
    again = run(project, "import", str(source))
    assert again.exit_code == 1
    assert "not overwritten" in again.output
    assert written.read_bytes() == before
    printed = run(project, "import", "--stdout", str(source))
    assert printed.exit_code == 0
    assert printed.stdout.startswith("---\nid: PM-2019-")


def test_the_format_reference_lists_every_accepted_spelling():
    from postmortem import spec
    from postmortem.times import AMBIGUOUS_ZONES, ZONE_ABBREVIATIONS

    reference = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text(encoding="utf-8")
    table = reference[reference.index("| Key | Canonical heading |"):reference.index("### Sub-sections")]
    listed = {spec.normalise_heading(name) for row in table.splitlines()[2:] if row.startswith("| `")
              for cell in row.split("|")[2:4] for name in cell.split(",")}
    for names in spec.SECTIONS.values():
        for name in names:
            assert spec.normalise_heading(name) in listed, f"{name!r} is not in docs/format.md"
    for name in spec.KNOWN_EXTRAS:
        assert name in table, f"known extra {name!r} is not in docs/format.md"
    for zone in (*ZONE_ABBREVIATIONS, *AMBIGUOUS_ZONES):
        assert f"`{zone}`" in reference, f"zone {zone} is not in docs/format.md"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "# Title of an outage\n", "## Timeline\n", "## Action items\n", "### What went well\n", "## Lessons\n",
    "- 2:54 PM PST: merged\n", "- [???] gone\n", "* [03-26 17:40] drained\n", "| time | Description |\n",
    "|---|---|\n", "| 14:51 | news |\n", "All times in IST\n", "2019-01-22\n", "```\n## not a heading\n```\n",
    "+++\ntitle = 'x'\n+++\n", "---\ntitle: [\n---\n", "\n", "text | with a pipe\n", "- **HIGH** Fix it (#12)\n",
    "## Apendix\n", "## Random thoughts\n", "> ## quoted\n", "\r\n", "\ufeff",
]), max_size=25), st.text(max_size=40))
def test_import_never_fails_and_writes_a_readable_post_mortem(tmp_path_factory, pieces, noise):
    from postmortem.parse import parse_text

    text = "".join(pieces) + noise
    archive = tmp_path_factory.mktemp("archive")
    imported = import_text(text, "incident.md", archive, TODAY)
    doc = parse_text(imported.text, "incident.md")
    assert doc.frontmatter is not None, imported.text
    assert doc.section("timeline") is not None and doc.section("action-items") is not None


def test_month_day_times_a_zone_stated_elsewhere_and_a_night_without_a_date(tmp_path):
    imported = _convert(
        "# March 26th, 2019 Boskos Outage\n\nAll times in PDT (UTC-7).\n\n## Timeline\n\n"
        "- [12-05 16:21] bug introduced\n- [03-20 16:46] spec updated\n- [03-26 23:04] node drained\n"
        "- [03-26 02:50] outage reported\n",
        tmp_path,
    )
    assert "| 2018-12-05 16:21 -07:00 | bug introduced | | [ASSUMPTION: year from the post-mortem's date] |" in imported.text
    assert "| 2019-03-20 16:46 | spec updated | | |" in imported.text
    assert any("02:50 is earlier than the one above it (23:04)" in note for note in imported.notes)


def test_a_timeline_table_with_the_zone_in_its_header(tmp_path):
    imported = _convert(
        "# Incident Postmortem – Service Outage on 2025-05-20\n\n## 2  Timeline (UTC)\n"
        "| Time | Event |\n|------|-------|\n| 08:41 | Alertmanager page |\n| 08:46 | Rollback initiated |\n", tmp_path)
    assert "| 08:41 UTC | Alertmanager page | | |" in imported.text
    assert "| 08:46 | Rollback initiated | | |" in imported.text
    (tmp_path / "b").mkdir()
    imported = _convert(
        "# Outage on 2025-05-20\n\n## Timeline\n\n| Time (CET) | Event |\n|---|---|\n| 08:41 | page |\n", tmp_path / "b")
    assert "| 08:41 +01:00 | page | | |" in imported.text


def test_two_timeline_sections_keep_the_rows_of_both(tmp_path):
    imported = _convert("# Outage\n\n## Timeline\n\n- 10:00 UTC: first\n\n## Timeline of events\n\n- 11:00 UTC: second\n",
                        tmp_path)
    assert "| 10:00 UTC | first | | |" in imported.text and "| 11:00 UTC | second | | |" in imported.text


def test_setext_headings_are_mapped_and_their_underlines_not_kept(tmp_path):
    imported = _convert(
        "Disk full on the build server\n=============================\n\nSummary\n-------\n\nThe disk filled.\n\n"
        "Lessons learned\n---------------\n\nWhat went well\n~~~\n\nnot a fence\n", tmp_path)
    assert 'title: "Disk full on the build server"' in imported.text
    assert "## Summary\n\nThe disk filled." in imported.text
    assert "-------" not in imported.text.split("## Summary", 1)[1].split("## Impact")[0]


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_the_real_post_mortems_are_kept_verbatim(path):
    import hashlib

    data = path.read_bytes()
    blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
    assert f"| `{path.name}` | `{blob}` |" in (DATA / "SOURCES.md").read_text(encoding="utf-8")


def test_a_zone_note_that_is_ambiguous_is_kept_and_reported(tmp_path):
    imported = _convert("# Outage\n\n## Timeline\n\nAll times in IST.\n\n- 2024-05-01 09:10: alert fires\n"
                        "- 09:20: incident begins\n", tmp_path)
    assert "| 2024-05-01 09:10 IST | alert fires | | |" in imported.text
    assert any("IST" in note for note in imported.notes)
    assert "started: \"{{" in imported.text  # a declared incident is not when impact began
