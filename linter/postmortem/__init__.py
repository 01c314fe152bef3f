"""Lint, review and publish blameless incident post-mortems kept as Markdown in git."""

__version__ = "0.1.0"
