"""A Babel extraction method for exercise files.

Registered as the ``intimacy_exercises`` entry point in the ``babel.extractors``
group, so plain ``pybabel extract -F pyproject.toml`` reads ``exercises/*.toml``.
Every text becomes a ``pgettext`` message whose context is the exercise id plus
the field (``reflective-listening.title``, ``reflective-listening.steps.2``,
``reflective-listening.mirror-back.text``); a prompt's facilitator note becomes
a translator comment.  Texts that mention the other person (``{{ other }}``)
also get ``@feminine`` and ``@masculine`` variants for languages that need
grammatical gender, and an ``@plural`` variant for when it stands for several
people.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

__all__ = ["extract_exercises"]

#: What translators are told about the placeholder.
PLACEHOLDER_COMMENT = (
    "{{ other }} is replaced by the other person's name, several names joined as a list, "
    "or a noun such as 'your friend'. Keep it exactly as written."
)
VARIANT_COMMENT = (
    "Variant used when the other person is grammatically {gender}. If your language does "
    "not need it, repeat the neutral translation."
)
PLURAL_COMMENT = (
    "Variant used when {{ other }} stands for several people (names joined as a list, or a "
    "plural noun such as 'your friends'). If your language does not need it, repeat the "
    "neutral translation."
)

_Result = tuple[int, str, tuple[str, str], list[str]]


def _line_finder(text: str) -> Any:
    lines = text.splitlines()

    def find(pattern: str, start: int = 0) -> int:
        regex = re.compile(pattern)
        for number in range(start, len(lines)):
            if regex.search(lines[number]):
                return number + 1
        return start + 1

    return find


def _messages(context: str, text: str, lineno: int, comments: list[str]) -> Iterator[_Result]:
    if "{{" in text:
        comments = [*comments, PLACEHOLDER_COMMENT]
    yield lineno, "pgettext", (context, text), comments
    if "other" in text and "{{" in text:
        for gender in ("feminine", "masculine"):
            note = VARIANT_COMMENT.format(gender=gender)
            yield lineno, "pgettext", (f"{context}@{gender}", text), [*comments, note]
        yield lineno, "pgettext", (f"{context}@plural", text), [*comments, PLURAL_COMMENT]


def extract_exercises(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[_Result]:
    """Yield the translatable texts of one exercise file, in Babel's extractor format.

    A file that is not valid TOML yields nothing: the loader, not the
    extractor, reports malformed exercises.
    """
    del keywords, comment_tags, options
    raw = fileobj.read()
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return
    find = _line_finder(text)
    key = data.get("id")
    if not isinstance(key, str):
        return
    for field in ("title", "summary", "why"):
        value = data.get(field)
        if isinstance(value, str):
            yield from _messages(f"{key}.{field}", value, find(rf"^{field}\s*="), [])
    for field in ("steps", "care_notes"):
        values = data.get(field)
        if isinstance(values, list):
            line = find(rf"^{field}\s*=")
            for number, value in enumerate(values, 1):
                if isinstance(value, str):
                    yield from _messages(f"{key}.{field}.{number}", value, line + number, [])
    prompts = data.get("prompts")
    if not isinstance(prompts, list):
        return
    line = 0
    for prompt in prompts:
        if not isinstance(prompt, dict):
            continue
        slug, value = prompt.get("id"), prompt.get("text")
        if not isinstance(slug, str) or not isinstance(value, str):
            continue
        line = find(rf'^id\s*=\s*"{re.escape(slug)}"', line)
        note = prompt.get("note")
        comments = [f"Facilitator note: {note}"] if isinstance(note, str) else []
        yield from _messages(f"{key}.{slug}.text", value, line + 1, comments)
