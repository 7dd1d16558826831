"""The adversarial suite: hostile input, threads and faults, each with its expected safe outcome.

Sections: locale strings, names, custom templates, translation catalogs, data
files, output, fuzzing of the public entry points, thread stress, and the
error hierarchy.  The sandbox's escape and resource-bomb tables live in
``test_sandbox.py`` and are exercised again here through the CLI.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import string
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import intimacy
from intimacy import (
    LOCALES,
    CatalogError,
    DeckSpec,
    Engine,
    ExportError,
    IntimacyError,
    InvalidNameError,
    LocaleError,
    Person,
    Relationship,
    RenderContext,
    SecurityError,
    TemplateError,
    TemplateLimitError,
    TranslationError,
    engine_for,
    export,
    load_catalog,
    load_exercise_dir,
    render_deck,
    select,
    write_atomic,
)
from tests.test_cli import run
from tests.test_sandbox import BOMBS, ESCAPES

REPO = Path(__file__).resolve().parent.parent
CATALOG = load_catalog()
SAFE_RENDER_ERRORS = (TemplateError, SecurityError, TemplateLimitError)


# -- locale strings ------------------------------------------------------------------------

HOSTILE_LOCALES = {
    "path traversal": "../../etc/passwd",
    "traversal after a locale": "fr/../../evil",
    "modifier traversal": "en@../../x",
    "NUL": "en\x00",
    "escape sequence": "de\x1b[31m",
    "bidi override": "\u202ede",
    "10,000 characters": "x" * 10_000,
    "100 KB Accept-Language": "de;q=0.5," * 12_000,
    "q=abc": "de;q=abc",
    "q=1e309": "de;q=1e309",
    "star": "*",
    "root": "root",
    "und": "und",
    "empty": "",
    "blank": "   ",
    "percent-encoded traversal": "%2e%2e%2fetc",
    "deep traversal": "de/../../../etc/passwd",
    "windows path": "C:\\Windows\\win.ini",
    "case variant": "PT-br",
    "script and region": "zh-Hant-TW",
}


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """Record every file the interpreter opens while the test body runs."""
    seen: list[str] = []
    state = {"on": True}

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if state["on"] and event == "open" and isinstance(args[0], str | bytes | Path):
            seen.append(str(args[0]))

    sys.addaudithook(hook)
    yield seen
    state["on"] = False


ALLOWED_ROOTS = (Path(intimacy.__file__).resolve().parent, REPO / "locales")


@pytest.mark.parametrize("request_", HOSTILE_LOCALES.values(), ids=HOSTILE_LOCALES.keys())
def test_hostile_locale_falls_back_or_is_refused_and_opens_nothing_outside(
    request_: str, opened: list[str]
) -> None:
    """Expected: a shipped locale (often English) or LocaleError; no file outside the package."""
    for make in (Engine, engine_for):
        try:
            engine = make(request_)
        except LocaleError:
            continue
        assert engine.locale in LOCALES
    reached = [p for p in opened if p.endswith((".po", ".mo", "passwd", "evil", ".ini", "x"))]
    for path in reached:
        assert any(Path(path).resolve().is_relative_to(root) for root in ALLOWED_ROOTS), path


def test_variants_reach_the_right_locale() -> None:
    assert engine_for("PT-br").locale == "pt_BR"
    assert engine_for("zh-Hant-TW").locale == "zh_Hans"
    assert engine_for("*").locale == "en"


@pytest.mark.parametrize("request_", ["en\x00", "x" * 10_000, "\u202ede"])
def test_hostile_cli_locale_is_one_line(capsys: pytest.CaptureFixture[str], request_: str) -> None:
    code, out, err = run(capsys, "deck", "--relationship", "friend", "--locale", request_)
    assert code in {1, 2}
    assert out == ""
    assert err.startswith("intimacy: error: ")
    assert err.count("\n") == 1


# -- names ---------------------------------------------------------------------------------

HOSTILE_NAMES = {
    "template syntax": "{{ 7*7 }}",
    "template statement": "{% for x in range(9) %}x{% endfor %}",
    "html script": "<script>alert(1)</script>",
    "javascript url": "javascript:alert(1)",
    "formula": '=HYPERLINK("http://x","y")',
    "formula after spaces": "   +cmd|' /C calc'!A0",
    "at formula": "@SUM(A1:A9)",
    "percent format": "%(name)s",
    "brace format": "{0.__class__}",
    "emoji zwj": "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",
    "control characters": "Sam\x07\x1b[2J",
    "quotes": 'O\'Brien "Bob"',
}
TOO_LONG_NAMES = {
    "thousands of combining marks": "a" + "\u0301" * 5000,
    "1 MB string": "x" * 1_000_000,
}


@pytest.mark.parametrize("name", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_hostile_names_are_data_in_every_format(name: str) -> None:
    """Expected: printed literally in text, escaped in HTML, neutralised in CSV, exact in JSON."""
    person = Person(name)
    assert person.name is not None
    spec = DeckSpec(Relationship.FRIEND, participants=[person, "Alex"], count=4, seed=1)
    engine = engine_for("en")
    rendered = render_deck(select(CATALOG, spec), CATALOG, engine)
    assert rendered.cards[0].first == person.name
    text = export(rendered, "text", engine)
    assert person.name in text
    html = export(rendered, "html", engine)
    assert "<script>" not in html
    assert "{{" not in html.replace(person.name, "") or "{{" in person.name
    data = json.loads(export(rendered, "json", engine))
    assert data["prompts"][0]["first"] == person.name
    rows = list(csv.reader(io.StringIO(export(rendered, "csv", engine))))
    first_cells = [row[5] for row in rows[1:]]
    for cell in first_cells:
        assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))
    # In a prompt, the name is never evaluated.
    out = engine.render("Ask {{ other }}.", RenderContext(Relationship.FRIEND, [person]))
    assert out == f"Ask {person.name}."


def test_control_characters_are_removed_and_lone_surrogates_refused() -> None:
    assert Person("Sam\x07\x1b").name == "Sam"
    assert Person("\u202eSam\u2066").name == "Sam"
    with pytest.raises(InvalidNameError, match="lone surrogate"):
        Person("Sam\ud800")


@pytest.mark.parametrize("name", TOO_LONG_NAMES.values(), ids=TOO_LONG_NAMES.keys())
def test_oversized_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidNameError, match="at most 64"):
        Person(name)


# -- custom templates ------------------------------------------------------------------------


HOSTILE_LAYOUTS = {**ESCAPES, **BOMBS}


@pytest.mark.parametrize("source", HOSTILE_LAYOUTS.values(), ids=HOSTILE_LAYOUTS.keys())
def test_escapes_and_bombs_in_a_custom_layout_fail_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str
) -> None:
    """Every published sandbox escape and resource bomb, as a ``--template`` layout."""
    layout = tmp_path / "mine.txt"
    layout.write_text(source, encoding="utf-8")
    code, out, err = run(
        capsys, "deck", "--relationship", "friend", "--count", "2", "--template", str(layout)
    )
    assert code == 1
    assert out == ""
    assert err.startswith("intimacy: error: ")
    assert err.count("\n") == 1


def test_template_name_injection_cve_2024_56201(tmp_path: Path) -> None:
    """A hostile layout *file name* is never compiled into code."""
    name = "x'+__import__('os').system('touch pwned')+'.txt"
    (tmp_path / name).write_text("{{ deck.cards|length }}", encoding="utf-8")
    engine = Engine("en", layouts=tmp_path)
    spec = DeckSpec(Relationship.FRIEND, count=3, seed=1)
    rendered = render_deck(select(CATALOG, spec), CATALOG, engine)
    assert export(rendered, "text", engine, template=name) == "3"
    assert not (Path.cwd() / "pwned").exists()
    assert not (tmp_path / "pwned").exists()


def test_safe_filter_on_user_text_still_cannot_inject_markup() -> None:
    """``|safe`` in a custom HTML template marks the *template's* text, never a name, as safe."""
    engine = engine_for("en")
    context = RenderContext(Relationship.FRIEND, [Person("<b>x</b>")])
    html = engine.render("{{ other|safe }}", context, html=True)
    assert "<b>" not in html
    assert "&lt;b&gt;" in html


