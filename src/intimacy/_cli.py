"""The ``intimacy`` command line.

Every error reaches the user as one line on standard error, prefixed with
``intimacy: error:``, and a non-zero exit status: 1 for a failure, 2 for a
mistake in the command's words.  Tracebacks are never shown.

Every command takes ``--locale``; without it the locale comes from
``INTIMACY_LOCALE``, then ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``, and is
negotiated against the shipped locales.  Help texts, headings and the content
itself are shown in that locale.  Give ``--locale`` before ``--help`` to get
help in another language than the environment's.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from intimacy._catalog import Catalog, load_catalog
from intimacy._deck import DeckSpec, select
from intimacy._engine import Engine, RenderContext, engine_for
from intimacy._errors import CatalogError, IntimacyError
from intimacy._export import export, render_deck, write_atomic
from intimacy._models import Depth, Exercise, LoveLanguage, Relationship, Theme
from intimacy._people import Gender, Person
from intimacy._protocol import closeness_protocol, protocol_to_json, render_protocol
from intimacy._version import __version__

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])
_LOCALE_KEY = "intimacy.locale"


class _Message(str):
    """An English CLI message that remembers its message context."""

    __slots__ = ("context",)
    context: str


def pgettext(context: str, message: str) -> _Message:
    """Mark a CLI message for extraction; translated when shown (see :func:`_tr`)."""
    marked = _Message(message)
    marked.context = context
    return marked


# -- locale ------------------------------------------------------------------------


def _environment_locale() -> str:
    for name in ("INTIMACY_LOCALE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        value = value.split(".", 1)[0].split("@", 1)[0]
        if value and value not in {"C", "POSIX"}:
            return value
    return "en"


def _locale(ctx: click.Context | None) -> str:
    while ctx is not None:
        value = ctx.meta.get(_LOCALE_KEY)
        if isinstance(value, str):
            return value
        ctx = ctx.parent
    return _environment_locale()


def _engine(ctx: click.Context | None, **options: Any) -> Engine:
    if options.get("layouts") is None:
        return engine_for(_locale(ctx))
    return Engine(_locale(ctx), **options)


def _tr(ctx: click.Context | None, message: str | None) -> str:
    if message is None:
        return ""
    context = getattr(message, "context", None)
    if context is None:
        return message
    try:
        return _engine(ctx).translations.pgettext(context, str(message))
    except IntimacyError:
        return str(message)


def _say(message: str, **values: object) -> str:
    """A CLI message in the current command's locale, with its ``%(name)s`` values."""
    return _tr(click.get_current_context(silent=True), message) % values


