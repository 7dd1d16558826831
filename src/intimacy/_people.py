"""The people an exercise is rendered for, and the policy names follow.

Name policy, applied when a :class:`Person` is made:

1. A name must be a string; it is normalised to Unicode NFC.
2. Control characters (C0, C1, DEL), bidirectional controls (LRM, RLM, ALM, the
   embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069) and other
   invisible format characters are removed.  Zero-width joiners and non-joiners
   stay, so emoji sequences and scripts that need them keep working.
3. Runs of white space become one space; leading and trailing space is removed.
4. What is left must not be empty, must not hold a lone surrogate, and must be
   at most :data:`MAX_NAME_LENGTH` code points long.  Otherwise
   :class:`~intimacy.InvalidNameError` (a :class:`ValueError`) is raised.

A name is always data: it is never evaluated as a template, so ``{{ 7*7 }}``
prints as typed, and HTML output escapes it.
"""

from __future__ import annotations

import enum
import re
import unicodedata

import attrs

from intimacy._errors import InvalidNameError

__all__ = ["MAX_NAME_LENGTH", "Gender", "Person", "clean_name"]

#: The longest name accepted, in code points, after cleaning.
MAX_NAME_LENGTH = 64
#: Inputs longer than this are refused before any cleaning work is done.
_MAX_RAW_LENGTH = 4 * MAX_NAME_LENGTH

_KEEP_FORMAT = {"\u200c", "\u200d"}  # zero-width non-joiner and joiner
_SPACE = re.compile(r"\s+")


class Gender(enum.Enum):
    """A person's grammatical gender, for languages whose sentences agree with it."""

    FEMININE = "feminine"
    MASCULINE = "masculine"
    UNSPECIFIED = "unspecified"


def clean_name(raw: object) -> str:
    r"""Apply the name policy to *raw* and return the cleaned name.

    >>> clean_name("  Ana\u202e  María ")
    'Ana María'
    >>> clean_name("{{ 7*7 }}")
    '{{ 7*7 }}'

    Raises:
        InvalidNameError: when the name is not a string, is empty after cleaning,
            holds a lone surrogate or is too long.
    """
    if not isinstance(raw, str):
        msg = f"a name must be a string, not {type(raw).__name__}"
        raise InvalidNameError(msg)
    if len(raw) > _MAX_RAW_LENGTH:
        msg = f"a name must be at most {MAX_NAME_LENGTH} characters; got {len(raw)}"
        raise InvalidNameError(msg)
    if any("\ud800" <= ch <= "\udfff" for ch in raw):
        msg = "a name must not contain a lone surrogate (it is not valid Unicode text)"
        raise InvalidNameError(msg)
    text = unicodedata.normalize("NFC", raw)
    text = "".join(
        ch
        for ch in text
        if ch in _KEEP_FORMAT
        or unicodedata.category(ch) not in {"Cc", "Cf", "Co", "Cn"}
        or ch in "\t\n\r"
    )
    text = _SPACE.sub(" ", text).strip()
    if not text:
        msg = "a name must not be empty (control and invisible characters are removed)"
        raise InvalidNameError(msg)
    if len(text) > MAX_NAME_LENGTH:
        msg = f"a name must be at most {MAX_NAME_LENGTH} characters; got {len(text)}"
        raise InvalidNameError(msg)
    return text


def _optional_name(raw: object) -> str | None:
    return None if raw is None else clean_name(raw)


@attrs.frozen(cache_hash=True)
class Person:
    """Someone taking part in an exercise.

    >>> Person("Sam")
    Person(name='Sam', gender=<Gender.UNSPECIFIED: 'unspecified'>)
    >>> Person().name is None
    True

    Raises:
        InvalidNameError: when *name* breaks the name policy (see the module notes).
    """

    #: The name to use, cleaned by the name policy; ``None`` for no name.
    name: str | None = attrs.field(default=None, converter=_optional_name)
    #: The grammatical gender to use for the person in languages that need one.
    gender: Gender = attrs.field(
        default=Gender.UNSPECIFIED, validator=attrs.validators.instance_of(Gender)
    )
