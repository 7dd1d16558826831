"""Practice plans: multi-week programmes of sessions, with localized schedules and calendars.

A plan places one session on each chosen weekday, at a local time in a time
zone, for a number of weeks from a start date.  The first session of every week
is a relationship check-in; the others rotate through the focus themes (or
follow a love-language profile).  Depth rises gradually across the weeks, from
light to deep, no prompt repeats within the plan, and the same inputs and seed
give the same plan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from collections.abc import Iterable
from typing import Any

import attrs

from intimacy._catalog import Catalog
from intimacy._engine import Engine, RenderContext
from intimacy._errors import IntimacyError
from intimacy._love import Profile, checked_profiles, language_weights
from intimacy._models import Depth, Exercise, ExerciseFormat, Prompt, Relationship, Theme
from intimacy._people import Person
from intimacy._version import __version__

__all__ = [
    "WEEKDAYS",
    "Plan",
    "PlanError",
    "PlanSpec",
    "Session",
    "build_plan",
    "plan_to_ics",
    "plan_to_json",
    "plan_to_markdown",
]

#: Weekday abbreviations as accepted by :class:`PlanSpec` and the CLI, Monday first.
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Minutes a prompt takes in a session, on average.
MINUTES_PER_PROMPT = 5
#: How long before a session its reminder fires, in minutes.
REMINDER_MINUTES = 30


class PlanError(IntimacyError, ValueError):
    """A plan cannot be built as asked; the message says which input is wrong."""


def _weekdays(value: Iterable[int | str]) -> tuple[int, ...]:
    days: set[int] = set()
    for day in value:
        if isinstance(day, str):
            key = day.strip().lower()[:3]
            if key not in WEEKDAYS:
                msg = f"unknown weekday {day!r:.20}; use {', '.join(WEEKDAYS)}"
                raise PlanError(msg)
            days.add(WEEKDAYS.index(key))
        elif isinstance(day, int) and 0 <= day <= 6:
            days.add(day)
        else:
            msg = f"a weekday is 0 (Monday) to 6 (Sunday) or a name; got {day!r:.20}"
            raise PlanError(msg)
    if not days:
        msg = "a plan needs at least one weekday"
        raise PlanError(msg)
    return tuple(sorted(days))


def _zone(name: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(name, str) or not name or len(name) > 64 or ".." in name:
        msg = f"unknown time zone {name!r:.40}"
        raise PlanError(msg)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        msg = f"unknown time zone {name!r:.40}; use an IANA name such as Europe/Berlin"
        raise PlanError(msg) from None
    return name


def _people(value: Iterable[Person | str]) -> tuple[Person, ...]:
    people = tuple(p if isinstance(p, Person) else Person(p) for p in value)
    return people or (Person(), Person())


def _themes(value: Iterable[Theme]) -> tuple[Theme, ...]:
    themes = tuple(value)
    if not all(isinstance(t, Theme) for t in themes):
        msg = "themes must be Theme members"
        raise PlanError(msg)
    return tuple(sorted(set(themes), key=lambda t: t.value))


def _profiles(value: Iterable[Profile]) -> tuple[Profile, ...]:
    return checked_profiles(value, PlanError)


def _weeks(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or not 1 <= value <= 52:
        msg = f"weeks must be between 1 and 52; got {value!r}"
        raise PlanError(msg)


def _minutes(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or not 5 <= value <= 180:
        msg = f"minutes per session must be between 5 and 180; got {value!r}"
        raise PlanError(msg)


@attrs.frozen
class PlanSpec:
    """What a plan should hold.

    >>> spec = PlanSpec(Relationship.PARTNER, start=dt.date(2026, 12, 1), weekdays=["mon", "thu"])
    >>> spec.weekdays, spec.weeks, spec.timezone
    ((0, 3), 6, 'UTC')

    Raises:
        PlanError: for no weekdays, an unknown weekday or time zone, or weeks or
            minutes out of range.
    """

    #: The relationship of the people taking part.
    relationship: Relationship = attrs.field(validator=attrs.validators.instance_of(Relationship))
    #: The first day the plan may place a session on.
    start: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    #: The weekdays of the sessions, 0 (Monday) to 6, or names such as ``"thu"``.
    weekdays: tuple[int, ...] = attrs.field(converter=_weekdays)
    #: How many weeks the plan runs.
    weeks: int = attrs.field(default=6, validator=_weeks)
    #: The local time each session starts.
    time: dt.time = attrs.field(
        default=dt.time(19, 0), validator=attrs.validators.instance_of(dt.time)
    )
    #: The IANA time zone of that local time, such as ``"Europe/Berlin"``.
    timezone: str = attrs.field(default="UTC", converter=_zone)
    #: The people taking part (names or people); two when none are given.
    participants: tuple[Person, ...] = attrs.field(default=(), converter=_people)
    #: Themes to rotate through (all themes when empty).
    themes: tuple[Theme, ...] = attrs.field(default=(), converter=_themes)
    #: Up to two love-language profiles whose receiving side the plan leans toward.
    profiles: tuple[Profile, ...] = attrs.field(default=(), converter=_profiles)
    #: The length of each session, in minutes.
    minutes: int = attrs.field(default=30, validator=_minutes)
    #: The seed; the same seed and spec give the same plan.
    seed: int = 0


@attrs.frozen
class Session:
    """One session of a plan."""

    #: The session's position, from 1.
    number: int
    #: The week it falls in, from 1.
    week: int
    #: When it starts, time-zone aware.
    start: dt.datetime
    #: How long it lasts, in minutes.
    minutes: int
    #: Whether it is the week's relationship check-in.
    check_in: bool
    #: The deepest depth allowed this week.
    depth: Depth
    #: The exercise practised.
    exercise: Exercise
    #: The prompts chosen for the session.
    prompts: tuple[Prompt, ...]


@attrs.frozen
class Plan:
    """A plan: its spec and its sessions, in time order."""

    #: What the plan was made for.
    spec: PlanSpec
    #: The sessions.
    sessions: tuple[Session, ...]


def _depth_for_week(week: int, weeks: int) -> Depth:
    """Light in the first third, personal in the middle, deep in the last third."""
    levels = list(Depth)
    return levels[min(len(levels) - 1, (week - 1) * len(levels) // weeks)]


def _dates(spec: PlanSpec) -> list[tuple[int, dt.date]]:
    """(week, date) of each session: ``weeks`` runs of seven days from the start."""
    out = []
    for week in range(1, spec.weeks + 1):
        first = spec.start + dt.timedelta(days=7 * (week - 1))
        days = [first + dt.timedelta(days=offset) for offset in range(7)]
        out += [(week, day) for day in sorted(days) if day.weekday() in spec.weekdays]
    return out


def _suits(exercise: Exercise, spec: PlanSpec) -> bool:
    return (
        spec.relationship in exercise.relationships
        and exercise.participants.fits(len(spec.participants))
        and not exercise.care_notes
        and exercise.format is not ExerciseFormat.WRITING
    )


def build_plan(catalog: Catalog, spec: PlanSpec) -> Plan:
    """Build the plan for *spec* from *catalog*.

    >>> from intimacy import load_catalog
    >>> spec = PlanSpec(Relationship.FRIEND, start=dt.date(2026, 12, 1), weekdays=["tue"], weeks=3)
    >>> plan = build_plan(load_catalog(), spec)
    >>> [(s.week, s.start.day, s.check_in, s.depth.value) for s in plan.sessions]
    [(1, 1, True, 'light'), (2, 8, True, 'personal'), (3, 15, True, 'deep')]

    Raises:
        PlanError: when the catalog has no check-in exercise or nothing for a
            theme, for this relationship.
    """
    from zoneinfo import ZoneInfo

    rng = random.Random(f"{spec.seed}:{spec.relationship.value}")  # noqa: S311 - reproducible
    zone = ZoneInfo(spec.timezone)
    pool = [e for e in catalog if _suits(e, spec)]
    check_ins = [e for e in pool if Theme.CHECK_INS in e.themes]
    if not check_ins:
        msg = f"no check-in exercise suits relationship={spec.relationship.value}"
        raise PlanError(msg)
    themes = list(spec.themes) or sorted(
        {t for e in pool for t in e.themes} - {Theme.CHECK_INS}, key=lambda t: t.value
    )
    for theme in themes:
        if not any(theme in e.themes for e in pool):
            msg = f"no exercise practises theme={theme.value} for {spec.relationship.value}"
            raise PlanError(msg)
    rng.shuffle(themes)
    rng.shuffle(check_ins)
    weights = language_weights(*spec.profiles)
    used_prompts: set[str] = set()
    used_exercises: dict[str, int] = {}
    sessions: list[Session] = []
    theme_turn = 0
    for number, (week, day) in enumerate(_dates(spec), 1):
        depth = _depth_for_week(week, spec.weeks)
        check_in = number == 1 or sessions[-1].week != week
        if check_in:
            choices = check_ins
        else:
            theme = themes[theme_turn % len(themes)]
            theme_turn += 1
            choices = [e for e in pool if theme in e.themes and Theme.CHECK_INS not in e.themes]
            choices = choices or [e for e in pool if theme in e.themes]

        ranks = {e.id: _rank(e, used_prompts, used_exercises, depth, weights) for e in choices}
        best = min(ranks.values())
        tied = sorted((e for e in choices if ranks[e.id] == best), key=lambda e: e.id)
        exercise = tied[rng.randrange(len(tied))]
        used_exercises[exercise.id] = used_exercises.get(exercise.id, 0) + 1
        wanted = max(1, spec.minutes // MINUTES_PER_PROMPT)
        fresh = [
            p
            for p in exercise.prompts
            if p.id not in used_prompts
            and p.depth <= depth
            and spec.relationship in p.relationships
        ]
        # The deepest prompts the week allows come first, so the depth rises.
        rng.shuffle(fresh)
        fresh.sort(key=lambda p: -p.depth.rank)
        prompts = tuple(sorted(fresh[:wanted], key=lambda p: (p.depth.rank, p.id)))
        used_prompts.update(p.id for p in prompts)
        start = dt.datetime.combine(day, spec.time, tzinfo=zone)
        sessions.append(
            Session(
                number=number,
                week=week,
                start=start,
                minutes=spec.minutes,
                check_in=check_in,
                depth=depth,
                exercise=exercise,
                prompts=prompts,
            )
        )
    return Plan(spec=spec, sessions=tuple(sessions))


def _rank(
    exercise: Exercise,
    used_prompts: set[str],
    used_exercises: dict[str, int],
    depth: Depth,
    weights: dict[Any, float],
) -> tuple[int, float]:
    """Lower is better: fresh exercises with unused prompts first, then profile lean."""
    fresh = any(p.id not in used_prompts and p.depth <= depth for p in exercise.prompts)
    lean = sum(weights[lang] for lang in exercise.love_languages)
    return (2 * used_exercises.get(exercise.id, 0) - int(fresh), -lean)


# -- exports ----------------------------------------------------------------------------


def _uid(plan: Plan, session: Session) -> str:
    from intimacy._convert import unstructure

    key = json.dumps(unstructure(plan.spec), sort_keys=True, default=str)
    digest = hashlib.sha256(f"{key}|{session.number}|{session.exercise.id}".encode()).hexdigest()
    return f"{digest[:32]}@intimacy"


def _rendered(plan: Plan, session: Session, engine: Engine) -> tuple[str, list[str], list[str]]:
    people = plan.spec.participants
    context = RenderContext(plan.spec.relationship, others=people[1:] or people)
    exercise = engine.render_exercise(session.exercise, context)
    prompts = [engine.render_prompt(p, context).text for p in session.prompts]
    return exercise.title, list(exercise.steps), prompts


def _when(session: Session, engine: Engine) -> tuple[str, str, str]:
    from babel.dates import format_date, format_time

    locale = engine.locale
    return (
        format_date(session.start.date(), format="full", locale=locale),
        format_time(session.start.timetz(), format="short", locale=locale),
        format_date(session.start.date(), format="EEEE", locale=locale),
    )


def plan_to_ics(plan: Plan, engine: Engine) -> str:
    """The plan as an iCalendar file: one event per session, each with a reminder.

    Events carry the localized exercise title, its steps and the prompts;
    start times are local times in the plan's time zone (with its VTIMEZONE);
    UIDs are stable for the same inputs; ``DTSTAMP`` is fixed to the plan's
    start so that the same inputs give the same bytes.
    """
    from icalendar import Alarm, Calendar, Event

    labels = engine.labels()
    calendar = Calendar()
    calendar.add("prodid", f"-//intimacy//intimacy {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", labels["plan"])
    stamp = dt.datetime.combine(plan.spec.start, dt.time(0, 0), tzinfo=dt.UTC)
    for session in plan.sessions:
        title, steps, prompts = _rendered(plan, session, engine)
        lines = [*[f"{n}. {step}" for n, step in enumerate(steps, 1)]]
        if prompts:
            lines += ["", labels["prompts"] + ":", *[f"- {p}" for p in prompts]]
        lines += ["", labels["pass"]]
        event = Event()
        event.add("uid", _uid(plan, session))
        event.add("dtstamp", stamp)
        event.add("dtstart", session.start)
        event.add("duration", dt.timedelta(minutes=session.minutes))
        event.add("summary", title)
        event.add("description", "\n".join(lines))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", dt.timedelta(minutes=-REMINDER_MINUTES))
        event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data.decode("utf-8")


def plan_to_json(plan: Plan, engine: Engine) -> str:
    """The plan as JSON, with localized texts and ISO times."""
    sessions = []
    for session in plan.sessions:
        title, steps, prompts = _rendered(plan, session, engine)
        date, time, weekday = _when(session, engine)
        sessions.append(
            {
                "number": session.number,
                "week": session.week,
                "uid": _uid(plan, session),
                "start": session.start.isoformat(),
                "date": date,
                "time": time,
                "weekday": weekday,
                "minutes": session.minutes,
                "check_in": session.check_in,
                "depth": session.depth.value,
                "exercise_id": session.exercise.id,
                "title": title,
                "steps": steps,
                "prompts": [
                    {"id": p.id, "text": text}
                    for p, text in zip(session.prompts, prompts, strict=True)
                ],
            }
        )
    data: dict[str, Any] = {
        "schema_version": 1,
        "library_version": __version__,
        "locale": engine.locale,
        "timezone": plan.spec.timezone,
        "seed": plan.spec.seed,
        "sessions": sessions,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def plan_to_markdown(plan: Plan, engine: Engine) -> str:
    """The plan as Markdown: a schedule with localized dates, then each session."""
    labels = engine.labels()
    out = [f"# {labels['plan']}", ""]
    for session in plan.sessions:
        title, steps, prompts = _rendered(plan, session, engine)
        date, time, _ = _when(session, engine)
        tag = f" · {labels['check_in']}" if session.check_in else ""
        out += [f"## {date}, {time} · {title}{tag}", ""]
        out += [f"{n}. {step}" for n, step in enumerate(steps, 1)]
        if prompts:
            out += ["", f"**{labels['prompts']}**", ""] + [f"- {p}" for p in prompts]
        out.append("")
    out += [f"*{labels['pass']}*", ""]
    return "\n".join(out)