def _remember_locale(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    del param
    from intimacy._locales import negotiate

    if value is None and _LOCALE_KEY in ctx.meta:
        return str(ctx.meta[_LOCALE_KEY])  # given to the group, or already resolved
    ctx.meta[_LOCALE_KEY] = negotiate(value or _environment_locale()).locale
    return str(ctx.meta[_LOCALE_KEY])


# -- localized click classes ---------------------------------------------------------


# Click's own help chrome, which Click translates only through a process-wide
# gettext domain: ours are translated per call instead.
_CHROME = {
    "usage": pgettext("cli.chrome.usage", "Usage:"),
    "Options": pgettext("cli.chrome.options", "Options"),
    "Commands": pgettext("cli.chrome.commands", "Commands"),
    "default": pgettext("cli.chrome.default", "default"),
    "required": pgettext("cli.chrome.required", "required"),
    "help": pgettext("cli.chrome.help", "Show this message and exit."),
    "version": pgettext("cli.chrome.version", "Show the version and exit."),
}
_EXTRA = re.compile(r"  \[([^\[\]]*)\]$")


def _translate_extra(ctx: click.Context, text: str) -> str:
    """Translate the ``[default: ...; required]`` note Click appends to option help."""
    match = _EXTRA.search(text)
    if match is None:
        return text
    parts = []
    for part in match.group(1).split("; "):
        if part.startswith("default: "):
            part = f"{_tr(ctx, _CHROME['default'])}: {part.removeprefix('default: ')}"
        elif part == "required":
            part = _tr(ctx, _CHROME["required"])
        parts.append(part)
    return f"{text[: match.start()]}  [{'; '.join(parts)}]"


class _Option(click.Option):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Click cleans the help text into a plain str, which drops its context.
        self._help_message = kwargs.get("help")
        super().__init__(*args, **kwargs)

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        shown = copy.copy(self)
        if self._help_message is not None:
            shown.help = _tr(ctx, self._help_message)
        record = click.Option.get_help_record(shown, ctx)
        if record is None:
            return None
        return record[0], _translate_extra(ctx, record[1])


class _Formatter(click.HelpFormatter):
    def __init__(self, ctx: click.Context, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._ctx = ctx

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """Write the usage line with a translated prefix."""
        if prefix is None:
            prefix = _tr(self._ctx, _CHROME["usage"]) + " "
        super().write_usage(prog, args, prefix)

    @contextlib.contextmanager
    def section(self, name: str) -> Iterator[None]:
        """Open a section whose heading is translated when it is one of Click's."""
        message = _CHROME.get(name)
        with super().section(_tr(self._ctx, message) if message is not None else name):
            yield


class _Context(click.Context):
    def make_formatter(self) -> click.HelpFormatter:
        """A formatter that translates Click's headings for this context's locale."""
        return _Formatter(self, width=self.terminal_width, max_width=self.max_content_width)


def _localized_help_option(command: click.Command, ctx: click.Context) -> click.Option | None:
    option = click.Command.get_help_option(command, ctx)
    if option is not None and not isinstance(option, _Option):
        option.__class__ = _Option
        option._help_message = _CHROME["help"]  # type: ignore[attr-defined]
    return option


class _Command(click.Command):
    context_class = _Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """The ``--help`` option, with its help translated."""
        return _localized_help_option(self, ctx)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        shown = copy.copy(self)
        shown.help = _tr(ctx, self.help)
        click.Command.format_help_text(shown, ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        shown = copy.copy(self)
        shown.help = _tr(click.get_current_context(silent=True), self.help)
        return click.Command.get_short_help_str(shown, limit)


class _Group(click.Group):
    command_class = _Command
    context_class = _Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """The ``--help`` option, with its help translated."""
        return _localized_help_option(self, ctx)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        shown = copy.copy(self)
        shown.help = _tr(ctx, self.help)
        click.Group.format_help_text(shown, ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        shown = copy.copy(self)
        shown.help = _tr(click.get_current_context(silent=True), self.help)
        return click.Group.get_short_help_str(shown, limit)


_Group.group_class = _Group


def option(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """A click option whose help is translated when shown."""
    return click.option(*decls, cls=_Option, **attrs)


def locale_option(func: F) -> F:
    """The ``--locale`` option every command takes."""
    return option(
        "--locale",
        metavar="LOCALE",
        is_eager=True,
        expose_value=False,
        callback=_remember_locale,
        help=pgettext(
            "cli.option.locale",
            "Language of the output and help: a locale such as de or pt-BR, or an "
            "Accept-Language value [default: from INTIMACY_LOCALE or LANG].",
        ),
    )(func)


def _choice(enum_cls: type[Relationship] | type[Theme]) -> click.Choice[str]:
    return click.Choice([member.value for member in enum_cls])


def _format_option(choices: list[str], default: str) -> Callable[[F], F]:
    return option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=pgettext("cli.option.format", "Output format."),
    )


def _output_option(func: F) -> F:
    return option(
        "--output",
        type=click.Path(dir_okay=False),
        help=pgettext("cli.option.output", "Write here (atomically) instead of to stdout."),
    )(func)


# -- commands ----------------------------------------------------------------------


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=pgettext("cli.main", "Exercises that build trust and emotional intimacy."),
)
@click.version_option(__version__, prog_name="intimacy", cls=_Option, help=_CHROME["version"])
@locale_option
@option(
    "--exercises-dir",
    "exercise_dirs",
    multiple=True,
    type=click.Path(file_okay=False, dir_okay=True),
    help=pgettext(
        "cli.option.exercises_dir",
        "A folder of your own exercise files to add to the built-in catalog (repeatable).",
    ),
)
@click.pass_context
def cli(ctx: click.Context, exercise_dirs: tuple[str, ...]) -> None:
    """Exercises that build trust and emotional intimacy."""
    ctx.obj = exercise_dirs


def _catalog(ctx: click.Context) -> Catalog:
    dirs: tuple[str, ...] = ctx.find_root().obj or ()
    return load_catalog(*dirs)


def _exercise_data(exercise: Exercise) -> dict[str, Any]:
    from intimacy._convert import unstructure

    data: dict[str, Any] = unstructure(exercise)
    return data


def _dump_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)


def _table(rows: Sequence[tuple[str, ...]]) -> None:
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True)]
        click.echo("  ".join(cells).rstrip())


