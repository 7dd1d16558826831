"""intimacy: vetted, typed, localized exercises that build trust and emotional intimacy.

The public API is re-exported here; everything in a module whose name starts
with an underscore is internal and may change without notice.

The names below load their modules on first use, so ``import intimacy`` stays
cheap: Jinja, Babel's data and cattrs are imported only when something needs them.

>>> import intimacy
>>> catalog = intimacy.load_catalog()
>>> exercise = catalog["reflective-listening"]
>>> exercise.title
'Say it back'
>>> [p.depth.value for p in exercise.prompts]
['light', 'personal', 'deep']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intimacy._version import __version__

if TYPE_CHECKING:
    from intimacy._catalog import (
        Catalog,
        load_catalog,
        load_exercise_dir,
    )
    from intimacy._deck import (
        Deck,
        DeckError,
        DeckSpec,
        question_of_the_day,
        select,
    )
    from intimacy._engine import (
        Engine,
        RenderContext,
        RenderedExercise,
        RenderedPrompt,
        engine_for,
    )
    from intimacy._errors import (
        CatalogError,
        IntimacyError,
        InvalidNameError,
        LocaleError,
        Problem,
        SecurityError,
        TemplateError,
        TemplateLimitError,
    )
    from intimacy._export import (
        ExportError,
        RenderedCard,
        RenderedDeck,
        export,
        render_deck,
        write_atomic,
    )
    from intimacy._locales import (
        LOCALES,
        LocaleInfo,
        Negotiated,
        TranslationError,
        locale_info,
        negotiate,
    )
    from intimacy._love import (
        Direction,
        Profile,
        QuizError,
        QuizItem,
        RenderedQuestion,
        Scores,
        Statement,
        describe_love_language,
        language_weights,
        mismatch,
        profile,
        quiz_items,
        render_question,
        score,
        suggestions,
    )
    from intimacy._models import (
        Citation,
        ContentTag,
        Depth,
        Exercise,
        ExerciseFormat,
        Frequency,
        LoveLanguage,
        Participants,
        Prompt,
        PromptKind,
        Relationship,
        Theme,
    )
    from intimacy._people import (
        Gender,
        Person,
    )
    from intimacy._plan import (
        Plan,
        PlanError,
        PlanSpec,
        Session,
        build_plan,
        plan_to_ics,
        plan_to_json,
        plan_to_markdown,
    )
    from intimacy._protocol import (
        ClosingRitual,
        Protocol,
        ProtocolError,
        ProtocolSet,
        RenderedProtocol,
        RenderedSet,
        closeness_protocol,
        render_protocol,
    )
    from intimacy._version import (
        __version__,
    )

#: Where each public name lives: name -> private module.
_LAZY: dict[str, str] = {
    "Catalog": "intimacy._catalog",
    "CatalogError": "intimacy._errors",
    "Citation": "intimacy._models",
    "ClosingRitual": "intimacy._protocol",
    "ContentTag": "intimacy._models",
    "Deck": "intimacy._deck",
    "DeckError": "intimacy._deck",
    "DeckSpec": "intimacy._deck",
    "Depth": "intimacy._models",
    "Direction": "intimacy._love",
    "Engine": "intimacy._engine",
    "Exercise": "intimacy._models",
    "ExerciseFormat": "intimacy._models",
    "ExportError": "intimacy._export",
    "Frequency": "intimacy._models",
    "Gender": "intimacy._people",
    "IntimacyError": "intimacy._errors",
    "InvalidNameError": "intimacy._errors",
    "LOCALES": "intimacy._locales",
    "LocaleError": "intimacy._errors",
    "LocaleInfo": "intimacy._locales",
    "LoveLanguage": "intimacy._models",
    "Negotiated": "intimacy._locales",
    "Participants": "intimacy._models",
    "Person": "intimacy._people",
    "Plan": "intimacy._plan",
    "PlanError": "intimacy._plan",
    "PlanSpec": "intimacy._plan",
    "Problem": "intimacy._errors",
    "Profile": "intimacy._love",
    "Prompt": "intimacy._models",
    "PromptKind": "intimacy._models",
    "Protocol": "intimacy._protocol",
    "ProtocolError": "intimacy._protocol",
    "ProtocolSet": "intimacy._protocol",
    "QuizError": "intimacy._love",
    "QuizItem": "intimacy._love",
    "Relationship": "intimacy._models",
    "RenderContext": "intimacy._engine",
    "RenderedCard": "intimacy._export",
    "RenderedDeck": "intimacy._export",
    "RenderedExercise": "intimacy._engine",
    "RenderedPrompt": "intimacy._engine",
    "RenderedProtocol": "intimacy._protocol",
    "RenderedQuestion": "intimacy._love",
    "RenderedSet": "intimacy._protocol",
    "Scores": "intimacy._love",
    "SecurityError": "intimacy._errors",
    "Session": "intimacy._plan",
    "Statement": "intimacy._love",
    "TemplateError": "intimacy._errors",
    "TemplateLimitError": "intimacy._errors",
    "Theme": "intimacy._models",
    "TranslationError": "intimacy._locales",
    "__version__": "intimacy._version",
    "build_plan": "intimacy._plan",
    "closeness_protocol": "intimacy._protocol",
    "describe_love_language": "intimacy._love",
    "engine_for": "intimacy._engine",
    "export": "intimacy._export",
    "language_weights": "intimacy._love",
    "load_catalog": "intimacy._catalog",
    "load_exercise_dir": "intimacy._catalog",
    "locale_info": "intimacy._locales",
    "mismatch": "intimacy._love",
    "negotiate": "intimacy._locales",
    "plan_to_ics": "intimacy._plan",
    "plan_to_json": "intimacy._plan",
    "plan_to_markdown": "intimacy._plan",
    "profile": "intimacy._love",
    "question_of_the_day": "intimacy._deck",
    "quiz_items": "intimacy._love",
    "render_deck": "intimacy._export",
    "render_protocol": "intimacy._protocol",
    "render_question": "intimacy._love",
    "score": "intimacy._love",
    "select": "intimacy._deck",
    "suggestions": "intimacy._love",
    "write_atomic": "intimacy._export",
}

__all__ = [
    "LOCALES",
    "Catalog",
    "CatalogError",
    "Citation",
    "ClosingRitual",
    "ContentTag",
    "Deck",
    "DeckError",
    "DeckSpec",
    "Depth",
    "Direction",
    "Engine",
    "Exercise",
    "ExerciseFormat",
    "ExportError",
    "Frequency",
    "Gender",
    "IntimacyError",
    "InvalidNameError",
    "LocaleError",
    "LocaleInfo",
    "LoveLanguage",
    "Negotiated",
    "Participants",
    "Person",
    "Plan",
    "PlanError",
    "PlanSpec",
    "Problem",
    "Profile",
    "Prompt",
    "PromptKind",
    "Protocol",
    "ProtocolError",
    "ProtocolSet",
    "QuizError",
    "QuizItem",
    "Relationship",
    "RenderContext",
    "RenderedCard",
    "RenderedDeck",
    "RenderedExercise",
    "RenderedPrompt",
    "RenderedProtocol",
    "RenderedQuestion",
    "RenderedSet",
    "Scores",
    "SecurityError",
    "Session",
    "Statement",
    "TemplateError",
    "TemplateLimitError",
    "Theme",
    "TranslationError",
    "__version__",
    "build_plan",
    "closeness_protocol",
    "describe_love_language",
    "engine_for",
    "export",
    "language_weights",
    "load_catalog",
    "load_exercise_dir",
    "locale_info",
    "mismatch",
    "negotiate",
    "plan_to_ics",
    "plan_to_json",
    "plan_to_markdown",
    "profile",
    "question_of_the_day",
    "quiz_items",
    "render_deck",
    "render_protocol",
    "render_question",
    "score",
    "select",
    "suggestions",
    "write_atomic",
]


def __getattr__(name: str) -> Any:
    """Import the module behind a public name on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'intimacy' has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, for ``dir()`` and tab completion."""
    return sorted(__all__)
