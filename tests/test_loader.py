"""Loading exercise files: every kind of malformed file is a CatalogError naming file and key."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from intimacy import CatalogError, Exercise, load_catalog, load_exercise_dir
from intimacy._cli import main
from tests import tomlwriter

VALID: dict[str, Any] = {
    "id": "sample",
    "title": "A sample",
    "summary": "A short summary.",
    "why": "Because it helps.",
    "themes": ["listening"],
    "relationships": ["friend", "family"],
    "love_languages": ["quality_time"],
    "format": "conversation",
    "participants": {"min": 2, "max": 2},
    "duration_minutes": 10,
    "frequency": "weekly",
    "remote_friendly": True,
    "steps": ["Take turns.", "Talk with {{ other }}."],
    "prompts": [
        {"id": "first", "text": "What made you smile today?", "depth": "light", "kind": "question"},
        {
            "id": "second",
            "text": "Tell {{ other }} about a hope.",
            "depth": "deep",
            "kind": "action",
            "relationships": ["friend"],
        },
    ],
}


def write(folder: Path, data: dict[str, Any], name: str | None = None) -> Path:
    path = folder / f"{name or data['id']}.toml"
    path.write_text(tomlwriter.dumps(data), encoding="utf-8")
    return path


def changed(edit: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    edit(data)
    return data


def test_valid_file_loads(tmp_path: Path) -> None:
    write(tmp_path, VALID)
    catalog = load_exercise_dir(tmp_path)
    exercise = catalog["sample"]
    assert isinstance(exercise, Exercise)
    assert [p.id for p in exercise.prompts] == ["sample.first", "sample.second"]
    # Prompts inherit the exercise's relationships and love languages unless they narrow them.
    assert [r.value for r in exercise.prompts[0].relationships] == ["friend", "family"]
    assert [r.value for r in exercise.prompts[1].relationships] == ["friend"]
    assert [x.value for x in exercise.prompts[1].love_languages] == ["quality_time"]


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        target: Any = data
        *parents, last = path.split("/")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return edit


_DELETE = object()

MALFORMED = [
    ("unknown key", _set("colour", "blue"), "colour", "unknown key"),
    ("unknown prompt key", _set("prompts/0/mood", "x"), "prompts[0].mood", "unknown key"),
    ("wrong type", _set("duration_minutes", "ten"), "duration_minutes", "expected an integer"),
    ("float for int", _set("duration_minutes", 10.5), "duration_minutes", "expected an integer"),
    ("string for list", _set("themes", "listening"), "themes", "expected a list"),
    ("bool for string", _set("title", True), "title", "expected a string"),
    ("int for bool", _set("remote_friendly", 1), "remote_friendly", "expected true or false"),
    (
        "bad enum value",
        _set("prompts/1/depth", "medium"),
        "prompts[1].depth",
        "unknown value 'medium'",
    ),
    ("bad enum in list", _set("relationships/1", "stranger"), "relationships[1]", "unknown value"),
    ("missing key", _set("why", _DELETE), "why", "required key is missing"),
    (
        "prompt wider than exercise",
        _set("prompts/1/relationships", ["friend", "colleague"]),
        "prompts[1].relationships",
        "wider than the exercise",
    ),
    ("jinja syntax error", _set("prompts/0/text", "Hi {{ other }"), "prompts[0].text", "syntax"),
    ("unknown variable", _set("steps/1", "Talk to {{ partner }}."), "steps[1]", "'partner'"),
    ("blank text", _set("prompts/0/text", "   "), "prompts[0].text", "blank"),
    ("bad id", _set("id", "Not A Slug"), "id", "slug"),
    ("bad range", _set("participants", {"min": 4, "max": 2}), "participants.max", "min"),
    ("care tag without notes", _set("tags", ["betrayal"]), "care_notes", "care notes"),
    (
        "romantic content for friends",
        _set("prompts/0/tags", ["romantic"]),
        "prompts[0].relationships",
        "partners only",
    ),
]


@pytest.mark.parametrize(
    ("edit", "key", "message"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_malformed_file_names_file_and_key(
    tmp_path: Path, edit: Callable[[dict[str, Any]], None], key: str, message: str
) -> None:
    data = changed(edit)
    path = write(tmp_path, data, name="sample")
    with pytest.raises(CatalogError) as info:
        load_exercise_dir(tmp_path)
    problems = info.value.problems
    assert any(p.file == str(path) and p.key == key and message in p.message for p in problems), (
        problems
    )
    assert str(path) in str(info.value)


def test_every_problem_is_collected(tmp_path: Path) -> None:
    data = changed(_set("colour", "blue"))
    data["duration_minutes"] = "ten"
    data["prompts"][0]["depth"] = "medium"
    write(tmp_path, data)
    write(tmp_path, changed(_set("id", "other")), name="other")  # valid
    write(tmp_path, changed(_set("id", "third")) | {"format": "dance"}, name="third")
    with pytest.raises(CatalogError) as info:
        load_exercise_dir(tmp_path)
    keys = {(Path(p.file).name, p.key) for p in info.value.problems}
    assert keys == {
        ("sample.toml", "colour"),
        ("sample.toml", "duration_minutes"),
        ("sample.toml", "prompts[0].depth"),
        ("third.toml", "format"),
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'id = "sample"\ntitle = ', "invalid TOML"),
        (b'id = "sample"\nid = "again"\n', "invalid TOML"),  # a duplicate key
        (b'id = "sample"\ntitle = "caf\xe9"\n', "not UTF-8"),
        (b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "invalid TOML"),
    ],
    ids=["syntax", "duplicate key", "not utf-8", "deep nesting"],
)
def test_unparsable_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "sample.toml"
    path.write_bytes(content)
    with pytest.raises(CatalogError) as info:
        load_exercise_dir(tmp_path)
    (problem,) = info.value.problems
    assert problem.file == str(path)
    assert message in problem.message


def test_id_must_match_file_name(tmp_path: Path) -> None:
    write(tmp_path, VALID, name="elsewhere")
    with pytest.raises(CatalogError) as info:
        load_exercise_dir(tmp_path)
    assert [(Path(p.file).name, p.key) for p in info.value.problems] == [("elsewhere.toml", "id")]


def test_duplicate_id_across_folders(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write(first, VALID)
    write(second, VALID)
    with pytest.raises(CatalogError) as info:
        load_catalog(first, second, builtin=False)
    (problem,) = info.value.problems
    assert problem.file == str(second / "sample.toml")
    assert problem.key == "id"


def test_clash_with_builtin_catalog(tmp_path: Path) -> None:
    builtin_id = load_catalog().exercises[0].id
    data = copy.deepcopy(VALID)
    data["id"] = builtin_id
    write(tmp_path, data)
    with pytest.raises(CatalogError, match="already in the catalog"):
        load_catalog(tmp_path)


def test_app_folder_merges_with_builtin(tmp_path: Path) -> None:
    write(tmp_path, VALID)
    builtin = load_catalog()
    merged = load_catalog(tmp_path)
    assert len(merged) == len(builtin) + 1
    assert "sample" in merged
    assert all(e.id in merged for e in builtin)


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="not a folder"):
        load_exercise_dir(tmp_path / "missing")


@pytest.mark.parametrize(
    ("edit", "key", "message"), [m[1:] for m in MALFORMED[:6]], ids=[m[0] for m in MALFORMED[:6]]
)
def test_cli_reports_malformed_file_in_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edit: Callable[[dict[str, Any]], None],
    key: str,
    message: str,
) -> None:
    path = write(tmp_path, changed(edit), name="sample")
    with pytest.raises(SystemExit) as exit_info:
        main(["--exercises-dir", str(tmp_path), "exercises"])
    assert exit_info.value.code == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("intimacy: error: ")
    assert f"{path}: {key}: " in err
    assert message in err
