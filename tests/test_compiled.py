"""The compiled catalog that ships in the wheel equals the catalog loaded from the TOML files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intimacy import Catalog, load_exercise_dir
from intimacy._compiled import FORMAT_VERSION, compile_catalog, load_compiled
from intimacy._resources import builtin_exercises_dir


def test_compiled_catalog_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text(compile_catalog(builtin_exercises_dir()), encoding="utf-8")
    source = load_exercise_dir(builtin_exercises_dir())
    exercises, version = load_compiled(path)
    compiled = Catalog(exercises, version=version)
    assert compiled == source
    assert compiled.content_version == version == source.content_version
    for mine, theirs in zip(compiled, source, strict=True):
        assert mine == theirs
        assert hash(mine) == hash(theirs)
        assert all(type(a) is type(b) for a, b in zip(mine.prompts, theirs.prompts, strict=True))
    assert compiled.find_prompts(depth=source.prompts[0].depth) == source.find_prompts(
        depth=source.prompts[0].depth
    )


def test_compiling_validates_the_sources(tmp_path: Path) -> None:
    from intimacy import CatalogError

    (tmp_path / "broken.toml").write_text('id = "broken"\n', encoding="utf-8")
    with pytest.raises(CatalogError):
        compile_catalog(tmp_path)


def test_a_compiled_file_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps({"format": FORMAT_VERSION + 1, "exercises": []}), encoding="utf-8")
    with pytest.raises(ValueError, match="compiled catalog format"):
        load_compiled(path)
