"""Localization: the shipped catalogs, negotiation, per-call locales, plurals, threads."""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import babel
import pytest
from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.catalog import Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from intimacy import (
    LOCALES,
    Depth,
    Engine,
    Gender,
    LocaleError,
    LoveLanguage,
    Person,
    Relationship,
    RenderContext,
    Theme,
    engine_for,
    load_catalog,
    negotiate,
)
from tests.test_cli import run

REPO = Path(__file__).resolve().parent.parent
TRANSLATED = [loc for loc in LOCALES if loc != "en"]
CATALOG = load_catalog()
PLACEHOLDER = re.compile(r"\{\{\s*other\s*\}\}")
FORMAT = re.compile(r"%\(\w+\)[sd]")
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _po(locale: str) -> PoCatalog:
    path = REPO / "locales" / locale / "LC_MESSAGES" / "intimacy.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, abort_invalid=True)


def _pot() -> PoCatalog:
    with (REPO / "locales" / "intimacy.pot").open("rb") as handle:
        return read_po(handle)


def _messages(catalog: PoCatalog) -> list[Message]:
    return [m for m in catalog if m.id]


def _forms(message: Message) -> list[str]:
    value = message.string
    return [str(v) for v in value] if isinstance(value, tuple | list) else [str(value or "")]


def _sources(message: Message) -> list[str]:
    value = message.id
    return [str(v) for v in value] if isinstance(value, tuple | list) else [str(value)]


# -- the catalogs --------------------------------------------------------------------


def test_the_shipped_list_matches_the_locales_folder() -> None:
    folders = {p.parent.parent.name for p in (REPO / "locales").glob("*/LC_MESSAGES/intimacy.po")}
    assert folders == set(TRANSLATED)


def test_the_template_is_up_to_date(tmp_path: Path) -> None:
    """Plain ``pybabel extract`` with the pyproject mapping reproduces the committed .pot."""
    from babel.messages.frontend import CommandLineInterface

    out = tmp_path / "fresh.pot"
    pyproject = str(REPO / "pyproject.toml")
    args = ["pybabel", "-q", "extract", "-F", pyproject, "-o", str(out)]
    CommandLineInterface().run([*args, "--add-comments", "Translators:", str(REPO)])  # type: ignore[no-untyped-call]
    with out.open("rb") as handle:
        fresh = read_po(handle)
    keys = {(m.context, m.id) for m in _messages(fresh)}
    assert keys == {(m.context, m.id) for m in _messages(_pot())}
    # Every exercise text is in it, with the documented context.
    for exercise in CATALOG:
        assert (f"{exercise.id}.title", exercise.title) in keys
        for n, step in enumerate(exercise.steps, 1):
            assert (f"{exercise.id}.steps.{n}", step) in keys
        for prompt in exercise.prompts:
            assert (f"{prompt.id}.text", prompt.text) in keys


def test_facilitator_notes_become_translator_comments() -> None:
    pot = _pot()
    noted = [p for e in CATALOG for p in e.prompts if p.note]
    assert noted
    for prompt in noted:
        message = pot.get(prompt.text, context=f"{prompt.id}.text")
        assert message is not None
        assert prompt.note is not None
        assert prompt.note[:30] in " ".join(message.auto_comments)


@pytest.mark.parametrize("locale", TRANSLATED)
def test_po_compiles_cleanly(locale: str) -> None:
    catalog = _po(locale)
    problems = [(m.context, errors) for m, errors in catalog.check()]
    assert problems == []
    out = io.BytesIO()
    write_mo(out, catalog)
    import gettext

    translations = gettext.GNUTranslations(io.BytesIO(out.getvalue()))
    assert translations.info()["language"] == locale


