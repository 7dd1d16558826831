"""The rendering fast path gives the full engine's output exactly, for every text and locale."""

from __future__ import annotations

import pytest

from intimacy import LOCALES, Engine, Gender, Person, RenderContext, load_catalog
from intimacy._engine import _OTHER_ONLY, _PLAIN, _TEMPLATE, _mode

CATALOG = load_catalog()


@pytest.mark.parametrize("locale", LOCALES)
def test_fast_path_matches_jinja_for_every_text(locale: str) -> None:
    engine = Engine(locale)
    texts = [(f"{p.id}.text", p.text, p.relationships[0]) for p in CATALOG.prompts]
    texts += [
        (f"{e.id}.steps.{n}", step, e.relationships[0])
        for e in CATALOG
        for n, step in enumerate(e.steps, 1)
    ]
    modes = set()
    for msgctxt, message, relationship in texts:
        for others in ([Person("Ana", Gender.FEMININE)], [Person(), Person()], ["Sam & <Al>"]):
            context = RenderContext(relationship, others)
            source = engine._text(msgctxt, message, context)
            modes.add(_mode(source))
            assert engine._fast_text(msgctxt, message, context) == engine.render(source, context)
    assert {_PLAIN, _OTHER_ONLY} <= modes


@pytest.mark.parametrize(
    ("source", "mode"),
    [
        ("Plain text.", _PLAIN),
        ("Ask {{ other }}.", _OTHER_ONLY),
        ("{{ other }} and {{ other }}", _OTHER_ONLY),
        ("{{other}}", _TEMPLATE),
        ("{{- other }}", _TEMPLATE),
        ("{% if x %}{% endif %}", _TEMPLATE),
        ("{# note #}", _TEMPLATE),
        ("{{ other|upper }}", _TEMPLATE),
        ("line\r\nbreak", _TEMPLATE),
    ],
)
def test_modes(source: str, mode: int) -> None:
    assert _mode(source) == mode