@cli.command(
    "exercises",
    help=pgettext("cli.exercises", "List the exercises in the catalog."),
)
@locale_option
@option(
    "--relationship",
    type=_choice(Relationship),
    help=pgettext("cli.option.only_relationship", "Only exercises for this relationship."),
)
@option(
    "--theme",
    type=_choice(Theme),
    help=pgettext("cli.option.only_theme", "Only exercises that practise this theme."),
)
@_format_option(["table", "json"], "table")
@click.pass_context
def exercises_command(
    ctx: click.Context, relationship: str | None, theme: str | None, fmt: str
) -> None:
    """List the exercises in the catalog."""
    found = _catalog(ctx).find(
        relationship=Relationship(relationship) if relationship else None,
        theme=Theme(theme) if theme else None,
    )
    if fmt == "json":
        payload = {"intimacy": __version__, "exercises": [_exercise_data(e) for e in found]}
        click.echo(_dump_json(payload))
        return
    engine = _engine(ctx)
    t = engine.translations.pgettext
    rows = [
        (
            t("cli.column.id", "ID"),
            t("cli.column.title", "Title"),
            t("cli.column.themes", "Themes"),
            t("cli.column.prompts", "Prompts"),
        )
    ]
    rows += [
        (
            e.id,
            t(f"{e.id}.title", e.title),
            ", ".join(engine.display_name(theme) for theme in e.themes),
            str(len(e.prompts)),
        )
        for e in found
    ]
    _table(rows)


# The column headings above, marked for extraction.
pgettext("cli.column.id", "ID")
pgettext("cli.column.title", "Title")
pgettext("cli.column.themes", "Themes")
pgettext("cli.column.prompts", "Prompts")


