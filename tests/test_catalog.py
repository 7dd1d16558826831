"""The catalog: lookups, queries that agree with a brute-force filter, merging."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intimacy import (
    Catalog,
    CatalogError,
    Depth,
    Exercise,
    LoveLanguage,
    PromptKind,
    Relationship,
    Theme,
    load_catalog,
)
from tests.strategies import exercise_lists

maybe = st.none().__or__
criteria = st.fixed_dictionaries(
    {
        "relationship": maybe(st.sampled_from(Relationship)),
        "theme": maybe(st.sampled_from(Theme)),
        "love_language": maybe(st.sampled_from(LoveLanguage)),
        "depth": maybe(st.sampled_from(Depth)),
    }
)


def brute_exercises(catalog: Catalog, c: dict[str, object]) -> list[str]:
    return [
        e.id
        for e in sorted(catalog, key=lambda e: e.id)
        if (c["relationship"] is None or c["relationship"] in e.relationships)
        and (c["theme"] is None or c["theme"] in e.themes)
        and (c["love_language"] is None or c["love_language"] in e.love_languages)
        and (c["depth"] is None or any(p.depth == c["depth"] for p in e.prompts))
    ]


def brute_prompts(catalog: Catalog, c: dict[str, object], kind: PromptKind | None) -> list[str]:
    return [
        p.id
        for e in sorted(catalog, key=lambda e: e.id)
        for p in e.prompts
        if (c["relationship"] is None or c["relationship"] in p.relationships)
        and (c["theme"] is None or c["theme"] in e.themes)
        and (c["love_language"] is None or c["love_language"] in p.love_languages)
        and (c["depth"] is None or p.depth == c["depth"])
        and (kind is None or p.kind == kind)
    ]


@given(exercise_lists(), criteria, st.none() | st.sampled_from(PromptKind))
def test_queries_agree_with_brute_force(
    exercises: list[Exercise], c: dict[str, object], kind: PromptKind | None
) -> None:
    catalog = Catalog(exercises)
    assert [e.id for e in catalog.find(**c)] == brute_exercises(catalog, c)  # type: ignore[arg-type]
    found = catalog.find_prompts(**c, kind=kind)  # type: ignore[arg-type]
    assert [p.id for p in found] == brute_prompts(catalog, c, kind)


@given(criteria, st.none() | st.sampled_from(PromptKind))
def test_builtin_queries_agree_with_brute_force(
    c: dict[str, object], kind: PromptKind | None
) -> None:
    catalog = load_catalog()
    assert [e.id for e in catalog.find(**c)] == brute_exercises(catalog, c)  # type: ignore[arg-type]
    found = catalog.find_prompts(**c, kind=kind)  # type: ignore[arg-type]
    assert [p.id for p in found] == brute_prompts(catalog, c, kind)


@given(exercise_lists(max_size=6))
def test_lookup_and_order(exercises: list[Exercise]) -> None:
    catalog = Catalog(reversed(exercises))
    assert [e.id for e in catalog] == sorted(e.id for e in exercises)
    assert len(catalog) == len(exercises)
    for exercise in exercises:
        assert exercise.id in catalog
        assert catalog[exercise.id] is exercise
        assert catalog.get(exercise.id) is exercise
        for prompt in exercise.prompts:
            assert catalog.prompt(prompt.id) is prompt
    assert catalog == Catalog(exercises)
    assert hash(catalog) == hash(Catalog(exercises))


def test_missing_ids() -> None:
    catalog = load_catalog()
    assert catalog.get("no-such-exercise") is None
    assert "no-such-exercise" not in catalog
    with pytest.raises(KeyError, match="no-such-exercise"):
        catalog["no-such-exercise"]
    with pytest.raises(KeyError, match=r"nothing\.here"):
        catalog.prompt("nothing.here")


@given(exercise_lists(max_size=4), exercise_lists(max_size=4))
def test_merge(first: list[Exercise], second: list[Exercise]) -> None:
    a, b = Catalog(first), Catalog(second)
    clash = {e.id for e in first} & {e.id for e in second}
    if clash:
        with pytest.raises(CatalogError) as info:
            a.merge(b)
        assert {p.file for p in info.value.problems} == clash
    else:
        merged = a.merge(b)
        assert {e.id for e in merged} == {e.id for e in first} | {e.id for e in second}


def test_duplicate_ids_are_refused() -> None:
    exercise = load_catalog().exercises[0]
    with pytest.raises(CatalogError, match="used twice"):
        Catalog([exercise, exercise])


def test_catalog_is_immutable() -> None:
    catalog = load_catalog()
    with pytest.raises(AttributeError):
        catalog.exercises = ()  # type: ignore[misc]
    assert isinstance(catalog.exercises, tuple)
    assert load_catalog() is load_catalog()  # the built-in catalog is loaded once
