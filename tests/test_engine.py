"""The rendering engine: people, names as data, escaping, caching, threads."""

from __future__ import annotations

import html
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intimacy import (
    Engine,
    Gender,
    InvalidNameError,
    LocaleError,
    Person,
    Relationship,
    RenderContext,
    load_catalog,
)
from intimacy._people import MAX_NAME_LENGTH
from intimacy._templates import TEMPLATE_VARIABLES
from tests.test_cli import run

ENGINE = Engine("en")
SOURCE = "Tell {{ other }} one thing you noticed today."


@pytest.mark.parametrize(
    ("relationship", "expected"),
    [
        (Relationship.PARTNER, "your partner"),
        (Relationship.FRIEND, "your friend"),
        (Relationship.COLLEAGUE, "your colleague"),
        (Relationship.FAMILY, "someone in your family"),
    ],
)
def test_without_names_the_relationship_noun_is_used(
    relationship: Relationship, expected: str
) -> None:
    ctx = RenderContext(relationship)
    assert ENGINE.render(SOURCE, ctx) == f"Tell {expected} one thing you noticed today."


def test_groups_are_joined_naturally() -> None:
    ctx = RenderContext(Relationship.FRIEND, others=["Sam", "Alex", "Kim"])
    assert ENGINE.render(SOURCE, ctx) == "Tell Sam, Alex, and Kim one thing you noticed today."
    two = RenderContext(Relationship.FRIEND, others=["Sam", "Alex"])
    assert ENGINE.render("{{ other }}", two) == "Sam and Alex"
    unnamed = RenderContext(Relationship.COLLEAGUE, others=[Person(), Person()])
    assert ENGINE.render("{{ other }}", unnamed) == "your colleagues"
    mixed = RenderContext(Relationship.FRIEND, others=[Person("Sam"), Person()])
    assert ENGINE.render("{{ other }}", mixed) == "Sam and your friend"


@pytest.mark.parametrize(("locale", "expected"), [("fr", "Sam et Alex"), ("de", "Sam und Alex")])
def test_list_joining_follows_the_locale(locale: str, expected: str) -> None:
    ctx = RenderContext(Relationship.FRIEND, others=["Sam", "Alex"])
    assert Engine(locale).render("{{ other }}", ctx) == expected


def test_names_are_data_not_templates() -> None:
    ctx = RenderContext(Relationship.FRIEND, others=["{{ 7*7 }}"])
    assert ENGINE.render("{{ other }}", ctx) == "{{ 7*7 }}"
    ctx = RenderContext(Relationship.FRIEND, others=["{% for x in range(3) %}x{% endfor %}"])
    assert "{% for" in ENGINE.render("{{ other }}", ctx)


def test_html_is_escaped_and_text_is_not() -> None:
    ctx = RenderContext(Relationship.FRIEND, others=["<script>alert(1)</script> & Co"])
    assert ENGINE.render("Hi {{ other }}", ctx) == "Hi <script>alert(1)</script> & Co"
    out = ENGINE.render("Hi {{ other }}", ctx, html=True)
    assert out == "Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"


def test_name_policy() -> None:
    assert Person("  Ana\u202e  María\u0000 ").name == "Ana María"
    assert Person("Zoe\u0301").name == unicodedata.normalize("NFC", "Zoe\u0301")
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
    assert Person(family).name == family  # zero-width joiners stay
    for bad in [
        "",
        "   ",
        "\u200e\u202e",
        "x" * (MAX_NAME_LENGTH + 1),
        "a\ud800b",
        "e" + "\u0301" * 5000,
    ]:
        with pytest.raises(InvalidNameError):
            Person(bad)
    with pytest.raises(ValueError, match="string"):
        Person(42)


name_text = st.text(st.characters(codec=None), max_size=300) | st.sampled_from(
    [
        "{{ 7*7 }}",
        "<b>x</b>",
        "\u202eevil",
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",
        "%(name)s",
    ]
)