@cli.command(
    "show",
    help=pgettext("cli.show", "Show one exercise in full, rendered for the people taking part."),
)
@click.argument("exercise_id")
@locale_option
@_format_option(["text", "markdown", "html", "json"], "text")
@option(
    "--name",
    "names",
    multiple=True,
    help=pgettext("cli.option.show_name", "The other person's name (repeat for a group)."),
)
@option(
    "--gender",
    "genders",
    multiple=True,
    type=click.Choice([g.value for g in Gender]),
    help=pgettext("cli.option.gender", "The grammatical gender of each --name, in the same order."),
)
@option(
    "--relationship",
    type=_choice(Relationship),
    help=pgettext(
        "cli.option.show_relationship",
        "Your relationship to them [default: the exercise's first].",
    ),
)
@option(
    "--layouts",
    type=click.Path(file_okay=False, dir_okay=True, exists=True),
    help=pgettext(
        "cli.option.layouts", "A folder of layout templates that override the built-in ones."
    ),
)
@click.pass_context
def show_command(
    ctx: click.Context,
    exercise_id: str,
    fmt: str,
    names: tuple[str, ...],
    genders: tuple[str, ...],
    relationship: str | None,
    layouts: str | None,
) -> None:
    """Show one exercise in full, rendered for the people taking part."""
    catalog = _catalog(ctx)
    exercise = catalog.get(exercise_id)
    if exercise is None:
        msg = pgettext(
            "cli.error.no_exercise",
            "no exercise with id %(id)s; run 'intimacy exercises' to list them",
        )
        raise click.ClickException(_say(msg, id=repr(exercise_id[:80])))
    if fmt == "json":
        click.echo(_dump_json(_exercise_data(exercise)))
        return
    chosen = Relationship(relationship) if relationship else exercise.relationships[0]
    if chosen not in exercise.relationships:
        suits = ", ".join(r.value for r in exercise.relationships)
        raise click.ClickException(
            _say(
                pgettext(
                    "cli.error.not_for",
                    "exercise %(id)s is not for %(relationship)s; it suits: %(suits)s",
                ),
                id=repr(exercise.id),
                relationship=chosen.value,
                suits=suits,
            )
        )
    if len(genders) > len(names):
        raise click.UsageError(
            _say(pgettext("cli.error.name_per_gender", "give one --name for each --gender"))
        )
    people = tuple(
        Person(name, Gender(genders[i]) if i < len(genders) else Gender.UNSPECIFIED)
        for i, name in enumerate(names)
    ) or (Person(),)
    engine = _engine(ctx, layouts=layouts)
    rendered = engine.render_exercise(exercise, RenderContext(chosen, others=people))
    layout = {"text": "exercise.txt", "markdown": "exercise.md", "html": "exercise.html"}[fmt]
    click.echo(engine.render_layout(layout, exercise=rendered), nl=False)


def _depth_range(value: str) -> tuple[Depth, Depth]:
    low, _, high = value.partition(":")
    try:
        return Depth(low), Depth(high or low)
    except ValueError:
        msg = pgettext(
            "cli.error.depth",
            "--depth takes LEVEL or LOW:HIGH with levels light, personal, deep; got %(value)s",
        )
        raise click.BadParameter(_say(msg, value=f"{value!r:.40}")) from None


def _language_weight(value: str) -> tuple[LoveLanguage, float]:
    name, _, weight = value.partition("=")
    try:
        return LoveLanguage(name), float(weight) if weight else 2.0
    except ValueError:
        names = ", ".join(lang.value for lang in LoveLanguage)
        msg = pgettext(
            "cli.error.love_language",
            "--love-language takes NAME[=WEIGHT] with a name from %(names)s; got %(value)s",
        )
        raise click.BadParameter(_say(msg, names=names, value=f"{value!r:.40}")) from None


def _seen_ids(path: str) -> frozenset[str]:
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return frozenset(line.strip() for line in text.splitlines() if line.strip())
    if isinstance(data, dict) and isinstance(data.get("prompts"), list):
        return frozenset(str(p["id"]) for p in data["prompts"] if isinstance(p, dict) and "id" in p)
    if isinstance(data, list) and all(isinstance(i, str) for i in data):
        return frozenset(data)
    msg = pgettext(
        "cli.error.seen",
        "%(path)s: expected a deck exported as JSON, a JSON list of prompt ids, or one id a line",
    )
    raise click.BadParameter(_say(msg, path=path))


def _names_option(func: F) -> F:
    return option(
        "--name",
        "names",
        multiple=True,
        help=pgettext("cli.option.name", "A participant's name, in turn order (two or more)."),
    )(func)