@pytest.mark.parametrize("locale", TRANSLATED)
def test_po_is_complete_current_and_not_fuzzy(locale: str) -> None:
    catalog = _po(locale)
    keys = {(m.context, m.id) for m in _messages(catalog)}
    assert keys == {(m.context, m.id) for m in _messages(_pot())}, "run pybabel update"
    untranslated = [m.context for m in _messages(catalog) if not all(_forms(m))]
    fuzzy = [m.context for m in _messages(catalog) if m.fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert not catalog.obsolete


@pytest.mark.parametrize("locale", TRANSLATED)
def test_translations_keep_placeholders_and_add_no_markup(locale: str) -> None:
    bad = []
    for message in _messages(_po(locale)):
        source = _sources(message)[0]
        for form in _forms(message):
            if not form:
                continue  # completeness is checked above
            rest = PLACEHOLDER.sub("", form)
            if len(PLACEHOLDER.findall(form)) != len(PLACEHOLDER.findall(source)):
                bad.append((message.context, "placeholder"))
            if set(FORMAT.findall(form)) != set(FORMAT.findall(source)):
                bad.append((message.context, "format"))
            if any(token in rest for token in ("{{", "}}", "{%", "%}", "{#", "#}")):
                bad.append((message.context, "template syntax"))
            if re.search(r"<[A-Za-z/!?]|&[A-Za-z#][A-Za-z0-9]*;", form):
                bad.append((message.context, "markup"))
            if BIDI_CONTROLS & set(form) or any(unicodedata.category(c) == "Cc" for c in form):
                bad.append((message.context, "control character"))
    assert bad == []


def test_the_placeholder_check_catches_a_broken_translation(tmp_path: Path) -> None:
    """The checks above are not vacuous: a bad catalog fails them."""
    broken = PoCatalog(locale="de")
    broken.add("Ask {{ other }} why.", "Frag {{ andere }} warum.", context="x.text")
    (message,) = _messages(broken)
    form = _forms(message)[0]
    assert len(PLACEHOLDER.findall(form)) != len(PLACEHOLDER.findall(_sources(message)[0]))


# -- plural forms ----------------------------------------------------------------------

NUMBERS = (0, 1, 2, 5, 11, 22, 101)


def _plural_forms(locale: str) -> dict[int, str]:
    engine = Engine(locale)
    return {n: engine.plural("prompts", n) for n in NUMBERS}


#: The order of the plural forms in each catalog's Plural-Forms rule, by CLDR category.
FORM_INDEX = {
    "pl": {"one": 0, "few": 1, "many": 2, "other": 2},
    "ar": {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 4, "other": 5},
}


@pytest.mark.parametrize("locale", ["pl", "ar"])
def test_plural_forms_follow_cldr(locale: str) -> None:
    """Each number gets the catalog's form for its CLDR category, with the number in it.

    The category comes from Babel's CLDR data, independently of the catalog's
    own Plural-Forms formula, which picks the form at run time.
    """
    message = _po(locale).get(("%(num)d prompt", "%(num)d prompts"), context="plural.prompts")
    assert message is not None
    forms = _forms(message)
    assert len(forms) == len(set(FORM_INDEX[locale].values()))
    rendered = _plural_forms(locale)
    for n in NUMBERS:
        category = babel.Locale.parse(locale).plural_form(n)
        expected = forms[FORM_INDEX[locale][category]] % {"num": n}
        assert rendered[n] == expected, (n, category)
    # The forms a language distinguishes are really different.
    if locale == "pl":
        assert len({forms[0], forms[1], forms[2]}) == 3
    else:
        assert len({forms[1], forms[2], forms[3]}) == 3


def test_polish_and_arabic_categories_are_the_expected_ones() -> None:
    """A sanity check on the data the test above relies on."""
    pl = babel.Locale.parse("pl").plural_form
    assert [pl(n) for n in NUMBERS] == ["many", "one", "few", "many", "many", "few", "many"]
    ar = babel.Locale.parse("ar").plural_form
    assert [ar(n) for n in NUMBERS] == ["zero", "one", "two", "few", "many", "many", "other"]


# -- negotiation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_", "locale", "exact"),
    [
        ("de", "de", True),
        ("pt_BR", "pt_BR", True),
        ("pt-BR", "pt_BR", True),
        ("PT-br", "pt_BR", True),
        ("pt", "pt_BR", False),
        ("pt-PT", "pt_BR", False),
        ("de-AT", "de", False),
        ("zh-Hans", "zh_Hans", True),
        ("zh_Hans_CN", "zh_Hans", False),
        ("zh-Hant-TW", "zh_Hans", False),
        ("ar-EG", "ar", False),
        ("fr-CH, fr;q=0.9, en;q=0.8", "fr", False),
        ("en;q=0.5, de;q=0.9", "de", True),
        ("sw, it;q=0.2", "it", True),
        ("de;q=abc, fr;q=0.5", "fr", True),
        ("de;q=1e309, ja;q=0.1", "ja", True),
        ("de;q=0, es", "es", True),
    ],
)
def test_negotiation(request_: str, locale: str, exact: bool) -> None:
    result = negotiate(request_)
    assert (result.locale, result.exact) == (locale, exact)


