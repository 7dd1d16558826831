"""The ``intimacy`` command line.

Every error reaches the user as one line on standard error, prefixed with
``intimacy: error:``, and a non-zero exit status: 1 for a failure, 2 for a
mistake in the command's words.  Tracebacks are never shown.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from intimacy._catalog import Catalog, load_catalog
from intimacy._deck import DeckSpec, select
from intimacy._engine import Engine, RenderContext
from intimacy._errors import CatalogError, IntimacyError
from intimacy._export import export, render_deck, write_atomic
from intimacy._models import Depth, Exercise, LoveLanguage, Relationship, Theme
from intimacy._people import Gender, Person
from intimacy._protocol import closeness_protocol, protocol_to_json, render_protocol
from intimacy._version import __version__

__all__ = ["cli", "main"]


def _choice(enum_cls: type[Relationship] | type[Theme]) -> click.Choice[str]:
    return click.Choice([member.value for member in enum_cls])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="intimacy")
@click.option(
    "--exercises-dir",
    "exercise_dirs",
    multiple=True,
    type=click.Path(file_okay=False, dir_okay=True),
    help="A folder of your own exercise files to add to the built-in catalog (repeatable).",
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


@cli.command("exercises")
@click.option(
    "--relationship", type=_choice(Relationship), help="Only exercises for this relationship."
)
@click.option("--theme", type=_choice(Theme), help="Only exercises that practise this theme.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
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
    rows = [("ID", "TITLE", "THEMES", "PROMPTS")]
    rows += [
        (e.id, e.title, ",".join(t.value for t in e.themes), str(len(e.prompts))) for e in found
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


@cli.command("show")
@click.argument("exercise_id")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "html", "json"]),
    default="text",
    show_default=True,
    help="Output format; json gives the exercise's data with its templates unrendered.",
)
@click.option(
    "--name", "names", multiple=True, help="The other person's name (repeat for a group)."
)
@click.option(
    "--gender",
    "genders",
    multiple=True,
    type=click.Choice([g.value for g in Gender]),
    help="The grammatical gender of each --name, in the same order.",
)
@click.option(
    "--relationship",
    type=_choice(Relationship),
    help="Your relationship to them [default: the exercise's first].",
)
@click.option(
    "--layouts",
    type=click.Path(file_okay=False, dir_okay=True, exists=True),
    help="A folder of layout templates that override the built-in ones.",
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
        msg = f"no exercise with id {exercise_id!r:.80}; run 'intimacy exercises' to list them"
        raise click.ClickException(msg)
    if fmt == "json":
        click.echo(_dump_json(_exercise_data(exercise)))
        return
    chosen = Relationship(relationship) if relationship else exercise.relationships[0]
    if chosen not in exercise.relationships:
        suits = ", ".join(r.value for r in exercise.relationships)
        msg = f"exercise {exercise.id!r} is not for {chosen.value}; it suits: {suits}"
        raise click.ClickException(msg)
    if len(genders) > len(names):
        msg = "give one --name for each --gender"
        raise click.UsageError(msg)
    people = tuple(
        Person(name, Gender(genders[i]) if i < len(genders) else Gender.UNSPECIFIED)
        for i, name in enumerate(names)
    ) or (Person(),)
    engine = Engine("en", layouts=layouts)
    rendered = engine.render_exercise(exercise, RenderContext(chosen, others=people))
    layout = {"text": "exercise.txt", "markdown": "exercise.md", "html": "exercise.html"}[fmt]
    click.echo(engine.render_layout(layout, exercise=rendered), nl=False)


def _depth_range(value: str) -> tuple[Depth, Depth]:
    low, _, high = value.partition(":")
    try:
        return Depth(low), Depth(high or low)
    except ValueError:
        msg = (
            f"--depth takes LEVEL or LOW:HIGH with levels light, personal, deep; got {value!r:.40}"
        )
        raise click.BadParameter(msg) from None


def _language_weight(value: str) -> tuple[LoveLanguage, float]:
    name, _, weight = value.partition("=")
    try:
        return LoveLanguage(name), float(weight) if weight else 2.0
    except ValueError:
        names = ", ".join(lang.value for lang in LoveLanguage)
        msg = f"--love-language takes NAME[=WEIGHT] with a name from {names}; got {value!r:.40}"
        raise click.BadParameter(msg) from None


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
    msg = f"{path}: expected a deck exported as JSON, a JSON list of prompt ids, or one id a line"
    raise click.BadParameter(msg)


@cli.command("deck")
@click.option(
    "--relationship", type=_choice(Relationship), required=True, help="Who the deck is for."
)
@click.option(
    "--count", type=click.IntRange(1, 500), default=12, show_default=True, help="Number of prompts."
)
@click.option("--minutes", type=click.IntRange(1, 1500), help="A time budget instead of a count.")
@click.option("--depth", default="light:deep", show_default=True, help="LEVEL or LOW:HIGH.")
@click.option(
    "--min-per-level",
    type=click.IntRange(0, 500),
    default=1,
    show_default=True,
    help="Prompts of a level before the deck moves deeper.",
)
@click.option("--theme", "themes", multiple=True, type=_choice(Theme), help="Only these themes.")
@click.option(
    "--exclude-theme",
    "exclude",
    multiple=True,
    type=_choice(Theme),
    help="No prompts of this theme.",
)
@click.option(
    "--love-language",
    "languages",
    multiple=True,
    metavar="NAME[=WEIGHT]",
    help="Favour prompts that speak this love language (weight 2 by default).",
)
@click.option("--remote", is_flag=True, help="Only exercises that work over a call or by message.")
@click.option(
    "--allow-care-notes", is_flag=True, help="Let exercises that carry care notes appear."
)
@click.option(
    "--name", "names", multiple=True, help="A participant's name, in turn order (two or more)."
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="The same seed gives the same deck."
)
@click.option(
    "--exclude-seen",
    type=click.Path(dir_okay=False, exists=True),
    help="A previous JSON export, or a list of prompt ids, to avoid.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "markdown", "text", "csv", "html"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout."
)
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter"]),
    default="a4",
    show_default=True,
    help="Page size for printing HTML cards.",
)
@click.option(
    "--template",
    type=click.Path(dir_okay=False, exists=True),
    help="A custom layout template (rendered in the sandbox) receiving 'deck'.",
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
    engine = Engine("en", layouts=layouts)
    rendered = render_deck(select(catalog, spec), catalog, engine)
    text = export(
        rendered, fmt, engine, template=Path(template).name if template else None, paper=paper
    )
    _emit(text, output)


@cli.group("protocol")
def protocol_group() -> None:
    """Run a research protocol: fixed, timed sets of prompts."""


@protocol_group.command("closeness")
@click.option(
    "--relationship",
    type=click.Choice(["partner", "friend", "family"]),
    default="friend",
    show_default=True,
    help="Who is taking part.",
)
@click.option("--name", "names", multiple=True, help="A participant's name, in turn order (two).")
@click.option(
    "--minutes-per-set",
    type=click.IntRange(1, 240),
    default=15,
    show_default=True,
    help="The time budget of each set.",
)
@click.option(
    "--closing/--no-closing",
    default=True,
    show_default=True,
    help="End with up to four minutes of quiet eye contact.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout."
)
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
    """The closeness protocol: three sets of rising questions (after Aron et al. 1997).

    Two people take turns answering twelve questions per set, about fifteen
    minutes per set, swapping who answers first each time.
    """
    protocol = closeness_protocol(
        _catalog(ctx),
        relationship=Relationship(relationship),
        minutes_per_set=minutes_per_set,
        closing=closing,
    )
    engine = Engine("en")
    people: list[Person | str] = list(names)
    people += [Person()] * max(0, 2 - len(people))
    rendered = render_protocol(protocol, engine, people)
    if fmt == "json":
        text = protocol_to_json(rendered)
    else:
        layout = "protocol.md" if fmt == "markdown" else "protocol.txt"
        text = engine.render_layout(layout, protocol=rendered)
    _emit(text, output)


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
