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
    "sphinx.ext.intersphinx",
    "sphinx_click",
    "sphinx_copybutton",
    "intimacy_docs",
]

html_theme = "furo"
html_title = f"intimacy {release}"
html_static_path = ["_static"]
exclude_patterns = ["_build", "_inventories"]

nitpicky = True
# The build has no network: each project's inventory is a small local subset with
# the real addresses (docs/_inventories/build.py writes them).
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", "_inventories/python.inv"),
    "attrs": ("https://www.attrs.org/en/stable", "_inventories/attrs.inv"),
    "jinja": ("https://jinja.palletsprojects.com/en/stable", "_inventories/jinja.inv"),
    "babel": ("https://babel.pocoo.org/en/latest", "_inventories/babel.inv"),
}
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True

doctest_global_setup = (
    "import datetime as dt\nimport intimacy\nfrom intimacy import *  # noqa: F403"
)
