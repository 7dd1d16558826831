"""Strict structuring and unstructuring of the models with :mod:`cattrs`.

The converter is strict on purpose: a string is never turned into a number, a
string is never split into a list of characters, and unknown keys are refused.
Problems come back as ``(key path, message)`` pairs so the loader can report all
of them at once.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar, get_args

import attrs
import cattrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from intimacy._models import FieldError

__all__ = ["converter", "problems_of", "structure", "unstructure"]

T = TypeVar("T")


def _type_name(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


class _StrictTypeError(TypeError):
    """A value of the wrong type, with a message meant for a person."""


def _expect(kind: str, value: object) -> _StrictTypeError:
    return _StrictTypeError(f"expected {kind}, got {_type_name(value)} {value!r:.60}")


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _expect("a string", value)
    return value


def _structure_int(value: object, _: type) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _expect("an integer", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _expect("true or false", value)
    return value


def _enum_hook(cls: type[enum.Enum], _: cattrs.Converter) -> Callable[[object, type], enum.Enum]:
    allowed = ", ".join(member.value for member in cls)

    def structure_enum(value: object, _: type) -> enum.Enum:
        if not isinstance(value, str):
            raise _expect("a string", value)
        try:
            return cls(value)
        except ValueError:
            msg = f"unknown value {value!r:.60}; expected one of: {allowed}"
            raise ValueError(msg) from None

    return structure_enum


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = get_args(tp)
    return getattr(tp, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(tp: Any, conv: cattrs.Converter) -> Callable[[object, type], tuple[Any, ...]]:
    element = get_args(tp)[0]
    element_hook = conv.get_structure_hook(element)

    def structure_tuple(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise _expect("a list", value)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(element_hook(item, element))
            except Exception as exc:
                exc.add_note(IterableValidationNote(f"index {index}", index, element))
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
        return tuple(items)

    return structure_tuple


def _attrs_hook(cls: type[Any], conv: cattrs.Converter) -> Callable[[object, type], Any]:
    inner = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

    def structure_attrs(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise _expect("a table", value)
        return inner(value, cls)

    return structure_attrs


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    conv.register_structure_hook_factory(attrs.has, _attrs_hook)
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _t: lambda member: member.value,
    )
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple,
        lambda t, c: _list_unstructure(c.get_unstructure_hook(get_args(t)[0])),
    )
    return conv


def _list_unstructure(element: Callable[[Any], Any]) -> Callable[[tuple[Any, ...]], list[Any]]:
    return lambda value: [element(item) for item in value]


#: The library's converter.  Structuring is strict; unstructuring gives plain
#: JSON-compatible values (enums as their string values, tuples as lists).
converter = _make_converter()


def structure(data: object, cls: type[T]) -> T:
    """Structure plain data into *cls* with the library's strict converter."""
    return converter.structure(data, cls)


def unstructure(obj: object) -> Any:
    """Turn a model into plain, JSON-compatible data."""
    return converter.unstructure(obj)


def _join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else part


def problems_of(exc: BaseException, path: str = "") -> Iterator[tuple[str, str]]:
    """Flatten a cattrs validation error into ``(key path, message)`` pairs."""
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without_notes = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, IterableValidationNote):
                sub_path = _join(path, int(note.index))
            else:
                sub_path = _join(path, note.name)
            yield from problems_of(sub, sub_path)
        for sub in without_notes:
            yield from problems_of(sub, path)
    elif isinstance(exc, BaseValidationError):  # pragma: no cover - other groups
        for sub in exc.exceptions:
            yield from problems_of(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield _join(path, key), "unknown key"
    elif isinstance(exc, KeyError):
        yield path, "required key is missing"
    elif isinstance(exc, FieldError):
        yield (f"{path}.{exc.key}" if path else exc.key), exc.message
    elif isinstance(exc, _StrictTypeError | ValueError | TypeError):
        yield path, str(exc)
    else:
        yield path, f"{type(exc).__name__}: {exc}"