@pytest.mark.parametrize(
    "source",
    [
        "{% include '/etc/passwd' %}",
        "{% include '../../../../etc/passwd' %}",
        "{% extends '../../../../etc/hostname' %}",
        "{% import '/etc/passwd' as x %}",
    ],
)
def test_include_and_extends_of_outside_paths_are_refused(tmp_path: Path, source: str) -> None:
    (tmp_path / "evil.txt").write_text(source, encoding="utf-8")
    engine = Engine("en", layouts=tmp_path)
    with pytest.raises(TemplateError):
        engine.render_layout("evil.txt")


# -- translation catalogs ---------------------------------------------------------------------


@pytest.fixture
def fake_locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the catalog loader at a temporary folder, with the caches cleared."""
    from intimacy import _engine, _locales

    monkeypatch.setattr(_locales, "_locales_dirs", lambda: (tmp_path,))
    _locales._load.cache_clear()
    _engine._shared_engine.cache_clear()
    yield tmp_path
    _locales._load.cache_clear()
    _engine._shared_engine.cache_clear()


def _write_po(folder: Path, body: str, header: str = "nplurals=2; plural=(n != 1);") -> None:
    path = folder / "de" / "LC_MESSAGES" / "intimacy.po"
    path.parent.mkdir(parents=True)
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Plural-Forms: {header}\\n"\n\n' + body,
        encoding="utf-8",
    )


def test_a_corrupt_mo_is_a_translation_error(fake_locales: Path) -> None:
    path = fake_locales / "de" / "LC_MESSAGES" / "intimacy.mo"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xde\x12\x04\x95" + b"\xff" * 40)
    with pytest.raises(TranslationError, match="corrupt"):
        Engine("de")


def test_an_absurd_plural_header_is_refused_or_ignored(fake_locales: Path) -> None:
    """In a compiled ``.mo`` it is a TranslationError; from a ``.po`` the header is dropped."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    absurd = "nplurals=2; plural=__import__('os').system('id');"
    _write_po(fake_locales, "", header=absurd)
    po = fake_locales / "de" / "LC_MESSAGES" / "intimacy.po"
    assert Engine("de").plural("prompts", 3) == "3 prompts"  # a sane rule replaced it
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="de")
    assert "__import__" in catalog.plural_forms
    with po.with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog)
    from intimacy import _locales

    _locales._load.cache_clear()
    with pytest.raises(TranslationError, match="corrupt"):
        Engine("de")


