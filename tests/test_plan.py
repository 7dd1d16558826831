"""Practice plans: constraints, the iCalendar export across DST, stable UIDs, errors, CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy import Engine, Relationship, Theme, load_catalog
from intimacy._plan import (
    WEEKDAYS,
    PlanError,
    PlanSpec,
    build_plan,
    plan_to_ics,
    plan_to_json,
    plan_to_markdown,
)
from tests.test_cli import run

CATALOG = load_catalog()
ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"]


def _events(ics: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(ics)
    return [c for c in calendar.walk("VEVENT") if isinstance(c, icalendar.Event)]


specs = st.builds(
    PlanSpec,
    st.sampled_from(list(Relationship)),
    start=st.dates(dt.date(2025, 1, 1), dt.date(2030, 12, 31)),
    weekdays=st.sets(st.integers(0, 6), min_size=1).map(sorted),
    weeks=st.integers(1, 10),
    time=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    timezone=st.sampled_from(ZONES),
    minutes=st.integers(5, 90),
    seed=st.integers(0, 2**32),
)


@settings(max_examples=25)
@given(specs)
def test_plan_constraints_hold_for_any_valid_input(spec: PlanSpec) -> None:
    plan = build_plan(CATALOG, spec)
    sessions = plan.sessions
    assert len(sessions) == spec.weeks * len(spec.weekdays)
    assert [s.number for s in sessions] == list(range(1, len(sessions) + 1))
    zone = ZoneInfo(spec.timezone)
    for session in sessions:
        local = session.start.astimezone(zone)
        assert local.weekday() in spec.weekdays
        assert (local.hour, local.minute) == (spec.time.hour, spec.time.minute)
        assert spec.start <= local.date() < spec.start + dt.timedelta(weeks=spec.weeks)
        assert spec.relationship in session.exercise.relationships
        assert all(p.depth <= session.depth for p in session.prompts)
        assert not session.exercise.care_notes
    # Time order, depth never steps down, one check-in per week and it comes first.
    assert [s.start for s in sessions] == sorted(s.start for s in sessions)
    assert [s.depth for s in sessions] == sorted(s.depth for s in sessions)
    for week in range(1, spec.weeks + 1):
        this_week = [s for s in sessions if s.week == week]
        assert [s.check_in for s in this_week] == [True] + [False] * (len(this_week) - 1)
        assert Theme.CHECK_INS in this_week[0].exercise.themes
    ids = [p.id for s in sessions for p in s.prompts]
    assert len(ids) == len(set(ids))
    assert build_plan(CATALOG, spec) == plan


def test_depth_rises_from_light_to_deep() -> None:
    spec = PlanSpec(Relationship.FRIEND, start=dt.date(2026, 12, 1), weekdays=["tue"], weeks=6)
    depths = [s.depth.value for s in build_plan(CATALOG, spec).sessions]
    assert depths == ["light", "light", "personal", "personal", "deep", "deep"]


def test_themes_rotate() -> None:
    themes = [Theme.APPRECIATION, Theme.LISTENING, Theme.CURIOSITY]
    spec = PlanSpec(
        Relationship.PARTNER,
        start=dt.date(2026, 12, 1),
        weekdays=["mon", "wed", "fri", "sun"],
        weeks=3,
        themes=themes,
    )
    others = [s for s in build_plan(CATALOG, spec).sessions if not s.check_in]
    assert len(others) == 9
    for start in range(0, 9, 3):
        window = others[start : start + 3]
        practised = [set(s.exercise.themes) & set(themes) for s in window]
        assert all(practised)
        covered = set().union(*practised)
        assert covered == set(themes)


def test_ics_events_fall_on_the_local_weekday_and_time_across_dst() -> None:
    # Berlin moves to summer time on 28 March 2027 and back on 31 October 2027.
    for start in (dt.date(2027, 3, 15), dt.date(2027, 10, 18)):
        spec = PlanSpec(
            Relationship.PARTNER,
            start=start,
            weekdays=["mon", "thu"],
            weeks=4,
            time=dt.time(19, 30),
            timezone="Europe/Berlin",
        )
        events = _events(plan_to_ics(build_plan(CATALOG, spec), Engine("de")))
        assert len(events) == 8
        offsets = set()
        for event in events:
            start_at = event.decoded("dtstart")
            assert str(start_at.tzinfo) == "Europe/Berlin"
            assert start_at.weekday() in {0, 3}
            assert (start_at.hour, start_at.minute) == (19, 30)
            offsets.add(start_at.utcoffset())
            assert event.decoded("duration") == dt.timedelta(minutes=30)
            alarms = [c for c in event.subcomponents if c.name == "VALARM"]
            assert len(alarms) == 1
            assert alarms[0].decoded("trigger") == dt.timedelta(minutes=-30)
            assert str(event["summary"])
            assert str(event["description"])
        assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}  # the change is crossed
        raw = plan_to_ics(build_plan(CATALOG, spec), Engine("de"))
        assert "BEGIN:VTIMEZONE" in raw
        assert "TZID:Europe/Berlin" in raw


def test_uids_are_unique_and_stable() -> None:
    spec = PlanSpec(Relationship.FAMILY, start=dt.date(2026, 12, 1), weekdays=[0, 2, 4], weeks=5)
    first = plan_to_ics(build_plan(CATALOG, spec), Engine("en"))
    again = plan_to_ics(build_plan(CATALOG, spec), Engine("en"))
    assert first == again  # byte for byte
    uids = [str(e["uid"]) for e in _events(first)]
    assert len(uids) == len(set(uids)) == 15
    other = PlanSpec(
        Relationship.FAMILY, start=dt.date(2026, 12, 1), weekdays=[0, 2, 4], weeks=5, seed=1
    )
    other_uids = {
        str(e["uid"]) for e in _events(plan_to_ics(build_plan(CATALOG, other), Engine("en")))
    }
    assert not set(uids) & other_uids


def test_ics_text_is_localized() -> None:
    spec = PlanSpec(Relationship.PARTNER, start=dt.date(2026, 12, 1), weekdays=["tue"], weeks=2)
    plan = build_plan(CATALOG, spec)
    english = _events(plan_to_ics(plan, Engine("en")))
    german = _events(plan_to_ics(plan, Engine("de")))
    for en, de, session in zip(english, german, plan.sessions, strict=True):
        assert str(en["summary"]) == session.exercise.title
        assert str(de["summary"]) == Engine("de").translations.pgettext(
            f"{session.exercise.id}.title", session.exercise.title
        )
        assert str(de["summary"]) != str(en["summary"])


def test_markdown_and_json_show_localized_dates() -> None:
    spec = PlanSpec(
        Relationship.FRIEND,
        start=dt.date(2026, 12, 1),
        weekdays=["tue"],
        weeks=1,
        time=dt.time(19, 30),
        timezone="Europe/Berlin",
    )
    plan = build_plan(CATALOG, spec)
    assert "Dienstag, 1. Dezember 2026, 19:30" in plan_to_markdown(plan, Engine("de"))
    assert "Tuesday, December 1, 2026" in plan_to_markdown(plan, Engine("en"))
    data = json.loads(plan_to_json(plan, Engine("fr")))
    assert data["sessions"][0]["weekday"] == "mardi"
    assert data["sessions"][0]["start"] == "2026-12-01T19:30:00+01:00"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"timezone": "Mars/Olympus"}, "unknown time zone 'Mars/Olympus'"),
        ({"timezone": "../../etc/passwd"}, "unknown time zone"),
        ({"weekdays": []}, "at least one weekday"),
        ({"weekdays": ["funday"]}, "unknown weekday 'funday'"),
        ({"weekdays": [7]}, "0 (Monday) to 6 (Sunday)"),
        ({"weeks": 0}, "weeks must be between 1 and 52; got 0"),
        ({"weeks": 53}, "weeks must be between 1 and 52"),
        ({"minutes": 0}, "minutes per session must be between 5 and 180"),
    ],
)
def test_invalid_input_is_a_clear_error(changes: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"start": dt.date(2026, 12, 1), "weekdays": ["mon"]}
    arguments.update(changes)
    with pytest.raises(PlanError, match=message.replace("(", r"\(").replace(")", r"\)")):
        PlanSpec(Relationship.PARTNER, **arguments)  # type: ignore[arg-type]


def test_weekday_names() -> None:
    assert WEEKDAYS[0] == "mon"
    spec = PlanSpec(Relationship.PARTNER, start=dt.date(2026, 12, 1), weekdays=["Thursday", "MON"])
    assert spec.weekdays == (0, 3)


def test_cli_plan_ics(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "plan.ics"
    code, out, err = run(
        capsys, "plan", "--weeks", "6", "--start", "2026-12-01", "--days", "mon,thu",
        "--time", "19:30", "--tz", "Europe/Berlin", "--locale", "de", "--format", "ics",
        "--output", str(out_file),
    )  # fmt: skip
    assert (code, out, err) == (0, "", "")
    events = _events(out_file.read_text(encoding="utf-8"))
    assert len(events) == 12
    assert all(e.decoded("dtstart").weekday() in {0, 3} for e in events)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tz", "Nowhere/City"], "unknown time zone"),
        (["--days", ","], "at least one weekday"),
        (["--weeks", "0"], "weeks must be between 1 and 52"),
        (["--start", "tomorrow"], "YYYY-MM-DD"),
        (["--time", "7pm"], "HH:MM"),
    ],
)
def test_cli_plan_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "plan", "--start", "2026-12-01", *args)
    assert code in {1, 2}
    assert out == ""
    assert err.startswith("intimacy: error: ")
    assert err.count("\n") == 1
    assert message in err


def test_a_profile_leans_the_plan_toward_the_receivers_languages() -> None:
    from intimacy import LoveLanguage, Profile, Scores

    receiver = Profile(receive=Scores(physical_touch=12))
    plain = leaning = 0
    for seed in range(10):
        spec = PlanSpec(
            Relationship.PARTNER, start=dt.date(2026, 12, 1), weekdays=[1, 4], weeks=4, seed=seed
        )
        lean = PlanSpec(
            Relationship.PARTNER,
            start=dt.date(2026, 12, 1),
            weekdays=[1, 4],
            weeks=4,
            seed=seed,
            profiles=[receiver],
        )
        touch = LoveLanguage.PHYSICAL_TOUCH
        plain += sum(touch in s.exercise.love_languages for s in build_plan(CATALOG, spec).sessions)
        leaning += sum(
            touch in s.exercise.love_languages for s in build_plan(CATALOG, lean).sessions
        )
    assert leaning > plain
