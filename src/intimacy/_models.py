"""The typed, immutable models of the exercise catalog.

Every model is a frozen, slotted :mod:`attrs` class.  Instances are built by the
loader (:func:`intimacy.load_catalog`) from exercise files, or directly in code;
the validators below enforce the invariants that do not need the whole catalog
(a prompt never suits a relationship its exercise does not, the participant range
is sane, ids are slugs).  Cross-file rules (duplicate ids) live in the loader.
"""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

__all__ = [
    "Citation",
    "ContentTag",
    "Depth",
    "Exercise",
    "ExerciseFormat",
    "FieldError",
    "Frequency",
    "LoveLanguage",
    "Participants",
    "Prompt",
    "PromptKind",
    "Relationship",
    "Theme",
]

#: A slug: lower-case ASCII letters and digits in groups joined by single hyphens.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The longest id the catalog accepts, so that ids stay usable as file names and keys.
MAX_ID_LENGTH = 64


class Relationship(enum.Enum):
    """Who the exercise is for: the relationship between the people taking part."""

    PARTNER = "partner"
    FRIEND = "friend"
    FAMILY = "family"
    COLLEAGUE = "colleague"


class LoveLanguage(enum.Enum):
    """The five ways of showing care described by Chapman (1992).

    They are a menu of ways to show care, not a diagnosis: see the love-languages
    page of the documentation for what the evidence does and does not support.
    """

    WORDS_OF_AFFIRMATION = "words_of_affirmation"
    ACTS_OF_SERVICE = "acts_of_service"
    RECEIVING_GIFTS = "receiving_gifts"
    QUALITY_TIME = "quality_time"
    PHYSICAL_TOUCH = "physical_touch"


@enum.unique
class Depth(enum.Enum):
    """How much a prompt asks a person to reveal, in three ordered levels.

    ``LIGHT < PERSONAL < DEEP``: people open up gradually, so decks start light
    and move deeper.

    >>> Depth.LIGHT < Depth.DEEP
    True
    >>> max(Depth)
    <Depth.DEEP: 'deep'>
    """

    LIGHT = "light"
    PERSONAL = "personal"
    DEEP = "deep"

    @property
    def rank(self) -> int:
        """The level's position (0 for light, 1 for personal, 2 for deep)."""
        return _DEPTH_RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Depth):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Depth):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Depth):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Depth):
            return NotImplemented
        return self.rank >= other.rank


_DEPTH_RANK = {depth: rank for rank, depth in enumerate(Depth)}


class Theme(enum.Enum):
    """The relationship skills an exercise practises."""

    LISTENING = "listening"
    CURIOSITY = "curiosity"
    EMPATHY = "empathy"
    VULNERABILITY = "vulnerability"
    APPRECIATION = "appreciation"
    TRUST = "trust"
    """Trust and reliability, shown by doing what you said you would."""
    HONESTY = "honesty"
    BOUNDARIES = "boundaries"
    """Needs and boundaries, saying what you need and hearing what the other needs."""
    CONFLICT = "conflict"
    """Conflict and repair."""
    FORGIVENESS = "forgiveness"
    QUALITY_TIME = "quality_time"
    SHARED_GOALS = "shared_goals"
    """Shared goals and adventure."""
    RECIPROCITY = "reciprocity"
    RESPECT = "respect"
    CHECK_INS = "check_ins"
    PHYSICAL_AFFECTION = "physical_affection"


class PromptKind(enum.Enum):
    """What a prompt asks the reader to do."""

    QUESTION = "question"
    """A question to answer aloud."""
    REFLECTION = "reflection"
    """Something to think or write about before sharing."""
    ACTION = "action"
    """Something to do."""
    SENTENCE_STEM = "sentence_stem"
    """The start of a sentence for the reader to finish."""


class ExerciseFormat(enum.Enum):
    """The shape an exercise takes."""

    CONVERSATION = "conversation"
    ACTIVITY = "activity"
    WRITING = "writing"
    RITUAL = "ritual"
    GAME = "game"


class Frequency(enum.Enum):
    """How often an exercise is meant to be done."""

    ONCE = "once"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    AS_NEEDED = "as_needed"


class ContentTag(enum.Enum):
    """Content that needs a particular audience or care.

    The loader enforces what each tag implies: ``ROMANTIC`` and
    ``PHYSICAL_INTIMACY`` content is for partners only; an exercise tagged
    ``PHYSICAL_RISK``, ``BETRAYAL``, ``FORGIVENESS`` or ``PAINFUL_HISTORY`` must
    carry care notes.
    """

    ROMANTIC = "romantic"
    PHYSICAL_INTIMACY = "physical_intimacy"
    PHYSICAL_RISK = "physical_risk"
    BETRAYAL = "betrayal"
    FORGIVENESS = "forgiveness"
    PAINFUL_HISTORY = "painful_history"


