"""Sphinx configuration for the intimacy documentation."""

from __future__ import annotations

import sys
from pathlib import Path

import intimacy

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "intimacy"
author = "The intimacy developers"
copyright = "2026, the intimacy developers"
release = intimacy.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx_click",
    "sphinx_copybutton",
    "intimacy_docs",
]

html_theme = "furo"
html_title = f"intimacy {release}"
html_static_path = ["_static"]
exclude_patterns = ["_build"]

nitpicky = True
# Intersphinx needs the network, which builds here do not have; these standard names stay plain.
nitpick_ignore = [
    ("py:class", "os.PathLike"),
    ("py:class", "gettext.NullTranslations"),
    ("py:class", "jinja2.StrictUndefined"),
    ("py:class", "datetime.date"),
    ("py:class", "datetime.time"),
    ("py:class", "datetime.datetime"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "collections.abc.Iterable"),
]
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True

doctest_global_setup = "import datetime as dt\nimport intimacy\nfrom intimacy import *  # noqa: F403"
