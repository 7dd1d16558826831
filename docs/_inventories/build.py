"""Write the small intersphinx inventories the documentation links through.

The documentation is built without network access, so instead of downloading
each project's full ``objects.inv`` we keep, for each, the few names our pages
refer to, with their real addresses.  Run ``python docs/_inventories/build.py``
after adding a name; the ``.inv`` files it writes are committed.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).parent

#: project -> (version, [(name, role, path in that project's docs)])
INVENTORIES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "python": (
        "3.11",
        [
            ("os.PathLike", "py:class", "library/os.html#os.PathLike"),
            (
                "gettext.NullTranslations",
                "py:class",
                "library/gettext.html#gettext.NullTranslations",
            ),
            ("gettext.GNUTranslations", "py:class", "library/gettext.html#gettext.GNUTranslations"),
            ("datetime.date", "py:class", "library/datetime.html#datetime.date"),
            ("datetime.time", "py:class", "library/datetime.html#datetime.time"),
            ("datetime.datetime", "py:class", "library/datetime.html#datetime.datetime"),
            (
                "collections.abc.Sequence",
                "py:class",
                "library/collections.abc.html#collections.abc.Sequence",
            ),
            (
                "collections.abc.Mapping",
                "py:class",
                "library/collections.abc.html#collections.abc.Mapping",
            ),
            (
                "collections.abc.Iterable",
                "py:class",
                "library/collections.abc.html#collections.abc.Iterable",
            ),
            ("ValueError", "py:exception", "library/exceptions.html#ValueError"),
            ("zoneinfo.ZoneInfo", "py:class", "library/zoneinfo.html#zoneinfo.ZoneInfo"),
        ],
    ),
    "attrs": (
        "25",
        [
            ("attrs.frozen", "py:function", "api.html#attrs.frozen"),
            ("attrs.evolve", "py:function", "api.html#attrs.evolve"),
        ],
    ),
    "jinja": (
        "3.1",
        [
            ("jinja2.StrictUndefined", "py:class", "api/#jinja2.StrictUndefined"),
            (
                "jinja2.sandbox.ImmutableSandboxedEnvironment",
                "py:class",
                "sandbox/#jinja2.sandbox.ImmutableSandboxedEnvironment",
            ),
        ],
    ),
    "babel": (
        "2.18",
        [
            ("babel.core.Locale", "py:class", "api/core.html#babel.core.Locale"),
            (
                "babel.core.negotiate_locale",
                "py:function",
                "api/core.html#babel.core.negotiate_locale",
            ),
            ("babel.dates.format_date", "py:function", "api/dates.html#babel.dates.format_date"),
            ("babel.lists.format_list", "py:function", "api/lists.html#babel.lists.format_list"),
            ("babel.units.format_unit", "py:function", "api/units.html#babel.units.format_unit"),
        ],
    ),
}


def main() -> None:
    """Write one ``<project>.inv`` per entry of :data:`INVENTORIES`."""
    for project, (version, entries) in INVENTORIES.items():
        header = (
            "# Sphinx inventory version 2\n"
            f"# Project: {project}\n"
            f"# Version: {version}\n"
            "# The remainder of this file is compressed using zlib.\n"
        )
        body = "".join(f"{name} {role} 1 {path} -\n" for name, role, path in entries)
        (HERE / f"{project}.inv").write_bytes(header.encode() + zlib.compress(body.encode(), 9))


if __name__ == "__main__":
    main()
