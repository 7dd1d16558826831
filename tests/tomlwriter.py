"""A tiny TOML writer for test fixtures (inline tables and arrays only)."""

from __future__ import annotations

import json
from typing import Any


def value(v: Any) -> str:
    """One TOML value."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, list | tuple):
        return "[" + ", ".join(value(item) for item in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + "}"
    msg = f"cannot write {type(v).__name__} as TOML"
    raise TypeError(msg)


def dumps(data: dict[str, Any]) -> str:
    """A TOML document with one ``key = value`` line per top-level key."""
    return "".join(f"{json.dumps(k)} = {value(v)}\n" for k, v in data.items() if v is not None)
