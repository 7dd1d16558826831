"""Decks: constraints hold for any feasible spec, determinism, escalation, errors, exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intimacy import Depth, LoveLanguage, Relationship, Theme, load_catalog
from intimacy._deck import (
    CARD_FORMATS,
    CARD_KINDS,
    DeckError,
    DeckSpec,
    candidates,
    question_of_the_day,
    select,
)
from intimacy._engine import Engine
from intimacy._export import (
    ExportError,
    export,
    neutralise_cell,
    render_deck,
    to_json,
    write_atomic,
)
from tests.test_cli import run

CATALOG = load_catalog()
ENGINE = Engine("en")

depth_pairs = st.tuples(st.sampled_from(Depth), st.sampled_from(Depth)).map(sorted)
specs = st.builds(
    lambda rel, n, depths, per_level, themes, exclude, weights, remote, care, seed, history: (
        DeckSpec(
            rel,
            count=n,
            min_depth=depths[0],
            max_depth=depths[1],
            min_per_level=per_level,
            themes=themes,
            exclude_themes=exclude,
            love_language_weights=weights,
            remote_only=remote,
            allow_care_noted=care,
            seed=seed,
            history=history,
        )
    ),
    st.sampled_from(Relationship),
    st.integers(1, 40),
    depth_pairs,
    st.integers(0, 15),
    st.lists(st.sampled_from(Theme), max_size=3),
    st.lists(st.sampled_from(Theme), max_size=2),
    st.dictionaries(st.sampled_from(LoveLanguage), st.floats(0, 10), max_size=3),
    st.booleans(),
    st.booleans(),
    st.integers(0, 2**32),
    st.sets(st.sampled_from([p.id for p in CATALOG.prompts[:300]]), max_size=30),
)


@given(specs)
def test_deck_satisfies_every_constraint_or_raises(spec: DeckSpec) -> None:
    try:
        deck = select(CATALOG, spec)
    except DeckError as exc:
        message = str(exc)
        deck = None
    if deck is None:
        assert "were asked" in message
        assert spec.relationship.value in message
        return
    assert len(deck.prompts) == spec.size
    ids = [p.id for p in deck.prompts]
    assert len(set(ids)) == len(ids)  # never repeats
    assert not set(ids) & spec.history
    depths = [p.depth for p in deck.prompts]
    assert depths == sorted(depths)  # never steps down
    for prompt in deck.prompts:
        exercise = CATALOG[prompt.exercise_id]
        assert spec.relationship in prompt.relationships
        assert spec.min_depth <= prompt.depth <= spec.max_depth
        assert prompt.kind in CARD_KINDS
        assert exercise.format in CARD_FORMATS
        if spec.themes:
            assert set(exercise.themes) & set(spec.themes)
        assert not set(exercise.themes) & set(spec.exclude_themes)
        if spec.remote_only:
            assert exercise.remote_friendly
        if not spec.allow_care_noted:
            assert not exercise.care_notes


@given(specs)
def test_same_seed_gives_byte_identical_json(spec: DeckSpec) -> None:
    try:
        first = to_json(render_deck(select(CATALOG, spec), CATALOG, ENGINE))
    except DeckError:
        return
    again = to_json(render_deck(select(load_catalog(), spec), CATALOG, Engine("en")))
    assert first == again


def test_escalation_respects_the_minimum_per_level() -> None:
    deck = select(CATALOG, DeckSpec(Relationship.FRIEND, count=12, min_per_level=15))
    assert {p.depth for p in deck.prompts} == {Depth.LIGHT}  # 15 light before moving up
    deck = select(CATALOG, DeckSpec(Relationship.FRIEND, count=30, min_per_level=10))
    assert [p.depth for p in deck.prompts].count(Depth.LIGHT) == 10


def test_infeasible_spec_says_what_ran_short() -> None:
    spec = DeckSpec(
        Relationship.COLLEAGUE, count=60, themes=[Theme.FORGIVENESS], min_depth=Depth.DEEP
    )
    with pytest.raises(DeckError) as info:
        select(CATALOG, spec)
    message = str(info.value)
    available = len(candidates(CATALOG, spec)[Depth.DEEP])
    assert available < 60
    assert f"{available} deep prompts match relationship=colleague and theme=forgiveness" in message
    assert "60 were asked" in message


def test_love_language_weights_shift_the_deck() -> None:
    lang = LoveLanguage.WORDS_OF_AFFIRMATION
    plain = weighted = 0
    for seed in range(40):
        base = DeckSpec(Relationship.FRIEND, count=12, seed=seed)
        heavy = DeckSpec(Relationship.FRIEND, count=12, seed=seed, love_language_weights={lang: 8})
        plain += sum(lang in p.love_languages for p in select(CATALOG, base).prompts)
        weighted += sum(lang in p.love_languages for p in select(CATALOG, heavy).prompts)
    assert weighted > plain * 1.3


def test_turns_alternate_who_answers_first() -> None:
    spec = DeckSpec(Relationship.FRIEND, participants=["Sam", "Alex", "Kim"], count=6)
    rendered = render_deck(select(CATALOG, spec), CATALOG, ENGINE)
    assert [c.first for c in rendered.cards] == ["Sam", "Alex", "Kim"] * 2


def test_question_of_the_day() -> None:
    start = dt.date(2026, 1, 1)
    days = [
        question_of_the_day(CATALOG, Relationship.FAMILY, start + dt.timedelta(d))
        for d in range(200)
    ]
    assert len({p.id for p in days}) == 200  # no repeat within 200 days
    assert days[0] == question_of_the_day(CATALOG, Relationship.FAMILY, start)
    assert all(Relationship.FAMILY in p.relationships for p in days)
    other_seed = [
        question_of_the_day(CATALOG, Relationship.FAMILY, start + dt.timedelta(d), seed=1)
        for d in range(30)
    ]
    assert [p.id for p in other_seed] != [p.id for p in days[:30]]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("   =HYPERLINK()", "'   =HYPERLINK()"),
        ("Sam", "Sam"),
    ],
)
def test_csv_cells_are_neutralised(cell: str, expected: str) -> None:
    assert neutralise_cell(cell) == expected


def test_csv_export_neutralises_names() -> None:
    spec = DeckSpec(Relationship.FRIEND, participants=["=cmd|' /C calc'!A0", "@Alex"], count=4)
    text = export(render_deck(select(CATALOG, spec), CATALOG, ENGINE), "csv", ENGINE)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["number", "id", "exercise_id", "depth", "kind", "first", "text"]
    firsts = [row[5] for row in rows[1:]]
    assert firsts == ["'=cmd|' /C calc'!A0", "'@Alex"] * 2
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_html_export_escapes_names_and_sets_lang() -> None:
    spec = DeckSpec(Relationship.FRIEND, participants=["<script>x</script>", "Alex"], count=4)
    html = export(render_deck(select(CATALOG, spec), CATALOG, ENGINE), "html", ENGINE)
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;" in html
    assert '<html lang="en" dir="ltr">' in html
    assert html.count('class="card"') == 4
    assert "@page" in html


def test_json_schema() -> None:
    spec = DeckSpec(Relationship.PARTNER, count=5, seed=9)
    data = json.loads(to_json(render_deck(select(CATALOG, spec), CATALOG, ENGINE)))
    assert data["schema_version"] == 1
    assert data["locale"] == "en"
    assert data["seed"] == 9
    assert data["spec"]["relationship"] == "partner"
    assert len(data["content_version"]) == 16
    assert [set(p) for p in data["prompts"]] == [
        {"id", "exercise_id", "depth", "kind", "text", "first"}
    ] * 5


def test_atomic_write_replaces_only_when_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deck.txt"
    target.write_text("old deck")
    write_atomic(target, "new deck")
    assert target.read_text() == "new deck"

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="No space left"):
        write_atomic(target, "half-written")
    assert target.read_text() == "new deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.txt"]


def test_atomic_write_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "deck.txt", "x")
    occupied = tmp_path / "taken"
    occupied.mkdir()
    with pytest.raises(ExportError):
        write_atomic(occupied, "x")  # a folder cannot be replaced by a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]  # no temporary file left
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        with pytest.raises(ExportError):
            write_atomic(folder / "deck.txt", "x")
    finally:
        folder.chmod(0o700)


def test_cli_deck_writes_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "deck.json"
    code, stdout, err = run(
        capsys,
        "deck",
        "--relationship",
        "friend",
        "--name",
        "Sam",
        "--name",
        "Alex",
        "--count",
        "6",
        "--seed",
        "4",
        "--format",
        "json",
        "--output",
        str(out),
    )
    assert (code, stdout, err) == (0, "", "")
    first = json.loads(out.read_text())
    assert len(first["prompts"]) == 6
    code, stdout, _ = run(
        capsys,
        "deck",
        "--relationship",
        "friend",
        "--count",
        "6",
        "--seed",
        "4",
        "--format",
        "json",
        "--exclude-seen",
        str(out),
    )
    assert code == 0
    second = {p["id"] for p in json.loads(stdout)["prompts"]}
    assert not second & {p["id"] for p in first["prompts"]}


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["deck"], "Missing option '--relationship'"),
        (["deck", "--relationship", "friend", "--depth", "medium"], "--depth"),
        (["deck", "--relationship", "friend", "--love-language", "hugs"], "--love-language"),
        (["deck", "--relationship", "friend", "--count", "0"], "--count"),
        (
            ["deck", "--relationship", "colleague", "--theme", "forgiveness", "--count", "50"],
            "were asked",
        ),
        (
            ["deck", "--relationship", "friend", "--output", "/no/such/dir/deck.txt"],
            "does not exist",
        ),
        (["deck", "--relationship", "friend", "--depth", "deep:light"], "deeper than"),
    ],
)
def test_cli_deck_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code != 0
    assert out == ""
    assert err.startswith("intimacy: error: ")
    assert err.count("\n") == 1
    assert fragment in err


@given(st.integers(0, 10_000))
def test_deck_of_every_relationship_renders(seed: int) -> None:
    for relationship in Relationship:
        deck = select(CATALOG, DeckSpec(relationship, count=12, seed=seed))
        rendered = render_deck(deck, CATALOG, ENGINE)
        assert all("{{" not in c.text for c in rendered.cards)
