"""Deck selection: a :class:`DeckSpec` and a seed give the same deck, every time.

Cards come from conversation and game exercises, and are questions or sentence
stems: prompts that stand on their own, away from the activity they belong to.
Selection works level by level from the lightest depth in range to the deepest,
so a deck never steps down.  Within a level, prompts are drawn with a seeded
:class:`random.Random`, weighted by the spec's love-language weights and away
from themes already used, so that themes stay balanced.  Prompts are never
repeated and prompts in the history are skipped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from intimacy._catalog import Catalog
from intimacy._errors import IntimacyError
from intimacy._models import (
    Depth,
    Exercise,
    ExerciseFormat,
    LoveLanguage,
    Prompt,
    PromptKind,
    Relationship,
    Theme,
)
from intimacy._people import Person

if TYPE_CHECKING:
    from intimacy._love import Profile

__all__ = ["Deck", "DeckError", "DeckSpec", "question_of_the_day", "select"]

#: Minutes a prompt takes on average, used to turn a time budget into a count.
MINUTES_PER_PROMPT = 3
#: The most prompts one deck may hold.
MAX_COUNT = 500


class DeckError(IntimacyError):
    """A deck spec cannot be met: the message says which constraint ran short and by how much."""


def _people(value: Iterable[Person | str]) -> tuple[Person, ...]:
    people = tuple(p if isinstance(p, Person) else Person(p) for p in value)
    if len(people) < 2:
        msg = "a deck needs at least two participants"
        raise DeckError(msg)
    return people


def _weights(
    value: Mapping[LoveLanguage, float] | Iterable[tuple[LoveLanguage, float]],
) -> tuple[tuple[LoveLanguage, float], ...]:
    items = dict(value.items() if isinstance(value, Mapping) else value)
    for language, weight in items.items():
        if not isinstance(language, LoveLanguage):
            msg = f"love-language weights need LoveLanguage keys, not {language!r:.40}"
            raise DeckError(msg)
        if not 0 <= weight <= 100:
            msg = f"the weight of {language.value} must be between 0 and 100; got {weight}"
            raise DeckError(msg)
    return tuple(sorted(items.items(), key=lambda kv: kv[0].value))


def _profiles(value: Iterable[Profile]) -> tuple[Profile, ...]:
    from intimacy._love import checked_profiles

    return checked_profiles(value, DeckError)


def _ids(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _sorted_enums(value: Iterable[Theme]) -> tuple[Theme, ...]:
    return tuple(sorted(set(value), key=lambda t: t.value))


@attrs.frozen
class DeckSpec:
    """What a deck should hold.

    >>> from intimacy import load_catalog
    >>> spec = DeckSpec(Relationship.FRIEND, count=6, seed=7)
    >>> len(select(load_catalog(), spec).prompts)
    6
    """

    #: The relationship between the participants.
    relationship: Relationship = attrs.field(validator=attrs.validators.instance_of(Relationship))
    #: The people taking part, in turn order (names or :class:`Person`); at least two.
    participants: tuple[Person, ...] = attrs.field(default=(Person(), Person()), converter=_people)
    #: How many prompts; ignored when ``minutes`` is given.
    count: int = attrs.field(
        default=12, validator=[attrs.validators.ge(1), attrs.validators.le(MAX_COUNT)]
    )
    #: A time budget in minutes instead of a count (about three minutes a prompt).
    minutes: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            [attrs.validators.ge(1), attrs.validators.le(MAX_COUNT * MINUTES_PER_PROMPT)]
        ),
    )
    #: The lightest depth allowed.
    min_depth: Depth = Depth.LIGHT
    #: The deepest depth allowed.
    max_depth: Depth = Depth.DEEP
    #: How many prompts of a level come before the deck moves up a level.
    min_per_level: int = attrs.field(default=1, validator=attrs.validators.ge(0))
    #: Only prompts whose exercise practises one of these themes (all when empty).
    themes: tuple[Theme, ...] = attrs.field(default=(), converter=_sorted_enums)
    #: No prompts whose exercise practises one of these themes.
    exclude_themes: tuple[Theme, ...] = attrs.field(default=(), converter=_sorted_enums)
    #: Extra weight for prompts that speak a love language (0 to 100; 1 doubles the chance).
    love_language_weights: tuple[tuple[LoveLanguage, float], ...] = attrs.field(
        default=(), converter=_weights
    )
    #: Only exercises that work over a call or by message.
    remote_only: bool = False
    #: Whether prompts of exercises with care notes may appear.
    allow_care_noted: bool = False
    #: Ids of prompts already seen, which the deck avoids.
    history: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)
    #: The seed; the same seed and spec give the same deck.
    seed: int = 0
    #: Up to two love-language profiles; prompts lean toward the languages in
    #: which these people like to receive care (see :func:`language_weights`).
    profiles: tuple[Profile, ...] = attrs.field(default=(), converter=_profiles)

    def as_dict(self) -> dict[str, Any]:
        """The spec as plain JSON data (the ``spec`` of a JSON export), history sorted.

        >>> DeckSpec(Relationship.FRIEND, count=3).as_dict()["count"]
        3
        """
        return {
            "relationship": self.relationship.value,
            "participants": [{"name": p.name, "gender": p.gender.value} for p in self.participants],
            "count": self.count,
            "minutes": self.minutes,
            "min_depth": self.min_depth.value,
            "max_depth": self.max_depth.value,
            "min_per_level": self.min_per_level,
            "themes": [t.value for t in self.themes],
            "exclude_themes": [t.value for t in self.exclude_themes],
            "love_language_weights": [[lang.value, w] for lang, w in self.love_language_weights],
            "remote_only": self.remote_only,
            "allow_care_noted": self.allow_care_noted,
            "history": sorted(self.history),
            "seed": self.seed,
            "profiles": [
                {"receive": p.receive.as_dict(), "give": p.give.as_dict()} for p in self.profiles
            ],
        }

    def __attrs_post_init__(self) -> None:
        if self.min_depth > self.max_depth:
            msg = (
                f"min_depth {self.min_depth.value} is deeper than max_depth {self.max_depth.value}"
            )
            raise DeckError(msg)

    @property
    def size(self) -> int:
        """The number of prompts the deck holds."""
        if self.minutes is not None:
            return max(1, self.minutes // MINUTES_PER_PROMPT)
        return self.count

    @property
    def depths(self) -> tuple[Depth, ...]:
        """The depth levels in range, lightest first."""
        return tuple(d for d in Depth if self.min_depth <= d <= self.max_depth)

    def describe(self) -> str:
        """The filters of the spec, for error messages."""
        parts = [f"relationship={self.relationship.value}"]
        if self.themes:
            parts.append("theme=" + ",".join(t.value for t in self.themes))
        if self.exclude_themes:
            parts.append("exclude-theme=" + ",".join(t.value for t in self.exclude_themes))
        if self.remote_only:
            parts.append("remote")
        if self.history:
            parts.append(f"{len(self.history)} seen excluded")
        return " and ".join(parts)


@attrs.frozen
class Deck:
    """The prompts chosen for a spec, in order, with who answers each first."""

    #: The spec the deck was made for.
    spec: DeckSpec
    #: The prompts, lightest first.
    prompts: tuple[Prompt, ...]

    def first_speaker(self, index: int) -> Person:
        """Who answers prompt *index* first: the participants take turns (Aron et al. 1997)."""
        people = self.spec.participants
        return people[index % len(people)]


#: Exercise formats whose prompts stand alone on a card.
CARD_FORMATS = frozenset({ExerciseFormat.CONVERSATION, ExerciseFormat.GAME})
#: Prompt kinds that work as cards.
CARD_KINDS = frozenset({PromptKind.QUESTION, PromptKind.SENTENCE_STEM})


def _eligible(exercise: Exercise, spec: DeckSpec) -> bool:
    if exercise.format not in CARD_FORMATS:
        return False
    themes = set(exercise.themes)
    if spec.themes and not themes & set(spec.themes):
        return False
    if themes & set(spec.exclude_themes):
        return False
    if spec.remote_only and not exercise.remote_friendly:
        return False
    if exercise.care_notes and not spec.allow_care_noted:
        return False
    return exercise.participants.fits(len(spec.participants))


def _quotas(spec: DeckSpec) -> list[int]:
    levels, size = len(spec.depths), spec.size
    if spec.min_per_level * levels <= size:
        base, extra = divmod(size, levels)
        return [base + (1 if i < extra else 0) for i in range(levels)]
    quotas, left = [], size
    for _ in range(levels):
        take = min(max(spec.min_per_level, 1), left)
        quotas.append(take)
        left -= take
    quotas[-1] += left
    return quotas


def candidates(catalog: Catalog, spec: DeckSpec) -> dict[Depth, list[Prompt]]:
    """Every prompt the spec allows, by depth, in catalog order."""
    found: dict[Depth, list[Prompt]] = {d: [] for d in spec.depths}
    for exercise in catalog:
        if not _eligible(exercise, spec):
            continue
        for prompt in exercise.prompts:
            if (
                prompt.depth in found
                and prompt.kind in CARD_KINDS
                and spec.relationship in prompt.relationships
                and prompt.id not in spec.history
            ):
                found[prompt.depth].append(prompt)
    return found


def select(catalog: Catalog, spec: DeckSpec) -> Deck:
    """Choose the prompts for *spec* from *catalog*.

    Raises:
        DeckError: when too few prompts match; the message names the constraint.
    """
    pools = candidates(catalog, spec)
    quotas = _quotas(spec)
    short = [
        f"{len(pools[depth])} {depth.value} prompts match {spec.describe()}; {quota} were asked"
        for depth, quota in zip(spec.depths, quotas, strict=True)
        if len(pools[depth]) < quota
    ]
    if short:
        raise DeckError("not enough prompts: " + "; ".join(short))
    rng = random.Random(spec.seed)  # noqa: S311 - reproducible selection, not secrecy
    weights = dict(spec.love_language_weights)
    from intimacy._love import language_weights

    for language, extra in language_weights(*spec.profiles).items():
        weights[language] = weights.get(language, 0.0) + extra
    theme_of = {e.id: e.themes for e in catalog}
    used_themes: Counter[Theme] = Counter()
    used_exercises: Counter[str] = Counter()
    chosen: list[Prompt] = []
    for depth, quota in zip(spec.depths, quotas, strict=True):
        pool = list(pools[depth])
        for _ in range(quota):
            scores = []
            for prompt in pool:
                score = 1.0 + sum(weights.get(lang, 0.0) for lang in prompt.love_languages)
                themes = theme_of[prompt.exercise_id]
                score /= (1 + min(used_themes[t] for t in themes)) ** 2
                score /= 1 + used_exercises[prompt.exercise_id]
                scores.append(score)
            (pick,) = rng.choices(range(len(pool)), weights=scores)
            prompt = pool.pop(pick)
            chosen.append(prompt)
            used_themes.update(theme_of[prompt.exercise_id])
            used_exercises[prompt.exercise_id] += 1
    return Deck(spec=spec, prompts=tuple(chosen))


def question_of_the_day(
    catalog: Catalog,
    relationship: Relationship,
    day: dt.date,
    *,
    seed: int = 0,
    no_repeat_days: int = 365,
) -> Prompt:
    """One prompt for *day*: the same date and seed give the same prompt.

    No prompt repeats within *no_repeat_days* consecutive days (as long as the
    catalog holds that many prompts for the relationship): the days walk a
    seeded permutation of the prompts, so a prompt comes back only after every
    other prompt for the relationship has had its day.

    >>> import datetime
    >>> from intimacy import load_catalog
    >>> a = question_of_the_day(load_catalog(), Relationship.FRIEND, datetime.date(2026, 1, 1))
    >>> a == question_of_the_day(load_catalog(), Relationship.FRIEND, datetime.date(2026, 1, 1))
    True
    """
    pool = [p for p in catalog.find_prompts(relationship=relationship) if p.kind.value != "action"]
    if not pool:
        msg = f"no prompts match relationship={relationship.value}"
        raise DeckError(msg)
    if no_repeat_days > len(pool):
        msg = (
            f"{len(pool)} prompts match relationship={relationship.value}; "
            f"cannot avoid repeats for {no_repeat_days} days"
        )
        raise DeckError(msg)
    position = day.toordinal() % len(pool)
    order = list(range(len(pool)))
    key = hashlib.sha256(f"{seed}:{relationship.value}".encode()).digest()
    random.Random(key).shuffle(order)  # noqa: S311 - reproducible, not secret
    return pool[order[position]]
