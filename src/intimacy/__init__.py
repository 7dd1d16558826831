"""intimacy: vetted, typed, localized exercises that build trust and emotional intimacy.

The public API is re-exported here; everything in a module whose name starts
with an underscore is internal and may change without notice.

>>> import intimacy
>>> catalog = intimacy.load_catalog()
>>> exercise = catalog["reflective-listening"]
>>> exercise.title
'Say it back'
>>> [p.depth.value for p in exercise.prompts]
['light', 'personal', 'deep']
"""

from intimacy._catalog import Catalog, load_catalog, load_exercise_dir
from intimacy._deck import Deck, DeckError, DeckSpec, question_of_the_day, select
from intimacy._engine import Engine, RenderContext, RenderedExercise, RenderedPrompt, engine_for
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
from intimacy._people import Gender, Person
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
from intimacy._version import __version__

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
