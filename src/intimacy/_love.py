"""Love languages: an original self-assessment, profiles, mismatch, and suggestions.

The five ways of showing care come from Chapman (1992).  The evidence that
matching them predicts a better relationship is weak (Impett et al. 2024), so
the library presents them as a menu of ways to show care, not a diagnosis: a
profile has five scores and no forced "primary" language.

The assessment keeps the classic forced-choice structure: 30 items, each a pair
of statements; each of the ten pairings of languages appears three times, so
each language appears twelve times.  Each item is asked in two directions,
because how people like to receive care and how they tend to give it differ
(Mostova et al. 2022): *receive* ("which would feel more like care, coming from
them?") and *give* ("which are you more likely to offer them?").
"""

from __future__ import annotations

import enum
import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from intimacy._engine import Engine, RenderContext
from intimacy._errors import IntimacyError
from intimacy._models import LoveLanguage, Relationship

__all__ = [
    "Direction",
    "Profile",
    "QuizError",
    "QuizItem",
    "RenderedQuestion",
    "Scores",
    "Statement",
    "describe_love_language",
    "language_weights",
    "mismatch",
    "profile",
    "quiz_items",
    "render_question",
    "score",
    "suggestions",
]


class QuizError(IntimacyError, ValueError):
    """Answers to the assessment are malformed: an unknown item, or a language the item lacks."""


class Direction(enum.Enum):
    """Which side of care an answer is about."""

    #: How a person likes to receive care.
    RECEIVE = "receive"
    #: How a person tends to give it.
    GIVE = "give"


@attrs.frozen
class Statement:
    """One side of an item: an act of care in one language, with relationship variants."""

    #: The language the statement stands for.
    language: LoveLanguage
    #: The message context of the default text, such as ``"quiz.w01"``.
    context: str
    #: The default text, in English.
    text: str
    #: Texts for particular relationships, as relationship -> (context, English text).
    variants: Mapping[Relationship, tuple[str, str]] = attrs.field(factory=dict)

    def source(self, relationship: Relationship) -> tuple[str, str]:
        """The (context, English text) to use for *relationship*."""
        return self.variants.get(relationship, (self.context, self.text))


@attrs.frozen
class QuizItem:
    """A forced choice between two statements in two different languages."""

    #: A stable id, ``"q01"`` to ``"q30"``.
    id: str
    #: The first statement.
    a: Statement
    #: The second statement.
    b: Statement

    def __attrs_post_init__(self) -> None:
        if self.a.language is self.b.language:
            msg = f"item {self.id} pairs {self.a.language.value} with itself"
            raise ValueError(msg)

    @property
    def languages(self) -> tuple[LoveLanguage, LoveLanguage]:
        """The two languages the item pairs."""
        return self.a.language, self.b.language


def quiz_items() -> tuple[QuizItem, ...]:
    """The 30 items of the assessment, in order.

    >>> items = quiz_items()
    >>> len(items), items[0].id, [lang.value for lang in items[0].languages]
    (30, 'q01', ['words_of_affirmation', 'acts_of_service'])
    """
    return _build_items()


@functools.cache
def _build_items() -> tuple[QuizItem, ...]:
    from intimacy._love_data import PAIRINGS, STATEMENTS

    used: Counter[LoveLanguage] = Counter()

    def take(language: LoveLanguage) -> Statement:
        context, text, variants = STATEMENTS[language][used[language]]
        used[language] += 1
        return Statement(language=language, context=context, text=text, variants=variants)

    return tuple(
        QuizItem(id=f"q{n:02d}", a=take(a), b=take(b)) for n, (a, b) in enumerate(PAIRINGS, 1)
    )