@cli.command(
    "deck", help=pgettext("cli.deck", "Generate a deck of prompts for the people taking part.")
)
@locale_option
@option(
    "--relationship",
    type=_choice(Relationship),
    required=True,
    help=pgettext("cli.option.relationship", "Who the deck is for."),
)
@option(
    "--count",
    type=click.IntRange(1, 500),
    default=12,
    show_default=True,
    help=pgettext("cli.option.count", "Number of prompts."),
)
@option(
    "--minutes",
    type=click.IntRange(1, 1500),
    help=pgettext("cli.option.minutes", "A time budget instead of a count."),
)
@option(
    "--depth",
    default="light:deep",
    show_default=True,
    help=pgettext("cli.option.depth", "LEVEL or LOW:HIGH."),
)
@option(
    "--min-per-level",
    type=click.IntRange(0, 500),
    default=1,
    show_default=True,
    help=pgettext("cli.option.min_per_level", "Prompts of a level before the deck moves deeper."),
)
@option(
    "--theme",
    "themes",
    multiple=True,
    type=_choice(Theme),
    help=pgettext("cli.option.theme", "Only these themes."),
)
@option(
    "--exclude-theme",
    "exclude",
    multiple=True,
    type=_choice(Theme),
    help=pgettext("cli.option.exclude_theme", "Leave these themes out."),
)
@option(
    "--love-language",
    "languages",
    multiple=True,
    metavar="NAME[=WEIGHT]",
    help=pgettext(
        "cli.option.love_language", "Favour prompts that speak this love language (repeatable)."
    ),
)
@option(
    "--remote",
    is_flag=True,
    help=pgettext("cli.option.remote", "Only exercises that work over a call or by message."),
)
@option(
    "--allow-care-notes",
    is_flag=True,
    help=pgettext("cli.option.allow_care_notes", "Let exercises that carry care notes appear."),
)
@_names_option
@option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help=pgettext("cli.option.seed", "The same seed gives the same deck."),
)
@option(
    "--exclude-seen",
    type=click.Path(dir_okay=False, exists=True),
    help=pgettext(
        "cli.option.exclude_seen", "A previous JSON export, or a list of prompt ids, to avoid."
    ),
)
@_format_option(["json", "markdown", "text", "csv", "html"], "text")
@_output_option
@option(
    "--paper",
    type=click.Choice(["a4", "letter"]),
    default="a4",
    show_default=True,
    help=pgettext("cli.option.paper", "Page size for printing HTML cards."),
)
@option(
    "--template",
    type=click.Path(dir_okay=False, exists=True),
    help=pgettext(
        "cli.option.template",
        "A custom layout template (rendered in the sandbox) receiving 'deck'.",
    ),
)
@click.pass_context
def deck_command(
    ctx: click.Context,
    relationship: str,
    count: int,
    minutes: int | None,
    depth: str,
    min_per_level: int,
    themes: tuple[str, ...],
    exclude: tuple[str, ...],
    languages: tuple[str, ...],
    remote: bool,
    allow_care_notes: bool,
    names: tuple[str, ...],
    seed: int,
    exclude_seen: str | None,
    fmt: str,
    output: str | None,
    paper: str,
    template: str | None,
) -> None:
    """Generate a deck of prompts for the people taking part."""
    low, high = _depth_range(depth)
    people: list[Person | str] = list(names)
    people += [Person()] * max(0, 2 - len(people))
    spec = DeckSpec(
        Relationship(relationship),
        participants=people,
        count=count,
        minutes=minutes,
        min_depth=low,
        max_depth=high,
        min_per_level=min_per_level,
        themes=[Theme(t) for t in themes],
        exclude_themes=[Theme(t) for t in exclude],
        love_language_weights=[_language_weight(v) for v in languages],
        remote_only=remote,
        allow_care_noted=allow_care_notes,
        history=_seen_ids(exclude_seen) if exclude_seen else (),
        seed=seed,
    )
    catalog = _catalog(ctx)
    layouts = str(Path(template).parent) if template else None
    engine = _engine(ctx, layouts=layouts)
    rendered = render_deck(select(catalog, spec), catalog, engine)
    text = export(
        rendered, fmt, engine, template=Path(template).name if template else None, paper=paper
    )
    _emit(text, output)


@cli.group(
    "protocol",
    help=pgettext("cli.protocol", "Run a research protocol: fixed, timed sets of prompts."),
)
def protocol_group() -> None:
    """Run a research protocol: fixed, timed sets of prompts."""


