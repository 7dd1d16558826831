"""The immutable :class:`Catalog` and the loader that builds it from exercise files."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from intimacy._errors import CatalogError, Problem
from intimacy._models import (
    MAX_ID_LENGTH,
    SLUG_RE,
    Depth,
    Exercise,
    LoveLanguage,
    Prompt,
    PromptKind,
    Relationship,
    Theme,
)
from intimacy._resources import builtin_exercises_dir, compiled_catalog_path

__all__ = ["Catalog", "load_catalog", "load_exercise_dir"]

#: The largest exercise file the loader reads.
MAX_FILE_BYTES = 1024 * 1024

_Index = Mapping[object, frozenset[str]]


def _index(items: Iterable[tuple[str, Iterable[object]]]) -> _Index:
    groups: dict[object, set[str]] = {}
    for item_id, keys in items:
        for key in keys:
            groups.setdefault(key, set()).add(item_id)
    return MappingProxyType({key: frozenset(ids) for key, ids in groups.items()})


def _sorted_exercises(items: Iterable[Exercise]) -> tuple[Exercise, ...]:
    return tuple(sorted(items, key=lambda e: e.id))


@attrs.frozen(eq=False)
class Catalog:
    """An immutable collection of exercises with O(1) lookup by id and indexed queries.

    Build one with :func:`load_catalog`, or from exercises you made in code.
    Exercises are kept sorted by id, so iteration order does not depend on the
    order of files on disk.

    >>> catalog = load_catalog()
    >>> exercise = catalog["reflective-listening"]
    >>> exercise.id in catalog
    True
    >>> all(Relationship.COLLEAGUE in e.relationships
    ...     for e in catalog.find(relationship=Relationship.COLLEAGUE))
    True

    Raises:
        CatalogError: when two exercises or two prompts share an id.
    """

    #: Every exercise, sorted by id.
    exercises: tuple[Exercise, ...] = attrs.field(converter=_sorted_exercises)
    _by_id: Mapping[str, Exercise] = attrs.field(init=False, repr=False)
    _prompt_by_id: Mapping[str, Prompt] = attrs.field(init=False, repr=False)
    _position: Mapping[str, int] = attrs.field(init=False, repr=False)
    _indexes: dict[str, Any] = attrs.field(init=False, repr=False, eq=False, factory=dict)
    #: A fingerprint known in advance (the compiled catalog carries one).
    _version: str | None = attrs.field(default=None, kw_only=True, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Exercise] = {}
        prompts: dict[str, Prompt] = {}
        problems: list[Problem] = []
        for exercise in self.exercises:
            if exercise.id in by_id:
                problems.append(Problem(exercise.id, "id", "exercise id is used twice"))
            by_id[exercise.id] = exercise
            for prompt in exercise.prompts:
                if prompt.id in prompts:
                    problems.append(Problem(exercise.id, "prompts", f"{prompt.id!r} is used twice"))
                prompts[prompt.id] = prompt
        if problems:
            raise CatalogError(problems)
        position = {e.id: i for i, e in enumerate(self.exercises)}
        all_prompts = [p for e in self.exercises for p in e.prompts]
        position |= {p.id: i for i, p in enumerate(all_prompts)}
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        object.__setattr__(self, "_prompt_by_id", MappingProxyType(prompts))
        object.__setattr__(self, "_position", MappingProxyType(position))

    # The query indexes are built on the first query, not at load time: many
    # apps only look exercises up by id.  Building one twice from two threads is
    # harmless (both results are equal), so no lock is needed.

    @property
    def _exercise_index(self) -> Mapping[str, _Index]:
        index = self._indexes.get("exercise")
        if index is None:
            es = self.exercises
            index = {
                "relationship": _index((e.id, e.relationships) for e in es),
                "theme": _index((e.id, e.themes) for e in es),
                "love_language": _index((e.id, e.love_languages) for e in es),
                "depth": _index((e.id, e.depths) for e in es),
            }
            self._indexes["exercise"] = index
        return index

    @property
    def _prompt_index(self) -> Mapping[str, _Index]:
        index = self._indexes.get("prompt")
        if index is None:
            all_prompts = [p for e in self.exercises for p in e.prompts]
            theme_of = {e.id: e.themes for e in self.exercises}
            index = {
                "relationship": _index((p.id, p.relationships) for p in all_prompts),
                "theme": _index((p.id, theme_of[p.exercise_id]) for p in all_prompts),
                "love_language": _index((p.id, p.love_languages) for p in all_prompts),
                "depth": _index((p.id, (p.depth,)) for p in all_prompts),
                "kind": _index((p.id, (p.kind,)) for p in all_prompts),
            }
            self._indexes["prompt"] = index
        return index

    @property
    def content_version(self) -> str:
        """A short fingerprint of the content, which changes whenever any exercise does.

        The SHA-256 of the exercises as sorted JSON, 16 hex digits; computed once.
        """
        version = self._version or self._indexes.get("version")
        if version is None:
            version = self._indexes["version"] = fingerprint(self.exercises)
        return version

    # -- mapping-like access -------------------------------------------------

    def __len__(self) -> int:
        return len(self.exercises)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __getitem__(self, exercise_id: str) -> Exercise:
        try:
            return self._by_id[exercise_id]
        except KeyError:
            msg = f"no exercise with id {exercise_id!r}"
            raise KeyError(msg) from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalog):
            return NotImplemented
        return self.exercises == other.exercises

    def __hash__(self) -> int:
        return hash(self.exercises)

    def get(self, exercise_id: str) -> Exercise | None:
        """Return the exercise with *exercise_id*, or ``None``."""
        return self._by_id.get(exercise_id)

    def prompt(self, prompt_id: str) -> Prompt:
        """Return the prompt with *prompt_id*.

        Raises:
            KeyError: when no prompt has that id.
        """
        try:
            return self._prompt_by_id[prompt_id]
        except KeyError:
            msg = f"no prompt with id {prompt_id!r}"
            raise KeyError(msg) from None

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        """Every prompt, grouped by exercise in catalog order."""
        return tuple(p for e in self.exercises for p in e.prompts)

    # -- queries ---------------------------------------------------------------

    def _select(self, index: Mapping[str, _Index], criteria: dict[str, object]) -> list[str]:
        sets: list[frozenset[str]] = []
        for name, value in criteria.items():
            if value is not None:
                sets.append(index[name].get(value, frozenset()))
        if not sets:
            return []
        sets.sort(key=len)
        found = sets[0].intersection(*sets[1:])
        return sorted(found, key=self._position.__getitem__)

    def find(
        self,
        *,
        relationship: Relationship | None = None,
        theme: Theme | None = None,
        love_language: LoveLanguage | None = None,
        depth: Depth | None = None,
    ) -> tuple[Exercise, ...]:
        """Return the exercises that match every criterion given, in catalog order.

        Args:
            relationship: Keep exercises that suit this relationship.
            theme: Keep exercises that practise this theme.
            love_language: Keep exercises that focus on this love language.
            depth: Keep exercises that have at least one prompt at this depth.
        """
        criteria: dict[str, object] = {
            "relationship": relationship,
            "theme": theme,
            "love_language": love_language,
            "depth": depth,
        }
        if all(value is None for value in criteria.values()):
            return self.exercises
        return tuple(self._by_id[i] for i in self._select(self._exercise_index, criteria))

    def find_prompts(
        self,
        *,
        relationship: Relationship | None = None,
        theme: Theme | None = None,
        love_language: LoveLanguage | None = None,
        depth: Depth | None = None,
        kind: PromptKind | None = None,
    ) -> tuple[Prompt, ...]:
        """Return the prompts that match every criterion given, in catalog order.

        Args:
            relationship: Keep prompts that suit this relationship.
            theme: Keep prompts whose exercise practises this theme.
            love_language: Keep prompts that speak this love language.
            depth: Keep prompts at this depth.
            kind: Keep prompts of this kind.
        """
        criteria: dict[str, object] = {
            "relationship": relationship,
            "theme": theme,
            "love_language": love_language,
            "depth": depth,
            "kind": kind,
        }
        if all(value is None for value in criteria.values()):
            return self.prompts
        return tuple(self._prompt_by_id[i] for i in self._select(self._prompt_index, criteria))

    def merge(self, other: Catalog) -> Catalog:
        """Return a catalog with the exercises of both.

        Raises:
            CatalogError: when an exercise id or a prompt id is in both.
        """
        clashes = sorted(self._by_id.keys() & other._by_id.keys())
        if clashes:
            raise CatalogError(
                Problem(i, "id", "exercise id is already in the catalog") for i in clashes
            )
        return Catalog(self.exercises + other.exercises)


# -- loading -------------------------------------------------------------------


def _read_toml(path: Path, shown: str, problems: list[Problem]) -> dict[str, Any] | None:
    import tomllib

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(shown, "", f"file is {size} bytes; the limit is {MAX_FILE_BYTES}")
            )
            return None
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, "", f"cannot read the file: {exc.strerror or exc}"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(shown, "", f"not UTF-8 text (byte {exc.start})"))
        return None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(shown, "", f"invalid TOML: {exc}"))
    except RecursionError:
        problems.append(Problem(shown, "", "invalid TOML: nested too deeply"))
    return None


def _expand_prompts(data: dict[str, Any]) -> None:
    """Fill in what a prompt inherits from its exercise, in place."""
    exercise_id = data.get("id")
    prompts = data.get("prompts")
    if not isinstance(prompts, list):
        return
    for prompt in prompts:
        if not isinstance(prompt, dict):
            continue
        if isinstance(prompt.get("id"), str) and isinstance(exercise_id, str):
            prompt["id"] = f"{exercise_id}.{prompt['id']}"
        for key in ("relationships", "love_languages"):
            if key not in prompt and key in data:
                prompt[key] = data[key]


def _structure_exercise(
    data: dict[str, Any], shown: str, problems: list[Problem]
) -> Exercise | None:
    from intimacy._convert import problems_of, structure

    exercise_id = data.get("id")
    if isinstance(exercise_id, str) and not (
        SLUG_RE.match(exercise_id) and len(exercise_id) <= MAX_ID_LENGTH
    ):
        message = (
            "must be a slug of lower-case letters, digits and single hyphens; "
            f"got {exercise_id!r:.80}"
        )
        problems.append(Problem(shown, "id", message))
        return None
    _expand_prompts(data)
    try:
        return structure(data, Exercise)
    except Exception as exc:
        problems.extend(Problem(shown, key, message) for key, message in problems_of(exc))
    return None


def _check_templates(exercise: Exercise, shown: str, problems: list[Problem]) -> None:
    from intimacy._templates import check_template

    for index, step in enumerate(exercise.steps):
        if (message := check_template(step)) is not None:
            problems.append(Problem(shown, f"steps[{index}]", message))
    for index, prompt in enumerate(exercise.prompts):
        if (message := check_template(prompt.text)) is not None:
            problems.append(Problem(shown, f"prompts[{index}].text", message))


def load_exercise_dir(
    directory: str | os.PathLike[str], *, check_templates: bool = True
) -> Catalog:
    """Load every ``*.toml`` exercise file in *directory* into a :class:`Catalog`.

    Each file holds one exercise whose ``id`` is the file's name without
    ``.toml``.  Every problem in every file is collected before anything is
    raised, so one error lists them all.

    Args:
        directory: The folder to read; sub-folders are not read.
        check_templates: Parse every prompt text and step and check the variables
            it uses.  The test suite checks the built-in catalog, so it is loaded
            without this.

    Raises:
        CatalogError: listing each problem with its file and key path.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise CatalogError([Problem(str(directory), "", "not a folder")])
    problems: list[Problem] = []
    exercises: list[Exercise] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        shown = str(path)
        data = _read_toml(path, shown, problems)
        if data is None:
            continue
        exercise = _structure_exercise(data, shown, problems)
        if exercise is None:
            continue
        if exercise.id != path.stem:
            problems.append(
                Problem(shown, "id", f"id {exercise.id!r} must match the file name {path.stem!r}")
            )
        if exercise.id in seen:
            problems.append(
                Problem(shown, "id", f"id {exercise.id!r} is also used by {seen[exercise.id]}")
            )
            continue
        seen[exercise.id] = shown
        if check_templates:
            _check_templates(exercise, shown, problems)
        exercises.append(exercise)
    if problems:
        raise CatalogError(problems)
    return Catalog(exercises)


