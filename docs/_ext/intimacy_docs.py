"""Sphinx helpers for the intimacy documentation.

``:exercise:`ID``` shows an exercise id and fails the build (with ``-W``) when no
built-in exercise has that id, so tables that name exercises cannot go stale.

``.. intimacy-catalog::`` (option ``:locale:``) renders the whole built-in
catalog from the data: indexes by theme, relationship and love language, then
every exercise with its rationale, steps, care notes, prompts by depth and
sources, in the locale asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.states import Inliner
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import intimacy

logger = logging.getLogger(__name__)


def exercise_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """Render an exercise id, checking that it exists."""
    if text not in intimacy.load_catalog():
        logger.warning("unknown exercise id %r", text, location=inliner.document.current_source)
    return [nodes.literal(rawtext, text, classes=["exercise-id"])], []


# -- the catalog ------------------------------------------------------------------------

_INDEX_TITLES = {
    "theme": "By theme",
    "relationship": "By relationship",
    "love_language": "By love language",
}


def _section(section_id: str, title: str) -> nodes.section:
    section = nodes.section(ids=[section_id], names=[section_id])
    section += nodes.title(text=title)
    return section


def _bullets(items: list[str]) -> nodes.bullet_list:
    out = nodes.bullet_list()
    for item in items:
        out += nodes.list_item("", nodes.paragraph(text=item))
    return out


def _link_list(items: list[tuple[str, str]]) -> nodes.bullet_list:
    out = nodes.bullet_list()
    for target, text in items:
        paragraph = nodes.paragraph()
        paragraph += nodes.reference("", text, refid=target, internal=True)
        out += nodes.list_item("", paragraph)
    return out


def catalog_nodes(locale: str) -> list[nodes.Node]:
    """Every exercise of the built-in catalog rendered in *locale*, with the indexes first.

    Each exercise is a section whose id is ``<locale>-<exercise id>``; the
    indexes list the exercises by theme, relationship and love language, with
    the vocabularies' names in *locale*.
    """
    catalog = intimacy.load_catalog()
    engine = intimacy.engine_for(locale)
    labels = engine.labels()
    prefix = f"{engine.locale}-"
    title_of = {e.id: engine.translations.pgettext(f"{e.id}.title", e.title) for e in catalog}
    out: list[nodes.Node] = []
    groups: dict[str, list[tuple[Any, list[str]]]] = {
        "theme": [(t, [e.id for e in catalog if t in e.themes]) for t in intimacy.Theme],
        "relationship": [
            (r, [e.id for e in catalog if r in e.relationships]) for r in intimacy.Relationship
        ],
        "love_language": [
            (lang, [e.id for e in catalog if lang in e.love_languages])
            for lang in intimacy.LoveLanguage
        ],
    }
    for kind, members in groups.items():
        index = _section(f"{prefix}index-{kind}", _INDEX_TITLES[kind])
        for member, ids in members:
            if not ids:
                continue
            index += nodes.paragraph("", "", nodes.strong(text=engine.display_name(member)))
            index += _link_list([(f"{prefix}{i}", title_of[i]) for i in ids])
        out.append(index)
    for exercise in catalog:
        relationship = exercise.relationships[0]
        rendered = engine.render_exercise(exercise, intimacy.RenderContext(relationship))
        section = _section(f"{prefix}{exercise.id}", rendered.title)
        entries = [
            (
                "single",
                f"{engine.display_name(t)}; {rendered.title}",
                f"{prefix}{exercise.id}",
                "",
                None,
            )
            for t in exercise.themes
        ]
        section += addnodes.index(entries=entries)
        section += nodes.paragraph("", "", nodes.emphasis(text=rendered.summary))
        facts = ", ".join(engine.display_name(r) for r in exercise.relationships)
        section += nodes.paragraph(
            text=f"{facts} · {exercise.duration_minutes} min · {exercise.id}"
        )
        section += nodes.rubric(text=labels["why"])
        section += nodes.paragraph(text=rendered.why)
        section += nodes.rubric(text=labels["steps"])
        steps = nodes.enumerated_list()
        for step in rendered.steps:
            steps += nodes.list_item("", nodes.paragraph(text=step))
        section += steps
        if rendered.care_notes:
            section += nodes.rubric(text=labels["care_notes"])
            section += _bullets(list(rendered.care_notes))
        for depth in intimacy.Depth:
            prompts = [p for p in exercise.prompts if p.depth is depth]
            if not prompts:
                continue
            section += nodes.rubric(text=f"{labels['prompts']} · {engine.display_name(depth)}")
            section += _bullets(
                [
                    engine.render_prompt(p, intimacy.RenderContext(p.relationships[0])).text
                    for p in prompts
                ]
            )
        if rendered.sources:
            section += nodes.rubric(text=labels["sources"])
            section += _bullets(list(rendered.sources))
        out.append(section)
    return out


class CatalogDirective(SphinxDirective):
    """``.. intimacy-catalog::`` with an optional ``:locale:`` (default ``en``)."""

    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"locale": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        """Render the whole catalog in the requested locale."""
        return catalog_nodes(self.options.get("locale", "en"))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the role and the catalog directive."""
    app.add_role("exercise", exercise_role)
    app.add_directive("intimacy-catalog", CatalogDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
