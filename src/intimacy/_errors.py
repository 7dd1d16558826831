"""The exceptions the library raises.

Every failure the library reports on purpose is an :class:`IntimacyError`, so an
app can catch one class.  Each error says what was wrong and where.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "CatalogError",
    "IntimacyError",
    "InvalidNameError",
    "LocaleError",
    "Problem",
    "SecurityError",
    "TemplateError",
    "TemplateLimitError",
]


class IntimacyError(Exception):
    """The base class of every error this library raises on purpose."""


@attrs.frozen
class Problem:
    """One thing wrong with an exercise file.

    >>> str(Problem("exercises/listen.toml", "prompts[2].depth", "unknown value 'medium'"))
    "exercises/listen.toml: prompts[2].depth: unknown value 'medium'"
    """

    #: The file the problem is in (as given to the loader).
    file: str
    #: The key path inside the file, such as ``prompts[2].depth``; empty for the whole file.
    key: str
    #: What is wrong.
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.key}" if self.key else self.file
        return f"{where}: {self.message}"


class CatalogError(IntimacyError):
    """Exercise data could not be loaded: it lists every problem found.

    Attributes:
        problems: Each problem, with the file and key path it concerns.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the exercise catalog"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))

    def one_line(self) -> str:
        """Every problem on one line, separated by semicolons, as the command line shows it."""
        return "; ".join(str(p) for p in self.problems) or "the exercise catalog is invalid"


class InvalidNameError(IntimacyError, ValueError):
    """A person's name breaks the name policy (see :class:`intimacy.Person`)."""


class LocaleError(IntimacyError, ValueError):
    """A locale identifier is malformed, unknown or not allowed."""


class TemplateError(IntimacyError):
    """A template could not be compiled or rendered: a syntax error or an unknown variable.

    Attributes:
        template: The template's name, or ``"<string>"`` for one given as text.
        lineno: The line the problem is on, when known.
    """

    def __init__(self, message: str, *, template: str = "<string>", lineno: int | None = None):
        self.template = template
        self.lineno = lineno
        where = template + (f", line {lineno}" if lineno else "")
        super().__init__(f"{where}: {message}")


class SecurityError(IntimacyError):
    """A sandboxed template tried something unsafe, such as reaching Python internals."""


class TemplateLimitError(SecurityError):
    """A sandboxed template went past a resource limit (a huge number, string, range or output)."""