def fingerprint(exercises: Iterable[Exercise]) -> str:
    """The content fingerprint of *exercises* (see :attr:`Catalog.content_version`)."""
    import hashlib
    import json

    from intimacy._convert import unstructure

    data = json.dumps([unstructure(e) for e in exercises], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


@functools.cache
def _builtin_catalog() -> Catalog:
    compiled = compiled_catalog_path()
    if compiled is not None:
        from intimacy._compiled import load_compiled

        exercises, version = load_compiled(compiled)
        return Catalog(exercises, version=version)
    return load_exercise_dir(builtin_exercises_dir(), check_templates=False)


def load_catalog(*directories: str | os.PathLike[str], builtin: bool = True) -> Catalog:
    """Return the built-in catalog, merged with the exercises in *directories*.

    The built-in catalog is loaded once per process and shared (it is
    immutable).  Exercises from *directories* are validated fully, templates
    included, every time.

    Args:
        directories: Folders of the app's own exercise files.
        builtin: Include the built-in exercises.

    Raises:
        CatalogError: when a file is invalid or an id is used twice.

    >>> catalog = load_catalog()
    >>> len(catalog) >= 6
    True
    """
    catalog = _builtin_catalog() if builtin else Catalog(())
    for directory in directories:
        extra = load_exercise_dir(directory)
        clashes = [e.id for e in extra if e.id in catalog]
        if clashes:
            raise CatalogError(
                Problem(
                    str(Path(directory) / f"{i}.toml"), "id", f"{i!r} is already in the catalog"
                )
                for i in clashes
            )
        catalog = catalog.merge(extra)
    return catalog