@protocol_group.command(
    "closeness",
    help=pgettext(
        "cli.protocol.closeness",
        "The closeness protocol: three sets of rising questions (after Aron et al. 1997). "
        "Two people take turns answering twelve questions per set, about fifteen minutes "
        "per set, swapping who answers first each time.",
    ),
)
@locale_option
@option(
    "--relationship",
    type=click.Choice(["partner", "friend", "family"]),
    default="friend",
    show_default=True,
    help=pgettext("cli.option.protocol_relationship", "Who is taking part."),
)
@option(
    "--name",
    "names",
    multiple=True,
    help=pgettext("cli.option.protocol_name", "A participant's name, in turn order (two)."),
)
@option(
    "--minutes-per-set",
    type=click.IntRange(1, 240),
    default=15,
    show_default=True,
    help=pgettext("cli.option.minutes_per_set", "The time budget of each set."),
)
@option(
    "--closing/--no-closing",
    default=True,
    show_default=True,
    help=pgettext("cli.option.closing", "End with up to four minutes of quiet eye contact."),
)
@_format_option(["text", "markdown", "json"], "text")
@_output_option
@click.pass_context
def closeness_command(
    ctx: click.Context,
    relationship: str,
    names: tuple[str, ...],
    minutes_per_set: int,
    closing: bool,
    fmt: str,
    output: str | None,
) -> None:
    """The closeness protocol: three sets of rising questions (after Aron et al. 1997)."""
    protocol = closeness_protocol(
        _catalog(ctx),
        relationship=Relationship(relationship),
        minutes_per_set=minutes_per_set,
        closing=closing,
    )
    engine = _engine(ctx)
    people: list[Person | str] = list(names)
    people += [Person()] * max(0, 2 - len(people))
    rendered = render_protocol(protocol, engine, people)
    if fmt == "json":
        text = protocol_to_json(rendered)
    else:
        layout = "protocol.md" if fmt == "markdown" else "protocol.txt"
        text = engine.render_layout(layout, protocol=rendered)
    _emit(text, output)