@given(name_text)
def test_any_name_renders_safely_or_is_refused(raw: str) -> None:
    try:
        person = Person(raw)
    except InvalidNameError:
        return
    assert person.name is not None
    assert 0 < len(person.name) <= MAX_NAME_LENGTH
    assert not any(unicodedata.category(ch) in {"Cc", "Cs"} for ch in person.name)
    assert not any(
        ch in person.name for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )
    ctx = RenderContext(Relationship.PARTNER, others=[person])
    assert ENGINE.render("{{ other }}", ctx) == person.name
    out = ENGINE.render("<p>{{ other }}</p>", ctx, html=True)
    assert html.unescape(out) == f"<p>{person.name}</p>"
    inner = out.removeprefix("<p>").removesuffix("</p>")
    assert not set(inner) & set("<>\"'")  # markup characters of the name are all escaped


@given(
    st.lists(
        st.text(
            st.characters(exclude_categories=["Cs", "Cc", "Cf"]), min_size=1, max_size=20
        ).filter(str.strip),
        min_size=1,
        max_size=5,
    )
)
def test_html_never_contains_raw_markup_of_a_name(names: list[str]) -> None:
    marked = [f"<i>{n}</i>" for n in names]
    ctx = RenderContext(Relationship.FRIEND, others=[Person(n[:MAX_NAME_LENGTH]) for n in marked])
    out = ENGINE.render("{{ other }}", ctx, html=True)
    assert "<i>" not in out


def test_every_builtin_exercise_renders_for_every_relationship_it_suits() -> None:
    ctx_names = [Person("Sam", Gender.FEMININE), Person("Alex")]
    for exercise in load_catalog():
        for relationship in exercise.relationships:
            rendered = ENGINE.render_exercise(
                exercise, RenderContext(relationship, others=ctx_names)
            )
            assert all("{{" not in s and "}}" not in s for s in rendered.steps)
            assert [p.id for p in rendered.prompts] == [
                p.id for p in exercise.prompts if relationship in p.relationships
            ]
            for layout in ("exercise.txt", "exercise.md", "exercise.html"):
                assert rendered.title in html.unescape(
                    ENGINE.render_layout(layout, exercise=rendered)
                )


def test_templates_are_compiled_once() -> None:
    engine = Engine("en")
    ctx = RenderContext(Relationship.FRIEND)
    for _ in range(50):
        engine.render(SOURCE, ctx)
    info = engine._compile.cache_info()
    assert (info.misses, info.hits) == (1, 49)


def test_only_documented_variables() -> None:
    assert set(ENGINE.variables(RenderContext(Relationship.FRIEND))) == set(TEMPLATE_VARIABLES)


@pytest.mark.parametrize("bad", ["en\x00", "x" * 10_000, "", "\u202ede"])
def test_malformed_locale_is_a_locale_error(bad: str) -> None:
    with pytest.raises(LocaleError):
        Engine(bad)


@pytest.mark.parametrize("unknown", ["../../etc/passwd", "en@../../x", "zz_ZZ_bogus"])
def test_unknown_locale_falls_back_to_english(unknown: str) -> None:
    engine = Engine(unknown)
    assert engine.locale == "en"
    assert engine.negotiated.requested is None


def test_cli_show_renders_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "show", "reflective-listening", "--name", "{{ 7*7 }}", "--relationship", "friend"
    )
    assert (code, err) == (0, "")
    assert "Tell {{ 7*7 }} about something small" in out
    code, out, _ = run(
        capsys, "show", "reflective-listening", "--name", "<b>Sam</b>", "--format", "html"
    )
    assert code == 0
    assert "&lt;b&gt;Sam&lt;/b&gt;" in out
    assert "<b>Sam</b>" not in out
    assert '<html lang="en" dir="ltr">' in out


@pytest.mark.parametrize(
    "args",
    [
        ["show", "reflective-listening", "--name", "x" * 500],
        ["show", "reflective-listening", "--name", "\u200e"],
        ["show", "trust-fall", "--relationship", "colleague"],
        ["show", "reflective-listening", "--gender", "feminine"],
        ["show", "reflective-listening", "--layouts", "/no/such/folder"],
    ],
)
def test_cli_show_errors_are_one_line(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code != 0
    assert out == ""
    assert err.startswith("intimacy: error: ")
    assert err.count("\n") == 1
