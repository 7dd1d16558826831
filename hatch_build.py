"""Compile the translation catalogs and the exercise catalog into the wheel.

``locales/<locale>/LC_MESSAGES/intimacy.po`` becomes
``intimacy/_data/locales/<locale>/LC_MESSAGES/intimacy.mo`` inside the wheel, and
``exercises/*.toml`` is validated by the package's own loader and written as
``intimacy/_data/catalog.json``.  Neither is ever committed.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every ``.po`` under ``locales/`` and add the ``.mo`` files to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the catalogs before the wheel is assembled."""
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        out = Path(tempfile.mkdtemp(prefix="intimacy-mo-"))
        stats: dict[str, list[int]] = {}
        for po in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
            locale = po.parent.parent.name
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=locale, abort_invalid=True)
            mo = out / locale / "LC_MESSAGES" / po.with_suffix(".mo").name
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as handle:
                write_mo(handle, catalog)
            target = f"intimacy/_data/locales/{locale}/LC_MESSAGES/{mo.name}"
            build_data["force_include"][str(mo)] = target
            messages = [m for m in catalog if m.id]
            done = [m for m in messages if not m.fuzzy and _translated(m.string)]
            stats[locale] = [len(done), len(messages)]
        compiled = out / "catalog.json"
        compiled.write_text(_compile_exercises(root), encoding="utf-8")
        build_data["force_include"][str(compiled)] = "intimacy/_data/catalog.json"
        summary = out / "stats.json"
        summary.write_text(json.dumps(stats, sort_keys=True), encoding="utf-8")
        build_data["force_include"][str(summary)] = "intimacy/_data/locales/stats.json"


def _compile_exercises(root: Path) -> str:
    """Run the package's own loader over ``exercises/`` and return the compiled JSON."""
    sys.path.insert(0, str(root / "src"))
    try:
        from intimacy._compiled import compile_catalog

        return compile_catalog(root / "exercises")
    finally:
        sys.path.remove(str(root / "src"))


def _translated(value: object) -> bool:
    if isinstance(value, tuple):
        return all(value)
    return bool(value)