def test_a_wrong_placeholder_in_a_translation_is_a_template_error(fake_locales: Path) -> None:
    prompt = next(p for p in CATALOG.prompts if "{{ other }}" in p.text)
    body = f'msgctxt "{prompt.id}.text"\nmsgid "{prompt.text}"\nmsgstr "Frag {{{{ andere }}}}."\n'
    _write_po(fake_locales, body)
    engine = Engine("de")
    with pytest.raises(TemplateError, match="undefined"):
        engine.render_prompt(prompt, RenderContext(prompt.relationships[0]))


def test_markup_in_a_translation_is_escaped_in_html(fake_locales: Path) -> None:
    body = 'msgctxt "label.deck"\nmsgid "Conversation deck"\nmsgstr "<script>x</script>"\n'
    _write_po(fake_locales, body)
    engine = Engine("de")
    spec = DeckSpec(Relationship.FRIEND, count=2, seed=1)
    html = export(render_deck(select(CATALOG, spec), CATALOG, engine), "html", engine)
    assert "<script>x" not in html
    assert "&lt;script&gt;x" in html


def test_a_sandbox_escape_in_a_translation_is_a_security_error(fake_locales: Path) -> None:
    prompt = CATALOG.prompts[0]
    body = (
        f'msgctxt "{prompt.id}.text"\nmsgid "{prompt.text}"\n'
        'msgstr "{{ cycler.__init__.__globals__ }}"\n'
    )
    _write_po(fake_locales, body)
    with pytest.raises(SecurityError):
        Engine("de").render_prompt(prompt, RenderContext(prompt.relationships[0]))


# -- data files ------------------------------------------------------------------------------

VALID = (REPO / "exercises" / "reflective-listening.toml").read_text(encoding="utf-8")


def _changed(old: str, new: str) -> bytes:
    assert old in VALID
    return VALID.replace(old, new).encode()


HOSTILE_DATA: dict[str, tuple[bytes, str]] = {
    "NaN": (_changed("duration_minutes = 20", "duration_minutes = nan"), "duration_minutes"),
    "duplicate key": (
        _changed('title = "Say it back"', 'title = "A"\ntitle = "B"'),
        "reflective-listening.toml",
    ),
    "huge integer": (
        _changed("duration_minutes = 20", "duration_minutes = 99999999999999999999999"),
        "duration_minutes",
    ),
    "deep nesting": (
        VALID.encode() + b"\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n",
        "reflective-listening.toml",
    ),
    "wrong type": (
        _changed("remote_friendly = true", 'remote_friendly = "yes"'),
        "remote_friendly",
    ),
    "non-UTF-8": (
        VALID.encode().replace(b"Say it back", b"Say \xff\xfe back"),
        "reflective-listening.toml",
    ),
}


@pytest.mark.parametrize(("content", "where"), HOSTILE_DATA.values(), ids=HOSTILE_DATA.keys())
def test_hostile_data_files_are_catalog_errors_that_say_where(
    tmp_path: Path, content: bytes, where: str
) -> None:
    (tmp_path / "reflective-listening.toml").write_bytes(content)
    with pytest.raises(CatalogError) as info:
        load_exercise_dir(tmp_path)
    assert where in info.value.one_line()


# -- output ----------------------------------------------------------------------------------


