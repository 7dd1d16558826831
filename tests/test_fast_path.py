"""The rendering fast path gives the full engine's output exactly, for every text and locale."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy import LOCALES, Engine, Gender, InvalidNameError, Person, RenderContext, load_catalog
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


@settings(max_examples=40)
@given(
    st.sampled_from(LOCALES),
    st.integers(1, 30),
    st.integers(0, 10_000),
    st.lists(st.text(min_size=1, max_size=12).filter(str.strip), min_size=2, max_size=4),
)
def test_plain_deck_formatting_matches_the_layouts(
    locale: str, count: int, seed: int, names: list[str]
) -> None:
    from intimacy import DeckError, DeckSpec, Relationship, render_deck, select
    from intimacy._export import _plain_deck

    try:
        people = [Person(n) for n in names]
    except InvalidNameError:
        return
    engine = Engine(locale)
    spec = DeckSpec(Relationship.FAMILY, participants=people, count=count, seed=seed)
    try:
        chosen = select(CATALOG, spec)
    except DeckError:
        return  # an infeasible spec: nothing to format
    deck = render_deck(chosen, CATALOG, engine)
    for markdown, layout in ((False, "deck.txt"), (True, "deck.md")):
        assert _plain_deck(deck, engine, markdown=markdown) == engine.render_layout(
            layout, deck=deck, paper="A4"
        )
