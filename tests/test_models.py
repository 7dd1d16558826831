"""The models: invariants, ordering, and lossless conversion to plain data."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given

from intimacy import Citation, Depth, Exercise, Participants, Prompt, PromptKind, Relationship
from intimacy._convert import structure, unstructure
from tests.strategies import citations, exercises


def test_depth_is_ordered_light_personal_deep() -> None:
    assert sorted([Depth.DEEP, Depth.LIGHT, Depth.PERSONAL]) == [
        Depth.LIGHT,
        Depth.PERSONAL,
        Depth.DEEP,
    ]
    assert Depth.LIGHT < Depth.PERSONAL < Depth.DEEP
    assert Depth.DEEP >= Depth.DEEP > Depth.LIGHT
    with pytest.raises(TypeError):
        _ = Depth.LIGHT < 1


def test_models_are_frozen_and_slotted() -> None:
    citation = Citation(authors=("Reis, H. T.",), year=1988, title="Intimacy")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        citation.year = 1999  # type: ignore[misc]
    for cls in (Citation, Participants, Prompt, Exercise):
        assert "__slots__" in cls.__dict__, cls


def test_participants_range() -> None:
    assert Participants(2, 6).fits(4)
    assert not Participants(2, 6).fits(1)
    with pytest.raises(ValueError, match="max"):
        Participants(3, 2)
    with pytest.raises(ValueError, match="min"):
        Participants(0, 2)


def _prompt(**changes: object) -> Prompt:
    fields: dict[str, object] = {
        "id": "ex.one",
        "text": "Tell me about your week.",
        "depth": Depth.LIGHT,
        "kind": PromptKind.QUESTION,
        "relationships": (Relationship.FRIEND,),
    }
    fields.update(changes)
    return Prompt(**fields)  # type: ignore[arg-type]


def test_prompt_id_must_name_its_exercise() -> None:
    assert _prompt().exercise_id == "ex"
    for bad in ("one", "Ex.one", "ex.", "ex.One", "ex..one"):
        with pytest.raises(ValueError, match="id"):
            _prompt(id=bad)


@given(exercises())
def test_structure_unstructure_is_identity(exercise: Exercise) -> None:
    data = unstructure(exercise)
    assert json.loads(json.dumps(data)) == data  # plain JSON data only
    assert structure(data, Exercise) == exercise


@given(citations)
def test_citation_round_trip(citation: Citation) -> None:
    assert structure(unstructure(citation), Citation) == citation