def test_a_read_only_target_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "deck.txt"
    target.write_text("old")
    target.chmod(0o444)
    try:
        with pytest.raises(ExportError, match="read-only"):
            write_atomic(target, "new")
        assert target.read_text() == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["deck.txt"]
    finally:
        target.chmod(0o644)


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deck.json"
    target.write_text("old deck")
    real_fdopen = os.fdopen

    class Interrupting(io.RawIOBase):
        def __init__(self, fd: int) -> None:
            self.inner = real_fdopen(fd, "wb")

        def write(self, data: Any) -> int:
            self.inner.write(bytes(data)[:10])
            raise KeyboardInterrupt

        def close(self) -> None:
            self.inner.close()

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Interrupting(fd))
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "a much longer new deck")
    assert target.read_text() == "old deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.json"]


def test_a_missing_folder_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(
        capsys, "deck", "--relationship", "friend", "--output", str(tmp_path / "no" / "deck.txt")
    )
    assert (code, out) == (1, "")
    assert "does not exist" in err
    assert err.count("\n") == 1
    assert not (tmp_path / "no").exists()


def test_names_never_become_file_names(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out" / "deck.txt"
    target.parent.mkdir()
    code, _, _ = run(
        capsys, "deck", "--relationship", "friend", "--name", "../../evil", "--name", "/etc/x",
        "--output", str(target),
    )  # fmt: skip
    assert code == 0
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["deck.txt", "out"]


# -- fuzzing the public entry points ------------------------------------------------------------

TEMPLATE_ALPHABET = string.printable + "{}%#~|()[]'\"._ "


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=TEMPLATE_ALPHABET, max_size=80))
def test_any_custom_template_renders_or_fails_safely(source: str) -> None:
    try:
        out = engine_for("en").render(source, RenderContext(Relationship.FRIEND, ["Sam"]))
    except SAFE_RENDER_ERRORS:
        return
    assert isinstance(out, str)


@given(
    st.lists(
        st.sampled_from(
            ["{{", "}}", "{%", "%}", "other", "range(", ")", "**", "9" * 6, "~", "|attr(",
             "'__class__'", "format", ".", "for x in", "endfor", "set y =", "cycler", "[0]*"]
        ),
        max_size=12,
    ).map("".join)
)  # fmt: skip
def test_template_fragments_render_or_fail_safely(source: str) -> None:
    with contextlib.suppress(*SAFE_RENDER_ERRORS):
        engine_for("en").render(source, RenderContext(Relationship.FRIEND))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    st.integers(0, len(VALID) - 1),
    st.binary(min_size=1, max_size=8),
)
def test_mutated_exercise_files_load_or_fail_as_catalog_errors(
    tmp_path_factory: pytest.TempPathFactory, position: int, noise: bytes
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    data = VALID.encode()
    (folder / "reflective-listening.toml").write_bytes(data[:position] + noise + data[position:])
    try:
        catalog = load_exercise_dir(folder)
    except CatalogError as exc:
        problem = exc.one_line()
    else:
        assert len(catalog) == 1
        return
    assert "reflective-listening.toml" in problem


@given(st.text(max_size=300))
def test_any_name_is_a_person_or_an_invalid_name_error(raw: str) -> None:
    try:
        person = Person(raw)
    except InvalidNameError:
        return
    html = engine_for("en").render(
        "{{ other }}", RenderContext(Relationship.FRIEND, [person]), html=True
    )
    assert "<" not in html


# -- threads ---------------------------------------------------------------------------------


def test_sixteen_threads_across_every_locale_thousands_of_renders_each() -> None:
    prompts = [p for p in CATALOG.prompts if Relationship.FRIEND in p.relationships][:250]
    context = RenderContext(Relationship.FRIEND, ["Sam", "Alex"])
    expected = {
        locale: [Engine(locale).render_prompt(p, context).text for p in prompts]
        for locale in LOCALES
    }
    wrong: list[tuple[str, int]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(16)
    rounds = 8  # 8 x 250 = 2,000 renders a thread

    def work(index: int) -> None:
        try:
            barrier.wait()
            for round_ in range(rounds):
                locale = LOCALES[(index + round_) % len(LOCALES)]
                engine = engine_for(locale)
                for n, prompt in enumerate(prompts):
                    if engine.render_prompt(prompt, context).text != expected[locale][n]:
                        wrong.append((locale, n))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert wrong == []


# -- the error hierarchy -----------------------------------------------------------------------


def test_every_public_error_is_an_intimacy_error() -> None:
    errors = [
        obj
        for name in intimacy.__all__
        if isinstance(obj := getattr(intimacy, name), type) and issubclass(obj, BaseException)
    ]
    assert len(errors) >= 10
    assert all(issubclass(error, IntimacyError) for error in errors)
    assert IntimacyError.__doc__
