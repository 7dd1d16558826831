"""The one engine every prompt, step and layout renders through.

An :class:`Engine` is prepared for one locale and holds no per-call state, so one
engine can be shared by any number of threads, and engines for different
locales can render at the same time.  Nothing is installed globally.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from intimacy._errors import InvalidNameError, LocaleError, TemplateError
from intimacy._locales import Negotiated
from intimacy._messages import DISPLAY_NAMES, GENDER_SUFFIXES, LABELS, NOUNS, PLURALS
from intimacy._models import (
    Depth,
    Exercise,
    LoveLanguage,
    Prompt,
    PromptKind,
    Relationship,
    Theme,
)
from intimacy._people import Person

if TYPE_CHECKING:
    import babel
    import jinja2

__all__ = ["Engine", "RenderContext", "RenderedExercise", "RenderedPrompt", "engine_for"]

_LAYOUT_DIR = Path(__file__).resolve().parent / "templates"
_MAX_LOCALE_LENGTH = 35


def _others(value: object) -> tuple[Person, ...]:
    if isinstance(value, Person):
        return (value,)
    if isinstance(value, str):
        return (Person(value),)
    if not isinstance(value, list | tuple):
        msg = "others must be a Person, a name, or a sequence of them"
        raise TypeError(msg)
    people = tuple(p if isinstance(p, Person) else Person(p) for p in value)
    if not people:
        msg = "others must name at least one person"
        raise InvalidNameError(msg)
    return people


@attrs.frozen
class RenderContext:
    """Who an exercise is rendered for.

    >>> ctx = RenderContext(Relationship.FRIEND, others=["Sam", "Alex"])
    >>> [p.name for p in ctx.others]
    ['Sam', 'Alex']
    """

    #: The relationship between the reader and the others.
    relationship: Relationship = attrs.field(validator=attrs.validators.instance_of(Relationship))
    #: The other people taking part (names or :class:`Person` objects); at least one.
    others: tuple[Person, ...] = attrs.field(default=(Person(),), converter=_others)
    #: The person reading the prompts aloud.
    reader: Person = attrs.field(factory=Person, validator=attrs.validators.instance_of(Person))
    #: The love language the session focuses on, if any.
    focus: LoveLanguage | None = None


@attrs.frozen
class RenderedPrompt:
    """A prompt rendered for real people in one locale."""

    #: The prompt's stable id.
    id: str
    #: The id of its exercise.
    exercise_id: str
    #: Its depth.
    depth: Depth
    #: Its kind.
    kind: PromptKind
    #: The rendered text.
    text: str


@attrs.frozen
class RenderedExercise:
    """An exercise rendered for real people in one locale; plain text, ready for a layout."""

    #: The exercise's id.
    id: str
    #: The locale it was rendered in, such as ``"en"``.
    locale: str
    #: The script direction of that locale, ``"ltr"`` or ``"rtl"``.
    direction: str
    #: How the other people were named.
    other: str
    #: Rendered title.
    title: str
    #: Rendered summary.
    summary: str
    #: Rendered "why it works".
    why: str
    #: Rendered steps, in order.
    steps: tuple[str, ...]
    #: Rendered prompts, in order.
    prompts: tuple[RenderedPrompt, ...]
    #: Care notes.
    care_notes: tuple[str, ...]
    #: Sources, formatted as references.
    sources: tuple[str, ...]


#: The most characters one rendering may produce, unless an engine says otherwise.
DEFAULT_MAX_OUTPUT = 2_000_000
#: Script direction of the shipped locales, known without loading Babel's data.
_DIRECTIONS = {"ar": "rtl", "en": "ltr", "es": "ltr", "fr": "ltr", "de": "ltr", "it": "ltr",
               "pt_BR": "ltr", "pl": "ltr", "ja": "ltr", "zh_Hans": "ltr"}  # fmt: skip


def _direction(locale: babel.Locale) -> str:
    known = _DIRECTIONS.get(str(locale))
    if known is not None:
        return known
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


_PLAIN, _OTHER_ONLY, _TEMPLATE = 0, 1, 2
_OTHER = "{{ other }}"


def _mode(source: str) -> int:
    """How a text must be rendered: as is, by substituting ``{{ other }}``, or by Jinja."""
    if "\r" in source:
        return _TEMPLATE  # Jinja normalises newlines; keep its exact behaviour
    rest = source.replace(_OTHER, "")
    if "{{" in rest or "{%" in rest or "{#" in rest:
        return _TEMPLATE
    return _OTHER_ONLY if rest != source else _PLAIN


def parse_locale(identifier: str) -> babel.Locale:
    """Parse a locale identifier with Babel, refusing hostile input.

    Raises:
        LocaleError: when the identifier is malformed or unknown.
    """
    import babel

    if not isinstance(identifier, str) or not identifier or len(identifier) > _MAX_LOCALE_LENGTH:
        msg = f"not a locale identifier: {identifier!r:.40}"
        raise LocaleError(msg)
    if not all(ch.isascii() and (ch.isalnum() or ch in "_-") for ch in identifier):
        msg = f"not a locale identifier: {identifier!r:.40}"
        raise LocaleError(msg)
    try:
        return babel.Locale.parse(identifier.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError) as exc:
        msg = f"unknown locale {identifier!r}: {exc}"
        raise LocaleError(msg) from None


class Engine:
    """Renders exercise templates and layouts for one locale.

    >>> engine = Engine("en")
    >>> ctx = RenderContext(Relationship.FRIEND, others=["Sam", "Alex", "Kim"])
    >>> engine.render("Ask {{ other }} about their week.", ctx)
    'Ask Sam, Alex, and Kim about their week.'
    >>> engine.render("Ask {{ other }} about their week.", RenderContext(Relationship.FAMILY))
    'Ask someone in your family about their week.'

    Args:
        locale: The locale to render in: an identifier such as ``"de"`` or ``"pt-BR"``,
            or an ``Accept-Language`` header.  It is negotiated against the shipped
            locales (see :func:`negotiate`); :attr:`locale` tells which one serves.
        layouts: A folder whose templates override the built-in layouts of the same name.
        max_output: The most characters one rendering may produce.
        translations: A catalog of your own to use instead of the shipped one; the
            locale is then taken as given (any locale Babel knows), not negotiated.

    Every template renders in an immutable sandbox with
    :class:`~jinja2.StrictUndefined`; values such as names are data and are never
    evaluated as templates.
    """

    def __init__(
        self,
        locale: str = "en",
        *,
        layouts: str | os.PathLike[str] | None = None,
        max_output: int | None = None,
        translations: gettext.NullTranslations | None = None,
    ) -> None:
        from intimacy._locales import negotiate
        from intimacy._locales import translations as shipped

        if translations is None:
            #: How the requested locale was negotiated.
            self.negotiated: Negotiated = negotiate(locale)
            translations = shipped(self.negotiated.locale)
            self._locale = parse_locale(self.negotiated.locale)
        else:
            self._locale = parse_locale(locale)
            self.negotiated = Negotiated(locale=str(self._locale), requested=locale, exact=True)
        #: The locale that serves this engine, such as ``"pt_BR"``.
        self.locale: str = str(self._locale)
        self.direction: str = _direction(self._locale)
        self._layouts = None if layouts is None else Path(layouts)
        if self._layouts is not None and not self._layouts.is_dir():
            msg = f"the layouts folder does not exist: {self._layouts}"
            raise TemplateError(msg, template=str(self._layouts))
        self._max_output = DEFAULT_MAX_OUTPUT if max_output is None else max_output
        self._translations = translations
        self._compile = functools.lru_cache(maxsize=8192)(self._compile_uncached)
        # Per-engine caches for the fast path (see ``_fast_text``).  Plain dicts:
        # a racing fill stores an equal value, so threads need no lock.
        self._sources: dict[tuple[str, str, Any], tuple[int, str]] = {}
        self._phrases: dict[tuple[Relationship, tuple[Person, ...]], str] = {}
        self._prompts: dict[tuple[str, str, Any], tuple[int, str, str]] = {}

    # -- environments ------------------------------------------------------------

    @functools.cached_property
    def _text_env(self) -> jinja2.Environment:
        return self._make_env(html=False)

    @functools.cached_property
    def _html_env(self) -> jinja2.Environment:
        return self._make_env(html=True)

    def _make_env(self, *, html: bool) -> jinja2.Environment:
        import jinja2

        from intimacy._sandbox import SandboxEnvironment

        loaders: list[jinja2.BaseLoader] = []
        if self._layouts is not None:
            loaders.append(jinja2.FileSystemLoader(self._layouts))
        loaders.append(jinja2.FileSystemLoader(_LAYOUT_DIR))
        env = SandboxEnvironment(
            extensions=["jinja2.ext.i18n"],
            autoescape=html or jinja2.select_autoescape(("html", "htm"), default_for_string=False),
            undefined=jinja2.StrictUndefined,
            loader=jinja2.ChoiceLoader(loaders),
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        # This environment belongs to this engine alone, so its catalog is bound
        # once, here, and never replaced: no other locale can leak into it.
        t = self._translations
        env.install_gettext_callables(  # type: ignore[attr-defined]
            t.gettext, t.ngettext, newstyle=True, pgettext=t.pgettext, npgettext=t.npgettext
        )
        return env

    def _compile_uncached(self, source: str, html: bool) -> jinja2.Template:
        import jinja2

        env = self._html_env if html else self._text_env
        try:
            return env.from_string(source)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"syntax error: {exc.message}", lineno=exc.lineno) from None

    # -- context -----------------------------------------------------------------

    def other_phrase(self, context: RenderContext) -> str:
        """How the prompts name the other people in *context*.

        Names are joined with the locale's list pattern; people without names are
        called by a noun for the relationship ("your friend").
        """
        from babel.lists import format_list

        one, many = NOUNS[context.relationship]
        named = [p.name for p in context.others if p.name is not None]
        unnamed = [p for p in context.others if p.name is None]
        if len(unnamed) == 1:
            named.append(self._gendered(*one, unnamed[0].gender.value))
        elif unnamed:
            named.append(self._translations.pgettext(*many))
        return named[0] if len(named) == 1 else format_list(named, locale=self._locale)

    @property
    def translations(self) -> gettext.NullTranslations:
        """The engine's translation catalog (read it; never install it globally)."""
        return self._translations

    def _gendered(self, msgctxt: str, message: str, gender: str) -> str:
        """The translation of *message*, in its gender variant when there is one."""
        pgettext = self._translations.pgettext
        suffix = GENDER_SUFFIXES.get(gender)
        if suffix is not None:
            variant = pgettext(msgctxt + suffix, message)
            if variant != message:
                return variant
        return pgettext(msgctxt, message)

    def _text(self, msgctxt: str, message: str, context: RenderContext) -> str:
        """Translate an exercise text, choosing its variant for the people it mentions.

        A text that mentions the other people (``{{ other }}``) uses its
        ``@plural`` variant when they are several, and its ``@feminine`` or
        ``@masculine`` variant for one person of that grammatical gender, when the
        catalog translates the variant; otherwise the neutral translation.
        """
        if "{{" not in message:
            return self._translations.pgettext(msgctxt, message)
        if len(context.others) > 1:
            return self._gendered(msgctxt, message, "plural")
        return self._gendered(msgctxt, message, context.others[0].gender.value)

    def display_name(self, member: Relationship | LoveLanguage | Depth | Theme) -> str:
        """The name of a relationship, love language, depth or theme, in the engine's locale.

        >>> Engine("de").display_name(Depth.DEEP) != "Deep"
        True
        """
        msgctxt, message = DISPLAY_NAMES[member]
        return self._translations.pgettext(msgctxt, message)

    def plural(self, name: str, number: int) -> str:
        """A counted phrase such as ``"3 prompts"``, with the locale's plural rules.

        *name* is one of ``"prompts"``, ``"people"``, ``"exercises"`` or ``"items"``
        (answered assessment items).

        >>> Engine("en").plural("prompts", 1), Engine("en").plural("prompts", 12)
        ('1 prompt', '12 prompts')
        """
        msgctxt, singular, plural = PLURALS[name]
        return self._translations.npgettext(msgctxt, singular, plural, number) % {"num": number}

    def variables(self, context: RenderContext) -> dict[str, Any]:
        """The variables exercise templates may read, for *context*."""
        return {"other": self.other_phrase(context)}

    # -- rendering -----------------------------------------------------------------

    def _render(self, template: jinja2.Template, variables: Mapping[str, Any]) -> str:
        import jinja2

        from intimacy._sandbox import render_bounded

        try:
            return render_bounded(template, dict(variables), self._max_output)
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                f"undefined: {exc.message}", template=template.name or "<string>"
            ) from None
        except jinja2.TemplateError as exc:
            raise TemplateError(str(exc), template=template.name or "<string>") from None

    def render(self, source: str, context: RenderContext, *, html: bool = False) -> str:
        """Render one template *source* (a prompt text or a step) for *context*.

        With ``html=True`` the variables are HTML-escaped; otherwise the result is
        plain text and nothing is escaped.

        Raises:
            TemplateError: for a syntax error or an unknown variable.
            SecurityError: when the template tries something unsafe.
        """
        return self._render(self._compile(source, html), self.variables(context))

    def _phrase(self, context: RenderContext) -> str:
        key = (context.relationship, context.others)
        phrase = self._phrases.get(key)
        if phrase is None:
            phrase = self._phrases[key] = self.other_phrase(context)
        return phrase

    def _entry(self, msgctxt: str, message: str, context: RenderContext) -> tuple[int, str]:
        """The cached (mode, translated source) of a text for the people in *context*."""
        others = context.others
        # The variant depends on the gender of one other person, or on there being several.
        variant = others[0].gender if len(others) == 1 else None
        key = (msgctxt, message, variant)
        entry = self._sources.get(key)
        if entry is None:
            source = self._text(msgctxt, message, context)
            entry = self._sources[key] = (_mode(source), source)
        return entry

    def _fast_text(self, msgctxt: str, message: str, context: RenderContext) -> str:
        """Translate and render one exercise text, skipping Jinja when it is not needed.

        Most texts are plain, or only substitute ``{{ other }}``: for those the
        result is the translation itself, or the translation with the phrase put
        in, exactly what the full engine would produce (a test compares the two
        over every text in every locale).  Anything else renders through Jinja.
        """
        return self._finish(*self._entry(msgctxt, message, context), context)

    def _finish(self, mode: int, source: str, context: RenderContext) -> str:
        """Render a prepared source by its mode (see :func:`_mode`)."""
        if mode == _PLAIN:
            text = source
        elif mode == _OTHER_ONLY:
            text = source.replace(_OTHER, self._phrase(context))
        else:
            return self.render(source, context)
        if len(text) > self._max_output:
            return self.render(source, context)  # the full path raises the limit error
        return text

    def prompt_text(self, prompt: Prompt, context: RenderContext) -> str:
        """The text of *prompt* rendered for *context*, in the engine's locale.

        The same text as ``render_prompt(prompt, context).text``, without
        building a :class:`RenderedPrompt`.
        """
        return self._fast_text(prompt.id + ".text", prompt.text, context)

    def render_prompt(self, prompt: Prompt, context: RenderContext) -> RenderedPrompt:
        """Render *prompt* for *context*, translated into the engine's locale."""
        # The hot path of every deck: one cache lookup per prompt, and positional
        # arguments, which are noticeably cheaper than keywords.
        others = context.others
        key = (prompt.id, prompt.text, others[0].gender if len(others) == 1 else None)
        cached = self._prompts.get(key)
        if cached is None:
            mode, source = self._entry(prompt.id + ".text", prompt.text, context)
            cached = self._prompts[key] = (mode, source, prompt.exercise_id)
        mode, source, exercise_id = cached
        text = self._finish(mode, source, context)
        return RenderedPrompt(prompt.id, exercise_id, prompt.depth, prompt.kind, text)

    def render_exercise(self, exercise: Exercise, context: RenderContext) -> RenderedExercise:
        """Render every text of *exercise* for *context*."""
        t = self._translations.pgettext
        key = exercise.id
        return RenderedExercise(
            id=exercise.id,
            locale=self.locale,
            direction=self.direction,
            other=self.other_phrase(context),
            title=t(f"{key}.title", exercise.title),
            summary=t(f"{key}.summary", exercise.summary),
            why=t(f"{key}.why", exercise.why),
            steps=tuple(
                self._fast_text(f"{key}.steps.{n}", step, context)
                for n, step in enumerate(exercise.steps, 1)
            ),
            prompts=tuple(
                self.render_prompt(p, context)
                for p in exercise.prompts
                if context.relationship in p.relationships
            ),
            care_notes=tuple(
                t(f"{key}.care_notes.{n}", note) for n, note in enumerate(exercise.care_notes, 1)
            ),
            sources=tuple(str(source) for source in exercise.sources),
        )

    def labels(self) -> dict[str, str]:
        """The headings and fixed sentences layouts use, in the engine's locale."""
        labels = {name: self._translations.pgettext(*entry) for name, entry in LABELS.items()}
        for depth in Depth:
            labels[depth.value] = self.display_name(depth)
        return labels

    def overrides(self, name: str) -> bool:
        """Whether the engine's layouts folder has its own layout called *name*."""
        return self._layouts is not None and (self._layouts / name).is_file()

    def render_layout(self, name: str, **data: Any) -> str:
        """Render the layout template *name* (such as ``"exercise.html"``) with *data*.

        A layout of the same name in the ``layouts`` folder overrides the built-in
        one.  Layouts render in the sandbox; ``.html`` layouts are autoescaped.
        The layout also receives ``labels``, ``locale`` and ``direction``.

        Raises:
            TemplateError: when the layout is missing, malformed or uses an unknown variable.
            SecurityError: when the layout tries something unsafe.
        """
        import jinja2

        try:
            template = self._text_env.get_template(name)
        except jinja2.TemplateNotFound:
            raise TemplateError("no such layout", template=name) from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"syntax error: {exc.message}", template=name, lineno=exc.lineno
            ) from None
        variables = {"labels": self.labels(), "locale": self.locale, "direction": self.direction}
        return self._render(template, variables | data)


@functools.lru_cache(maxsize=32)
def _shared_engine(locale: str) -> Engine:
    return Engine(locale)


def engine_for(locale: str = "en") -> Engine:
    """The shared, prepared engine for *locale* (an identifier or Accept-Language header).

    The request is negotiated against the shipped locales, and one engine per
    shipped locale is built on first use and then reused: its compiled templates
    stay warm.  Engines hold no per-call state, so the shared one is safe to use
    from any number of threads.

    >>> engine_for("de-AT") is engine_for("de")
    True
    >>> engine_for("pt-PT").locale
    'pt_BR'

    Raises:
        LocaleError: for hostile input (see :func:`negotiate`).
    """
    from intimacy._locales import negotiate

    return _shared_engine(negotiate(locale).locale)