@attrs.frozen(order=False)
class Scores:
    """How often each language was chosen in one direction: all five scores.

    There is no single "primary" language: :meth:`top` returns every language
    that shares the highest score.
    """

    words_of_affirmation: int = 0
    acts_of_service: int = 0
    receiving_gifts: int = 0
    quality_time: int = 0
    physical_touch: int = 0

    def __getitem__(self, language: LoveLanguage) -> int:
        """The score of *language*."""
        value: int = getattr(self, language.value)
        return value

    @property
    def total(self) -> int:
        """The number of answered items."""
        return sum(self[lang] for lang in LoveLanguage)

    def top(self) -> tuple[LoveLanguage, ...]:
        """Every language with the highest score (all five when nothing was answered)."""
        best = max(self[lang] for lang in LoveLanguage)
        return tuple(lang for lang in LoveLanguage if self[lang] == best)

    def ranked(self) -> tuple[tuple[LoveLanguage, int], ...]:
        """Languages with their scores, highest first; ties keep the usual order."""
        return tuple(sorted(((lang, self[lang]) for lang in LoveLanguage), key=lambda x: -x[1]))

    def shares(self) -> dict[LoveLanguage, float]:
        """Each score as a share of the total (0.2 each when nothing was answered)."""
        if self.total == 0:
            return dict.fromkeys(LoveLanguage, 1 / len(LoveLanguage))
        return {lang: self[lang] / self.total for lang in LoveLanguage}

    def as_dict(self) -> dict[str, int]:
        """The scores as plain data."""
        return {lang.value: self[lang] for lang in LoveLanguage}


@attrs.frozen
class Profile:
    """A person's scores for receiving and for giving care."""

    #: How they like to receive care.
    receive: Scores = attrs.field(factory=Scores)
    #: How they tend to give it.
    give: Scores = attrs.field(factory=Scores)

    def as_dict(self) -> dict[str, Any]:
        """The profile as plain data, with the top languages of each direction."""
        return {
            direction: {
                "scores": scores.as_dict(),
                "answered": scores.total,
                "top": [lang.value for lang in scores.top()] if scores.total else [],
            }
            for direction, scores in (("receive", self.receive), ("give", self.give))
        }


def score(
    answers: Mapping[str, LoveLanguage | str], items: Iterable[QuizItem] | None = None
) -> Scores:
    """Score one direction's *answers*: item id -> the chosen language.

    Unanswered items are simply not counted, so the scores sum to the number of
    answers.

    >>> s = score({"q01": "words_of_affirmation", "q02": LoveLanguage.QUALITY_TIME})
    >>> s.total, [lang.value for lang in s.top()]
    (2, ['words_of_affirmation', 'quality_time'])

    Raises:
        QuizError: for an unknown item id, an unknown language, or a language the
            item does not offer.
    """
    bank = {item.id: item for item in (quiz_items() if items is None else items)}
    counts: Counter[LoveLanguage] = Counter()
    for item_id, chosen in answers.items():
        item = bank.get(item_id)
        if item is None:
            msg = f"unknown item {item_id!r:.40}; items are q01 to q{len(bank):02d}"
            raise QuizError(msg)
        try:
            language = LoveLanguage(chosen)
        except ValueError:
            msg = f"item {item_id}: {chosen!r:.40} is not a love language"
            raise QuizError(msg) from None
        if language not in item.languages:
            offered = " or ".join(lang.value for lang in item.languages)
            msg = f"item {item_id} offers {offered}, not {language.value}"
            raise QuizError(msg)
        counts[language] += 1
    return Scores(**{lang.value: counts[lang] for lang in LoveLanguage})


def profile(answers: object) -> Profile:
    """A profile from answers: ``{"receive": {...}, "give": {...}}``, or one flat mapping.

    A flat mapping of item id -> language is taken as the *receive* direction.

    Raises:
        QuizError: for malformed answers.
    """
    if not isinstance(answers, Mapping):
        msg = "answers must be a JSON object of item id -> chosen language"
        raise QuizError(msg)
    if set(answers) <= {"receive", "give"} and answers:
        parts = {}
        for key in ("receive", "give"):
            part = answers.get(key, {})
            if not isinstance(part, Mapping):
                msg = f"answers[{key!r}] must be an object of item id -> chosen language"
                raise QuizError(msg)
            parts[key] = score(part)
        return Profile(receive=parts["receive"], give=parts["give"])
    return Profile(receive=score(answers))


