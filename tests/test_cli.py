"""The command line: listing, showing, and errors as one line with a non-zero exit."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from intimacy import Relationship, load_catalog
from intimacy._cli import main

CATALOG = load_catalog()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(list(args))
    out, err = capsys.readouterr()
    code = info.value.code
    assert isinstance(code, int)
    return code, out, err


def test_exercises_json_lists_everything(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "exercises", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [e["id"] for e in data["exercises"]] == [e.id for e in CATALOG]
    for item, exercise in zip(data["exercises"], CATALOG, strict=True):
        assert [p["id"] for p in item["prompts"]] == [p.id for p in exercise.prompts]
        for p, prompt in zip(item["prompts"], exercise.prompts, strict=True):
            assert p["text"] == prompt.text
            assert p["depth"] == prompt.depth.value
            assert p["kind"] == prompt.kind.value
            assert p["relationships"] == [r.value for r in prompt.relationships]
            assert p["love_languages"] == [x.value for x in prompt.love_languages]


@pytest.mark.parametrize("relationship", list(Relationship))
def test_exercises_filter_by_relationship(
    capsys: pytest.CaptureFixture[str], relationship: Relationship
) -> None:
    code, out, _ = run(
        capsys, "exercises", "--relationship", relationship.value, "--format", "json"
    )
    assert code == 0
    ids = [e["id"] for e in json.loads(out)["exercises"]]
    assert ids == [e.id for e in CATALOG if relationship in e.relationships]


def test_exercises_table_filtered_by_theme(capsys: pytest.CaptureFixture[str]) -> None:
    theme = CATALOG.exercises[0].themes[0]
    code, out, _ = run(capsys, "exercises", "--theme", theme.value)
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["ID", "Title", "Themes", "Prompts"]
    assert [row.split()[0] for row in rows] == sorted(e.id for e in CATALOG if theme in e.themes)


def test_show_formats(capsys: pytest.CaptureFixture[str]) -> None:
    exercise = CATALOG.exercises[0]
    code, out, _ = run(capsys, "show", exercise.id, "--format", "json")
    assert code == 0
    assert json.loads(out)["id"] == exercise.id
    code, out, _ = run(capsys, "show", exercise.id, "--format", "markdown")
    assert code == 0
    assert out.startswith(f"# {exercise.title}\n")
    assert out.count("\n1. ") == 1
    code, out, _ = run(capsys, "show", exercise.id)
    assert code == 0
    assert exercise.title in out
    assert "{{" not in out  # templates are filled in, never shown raw
    for step_number in range(1, len(exercise.steps) + 1):
        assert f"  {step_number}. " in out


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["show", "no-such-exercise"], 1, "no exercise with id 'no-such-exercise'"),
        (["exercises", "--theme", "nonsense"], 2, "'nonsense' is not one of"),
        (["exercises", "--format", "xml"], 2, "'xml' is not one of"),
        (["nonsense"], 2, "No such command"),
        (["show"], 2, "Missing argument"),
        (["--exercises-dir", "/no/such/folder", "exercises"], 1, "not a folder"),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], code: int, fragment: str
) -> None:
    status, out, err = run(capsys, *args)
    assert status == code
    assert out == ""
    assert err.startswith("intimacy: error: ")
    assert err.count("\n") == 1
    assert fragment in err


def test_console_script_runs_as_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "intimacy", "show", "no-such-exercise"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("intimacy: error: ")
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
