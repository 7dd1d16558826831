"""The compiled built-in catalog: JSON written at wheel build time, loaded fast.

The wheel build runs the full loader over ``exercises/*.toml`` (every rule
checked) and writes the result as JSON to ``intimacy/_data/catalog.json``.  At
run time that file is read with :func:`json.loads` and turned into the same
frozen objects without running the validators again: the data was validated
when it was written, and the file ships inside the package like the code.  A
test checks that the compiled catalog equals the one loaded from the TOML
files.  Apps' own exercise folders never take this path.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from intimacy._models import (
    Citation,
    ContentTag,
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

__all__ = ["compile_catalog", "load_compiled"]

#: Bump when the layout of the compiled file changes.
FORMAT_VERSION = 1

_new = object.__new__
_set = object.__setattr__


def _lookup(cls: Any) -> Callable[[str], Any]:
    """A fast value -> member lookup for an enum (a dict's ``__getitem__``)."""
    return {member.value: member for member in cls}.__getitem__


_DEPTH = _lookup(Depth)
_KIND = _lookup(PromptKind)
_RELATIONSHIP = _lookup(Relationship)
_LANGUAGE = _lookup(LoveLanguage)
_TAG = _lookup(ContentTag)
_THEME = _lookup(Theme)
_FORMAT = _lookup(ExerciseFormat)
_FREQUENCY = _lookup(Frequency)


def _enums(lookup: Callable[[str], Any], values: list[str]) -> tuple[Any, ...]:
    return tuple(map(lookup, values))


def _prompt(data: dict[str, Any]) -> Prompt:
    prompt: Prompt = _new(Prompt)
    _set(prompt, "id", data["id"])
    _set(prompt, "text", data["text"])
    _set(prompt, "depth", _DEPTH(data["depth"]))
    _set(prompt, "kind", _KIND(data["kind"]))
    _set(prompt, "relationships", _enums(_RELATIONSHIP, data["relationships"]))
    _set(prompt, "love_languages", _enums(_LANGUAGE, data["love_languages"]))
    _set(prompt, "tags", _enums(_TAG, data["tags"]))
    _set(prompt, "note", data["note"])
    return prompt


def _citation(data: dict[str, Any]) -> Citation:
    citation: Citation = _new(Citation)
    _set(citation, "authors", tuple(data["authors"]))
    _set(citation, "year", data["year"])
    _set(citation, "title", data["title"])
    return citation


def _exercise(data: dict[str, Any]) -> Exercise:
    exercise: Exercise = _new(Exercise)
    participants: Participants = _new(Participants)
    _set(participants, "min", data["participants"]["min"])
    _set(participants, "max", data["participants"]["max"])
    _set(exercise, "id", data["id"])
    _set(exercise, "title", data["title"])
    _set(exercise, "summary", data["summary"])
    _set(exercise, "why", data["why"])
    _set(exercise, "steps", tuple(data["steps"]))
    _set(exercise, "prompts", tuple(_prompt(p) for p in data["prompts"]))
    _set(exercise, "themes", _enums(_THEME, data["themes"]))
    _set(exercise, "relationships", _enums(_RELATIONSHIP, data["relationships"]))
    _set(exercise, "love_languages", _enums(_LANGUAGE, data["love_languages"]))
    _set(exercise, "format", _FORMAT(data["format"]))
    _set(exercise, "participants", participants)
    _set(exercise, "duration_minutes", data["duration_minutes"])
    _set(exercise, "frequency", _FREQUENCY(data["frequency"]))
    _set(exercise, "remote_friendly", data["remote_friendly"])
    _set(exercise, "tags", _enums(_TAG, data["tags"]))
    _set(exercise, "care_notes", tuple(data["care_notes"]))
    _set(exercise, "sources", tuple(_citation(c) for c in data["sources"]))
    return exercise


def load_compiled(path: Path) -> tuple[tuple[Exercise, ...], str]:
    """The exercises of a compiled catalog file, and its content fingerprint."""
    data = json.loads(path.read_bytes())
    if data.get("format") != FORMAT_VERSION:
        msg = f"{path}: compiled catalog format {data.get('format')!r}, expected {FORMAT_VERSION}"
        raise ValueError(msg)
    return tuple(_exercise(e) for e in data["exercises"]), str(data["content_version"])


def compile_catalog(exercises_dir: Path) -> str:
    """Validate every exercise in *exercises_dir* and return the compiled JSON text."""
    from intimacy._catalog import load_exercise_dir
    from intimacy._convert import unstructure

    catalog = load_exercise_dir(exercises_dir)
    payload = {
        "format": FORMAT_VERSION,
        "content_version": catalog.content_version,
        "exercises": [unstructure(e) for e in catalog],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
