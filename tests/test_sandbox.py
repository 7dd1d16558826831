"""Custom templates render in a sandbox: known escapes and resource bombs are refused quickly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from intimacy import (
    Engine,
    IntimacyError,
    Relationship,
    RenderContext,
    SecurityError,
    TemplateError,
    TemplateLimitError,
)

ENGINE = Engine("en")
CTX = RenderContext(Relationship.FRIEND, others=["Sam"])

ESCAPES = {
    "class mro walk": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals via a global's init": "{{ cycler.__init__.__globals__ }}",
    "globals via joiner": "{{ joiner.__init__.__globals__['os'] }}",
    "namespace internals": "{{ namespace.__init__.__globals__ }}",
    "attr filter to format": "{{ ('{0.__class__}'|attr('format'))(1) }}",
    "str.format walk": "{{ '{0.__class__.__mro__}'.format(1) }}",
    "stored format reference (CVE-2024-56326)": "{% set f = '{0.__class__}'.format %}{{ f(1) }}",
    "format_map": "{{ '{x.__class__}'.format_map({'x': 1}) }}",
    "attr filter with dunder (CVE-2025-27516)": "{{ ''|attr('__class__') }}",
    "list mutation": "{% set xs = [1] %}{{ xs.append(2) }}",
    "dict mutation": "{% set d = {} %}{{ d.update({'a': 1}) }}",
    "func code": "{{ cycler.__init__.__code__ }}",
}


@pytest.mark.parametrize("source", ESCAPES.values(), ids=ESCAPES.keys())
def test_sandbox_escape_is_a_security_error(source: str) -> None:
    with pytest.raises(SecurityError) as info:
        ENGINE.render(source, CTX)
    assert isinstance(info.value, IntimacyError)


BOMBS = {
    "huge range": "{{ range(10**9)|list|length }}",
    "huge power": "{{ 10 ** 100000 }}",
    "chained power": "{{ (10 ** 100) ** 100 ** 2 }}",
    "power of a big base": "{{ 99999999999 ** 9999 }}",
    "huge product": "{{ (2 ** 4000) * (2 ** 4000) }}",
    "huge string repeat": "{{ 'a' * 10 ** 9 }}",
    "huge list repeat": "{{ [0] * 10 ** 9 }}",
    "string doubling by concatenation": (
        "{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}"
        "{% endmacro %}{{ d('ab', 60) }}"
    ),
    "list doubling by addition": (
        "{% macro d(s, n) %}{% if n %}{{ d(s + s, n - 1) }}{% else %}{{ s|length }}{% endif %}"
        "{% endmacro %}{{ d([1], 60) }}"
    ),
    "deep recursion": "{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}",
    "printf width": "{{ '%999999999d' % 1 }}",
    "format filter width": "{{ '%999999999d'|format(1) }}",
    "center filter": "{{ 'x'|center(1000000000) }}",
    "str.center method": "{{ 'x'.center(1000000000) }}",
    "replace blow-up": "{{ ('ab' * 1000)|replace('', 'x' * 99000) }}",
    "huge output": (
        "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}"
    ),
}


@pytest.mark.parametrize("source", BOMBS.values(), ids=BOMBS.keys())
def test_resource_bomb_is_refused_quickly(source: str) -> None:
    start = time.process_time()
    with pytest.raises(TemplateLimitError):
        Engine("en", max_output=100_000).render(source, CTX)
    # Refused by a limit, not by running to completion: far below the seconds a bomb would take.
    assert time.process_time() - start < 5


def test_limits_leave_ordinary_templates_alone() -> None:
    source = "{% for i in range(3) %}{{ i * 2 }}{{ '-' ~ 'x' * 3 }}{% endfor %}{{ 2 ** 10 }}"
    assert ENGINE.render(source, CTX) == "0-xxx2-xxx4-xxx1024"


def test_syntax_error_and_unknown_variable_are_template_errors() -> None:
    with pytest.raises(TemplateError, match="syntax error"):
        ENGINE.render("{{ other }", CTX)
    with pytest.raises(TemplateError, match="partner"):
        ENGINE.render("{{ partner }}", CTX)


def test_layout_override_folder(tmp_path: Path) -> None:
    (tmp_path / "exercise.txt").write_text(
        "Custom: {{ exercise.title }} for {{ exercise.other }}\n"
    )
    from intimacy import load_catalog

    exercise = load_catalog()["weekly-check-in"]
    engine = Engine("en", layouts=tmp_path)
    rendered = engine.render_exercise(exercise, CTX)
    assert (
        engine.render_layout("exercise.txt", exercise=rendered)
        == f"Custom: {exercise.title} for Sam\n"
    )
    # Layouts not overridden fall back to the built-in ones.
    assert engine.render_layout("exercise.md", exercise=rendered).startswith(f"# {exercise.title}")


def test_layout_cannot_include_outside_paths(tmp_path: Path) -> None:
    layouts = tmp_path / "layouts"
    layouts.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (layouts / "exercise.txt").write_text("{% include '../secret.txt' %}")
    engine = Engine("en", layouts=layouts)
    with pytest.raises(TemplateError):
        engine.render_layout("exercise.txt")
    (layouts / "exercise.txt").write_text("{% include '/etc/passwd' %}")
    engine = Engine("en", layouts=layouts)
    with pytest.raises(TemplateError):
        engine.render_layout("exercise.txt")


def test_layout_sandboxed(tmp_path: Path) -> None:
    (tmp_path / "exercise.txt").write_text("{{ exercise.__class__.__mro__ }}")
    from intimacy import load_catalog

    engine = Engine("en", layouts=tmp_path)
    rendered = engine.render_exercise(load_catalog()["weekly-check-in"], CTX)
    with pytest.raises(SecurityError):
        engine.render_layout("exercise.txt", exercise=rendered)


def test_missing_layouts_folder(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="does not exist"):
        Engine("en", layouts=tmp_path / "nope")
