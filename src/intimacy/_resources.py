"""Where the data shipped with the library lives.

In an installed wheel the exercise files sit inside the package at
``intimacy/_data/exercises``.  In a source checkout or an editable install they
are the repository's top-level ``exercises/`` folder.  A wheel also carries the
catalog compiled to JSON at build time (``intimacy/_data/catalog.json``), which
loads much faster than the TOML files.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["builtin_exercises_dir", "compiled_catalog_path"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_exercises_dir() -> Path:
    """Return the folder holding the built-in exercise files."""
    packaged = _PACKAGE_DIR / "_data" / "exercises"
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE_DIR.parent.parent / "exercises"
    if checkout.is_dir():
        return checkout
    msg = f"the built-in exercises are missing: looked in {packaged} and {checkout}"
    raise FileNotFoundError(msg)


def compiled_catalog_path() -> Path | None:
    """The compiled catalog inside an installed wheel, or ``None`` in a source checkout."""
    packaged = _PACKAGE_DIR / "_data" / "catalog.json"
    return packaged if packaged.is_file() else None