#: Tags whose content is for partners only.
PARTNER_ONLY_TAGS = frozenset({ContentTag.ROMANTIC, ContentTag.PHYSICAL_INTIMACY})
#: Tags that require an exercise to carry care notes.
CARE_NOTE_TAGS = frozenset(
    {
        ContentTag.PHYSICAL_RISK,
        ContentTag.BETRAYAL,
        ContentTag.FORGIVENESS,
        ContentTag.PAINFUL_HISTORY,
    }
)


class FieldError(ValueError):
    """A model field holds a value it must not; ``key`` names the field."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        #: The field's key path, such as ``prompts[2].relationships``.
        self.key = key
        #: What is wrong, without the key.
        self.message = message


def _slug(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if len(value) > MAX_ID_LENGTH or not SLUG_RE.match(value):
        msg = (
            "must be a slug of lower-case letters, digits and single hyphens, "
            f"at most {MAX_ID_LENGTH} characters; got {value!r:.80}"
        )
        raise FieldError(attribute.name, msg)


def _non_blank(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise FieldError(attribute.name, "must not be blank")


def _each_non_blank(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    for index, item in enumerate(value):
        if not item.strip():
            raise FieldError(f"{attribute.name}[{index}]", "must not be blank")


def _unique(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if len(set(value)) != len(value):
        raise FieldError(attribute.name, "lists an item twice")


def _not_empty(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if not value:
        raise FieldError(attribute.name, "must list at least one item")


@attrs.frozen
class Citation:
    """A published work an exercise draws on.

    >>> citation = Citation(authors=("Aron, A.", "Melinat, E."), year=1997,
    ...                     title="The experimental generation of interpersonal closeness")
    >>> print(citation)
    Aron, A.; Melinat, E. (1997). The experimental generation of interpersonal closeness.
    """

    #: Authors as written in the reference ("Surname, I."), in the work's order.
    authors: tuple[str, ...] = attrs.field(validator=[_not_empty, _each_non_blank])
    #: Year of publication.
    year: int = attrs.field(validator=[attrs.validators.ge(1800), attrs.validators.le(2100)])
    #: Title of the work.
    title: str = attrs.field(validator=_non_blank)

    def __str__(self) -> str:
        return f"{'; '.join(self.authors)} ({self.year}). {self.title}."


@attrs.frozen
class Participants:
    """How many people an exercise is for, the reader included.

    >>> Participants(2, 2).fits(2)
    True
    >>> Participants(2, 6).fits(8)
    False
    """

    #: The fewest people the exercise works with (at least 1).
    min: int = attrs.field(validator=attrs.validators.ge(1))
    #: The most people the exercise works with (at most 12).
    max: int = attrs.field(validator=attrs.validators.le(12))

    @max.validator
    def _check_max(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.min:
            msg = f"must not be less than min ({self.min}); got {value}"
            raise FieldError("max", msg)

    def fits(self, count: int) -> bool:
        """Tell whether *count* people can do the exercise together."""
        return self.min <= count <= self.max


@attrs.frozen
class Prompt:
    """One card of a deck: a question, reflection, action or sentence stem.

    ``text`` is an English Jinja template (see :doc:`/exercise-format` for the
    variables it may use); render it with the engine, never with ``str.format``.
    """

    #: The stable, globally unique id, ``"<exercise id>.<prompt slug>"``.
    id: str = attrs.field()
    #: The English source text, a Jinja template.
    text: str = attrs.field(validator=_non_blank)
    #: How much the prompt asks a person to reveal.
    depth: Depth
    #: What the prompt asks the reader to do.
    kind: PromptKind
    #: The relationships the prompt suits; never wider than its exercise's.
    relationships: tuple[Relationship, ...] = attrs.field(validator=[_not_empty, _unique])
    #: The love languages the prompt speaks, if any.
    love_languages: tuple[LoveLanguage, ...] = attrs.field(default=(), validator=_unique)
    #: Content that needs a particular audience or care.
    tags: tuple[ContentTag, ...] = attrs.field(default=(), validator=_unique)
    #: A note for whoever leads the exercise; translators see it as a comment.
    note: str | None = None

    @id.validator
    def _check_id(self, attribute: attrs.Attribute[str], value: str) -> None:
        exercise_id, dot, slug = value.partition(".")
        if not dot:
            msg = f"must be '<exercise id>.<prompt slug>'; got {value!r:.80}"
            raise FieldError("id", msg)
        if not (SLUG_RE.match(exercise_id) and SLUG_RE.match(slug)) or len(slug) > MAX_ID_LENGTH:
            msg = f"must be '<exercise id>.<prompt slug>', both slugs; got {value!r:.80}"
            raise FieldError("id", msg)

    @property
    def exercise_id(self) -> str:
        """The id of the exercise this prompt belongs to."""
        return self.id.partition(".")[0]


@attrs.frozen
class Exercise:
    """An exercise: what to do, why it works, and the prompts that carry it."""

    #: Stable slug id; also the exercise file's name without ``.toml``.
    id: str = attrs.field(validator=_slug)
    #: Short title.
    title: str = attrs.field(validator=_non_blank)
    #: One or two sentences on what the exercise is.
    summary: str = attrs.field(validator=_non_blank)
    #: Why it works, grounded in the sources.
    why: str = attrs.field(validator=_non_blank)
    #: The steps, in order; each a Jinja template like prompt texts.
    steps: tuple[str, ...] = attrs.field(validator=[_not_empty, _each_non_blank])
    #: The prompts, in the order the exercise uses them.
    prompts: tuple[Prompt, ...] = attrs.field()
    #: The skills the exercise practises.
    themes: tuple[Theme, ...] = attrs.field(validator=[_not_empty, _unique])
    #: The relationships the exercise suits.
    relationships: tuple[Relationship, ...] = attrs.field(validator=[_not_empty, _unique])
    #: The love languages the exercise focuses on, if any.
    love_languages: tuple[LoveLanguage, ...] = attrs.field(validator=_unique)
    #: The shape of the exercise.
    format: ExerciseFormat
    #: How many people take part, the reader included.
    participants: Participants
    #: About how long it takes, in minutes.
    duration_minutes: int = attrs.field(
        validator=[attrs.validators.ge(1), attrs.validators.le(24 * 60)]
    )
    #: How often it is meant to be done.
    frequency: Frequency
    #: Whether it works over a call or by message.
    remote_friendly: bool
    #: Content that needs a particular audience or care.
    tags: tuple[ContentTag, ...] = attrs.field(default=(), validator=_unique)
    #: Safety notes shown with the exercise (physical safety, when to seek help).
    care_notes: tuple[str, ...] = attrs.field(default=(), validator=_each_non_blank)
    #: The published works the exercise draws on.
    sources: tuple[Citation, ...] = ()

    @prompts.validator
    def _check_prompts(self, attribute: attrs.Attribute[Any], value: tuple[Prompt, ...]) -> None:
        seen: set[str] = set()
        for index, prompt in enumerate(value):
            where = f"prompts[{index}]"
            if prompt.exercise_id != self.id:
                msg = f"{prompt.id!r} does not start with {self.id + '.'!r}"
                raise FieldError(f"{where}.id", msg)
            if prompt.id in seen:
                raise FieldError(f"{where}.id", f"{prompt.id!r} is used twice")
            seen.add(prompt.id)
            wider = [r.value for r in prompt.relationships if r not in self.relationships]
            if wider:
                msg = (
                    f"{wider} are wider than the exercise's relationships "
                    f"{[r.value for r in self.relationships]}"
                )
                raise FieldError(f"{where}.relationships", msg)

    def __attrs_post_init__(self) -> None:
        tags = set(self.tags).union(*(p.tags for p in self.prompts))
        if not self.care_notes and tags & CARE_NOTE_TAGS:
            needing = sorted(t.value for t in tags & CARE_NOTE_TAGS)
            raise FieldError("care_notes", f"content tagged {needing} must carry care notes")
        partner_only = "romantic or physical-intimacy content is for partners only"
        if set(self.tags) & PARTNER_ONLY_TAGS and self.relationships != (Relationship.PARTNER,):
            raise FieldError("relationships", partner_only)
        for index, prompt in enumerate(self.prompts):
            if set(prompt.tags) & PARTNER_ONLY_TAGS and prompt.relationships != (
                Relationship.PARTNER,
            ):
                raise FieldError(f"prompts[{index}].relationships", partner_only)

    @property
    def depths(self) -> frozenset[Depth]:
        """The depths of the exercise's prompts."""
        return frozenset(p.depth for p in self.prompts)
