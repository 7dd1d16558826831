"""What exercise templates may contain, and the check run when a catalog is loaded.

Prompt texts and steps are Jinja templates.  Checking one parses it (about a
tenth of the cost of compiling it) and compares the variables it reads with
:data:`TEMPLATE_VARIABLES`, so that a typo is a load-time :class:`CatalogError`
rather than a surprise at render time.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

__all__ = ["TEMPLATE_VARIABLES", "check_template"]

#: The variables an exercise template may read, and what each holds.
TEMPLATE_VARIABLES: dict[str, str] = {
    "other": (
        "the other person or people, as the reader would name them: their names joined "
        "naturally ('Sam', 'Sam and Alex') or, without names, a noun for the relationship "
        "('your partner', 'your friend'). Use it as an object, not as the subject of a verb."
    ),
}


@functools.cache
def _parser() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined)  # noqa: S701


def check_template(source: str) -> str | None:
    """Return what is wrong with a template *source*, or ``None`` when it is fine.

    >>> check_template("Tell {{ other }} one thing you noticed today.") is None
    True
    >>> check_template("Tell {{ partner }} one thing.")
    "unknown template variable 'partner'; allowed: other"
    >>> check_template("Tell {{ other }")
    "template syntax error on line 1: unexpected '}'"
    """
    import jinja2
    from jinja2 import meta

    try:
        tree = _parser().parse(source)
    except jinja2.TemplateSyntaxError as exc:
        return f"template syntax error on line {exc.lineno}: {exc.message}"
    unknown = sorted(meta.find_undeclared_variables(tree) - TEMPLATE_VARIABLES.keys())
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        plural = "s" if len(unknown) > 1 else ""
        return (
            f"unknown template variable{plural} {names}; allowed: {', '.join(TEMPLATE_VARIABLES)}"
        )
    return None
