"""Sphinx helpers for the intimacy documentation.

``:exercise:`ID``` shows an exercise id and fails the build (with ``-W``) when no
built-in exercise has that id, so tables that name exercises cannot go stale.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx.application import Sphinx
from sphinx.util import logging

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


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the role."""
    app.add_role("exercise", exercise_role)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