@pytest.mark.parametrize("request_", ["*", "root", "und", "sw", "xx-YY", "../../etc/passwd"])
def test_unmatched_requests_fall_back_to_english(request_: str) -> None:
    assert negotiate(request_).locale == "en"
    assert negotiate(request_).requested is None
    with pytest.raises(LocaleError, match="no shipped locale matches"):
        negotiate(request_, strict=True)


@given(st.text(max_size=200))
def test_any_text_negotiates_to_a_shipped_locale_or_a_locale_error(text: str) -> None:
    try:
        result = negotiate(text)
    except LocaleError:
        return
    assert result.locale in LOCALES


@given(
    st.lists(
        st.tuples(
            st.sampled_from([*LOCALES, "pt-PT", "de-CH", "sw", "zh-TW", "xx"]),
            st.one_of(st.none(), st.floats(0.001, 1.0)),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_accept_language_prefers_the_heaviest_match(items: list[tuple[str, float | None]]) -> None:
    header = ", ".join(tag if q is None else f"{tag};q={q:.3f}" for tag, q in items)
    weights = [
        (1.0 if q is None else float(f"{q:.3f}"), i, tag) for i, (tag, q) in enumerate(items)
    ]
    best = sorted(
        ((w, i, tag) for w, i, tag in weights if w > 0 and negotiate(tag).requested is not None),
        key=lambda item: (-item[0], item[1]),
    )
    expected = negotiate(best[0][2]).locale if best else "en"
    assert negotiate(header).locale == expected


# -- rendering in every locale -----------------------------------------------------------

SCRIPT_CHECKS: dict[str, Callable[[str], bool]] = {
    "ja": lambda text: bool(re.search(r"[\u3040-\u30ff]", text)),
    "zh_Hans": lambda text: (
        bool(re.search(r"[\u4e00-\u9fff]", text)) and not re.search(r"[\u3040-\u30ff]", text)
    ),
    "ar": lambda text: bool(re.search(r"[\u0600-\u06ff]", text)),
}
STOPWORDS = {
    "es": "de que y la el en tu te un una qué lo los las con por para cómo cuál es tus se al del",
    "fr": "de que et la le les tu te un une ce qui ton ta tes à en pour est avec quel quelle",
    "de": "und die der du das dir dich ein eine was wie mit zu in ist dein deine den hast für",
    "it": "di che e la il un una ti per cosa hai tua tuo della del con non come quale sei si",
    "pt_BR": "de que e a o você um uma do da com para por qual como seu sua em te se",
    "pl": "i w z na się co jak to ci czy nie jest do o twoje twój kiedy który która",
}


LETTERS = {
    "es": "ñáéíóú¿¡",
    "fr": "éèêàçùâîôœ",
    "de": "äöüß",
    "it": "àèéìòù",
    "pt_BR": "ãõçáéêóâ",
    "pl": "ąćęłńóśźż",
}


def _looks_like(locale: str, text: str) -> bool:
    """A rough language check: the script, or common words or letters of the language."""
    if locale in SCRIPT_CHECKS:
        return SCRIPT_CHECKS[locale](text)
    words = set(re.findall(r"\w+", text.lower()))
    native = bool(words & set(STOPWORDS[locale].split())) or any(
        ch in LETTERS[locale] for ch in text.lower()
    )
    return native and not {"the", "you", "your", "what", "with"} & words


@pytest.mark.parametrize("locale", TRANSLATED)
def test_cli_deck_is_in_the_requested_language(
    capsys: pytest.CaptureFixture[str], locale: str
) -> None:
    code, out, err = run(
        capsys, "deck", "--relationship", "friend", "--count", "12", "--seed", "5",
        "--locale", locale, "--format", "json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    deck = json.loads(out)
    assert deck["locale"] == locale
    engine = Engine(locale)
    for card in deck["prompts"]:
        prompt = CATALOG.prompt(card["id"])
        assert card["text"] != prompt.text or card["text"].isascii() is False
        assert _looks_like(locale, card["text"]), card["text"]
        # The text is the catalog's translation, rendered.
        source = engine.translations.pgettext(f"{prompt.id}.text", prompt.text)
        assert source != prompt.text
    code, text_out, _ = run(
        capsys, "deck", "--relationship", "friend", "--count", "3", "--locale", locale
    )
    assert code == 0
    assert engine.labels()["deck"] in text_out
    assert engine.labels()["deck"] != "Conversation deck"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_exercise_renders_in_every_locale(locale: str) -> None:
    engine = engine_for(locale)
    for exercise in CATALOG:
        for relationship in exercise.relationships:
            for others in (["Ana"], [Person(gender=Gender.FEMININE)], ["A", "B"]):
                rendered = engine.render_exercise(exercise, RenderContext(relationship, others))
                assert all(rendered.steps)
                assert "{{" not in rendered.title + "".join(p.text for p in rendered.prompts)


@pytest.mark.parametrize("locale", TRANSLATED)
def test_display_names_are_localized(locale: str) -> None:
    engine = engine_for(locale)
    members: list[Relationship | LoveLanguage | Depth | Theme] = [
        *Relationship, *LoveLanguage, *Depth, *Theme
    ]  # fmt: skip
    english = engine_for("en")
    names = {m: engine.display_name(m) for m in members}
    assert all(names.values())
    changed = sum(names[m] != english.display_name(m) for m in members)
    assert changed >= len(members) * 0.8


VARIANT_PEOPLE = {
    "@feminine": [Person("Ana", Gender.FEMININE)],
    "@plural": [Person("Ana"), Person("Ben")],
}


@pytest.mark.parametrize("suffix", VARIANT_PEOPLE)
def test_variants_are_used_for_the_people_they_are_for(suffix: str) -> None:
    """Where a catalog's variant differs from the neutral text, its people get it; one
    person with no gender gets the neutral text."""
    used = 0
    for locale in ("de", "es", "fr", "it", "pt_BR", "pl", "ar"):
        engine = engine_for(locale)
        po = _po(locale)
        for message in _messages(po):
            context = message.context or ""
            if not context.endswith(".text" + suffix):
                continue
            neutral = po.get(message.id, context=context.removesuffix(suffix))
            if neutral is None or neutral.string == message.string:
                continue
            prompt = CATALOG.prompt(context.removesuffix(".text" + suffix))
            relationship = prompt.relationships[0]
            them = RenderContext(relationship, VARIANT_PEOPLE[suffix])
            one = RenderContext(relationship, ["Ana"])
            variant = engine.render_prompt(prompt, them).text
            assert variant == engine.render(str(message.string), them)
            plain = engine.render_prompt(prompt, one).text
            assert plain == engine.render(str(neutral.string), one)
            assert variant != plain
            used += 1
    assert used > 0


def test_html_sets_lang_and_dir(capsys: pytest.CaptureFixture[str]) -> None:
    for locale, direction in (("ar", "rtl"), ("de", "ltr"), ("pt_BR", "ltr")):
        code, out, _ = run(
            capsys, "deck", "--relationship", "friend", "--format", "html", "--locale", locale
        )
        assert code == 0
        lang = locale.replace("_", "-")
        assert f'<html lang="{lang}" dir="{direction}">' in out


# -- no global state, threads --------------------------------------------------------------


def test_rendering_never_installs_anything_globally() -> None:
    import builtins
    import gettext

    before = (getattr(builtins, "_", None), gettext.find("intimacy"))
    engine_for("de").render_prompt(CATALOG.prompts[0], RenderContext(Relationship.FRIEND))
    Engine("fr").labels()
    assert (getattr(builtins, "_", None), gettext.find("intimacy")) == before


# -- the locales command ---------------------------------------------------------------------


def test_locales_command_lists_completeness(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "locales", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)["locales"]
    assert [d["locale"] for d in data] == list(LOCALES)
    assert {d["locale"]: d["direction"] for d in data}["ar"] == "rtl"
    for item in data:
        assert item["percent"] == 100.0
        assert item["translated"] == item["total"] > 2000
    code, out, _ = run(capsys, "locales")
    assert code == 0
    assert "Deutsch" in out
    assert "العربية" in out


@pytest.mark.parametrize(
    "args",
    [
        ["exercises"],
        ["show", "reflective-listening"],
        ["deck", "--relationship", "family", "--count", "3"],
        ["protocol", "closeness", "--no-closing"],
        ["locales"],
    ],
)
def test_locale_works_on_every_command(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, english, _ = run(capsys, *args)
    assert code == 0
    code, german, err = run(capsys, *args, "--locale", "de")
    assert (code, err) == (0, "")
    assert german != english


def test_locale_comes_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, english, _ = run(capsys, "deck", "--relationship", "friend", "--count", "2")
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    code, spanish, _ = run(capsys, "deck", "--relationship", "friend", "--count", "2")
    assert code == 0
    assert spanish != english
    assert engine_for("es").labels()["deck"] in spanish
    monkeypatch.setenv("INTIMACY_LOCALE", "ja")
    code, japanese, _ = run(capsys, "deck", "--relationship", "friend", "--count", "2")
    assert engine_for("ja").labels()["deck"] in japanese


def test_help_is_translated(capsys: pytest.CaptureFixture[str]) -> None:
    code, english, _ = run(capsys, "deck", "--help")
    assert code == 0
    code, german, _ = run(capsys, "deck", "--locale", "de", "--help")
    assert code == 0
    assert "Number of prompts." in english
    assert "Number of prompts." not in german
    # Click's own headings and notes are translated too.
    t = engine_for("de").translations.pgettext
    assert english.startswith("Usage: intimacy deck")
    assert german.startswith(t("cli.chrome.usage", "Usage:") + " intimacy deck")
    assert f"\n{t('cli.chrome.options', 'Options')}:\n" in german
    assert f"[{t('cli.chrome.required', 'required')}]" in german
    assert f"[{t('cli.chrome.default', 'default')}: 12" in german
    assert t("cli.chrome.help", "Show this message and exit.") in german
    assert "[default:" not in german
    assert "Options:" not in german


def test_hostile_cli_locale_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("en\x00", "x" * 10_000):
        code, out, err = run(capsys, "deck", "--relationship", "friend", "--locale", bad)
        assert code in {1, 2}
        assert out == ""
        assert err.startswith("intimacy: error: ")
        assert err.count("\n") == 1


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_language_check_rejects_english(locale: str) -> None:
    prompt = next(p for p in CATALOG.prompts if p.id == "reflective-listening.small-win")
    assert not _looks_like(locale, prompt.text.replace("{{ other }}", "Sam"))


def test_cli_errors_are_translated(capsys: pytest.CaptureFixture[str]) -> None:
    message = "--depth takes LEVEL or LOW:HIGH with levels light, personal, deep; got %(value)s"
    code, _, err = run(capsys, "deck", "--relationship", "friend", "--depth", "bogus")
    assert code == 2
    assert message % {"value": "'bogus'"} in err
    code, _, err = run(
        capsys, "deck", "--relationship", "friend", "--depth", "bogus", "--locale", "de"
    )
    german = engine_for("de").translations.pgettext("cli.error.depth", message)
    assert code == 2
    assert german != message
    assert german % {"value": "'bogus'"} in err