def mismatch(a: Profile, b: Profile) -> float:
    """How far what each person gives is from what the other likes to receive.

    The total variation distance between the shares of one person's *give*
    scores and the other's *receive* scores, averaged over both directions: 0
    when each gives exactly in the proportions the other likes, 1 when they
    never overlap.  It describes habits, not compatibility.

    >>> same = Profile(receive=Scores(quality_time=6), give=Scores(quality_time=6))
    >>> mismatch(same, same)
    0.0
    >>> other = Profile(receive=Scores(receiving_gifts=6), give=Scores(receiving_gifts=6))
    >>> mismatch(same, other)
    1.0
    """

    def distance(give: Scores, receive: Scores) -> float:
        g, r = give.shares(), receive.shares()
        return 0.5 * sum(abs(g[lang] - r[lang]) for lang in LoveLanguage)

    return round((distance(a.give, b.receive) + distance(b.give, a.receive)) / 2, 10)


def checked_profiles(value: Iterable[Profile], error: type[IntimacyError]) -> tuple[Profile, ...]:
    """*value* as a tuple of at most two profiles, or *error* saying what is wrong."""
    profiles = tuple(value)
    if len(profiles) > 2 or not all(isinstance(p, Profile) for p in profiles):
        msg = "profiles takes at most two Profile objects"
        raise error(msg)
    return profiles


def language_weights(*profiles: Profile, strength: float = 3.0) -> dict[LoveLanguage, float]:
    """Deck weights that favour what the people in *profiles* like to receive.

    Each profile adds ``strength`` times each language's share of its receive
    scores, relative to its top language.
    """
    weights: dict[LoveLanguage, float] = dict.fromkeys(LoveLanguage, 0.0)
    for person in profiles:
        best = max(person.receive[lang] for lang in LoveLanguage)
        if best == 0:
            continue
        for lang in LoveLanguage:
            weights[lang] += strength * person.receive[lang] / best
    return weights


@attrs.frozen
class RenderedQuestion:
    """One assessment item, ready to ask in a locale."""

    #: The item id.
    id: str
    #: The question, such as "Which would feel more like care, coming from your friend?".
    question: str
    #: The two options, each a (language, text) pair.
    options: tuple[tuple[LoveLanguage, str], tuple[LoveLanguage, str]]


def render_question(
    item: QuizItem, engine: Engine, relationship: Relationship, direction: Direction
) -> RenderedQuestion:
    """Render *item* for *relationship* and *direction* with *engine*'s locale."""
    from intimacy._love_data import QUESTIONS

    t = engine.translations.pgettext
    context, question = QUESTIONS[direction.value]
    text = engine.render(t(context, question), RenderContext(relationship))
    a = (item.a.language, t(*item.a.source(relationship)))
    b = (item.b.language, t(*item.b.source(relationship)))
    return RenderedQuestion(id=item.id, question=text, options=(a, b))


def suggestions(
    relationship: Relationship, language: LoveLanguage, engine: Engine | None = None
) -> tuple[str, ...]:
    """Concrete ways to show care in *language* to someone in *relationship*.

    >>> suggestions(Relationship.FRIEND, LoveLanguage.QUALITY_TIME)[0]
    'Go for a long walk and talk.'
    """
    from intimacy._love_data import SUGGESTIONS

    entries = SUGGESTIONS[(relationship, language)]
    if engine is None:
        return tuple(text for _, text in entries)
    return tuple(engine.translations.pgettext(context, text) for context, text in entries)


def describe_love_language(language: LoveLanguage, engine: Engine | None = None) -> str:
    """What *language* means, in a sentence (translated with *engine* when given)."""
    from intimacy._love_data import DESCRIPTIONS

    context, text = DESCRIPTIONS[language]
    return text if engine is None else str(engine.translations.pgettext(context, text))