@cli.command(
    "quiz",
    help=pgettext(
        "cli.quiz",
        "Take the love-languages self-assessment: 30 pairs of statements, asked for how you "
        "like to receive care and how you tend to give it. A menu of ways to show care, "
        "not a diagnosis.",
    ),
)
@locale_option
@option(
    "--relationship",
    type=_choice(Relationship),
    default="partner",
    show_default=True,
    help=pgettext("cli.option.quiz_relationship", "Whom the statements are about."),
)
@option(
    "--direction",
    type=click.Choice(["both", "receive", "give"]),
    default="both",
    show_default=True,
    help=pgettext("cli.option.direction", "Ask about receiving care, giving it, or both."),
)
@option(
    "--items",
    "show_items",
    is_flag=True,
    help=pgettext("cli.option.items", "Print the item bank instead of asking."),
)
@option(
    "--answers",
    type=click.Path(dir_okay=False, exists=True),
    help=pgettext(
        "cli.option.answers",
        'Score a JSON object of item id -> chosen language (or {"receive": ..., '
        '"give": ...}) instead of asking.',
    ),
)
@_format_option(["text", "json"], "text")
@click.pass_context
def quiz_command(
    ctx: click.Context,
    relationship: str,
    direction: str,
    show_items: bool,
    answers: str | None,
    fmt: str,
) -> None:
    """Take the love-languages self-assessment."""
    from intimacy._love import Direction, Profile, profile, quiz_items, render_question, score

    engine = _engine(ctx)
    chosen = Relationship(relationship)
    directions = [
        Direction(d) for d in (("receive", "give") if direction == "both" else (direction,))
    ]
    if show_items:
        _print_items(engine, chosen, directions, fmt)
        return
    if answers is not None:
        try:
            data = json.loads(Path(answers).read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            msg = pgettext("cli.error.answers", "%(path)s: not a JSON file (%(reason)s)")
            raise click.BadParameter(_say(msg, path=answers, reason=exc)) from None
        result = profile(data)
    else:
        labels = engine.labels()
        given: dict[str, dict[str, str]] = {}
        items = quiz_items()
        for way in directions:
            given[way.value] = {}
            for n, item in enumerate(items, 1):
                question = render_question(item, engine, chosen, way)
                click.echo(f"\n[{n}/{len(items)}] {question.question}")
                for number, (_, text) in enumerate(question.options, 1):
                    click.echo(f"  {number}) {text}")
                pick = click.prompt(labels["choose"], type=click.Choice(["1", "2"]))
                given[way.value][item.id] = question.options[int(pick) - 1][0].value
        result = Profile(receive=score(given.get("receive", {})), give=score(given.get("give", {})))
    if fmt == "json":
        click.echo(_dump_json({"relationship": chosen.value, **result.as_dict()}))
        return
    _print_profile(engine, chosen, result, directions)


def _print_items(
    engine: Engine, relationship: Relationship, directions: list[Any], fmt: str
) -> None:
    from intimacy._love import quiz_items, render_question

    questions = {
        way.value: [render_question(item, engine, relationship, way) for item in quiz_items()]
        for way in directions
    }
    first = next(iter(questions.values()))
    if fmt == "json":
        payload = {
            "locale": engine.locale,
            "relationship": relationship.value,
            "questions": {way: qs[0].question for way, qs in questions.items()},
            "items": [
                {
                    "id": q.id,
                    "statements": [
                        {"language": lang.value, "text": text} for lang, text in q.options
                    ],
                }
                for q in first
            ],
        }
        click.echo(_dump_json(payload))
        return
    for qs in questions.values():
        click.echo(qs[0].question)
    for q in first:
        (la, ta), (lb, tb) = q.options
        name_a, name_b = engine.display_name(la), engine.display_name(lb)
        click.echo(f"{q.id}  1) {ta} [{name_a}]  2) {tb} [{name_b}]")


def _print_profile(
    engine: Engine, relationship: Relationship, result: Any, directions: list[Any]
) -> None:
    from intimacy._love import suggestions

    labels = engine.labels()
    width = max(len(engine.display_name(lang)) for lang in LoveLanguage)
    for way in directions:
        scores = result.receive if way.value == "receive" else result.give
        click.echo(f"\n{labels[way.value]} ({engine.plural('items', scores.total)})")
        for lang, value in scores.ranked():
            name = engine.display_name(lang)
            click.echo(f"  {name.ljust(width)}  {'█' * value}{'·' * (12 - value)} {value}")
    top = result.receive.top() if result.receive.total else ()
    if top and len(top) < len(LoveLanguage):
        click.echo(f"\n{labels['ways']}:")
        for lang in top:
            for text in suggestions(relationship, lang, engine)[:2]:
                click.echo(f"  - {text}")
    click.echo(f"\n{labels['quiz_note']}")


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = pgettext("cli.error.start", "--start takes a date as YYYY-MM-DD; got %(value)s")
        raise click.BadParameter(_say(msg, value=f"{value!r:.40}")) from None


def _parse_time(value: str) -> dt.time:
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        msg = pgettext("cli.error.time", "--time takes a local time as HH:MM; got %(value)s")
        raise click.BadParameter(_say(msg, value=f"{value!r:.40}")) from None


@cli.command(
    "plan",
    help=pgettext(
        "cli.plan",
        "Make a practice plan of several weeks and export it to your calendar: a check-in "
        "every week, rotating themes, depth rising gently.",
    ),
)
@locale_option
@option(
    "--relationship",
    type=_choice(Relationship),
    default="partner",
    show_default=True,
    help=pgettext("cli.option.plan_relationship", "Who the plan is for."),
)
@option(
    "--weeks",
    type=int,
    default=6,
    show_default=True,
    help=pgettext("cli.option.weeks", "How many weeks the plan runs (1 to 52)."),
)
@option(
    "--start",
    required=True,
    help=pgettext("cli.option.start", "The first day of the plan, as YYYY-MM-DD."),
)
@option(
    "--days",
    default="mon,thu",
    show_default=True,
    help=pgettext("cli.option.days", "Weekdays of the sessions, such as mon,thu."),
)
@option(
    "--time",
    "at",
    default="19:00",
    show_default=True,
    help=pgettext("cli.option.time", "Local start time of each session, as HH:MM."),
)
@option(
    "--tz",
    default="UTC",
    show_default=True,
    help=pgettext("cli.option.tz", "IANA time zone of that time, such as Europe/Berlin."),
)
@option(
    "--minutes",
    type=int,
    default=30,
    show_default=True,
    help=pgettext("cli.option.session_minutes", "Length of each session in minutes."),
)
@option(
    "--theme",
    "themes",
    multiple=True,
    type=_choice(Theme),
    help=pgettext("cli.option.plan_theme", "Focus themes to rotate through (repeatable)."),
)
@_names_option
@option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help=pgettext("cli.option.plan_seed", "The same seed gives the same plan."),
)
@_format_option(["ics", "markdown", "json"], "markdown")
@_output_option
@click.pass_context
def plan_command(
    ctx: click.Context,
    relationship: str,
    weeks: int,
    start: str,
    days: str,
    at: str,
    tz: str,
    minutes: int,
    themes: tuple[str, ...],
    names: tuple[str, ...],
    seed: int,
    fmt: str,
    output: str | None,
) -> None:
    """Make a practice plan and export it to your calendar."""
    from intimacy._plan import PlanSpec, build_plan, plan_to_ics, plan_to_json, plan_to_markdown

    spec = PlanSpec(
        Relationship(relationship),
        start=_parse_date(start),
        weekdays=[d for d in days.split(",") if d.strip()],
        weeks=weeks,
        time=_parse_time(at),
        timezone=tz,
        participants=list(names),
        themes=[Theme(t) for t in themes],
        minutes=minutes,
        seed=seed,
    )
    plan = build_plan(_catalog(ctx), spec)
    engine = _engine(ctx)
    exporters = {"ics": plan_to_ics, "json": plan_to_json, "markdown": plan_to_markdown}
    _emit(exporters[fmt](plan, engine), output)


