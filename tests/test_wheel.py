"""The wheel: built, installed into a fresh virtual environment, used outside the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from intimacy import LOCALES, load_catalog

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    repo = Path(__file__).resolve().parent.parent
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(repo)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("intimacy-*.whl")
    return built


def test_wheel_contains_the_exercises_and_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "intimacy/py.typed" in names
    assert {"intimacy/templates/exercise.txt", "intimacy/templates/exercise.html"} <= names
    shipped = {n.rsplit("/", 1)[1] for n in names if n.startswith("intimacy/_data/exercises/")}
    assert shipped == {f"{e.id}.toml" for e in load_catalog()}
    compiled = {n for n in names if n.endswith(".mo")}
    assert compiled == {
        f"intimacy/_data/locales/{loc}/LC_MESSAGES/intimacy.mo" for loc in LOCALES if loc != "en"
    }
    assert "intimacy/_data/locales/stats.json" in names
    assert "intimacy/_data/catalog.json" in names
    assert not any(n.endswith(".po") for n in names)


def test_installed_wheel_lists_every_exercise(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [
            str(bindir / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    clean_env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}

    def installed(program: str, *args: str) -> str:
        return subprocess.run(
            [str(bindir / program), *args],
            cwd=outside,
            capture_output=True,
            text=True,
            check=True,
            env=clean_env,
        ).stdout

    data = json.loads(installed("intimacy", "exercises", "--format", "json"))
    source = load_catalog()
    assert [e["id"] for e in data["exercises"]] == [e.id for e in source]
    assert sum(len(e["prompts"]) for e in data["exercises"]) == len(source.prompts)
    # The installed package reads its own copy, not this checkout.
    where = installed(
        "python", "-c", "import intimacy._resources as r; print(r.builtin_exercises_dir())"
    ).strip()
    assert Path(where).is_relative_to(env_dir)
    compiled = installed(
        "python", "-c", "import intimacy._resources as r; print(r.compiled_catalog_path())"
    ).strip()
    assert Path(compiled).is_relative_to(env_dir)
    # Localized decks come from the compiled catalogs inside the wheel.
    english = {p.id: p.text for p in source.prompts}
    for locale in ("de", "ar"):
        deck = json.loads(
            installed(
                *("intimacy", "deck", "--relationship", "friend", "--locale", locale),
                *("--format", "json", "--count", "3"),
            )
        )
        assert deck["locale"] == locale
        assert all(card["text"] != english[card["id"]] for card in deck["prompts"])
    listed = json.loads(installed("intimacy", "locales", "--format", "json"))
    assert [d["locale"] for d in listed["locales"]] == list(LOCALES)
    assert all(d["percent"] == 100.0 for d in listed["locales"])
