"""Protocols: the closeness protocol, the Protocol model's rules, rendering and the CLI."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from intimacy import (
    ClosingRitual,
    Depth,
    Engine,
    Person,
    Protocol,
    ProtocolError,
    ProtocolSet,
    Relationship,
    closeness_protocol,
    load_catalog,
    render_protocol,
)
from tests.test_cli import run

CATALOG = load_catalog()
EXERCISE = CATALOG["closeness-questions"]


def test_closeness_protocol_has_three_rising_sets_of_the_exercise_prompts() -> None:
    protocol = closeness_protocol(CATALOG)
    assert [s.number for s in protocol.sets] == [1, 2, 3]
    assert [{p.depth for p in s.prompts} for s in protocol.sets] == [
        {Depth.LIGHT},
        {Depth.PERSONAL},
        {Depth.DEEP},
    ]
    asked = [p for s in protocol.sets for p in s.prompts]
    # Every prompt of the exercise, once, in the file's order within each depth.
    assert sorted(p.id for p in asked) == sorted(p.id for p in EXERCISE.prompts)
    for item in protocol.sets:
        in_file = [p for p in EXERCISE.prompts if p.depth is item.prompts[0].depth]
        assert list(item.prompts) == in_file
    assert all(len(s.prompts) == 12 for s in protocol.sets)
    assert protocol.closing is not None
    assert "eyes" in EXERCISE.steps[protocol.closing.step - 1]


@given(st.integers(1, 240), st.booleans())
def test_total_minutes_add_up(minutes: int, closing: bool) -> None:
    protocol = closeness_protocol(CATALOG, minutes_per_set=minutes, closing=closing)
    assert all(s.minutes == minutes for s in protocol.sets)
    assert (protocol.closing is not None) is closing
    assert protocol.minutes == 3 * minutes + (4 if closing else 0)


@pytest.mark.parametrize("minutes", [0, -1, 241])
def test_set_minutes_out_of_range_are_refused(minutes: int) -> None:
    with pytest.raises(ValueError, match="minutes"):
        closeness_protocol(CATALOG, minutes_per_set=minutes)


def test_colleague_is_refused_with_the_relationships_it_suits() -> None:
    with pytest.raises(ProtocolError, match=r"relationship=colleague; it suits partner"):
        closeness_protocol(CATALOG, relationship=Relationship.COLLEAGUE)


def test_a_catalog_without_the_exercise_is_refused() -> None:
    other = CATALOG.find(theme=None)
    smaller = type(CATALOG)([e for e in other if e.id != "closeness-questions"])
    with pytest.raises(ProtocolError, match="no exercise 'closeness-questions'"):
        closeness_protocol(smaller)


def test_protocol_rules() -> None:
    good = closeness_protocol(CATALOG)
    light, personal, deep = good.sets
    with pytest.raises(ValueError, match="steps down from personal to light"):
        attrs.evolve(
            good,
            sets=(
                ProtocolSet(number=1, minutes=5, prompts=personal.prompts),
                ProtocolSet(number=2, minutes=5, prompts=light.prompts),
            ),
        )
    with pytest.raises(ValueError, match="appears twice"):
        attrs.evolve(
            good,
            sets=(light, ProtocolSet(number=2, minutes=5, prompts=light.prompts[:1])),
        )
    with pytest.raises(ValueError, match="set 3 is in position 2"):
        attrs.evolve(good, sets=(light, deep))
    stranger = CATALOG["opening-ladder"].prompts[:1]
    with pytest.raises(ValueError, match="is not part of exercise closeness-questions"):
        attrs.evolve(good, sets=(ProtocolSet(number=1, minutes=5, prompts=stranger),))
    with pytest.raises(ValueError, match="names step 99"):
        attrs.evolve(good, closing=ClosingRitual(minutes=4, step=99))
    with pytest.raises(ValueError, match="at least one set"):
        attrs.evolve(good, sets=())
    with pytest.raises(ValueError, match="has no prompts"):
        ProtocolSet(number=1, minutes=5, prompts=())
    with pytest.raises(ValueError, match="does not suit relationship=colleague"):
        Protocol(exercise=EXERCISE, relationship=Relationship.COLLEAGUE, sets=good.sets)


def test_rendering_alternates_who_answers_first_across_the_whole_protocol() -> None:
    rendered = render_protocol(closeness_protocol(CATALOG), Engine("en"), ["Sam", "Alex"])
    cards = [c for s in rendered.sets for c in s.cards]
    assert [c.number for c in cards] == list(range(1, 37))
    assert [c.first for c in cards] == ["Sam", "Alex"] * 18
    assert rendered.closing == EXERCISE.steps[-1]
    assert rendered.care_notes == EXERCISE.care_notes
    assert rendered.duration == "49 minutes"
    assert [s.duration for s in rendered.sets] == ["15 minutes"] * 3


def test_rendering_without_names_uses_turn_labels_and_refuses_three_people() -> None:
    rendered = render_protocol(closeness_protocol(CATALOG, closing=False), Engine("en"))
    assert [c.first for c in rendered.sets[0].cards[:3]] == ["P1", "P2", "P1"]
    assert rendered.closing is None
    with pytest.raises(ProtocolError, match="is for 2 people; 3 were given"):
        render_protocol(closeness_protocol(CATALOG), Engine("en"), [Person("A"), "B", "C"])


def test_durations_follow_the_locale() -> None:
    rendered = render_protocol(closeness_protocol(CATALOG), Engine("pl"))
    # Polish plural forms: 15 and 49 take "minut", 4 takes "minuty".
    assert rendered.sets[0].duration == "15 minut"
    assert rendered.closing_duration == "4 minuty"


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "protocol", "closeness", "--name", "Sam", "--name", "Alex", "--format", "json"
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["protocol"] == "closeness-questions"
    assert [len(s["prompts"]) for s in data["sets"]] == [12, 12, 12]
    firsts = [p["first"] for s in data["sets"] for p in s["prompts"]]
    assert firsts == ["Sam", "Alex"] * 18
    assert data["closing"] == EXERCISE.steps[-1]


def test_cli_text_and_markdown_with_and_without_closing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "protocol", "closeness", "--format", "markdown")
    assert code == 0
    assert out.count("\n## Set ") == 3
    assert "## Closing (4 minutes)" in out
    code, out, _ = run(capsys, "protocol", "closeness", "--no-closing", "--minutes-per-set", "10")
    assert code == 0
    assert "Closing" not in out
    assert out.startswith(f"{EXERCISE.title} (30 minutes)")
    assert "Set 3 (10 minutes)" in out
    assert "not therapy" in out


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["--name", "A", "--name", "B", "--name", "C"], 1, "is for 2 people; 3 were given"),
        (["--relationship", "colleague"], 2, "'colleague' is not one of"),
        (["--minutes-per-set", "0"], 2, "0 is not in the range"),
        (["--name", "x" * 100, "--name", "B"], 1, "64"),
    ],
)
def test_cli_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], status: int, message: str
) -> None:
    code, out, err = run(capsys, "protocol", "closeness", *args)
    assert code == status
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("intimacy: error: ")
    assert message in err
