"""Hypothesis strategies for the models."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from intimacy import (
    Citation,
    Depth,
    Exercise,
    ExerciseFormat,
    Frequency,
    LoveLanguage,
    Participants,
    Prompt,
    PromptKind,
    Relationship,
    Theme,
)

slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
texts = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40
).filter(str.strip)
plain_words = st.lists(st.sampled_from(["tell", "me", "about", "your", "week", "why"]), min_size=1)
templates = st.one_of(
    plain_words.map(" ".join),
    plain_words.map(lambda ws: " ".join(ws) + " {{ other }}"),
)


def subsets(values: Any, *, min_size: int = 0) -> st.SearchStrategy[tuple[Any, ...]]:
    """Ordered, duplicate-free tuples drawn from *values*."""
    return st.lists(st.sampled_from(list(values)), unique=True, min_size=min_size).map(tuple)


citations = st.builds(
    Citation,
    authors=st.lists(texts, min_size=1, max_size=3).map(tuple),
    year=st.integers(1800, 2100),
    title=texts,
)
participants = st.integers(1, 12).flatmap(
    lambda low: st.builds(Participants, st.just(low), st.integers(low, 12))
)


@st.composite
def exercises(draw: st.DrawFn, exercise_id: str | None = None) -> Exercise:
    """An exercise that satisfies every model invariant."""
    ex_id = exercise_id or draw(slugs)
    relationships = draw(subsets(Relationship, min_size=1))
    love_languages = draw(subsets(LoveLanguage))
    prompt_slugs = draw(st.lists(slugs, unique=True, max_size=5))
    prompts = tuple(
        Prompt(
            id=f"{ex_id}.{slug}",
            text=draw(templates),
            depth=draw(st.sampled_from(Depth)),
            kind=draw(st.sampled_from(PromptKind)),
            relationships=draw(subsets(relationships, min_size=1)),
            love_languages=draw(subsets(LoveLanguage)),
            note=draw(st.none() | texts),
        )
        for slug in prompt_slugs
    )
    return Exercise(
        id=ex_id,
        title=draw(texts),
        summary=draw(texts),
        why=draw(texts),
        steps=tuple(draw(st.lists(templates, min_size=1, max_size=4))),
        prompts=prompts,
        themes=draw(subsets(Theme, min_size=1)),
        relationships=relationships,
        love_languages=love_languages,
        format=draw(st.sampled_from(ExerciseFormat)),
        participants=draw(participants),
        duration_minutes=draw(st.integers(1, 24 * 60)),
        frequency=draw(st.sampled_from(Frequency)),
        remote_friendly=draw(st.booleans()),
        care_notes=tuple(draw(st.lists(texts, max_size=2))),
        sources=tuple(draw(st.lists(citations, max_size=2))),
    )


@st.composite
def exercise_lists(draw: st.DrawFn, max_size: int = 8) -> list[Exercise]:
    """Exercises with distinct ids."""
    ids = draw(st.lists(slugs, unique=True, max_size=max_size))
    return [draw(exercises(exercise_id=i)) for i in ids]
