"""The built-in catalog as shipped: it loads, and every template in it is valid."""

from __future__ import annotations

import pytest

from intimacy import load_catalog, load_exercise_dir
from intimacy._resources import builtin_exercises_dir
from intimacy._templates import check_template

CATALOG = load_catalog()


def test_builtin_catalog_loads_with_content() -> None:
    assert len(CATALOG) >= 6
    assert all(e.prompts or e.steps for e in CATALOG)


def test_builtin_files_pass_the_full_app_check() -> None:
    # The same validation an app's own folder gets, templates included.
    assert load_exercise_dir(builtin_exercises_dir()) == CATALOG


@pytest.mark.parametrize("exercise", CATALOG, ids=lambda e: e.id)
def test_every_template_compiles(exercise: object) -> None:
    from intimacy import Exercise

    assert isinstance(exercise, Exercise)
    for source in (*exercise.steps, *(p.text for p in exercise.prompts)):
        assert check_template(source) is None, source