@cli.command(
    "locales",
    help=pgettext("cli.locales", "List the shipped locales and how complete each one is."),
)
@locale_option
@_format_option(["table", "json"], "table")
@click.pass_context
def locales_command(ctx: click.Context, fmt: str) -> None:
    """List the shipped locales and how complete each one is."""
    from intimacy._locales import locale_info

    infos = locale_info()
    if fmt == "json":
        click.echo(_dump_json({"locales": [info.as_dict() for info in infos]}))
        return
    t = _engine(ctx).translations.pgettext
    rows = [
        (
            t("cli.column.locale", "Locale"),
            t("cli.column.name", "Name"),
            t("cli.column.direction", "Direction"),
            t("cli.column.translated", "Translated"),
        )
    ]
    rows += [
        (
            info.locale,
            info.name,
            info.direction,
            f"{info.translated}/{info.total} ({info.percent:.0f}%)",
        )
        for info in infos
    ]
    _table(rows)


pgettext("cli.column.locale", "Locale")
pgettext("cli.column.name", "Name")
pgettext("cli.column.direction", "Direction")
pgettext("cli.column.translated", "Translated")


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line and exit with its status."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="intimacy",
            standalone_mode=False,
        )
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        _fail(exc.format_message(), 2)
    except click.ClickException as exc:
        _fail(exc.format_message(), exc.exit_code)
    except click.Abort:
        _fail("aborted", 130)
    except CatalogError as exc:
        _fail(exc.one_line(), 1)
    except IntimacyError as exc:
        _fail(str(exc), 1)
    except OSError as exc:
        _fail(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), 1)
    sys.exit(0)


def _fail(message: str, status: int) -> None:
    click.echo(f"intimacy: error: {_one_line(message)}", err=True)
    sys.exit(status)
