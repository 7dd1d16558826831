"""Rendering a deck in a locale and writing it out: JSON, Markdown, text, CSV and HTML cards.

Files are written atomically: the output goes to a temporary file in the target
folder, which replaces the target only once it is complete, so a failed export
leaves an existing file untouched and no temporary file behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import attrs

from intimacy._catalog import Catalog
from intimacy._deck import Deck
from intimacy._engine import Engine, RenderContext
from intimacy._errors import IntimacyError
from intimacy._version import __version__

__all__ = [
    "FORMATS",
    "ExportError",
    "RenderedCard",
    "RenderedDeck",
    "export",
    "render_deck",
    "write_atomic",
]

#: The version of the JSON deck schema.
SCHEMA_VERSION = 1
#: The export formats.
FORMATS = ("json", "markdown", "text", "csv", "html")
#: Paper sizes for printable cards, as CSS page sizes.
PAPERS = {"a4": "A4", "letter": "letter"}
#: How many cards fit on one printed sheet, on any of :data:`PAPERS`.
CARDS_PER_SHEET = 8
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportError(IntimacyError):
    """A deck could not be written."""


@attrs.frozen
class RenderedCard:
    """One card of a rendered deck."""

    #: The card's position, from 1.
    number: int
    #: The prompt's id.
    id: str
    #: The id of the prompt's exercise.
    exercise_id: str
    #: The prompt's depth (``light``, ``personal`` or ``deep``).
    depth: str
    #: The prompt's kind.
    kind: str
    #: The rendered text.
    text: str
    #: Who answers first, by name, or ``P1``, ``P2``... without names.
    first: str


@attrs.frozen
class RenderedDeck:
    """A deck rendered in one locale, ready to export."""

    #: The locale it was rendered in.
    locale: str
    #: ``"ltr"`` or ``"rtl"``.
    direction: str
    #: The spec's seed.
    seed: int
    #: The spec as plain data.
    spec: dict[str, Any]
    #: The cards, in order.
    cards: tuple[RenderedCard, ...]
    #: A fingerprint of the catalog content the deck came from.
    content_version: str


def render_deck(deck: Deck, catalog: Catalog, engine: Engine) -> RenderedDeck:
    """Render every card of *deck* with *engine*."""
    people = deck.spec.participants
    cards = []
    for index, prompt in enumerate(deck.prompts):
        turn = index % len(people)
        first = people[turn]
        others = people[:turn] + people[turn + 1 :]
        rendered = engine.render_prompt(
            prompt, RenderContext(deck.spec.relationship, others=others)
        )
        label = first.name or f"P{turn + 1}"
        cards.append(
            RenderedCard(
                number=index + 1,
                id=prompt.id,
                exercise_id=prompt.exercise_id,
                depth=prompt.depth.value,
                kind=prompt.kind.value,
                text=rendered.text,
                first=label,
            )
        )
    spec = deck.spec.as_dict()
    return RenderedDeck(
        locale=engine.locale,
        direction=engine.direction,
        seed=deck.spec.seed,
        spec=spec,
        cards=tuple(cards),
        content_version=catalog.content_version,
    )


def to_json(deck: RenderedDeck) -> str:
    """The deck in the versioned JSON schema."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "library_version": __version__,
        "content_version": deck.content_version,
        "locale": deck.locale,
        "seed": deck.seed,
        "spec": deck.spec,
        "prompts": [
            {
                "id": c.id,
                "exercise_id": c.exercise_id,
                "depth": c.depth,
                "kind": c.kind,
                "text": c.text,
                "first": c.first,
            }
            for c in deck.cards
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def neutralise_cell(value: str) -> str:
    """Neutralise a CSV cell a spreadsheet could run as a formula.

    >>> neutralise_cell("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    >>> neutralise_cell("  +1")
    "'  +1"
    """
    if value.lstrip(" ").startswith(_FORMULA_START) or value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(deck: RenderedDeck) -> str:
    """The deck as CSV, one card a row, formula-like cells neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["number", "id", "exercise_id", "depth", "kind", "first", "text"])
    for c in deck.cards:
        row = [str(c.number), c.id, c.exercise_id, c.depth, c.kind, c.first, c.text]
        writer.writerow([neutralise_cell(cell) for cell in row])
    return out.getvalue()


def export(
    deck: RenderedDeck,
    fmt: str,
    engine: Engine,
    *,
    template: str | None = None,
    paper: str = "a4",
) -> str:
    """Format *deck* as *fmt*.

    Args:
        deck: The rendered deck.
        fmt: One of ``json``, ``markdown``, ``text``, ``csv`` or ``html``.
        engine: The engine whose layouts and labels to use.
        template: The name of a custom layout in the engine's layouts folder; it
            receives ``deck`` and ``paper``.
        paper: ``"a4"`` or ``"letter"``, the page size of the HTML cards' print
            style (eight cards per sheet on either).

    Raises:
        ExportError: for an unknown format or paper size.
    """
    if paper not in PAPERS:
        msg = f"unknown paper size {paper!r:.40}; choose one of {', '.join(PAPERS)}"
        raise ExportError(msg)
    if template is not None:
        return engine.render_layout(template, deck=deck, paper=PAPERS[paper])
    if fmt == "json":
        return to_json(deck)
    if fmt == "csv":
        return to_csv(deck)
    layout = {"markdown": "deck.md", "text": "deck.txt", "html": "deck.html"}.get(fmt)
    if layout is None:
        msg = f"unknown format {fmt!r:.40}; choose one of {', '.join(FORMATS)}"
        raise ExportError(msg)
    if fmt in {"text", "markdown"} and not engine.overrides(layout):
        # The built-in text and Markdown layouts, formatted directly: the same
        # output as the templates (a test compares them), without starting Jinja.
        return _plain_deck(deck, engine, markdown=fmt == "markdown")
    return engine.render_layout(layout, deck=deck, paper=PAPERS[paper])


def _plain_deck(deck: RenderedDeck, engine: Engine, *, markdown: bool) -> str:
    labels = engine.labels()
    count = engine.plural("prompts", len(deck.cards))
    lines = [f"# {labels['deck']} ({count})" if markdown else f"{labels['deck']} ({count})", ""]
    for card in deck.cards:
        if markdown:
            lines.append(f"{card.number}. **{labels[card.depth]}**: {card.text}")
            lines.append(f"   *{labels['first']}: {card.first}*")
        else:
            lines.append(f"{card.number}. [{labels[card.depth]}] {card.text}")
            lines.append(f"   {labels['first']}: {card.first}")
    lines += ["", f"*{labels['pass']}*" if markdown else labels["pass"], ""]
    return "\n".join(lines)


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write *text* to *path* atomically (UTF-8).

    Raises:
        ExportError: when the folder is missing, the target is read-only or the
            file cannot be written; an existing file is then left as it was.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        msg = f"cannot write {target}: the folder {folder} does not exist"
        raise ExportError(msg)
    if target.is_file() and not target.stat().st_mode & 0o222:
        msg = f"cannot write {target}: the file is read-only"
        raise ExportError(msg)
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        msg = f"cannot write {target}: {exc.strerror or exc}"
        raise ExportError(msg) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        Path(tmp).chmod(mode)
        Path(tmp).replace(target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            msg = f"cannot write {target}: {exc.strerror or exc}"
            raise ExportError(msg) from None
        raise
