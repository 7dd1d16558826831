"""Protocols: fixed sequences of timed sets of prompts, with an optional closing ritual.

A protocol differs from a deck: its prompts are not chosen at random but asked
in a fixed order, set by set, each set with a time budget, as in the closeness
procedure of Aron et al. (1997).  The people taking part alternate who answers
first, which the procedure found essential: disclosure has to be mutual.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from intimacy._catalog import Catalog
from intimacy._engine import Engine, RenderContext
from intimacy._errors import IntimacyError
from intimacy._export import RenderedCard
from intimacy._models import Depth, Exercise, Prompt, Relationship
from intimacy._people import Person
from intimacy._version import __version__

__all__ = [
    "ClosingRitual",
    "Protocol",
    "ProtocolError",
    "ProtocolSet",
    "RenderedProtocol",
    "RenderedSet",
    "closeness_protocol",
    "protocol_to_json",
    "render_protocol",
]

#: The exercise the closeness protocol is built from.
CLOSENESS_EXERCISE = "closeness-questions"


class ProtocolError(IntimacyError):
    """A protocol cannot be built or run as asked."""


def _positive_minutes(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 240:
        msg = f"{attribute.name} must be between 1 and 240 minutes, not {value!r}"
        raise ValueError(msg)


@attrs.frozen
class ProtocolSet:
    """One timed set of a protocol: prompts asked in order within a time budget."""

    #: The set's position in the protocol, from 1.
    number: int = attrs.field(validator=attrs.validators.ge(1))
    #: About how long the set lasts, in minutes.
    minutes: int = attrs.field(validator=_positive_minutes)
    #: The prompts, in the order they are asked.
    prompts: tuple[Prompt, ...] = attrs.field()

    @prompts.validator
    def _check_prompts(self, attribute: attrs.Attribute[Any], value: tuple[Prompt, ...]) -> None:
        if not value:
            msg = f"set {self.number} has no prompts"
            raise ValueError(msg)


@attrs.frozen
class ClosingRitual:
    """An optional ritual that ends a protocol, such as a few minutes of eye contact.

    Its instruction is one of the exercise's steps, so it is translated with the
    exercise.
    """

    #: How long the ritual lasts at most, in minutes.
    minutes: int = attrs.field(validator=_positive_minutes)
    #: The number (from 1) of the exercise step that describes the ritual.
    step: int = attrs.field(validator=attrs.validators.ge(1))


@attrs.frozen
class Protocol:
    """A fixed sequence of timed sets from one exercise, rising in depth.

    Raises:
        ValueError: when the sets are not numbered 1, 2, 3..., when a set's depth
            is lower than the one before, when a prompt belongs to another exercise
            or repeats, or when the closing ritual names a step the exercise lacks.
    """

    #: The exercise whose prompts and steps the protocol uses.
    exercise: Exercise
    #: The relationship the protocol is run for.
    relationship: Relationship
    #: The sets, in order.
    sets: tuple[ProtocolSet, ...]
    #: The closing ritual, if the protocol has one and it was asked for.
    closing: ClosingRitual | None = None

    def __attrs_post_init__(self) -> None:
        if not self.sets:
            msg = "a protocol needs at least one set"
            raise ValueError(msg)
        if self.relationship not in self.exercise.relationships:
            msg = f"{self.exercise.id} does not suit relationship={self.relationship.value}"
            raise ValueError(msg)
        seen: set[str] = set()
        deepest = Depth.LIGHT
        for number, item in enumerate(self.sets, 1):
            if item.number != number:
                msg = f"set {item.number} is in position {number}"
                raise ValueError(msg)
            for prompt in item.prompts:
                if prompt.exercise_id != self.exercise.id:
                    msg = f"prompt {prompt.id} is not part of exercise {self.exercise.id}"
                    raise ValueError(msg)
                if self.relationship not in prompt.relationships:
                    msg = f"prompt {prompt.id} does not suit {self.relationship.value}"
                    raise ValueError(msg)
                if prompt.id in seen:
                    msg = f"prompt {prompt.id} appears twice"
                    raise ValueError(msg)
                if prompt.depth < deepest:
                    msg = f"set {number} steps down from {deepest.value} to {prompt.depth.value}"
                    raise ValueError(msg)
                seen.add(prompt.id)
                deepest = prompt.depth
        if self.closing is not None and self.closing.step > len(self.exercise.steps):
            msg = f"the closing ritual names step {self.closing.step}; the exercise has fewer"
            raise ValueError(msg)

    @property
    def minutes(self) -> int:
        """The total time budget, closing ritual included."""
        closing = self.closing.minutes if self.closing is not None else 0
        return sum(s.minutes for s in self.sets) + closing


def closeness_protocol(
    catalog: Catalog | None = None,
    *,
    relationship: Relationship = Relationship.FRIEND,
    minutes_per_set: int = 15,
    closing: bool = True,
) -> Protocol:
    """The closeness protocol: three sets of rising depth, with optional eye contact.

    It follows the structure of Aron et al. (1997), with questions of our own:
    a light set, a personal set and a deep set of twelve prompts each, about
    fifteen minutes per set, and an optional closing of up to four minutes of
    quiet eye contact.

    >>> protocol = closeness_protocol()
    >>> [len(s.prompts) for s in protocol.sets], protocol.minutes
    ([12, 12, 12], 49)
    >>> closeness_protocol(closing=False).minutes
    45

    Raises:
        ProtocolError: when the catalog lacks the exercise or it does not suit
            *relationship*.
    """
    if catalog is None:
        from intimacy._catalog import load_catalog

        catalog = load_catalog()
    exercise = catalog.get(CLOSENESS_EXERCISE)
    if exercise is None:
        msg = f"the catalog has no exercise {CLOSENESS_EXERCISE!r}"
        raise ProtocolError(msg)
    if relationship not in exercise.relationships:
        suits = ", ".join(r.value for r in exercise.relationships)
        msg = (
            f"the closeness protocol is not offered for relationship={relationship.value}; "
            f"it suits {suits}"
        )
        raise ProtocolError(msg)
    sets = []
    for number, depth in enumerate(Depth, 1):
        prompts = [
            p for p in exercise.prompts if p.depth is depth and relationship in p.relationships
        ]
        sets.append(ProtocolSet(number=number, minutes=minutes_per_set, prompts=tuple(prompts)))
    ritual = ClosingRitual(minutes=4, step=len(exercise.steps)) if closing else None
    return Protocol(exercise=exercise, relationship=relationship, sets=tuple(sets), closing=ritual)


@attrs.frozen
class RenderedSet:
    """One set of a rendered protocol."""

    #: The set's position, from 1.
    number: int
    #: The time budget, in minutes.
    minutes: int
    #: The time budget in words, in the locale ("15 minutes").
    duration: str
    #: The cards, each with who answers first.
    cards: tuple[RenderedCard, ...]


@attrs.frozen
class RenderedProtocol:
    """A protocol rendered in one locale for particular people."""

    #: The protocol's exercise id.
    id: str
    #: The locale it was rendered in.
    locale: str
    #: ``"ltr"`` or ``"rtl"``.
    direction: str
    #: The exercise title, translated.
    title: str
    #: The steps, translated.
    steps: tuple[str, ...]
    #: The care notes, translated.
    care_notes: tuple[str, ...]
    #: The sets.
    sets: tuple[RenderedSet, ...]
    #: The closing ritual's instruction, or ``None``.
    closing: str | None
    #: The closing ritual's length in words, or ``None``.
    closing_duration: str | None
    #: The whole protocol's length in words.
    duration: str
    #: The sources, formatted.
    sources: tuple[str, ...]


def _duration(minutes: int, engine: Engine) -> str:
    from babel.units import format_unit

    return format_unit(minutes, "duration-minute", length="long", locale=engine.locale)


def render_protocol(
    protocol: Protocol,
    engine: Engine,
    participants: Sequence[Person | str] = (),
) -> RenderedProtocol:
    """Render *protocol* for two or more *participants* (names or people).

    Who answers first alternates from one prompt to the next across the whole
    protocol; without names the people are called ``P1``, ``P2``...

    Raises:
        ProtocolError: for fewer than two people or more than the exercise allows.
    """
    people = _people(participants, protocol.exercise)
    exercise = protocol.exercise
    relationship = protocol.relationship
    rendered = engine.render_exercise(exercise, RenderContext(relationship))
    sets = []
    index = 0
    for item in protocol.sets:
        cards = []
        for prompt in item.prompts:
            turn = index % len(people)
            others = people[:turn] + people[turn + 1 :]
            text = engine.render_prompt(prompt, RenderContext(relationship, others=others)).text
            index += 1
            cards.append(
                RenderedCard(
                    number=index,
                    id=prompt.id,
                    exercise_id=prompt.exercise_id,
                    depth=prompt.depth.value,
                    kind=prompt.kind.value,
                    text=text,
                    first=people[turn].name or f"P{turn + 1}",
                )
            )
        sets.append(
            RenderedSet(
                number=item.number,
                minutes=item.minutes,
                duration=_duration(item.minutes, engine),
                cards=tuple(cards),
            )
        )
    closing = protocol.closing
    return RenderedProtocol(
        id=exercise.id,
        locale=engine.locale,
        direction=engine.direction,
        title=rendered.title,
        steps=rendered.steps,
        care_notes=rendered.care_notes,
        sets=tuple(sets),
        closing=None if closing is None else rendered.steps[closing.step - 1],
        closing_duration=None if closing is None else _duration(closing.minutes, engine),
        duration=_duration(protocol.minutes, engine),
        sources=rendered.sources,
    )


def _people(participants: Iterable[Person | str], exercise: Exercise) -> tuple[Person, ...]:
    people = tuple(p if isinstance(p, Person) else Person(p) for p in participants)
    if not people:
        people = (Person(), Person())
    limit = exercise.participants
    if not limit.min <= len(people) <= limit.max:
        wanted = str(limit.min) if limit.min == limit.max else f"{limit.min} to {limit.max}"
        msg = f"{exercise.id} is for {wanted} people; {len(people)} were given"
        raise ProtocolError(msg)
    return people


def protocol_to_json(protocol: RenderedProtocol) -> str:
    """The rendered protocol as JSON, with the library version."""
    data = {
        "schema_version": 1,
        "library_version": __version__,
        "protocol": protocol.id,
        "locale": protocol.locale,
        "title": protocol.title,
        "sets": [
            {
                "number": s.number,
                "minutes": s.minutes,
                "prompts": [
                    {"id": c.id, "depth": c.depth, "kind": c.kind, "text": c.text, "first": c.first}
                    for c in s.cards
                ],
            }
            for s in protocol.sets
        ],
        "closing": protocol.closing,
        "care_notes": list(protocol.care_notes),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
