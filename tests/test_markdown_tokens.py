"""The parser's markdown-it instance takes two shortcuts (plain inline text, table rows
without a backslash); its tokens must equal those of markdown-it configured without them."""

from __future__ import annotations

import random
import sys

import pytest
from markdown_it import MarkdownIt

from postmortem.parse.markdown import _markdown

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import write_archive  # noqa: E402


def reference():
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.disable("text_join")
    return md


def tokens(md, text):
    return [token.as_dict() for token in md.parse(text)]


TRICKY = [
    "",
    "plain words only",
    "| a | b |\n|---|:-:|\n| 1 | 2 |\n| x \\| y | z |\n| \\\\| w |",
    "| a | b |\n|---|---|\n| *em* | `code|pipe` |\n| [link](http://x) | <b>raw</b> |\n| &amp; | ![img](i.png) |",
    "|a|b|\n|-|-|\n|1|\n|1|2|3|\n\n|||\n|-|-|\n||x|",
    "para line\n| a | b |\n|---|---|\n| 1 | 2 |",
    "text  \nhard break\\\nand soft\nbreak",
    "> | q | r |\n> |---|---|\n> | 1 | 2 |",
    "- item | with | pipes\n  | a | b |\n  |---|---|\n  | 1 | 2 |",
    "a_b_c *d* __e__ ~f~ <http://g> 1 < 2 & 3",
    "| é | \u00a0x\u00a0 | \u2028 |\n|---|---|---|\n| \u0085y | z\u3000 | ! |",
]


def random_texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    alphabet = list("ab |-:\\*_`[]()!<>&#\n\t") + ["|", "|", " ", "\n", "x", "\u00a0"]
    texts = []
    for _ in range(count):
        head = "| " + " | ".join(rng.choice(["a", "b c", "d\\|e", "*f*"]) for _ in range(rng.randint(1, 4))) + " |"
        rule = "|" + "|".join(rng.choice(["---", ":--", "--:", ":-:"]) for _ in range(head.count(" | ") + 1)) + "|"
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        texts.append(f"{head}\n{rule}\n{body}" if rng.random() < 0.7 else body)
    return texts


@pytest.mark.parametrize("text", TRICKY + random_texts(300))
def test_tokens_equal_markdown_it_without_shortcuts(text):
    assert tokens(_markdown(), text) == tokens(reference(), text)


def test_fixture_and_generated_files_give_the_same_tokens(tmp_path):
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.md")) + write_archive(tmp_path, 20)
    md, plain = _markdown(), reference()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert tokens(md, text) == tokens(plain, text), path


def test_the_shortcuts_are_installed():
    """If a markdown-it upgrade changed its rules, the shortcuts switch themselves off:
    this says so, instead of the parser silently getting slower."""
    from markdown_it.rules_block import table
    from markdown_it.rules_core import inline

    md = _markdown()
    assert inline not in md.core.ruler.getRules("")
    assert table not in md.block.ruler.getRules("")
    assert all(table not in md.block.ruler.getRules(chain) for chain in ("paragraph", "reference"))
    assert len(md.block.ruler.getRules("paragraph")) == len(reference().block.ruler.getRules("paragraph"))


def test_block_rules_skip_the_debug_log_and_keep_their_chains():
    """Every block rule is re-bound to a logger that does nothing, in the same place of the
    same chains (the rules that may end a paragraph, a reference, a quote, a list item)."""
    import logging

    md, plain = _markdown(), reference()
    for chain in ("", "paragraph", "reference", "blockquote", "list"):
        ours, theirs = md.block.ruler.getRules(chain), plain.block.ruler.getRules(chain)
        assert [rule.__code__ for rule in ours] == [rule.__code__ for rule in theirs], chain
    loggers = [rule.__globals__.get("LOGGER") for rule in md.block.ruler.getRules("")]
    assert not any(isinstance(logger, logging.Logger) for logger in loggers)


def test_a_rule_whose_debug_log_is_on_keeps_its_logger():
    import logging

    from postmortem.parse.markdown import _quiet_block_rules

    logger = logging.getLogger("markdown_it.rules_block.heading")
    old = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        md = reference()
        _quiet_block_rules(md)
        kept = {rule.__name__: rule.__globals__.get("LOGGER") for rule in md.block.ruler.getRules("")}
    finally:
        logger.setLevel(old)
    assert kept["heading"] is logger
    assert not isinstance(kept["paragraph"], logging.Logger)


def test_an_admonitions_body_is_prose_at_its_columns():
    """ "!!! note" and "???+ tip" blocks, as the site renders them: the indented body is prose
    (with a blank line after the title too, where plain Markdown sees an indented code block)."""
    from postmortem.parse import parse_text

    text = (
        "## Summary\n\n"
        '!!! note "Root cause"\n\n'
        "    The cleanup job deleted the orders table.\n\n"
        "???+ tip\n"
        "    Check the target before a cleanup.\n"
    )
    doc = parse_text(text, "incident.md")
    blocks = {block.text: block.span(0, 3) for block in doc.prose}
    assert (blocks["The cleanup job deleted the orders table."].line, blocks["The cleanup job deleted the orders table."].col) == (5, 5)
    assert (blocks["Check the target before a cleanup."].line, blocks["Check the target before a cleanup."].col) == (8, 5)


def test_a_body_without_admonitions_is_parsed_without_their_rule():
    assert "admonition" not in _markdown(False).block.ruler.get_all_rules()
    assert "admonition" in _markdown(True).block.ruler.get_all_rules()


def test_a_footnotes_definition_is_prose_at_its_columns_in_its_section():
    """ "[^1]: …" as the site's footnotes render it: the definition is prose where it is
    written, without its label, and the reference "[^1]" is no word of the sentence."""
    from postmortem.parse import parse_text

    text = (
        "## Summary\n\n"
        "The cleanup job deleted the orders table.[^1]\n\n"
        "[^1]: Alex ran the cleanup\n"
        "    against production.\n\n"
        "## Timeline\n\n"
        "- 14:05 The job started.\n"
    )
    doc = parse_text(text, "incident.md")
    blocks = {block.text.strip(): block for block in doc.prose}
    assert "The cleanup job deleted the orders table." in blocks
    note = blocks["Alex ran the cleanup\nagainst production."]
    assert (note.span(0, 4).line, note.span(0, 4).col) == (5, 7)
    assert (note.span(21, 28).line, note.span(21, 28).col) == (6, 5)
    assert note.section == "summary"


def test_a_tasks_box_is_no_word_of_it():
    from postmortem.parse import parse_text

    doc = parse_text("## Summary\n\n- [x] Alex ran the cleanup.\n- [ ] The job stopped.\n", "incident.md")
    texts = [block.text for block in doc.prose if block.kind == "paragraph"]
    assert texts == ["    Alex ran the cleanup.", "    The job stopped."]
    assert doc.prose[1].span(4, 8).col == 7


def test_a_body_without_footnotes_is_parsed_without_their_rules():
    from postmortem.parse.markdown import parser_for

    assert "footnote_def" not in parser_for("Plain text.\n").block.ruler.get_all_rules()
    assert "footnote_def" in parser_for("Text.[^1]\n\n[^1]: A note.\n").block.ruler.get_all_rules()
    assert parser_for("!!! note\n    [^1]\n") is _markdown(True, True)
