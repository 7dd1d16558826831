"""The library's own messages, marked for extraction into ``locales/intimacy.pot``.

Each message has a message context of its own, so that every entry of the
catalog is unique and a translator always knows where it appears.  The
``pgettext`` and ``npgettext`` functions here only *mark* messages for
``pybabel extract`` (they are among its default keywords) and return the
English source; translation happens per call, through an engine's catalog.

Variants: a message whose context ends in ``@feminine`` or ``@masculine`` is
used instead of the neutral one when the person it refers to has that
grammatical gender, and one ending in ``@plural`` when it refers to several
people, if the translation exists (see the translators' guide).
"""

from __future__ import annotations

from intimacy._models import Depth, LoveLanguage, Relationship, Theme

__all__ = [
    "DISPLAY_NAMES",
    "GENDER_SUFFIXES",
    "LABELS",
    "NOUNS",
    "PLURALS",
    "npgettext",
    "pgettext",
]


def pgettext(context: str, message: str) -> str:
    """Mark *message* for extraction under *context*; return it unchanged."""
    del context
    return message


def npgettext(context: str, singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with plural forms for extraction; return both English forms."""
    del context
    return singular, plural


#: The suffixes of variant message contexts: by grammatical gender, and for several people.
GENDER_SUFFIXES = {"feminine": "@feminine", "masculine": "@masculine", "plural": "@plural"}

#: Headings and fixed sentences that layouts and the command line show, by name.
LABELS: dict[str, tuple[str, str]] = {
    name: (f"label.{name}", text)
    for name, text in {
        "why": pgettext("label.why", "Why it works"),
        "steps": pgettext("label.steps", "Steps"),
        "prompts": pgettext("label.prompts", "Prompts"),
        "care_notes": pgettext("label.care_notes", "Care notes"),
        "sources": pgettext("label.sources", "Sources"),
        "deck": pgettext("label.deck", "Conversation deck"),
        "first": pgettext("label.first", "Answers first"),
        "set": pgettext("label.set", "Set"),
        "closing": pgettext("label.closing", "Closing"),
        "receive": pgettext("label.receive", "How you like to receive care"),
        "give": pgettext("label.give", "How you tend to give care"),
        "choose": pgettext("label.choose", "Choose 1 or 2"),
        "ways": pgettext("label.ways", "Ways to show care"),
        "quiz_note": pgettext(
            "label.quiz_note",
            "These scores describe preferences, not a diagnosis: research finds little support "
            "for matching love languages, so treat them as a menu of ways to show care.",
        ),
        "plan": pgettext("label.plan", "Practice plan"),
        "check_in": pgettext("label.check_in", "Check-in"),
        "pass": pgettext(
            "label.pass", "Anyone may pass on any prompt, at any time, without giving a reason."
        ),
        "not_therapy": pgettext(
            "label.not_therapy",
            "This exercise is a practice, not therapy. If it brings up something heavy, "
            "stop and consider talking to a qualified professional.",
        ),
    }.items()
}

#: Messages with plural forms: name -> (context, singular, plural).  The
#: number is available to translations as ``%(num)d``.
PLURALS: dict[str, tuple[str, str, str]] = {
    "prompts": (
        "plural.prompts",
        *npgettext("plural.prompts", "%(num)d prompt", "%(num)d prompts"),
    ),
    "people": ("plural.people", *npgettext("plural.people", "%(num)d person", "%(num)d people")),
    "items": ("plural.items", *npgettext("plural.items", "%(num)d answer", "%(num)d answers")),
    "exercises": (
        "plural.exercises",
        *npgettext("plural.exercises", "%(num)d exercise", "%(num)d exercises"),
    ),
}

#: How prompts name other people who have no name: relationship -> (one, several).
NOUNS: dict[Relationship, tuple[tuple[str, str], tuple[str, str]]] = {
    Relationship.PARTNER: (
        ("other.partner", pgettext("other.partner", "your partner")),
        ("others.partner", pgettext("others.partner", "your partners")),
    ),
    Relationship.FRIEND: (
        ("other.friend", pgettext("other.friend", "your friend")),
        ("others.friend", pgettext("others.friend", "your friends")),
    ),
    Relationship.FAMILY: (
        ("other.family", pgettext("other.family", "someone in your family")),
        ("others.family", pgettext("others.family", "your family members")),
    ),
    Relationship.COLLEAGUE: (
        ("other.colleague", pgettext("other.colleague", "your colleague")),
        ("others.colleague", pgettext("others.colleague", "your colleagues")),
    ),
}

# Gender variants of the nouns, for languages where "your friend" depends on
# the friend's grammatical gender.  English keeps the neutral words.
pgettext("other.partner@feminine", "your partner")
pgettext("other.partner@masculine", "your partner")
pgettext("other.friend@feminine", "your friend")
pgettext("other.friend@masculine", "your friend")
pgettext("other.family@feminine", "someone in your family")
pgettext("other.family@masculine", "someone in your family")
pgettext("other.colleague@feminine", "your colleague")
pgettext("other.colleague@masculine", "your colleague")

#: Display names of the vocabularies: enum member -> (context, English name).
DISPLAY_NAMES: dict[Relationship | LoveLanguage | Depth | Theme, tuple[str, str]] = {
    Relationship.PARTNER: ("relationship.partner", pgettext("relationship.partner", "Partner")),
    Relationship.FRIEND: ("relationship.friend", pgettext("relationship.friend", "Friend")),
    Relationship.FAMILY: ("relationship.family", pgettext("relationship.family", "Family")),
    Relationship.COLLEAGUE: (
        "relationship.colleague",
        pgettext("relationship.colleague", "Colleague"),
    ),
    LoveLanguage.WORDS_OF_AFFIRMATION: (
        "love_language.words_of_affirmation",
        pgettext("love_language.words_of_affirmation", "Words of affirmation"),
    ),
    LoveLanguage.ACTS_OF_SERVICE: (
        "love_language.acts_of_service",
        pgettext("love_language.acts_of_service", "Acts of service"),
    ),
    LoveLanguage.RECEIVING_GIFTS: (
        "love_language.receiving_gifts",
        pgettext("love_language.receiving_gifts", "Receiving gifts"),
    ),
    LoveLanguage.QUALITY_TIME: (
        "love_language.quality_time",
        pgettext("love_language.quality_time", "Quality time"),
    ),
    LoveLanguage.PHYSICAL_TOUCH: (
        "love_language.physical_touch",
        pgettext("love_language.physical_touch", "Physical touch"),
    ),
    Depth.LIGHT: ("depth.light", pgettext("depth.light", "Light")),
    Depth.PERSONAL: ("depth.personal", pgettext("depth.personal", "Personal")),
    Depth.DEEP: ("depth.deep", pgettext("depth.deep", "Deep")),
    Theme.LISTENING: ("theme.listening", pgettext("theme.listening", "Listening")),
    Theme.CURIOSITY: ("theme.curiosity", pgettext("theme.curiosity", "Curiosity")),
    Theme.EMPATHY: ("theme.empathy", pgettext("theme.empathy", "Empathy")),
    Theme.VULNERABILITY: ("theme.vulnerability", pgettext("theme.vulnerability", "Vulnerability")),
    Theme.APPRECIATION: ("theme.appreciation", pgettext("theme.appreciation", "Appreciation")),
    Theme.TRUST: ("theme.trust", pgettext("theme.trust", "Trust")),
    Theme.HONESTY: ("theme.honesty", pgettext("theme.honesty", "Honesty")),
    Theme.BOUNDARIES: ("theme.boundaries", pgettext("theme.boundaries", "Boundaries")),
    Theme.CONFLICT: ("theme.conflict", pgettext("theme.conflict", "Conflict")),
    Theme.FORGIVENESS: ("theme.forgiveness", pgettext("theme.forgiveness", "Forgiveness")),
    Theme.QUALITY_TIME: ("theme.quality_time", pgettext("theme.quality_time", "Quality time")),
    Theme.SHARED_GOALS: ("theme.shared_goals", pgettext("theme.shared_goals", "Shared goals")),
    Theme.RECIPROCITY: ("theme.reciprocity", pgettext("theme.reciprocity", "Reciprocity")),
    Theme.RESPECT: ("theme.respect", pgettext("theme.respect", "Respect")),
    Theme.CHECK_INS: ("theme.check_ins", pgettext("theme.check_ins", "Check-ins")),
    Theme.PHYSICAL_AFFECTION: (
        "theme.physical_affection",
        pgettext("theme.physical_affection", "Physical affection"),
    ),
}
