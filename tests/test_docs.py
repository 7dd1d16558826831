"""The documentation: every public name documented, the catalog pages complete."""

from __future__ import annotations

import inspect
import re
import sys
from html import unescape
from pathlib import Path

import pytest

import intimacy

DOCS = Path(__file__).resolve().parent.parent / "docs"
DATA = {"LOCALES", "__version__"}


def _api_names() -> set[str]:
    text = (DOCS / "api.rst").read_text(encoding="utf-8")
    found = re.findall(
        r"^\.\. auto(?:class|function|exception|data):: (?:intimacy\.)?(\w+)", text, re.M
    )
    return set(found)


@pytest.mark.parametrize("name", intimacy.__all__)
def test_every_public_name_is_documented(name: str) -> None:
    obj = getattr(intimacy, name)
    if name not in DATA:
        doc = inspect.getdoc(obj)
        assert doc, f"{name} has no docstring"
        assert len(doc.split()) >= 3, f"{name}'s docstring says too little"
    assert name in _api_names(), f"{name} is missing from docs/api.rst"


def test_the_api_reference_names_nothing_that_is_not_public() -> None:
    assert _api_names() <= set(intimacy.__all__)


def test_every_page_is_in_the_table_of_contents() -> None:
    index = (DOCS / "index.rst").read_text(encoding="utf-8")
    for page in DOCS.glob("*.rst"):
        if page.stem != "index":
            assert f"   {page.stem}\n" in index, page.name


@pytest.mark.slow
def test_catalog_pages_list_every_exercise(tmp_path: Path) -> None:
    """Build a page with the catalog directive and count the exercises in the HTML."""
    from sphinx.application import Sphinx

    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        "extensions = ['intimacy_docs']\nsmartquotes = False\n",
        encoding="utf-8",
    )
    (source / "index.rst").write_text(
        "Catalog\n=======\n\n.. intimacy-catalog::\n   :locale: de\n", encoding="utf-8"
    )
    app = Sphinx(
        str(source),
        str(source),
        str(tmp_path / "out"),
        str(tmp_path / "doctrees"),
        "html",
        status=None,
        warningiserror=True,
    )
    app.build()
    html = unescape((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    catalog = intimacy.load_catalog()
    sections = re.findall(r"<section id=\"de-([a-z0-9_-]+)\">", html)
    exercises = [s for s in sections if not s.startswith("index-")]
    assert exercises == [e.id for e in catalog]
    assert {s for s in sections if s.startswith("index-")} == {
        "index-theme",
        "index-relationship",
        "index-love_language",
    }
    german = intimacy.engine_for("de")
    for exercise in catalog:
        assert german.translations.pgettext(f"{exercise.id}.title", exercise.title) in html
    sys.modules.pop("intimacy_docs", None)
