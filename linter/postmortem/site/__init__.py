"""The post-mortem archive site: an MkDocs plugin that publishes ``postmortems/``.

It reads post-mortems only through the shared document model (:mod:`postmortem.parse`),
lints them with the real rule engine and takes every figure from :mod:`postmortem.metrics`
and every vocabulary from :mod:`postmortem.vocabulary`. One module per job: :mod:`.catalog`
(what is published), :mod:`.pages` with :mod:`.cards` and :mod:`.body` (a post-mortem's
page), :mod:`.browse`, :mod:`.tracker`, :mod:`.insights` with :mod:`.charts`,
:mod:`.status_history`, :mod:`.rules_ref`, :mod:`.home`; :mod:`.search` indexes the site
with Pagefind behind the theme's search box; :mod:`.guard` keeps raw HTML in post-mortems
from reaching the page. The HTML comes from the Jinja templates in ``templates/postmortem/``
(:mod:`.templating`), which a site overrides from its theme's ``custom_dir``.
"""
