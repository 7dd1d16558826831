"""The shipped locales: negotiation, and loading their translation catalogs.

A request (a locale identifier such as ``pt-BR`` or an HTTP ``Accept-Language``
header) is matched against the allow-list :data:`LOCALES`; only an entry of that
list is ever used to build a file path.  Hostile or malformed input falls back
to English or raises :class:`~intimacy.LocaleError`; it never reaches the file
system.

Catalogs are loaded once per locale and cached: from the compiled ``.mo`` file
inside an installed wheel, or, in a source checkout or editable install, from
the ``.po`` file compiled in memory.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
import threading
from pathlib import Path

import attrs

from intimacy._errors import IntimacyError, LocaleError

__all__ = [
    "DEFAULT_LOCALE",
    "DOMAIN",
    "LOCALES",
    "LocaleInfo",
    "Negotiated",
    "TranslationError",
    "catalog_path",
    "locale_info",
    "negotiate",
    "translations",
]

#: The gettext domain of the library's messages.
DOMAIN = "intimacy"
#: The locale the sources are written in, and the last fallback.
DEFAULT_LOCALE = "en"
#: Every locale the library ships, English source first.
LOCALES = ("en", "es", "fr", "de", "it", "pt_BR", "pl", "ja", "zh_Hans", "ar")

#: The longest request accepted: a locale identifier or an Accept-Language header.
MAX_REQUEST_LENGTH = 4096
_MAX_TAGS = 64
_TAG = re.compile(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8}){0,6}")
_QVALUE = re.compile(r"q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)", re.IGNORECASE)
_PACKAGE_DIR = Path(__file__).resolve().parent


class TranslationError(IntimacyError):
    """A shipped translation catalog is missing or corrupt."""


@attrs.frozen
class Negotiated:
    """The outcome of negotiating a request against the shipped locales.

    >>> negotiate("pt-PT,pt;q=0.9,en;q=0.5")
    Negotiated(locale='pt_BR', requested='pt-PT', exact=False)
    """

    #: The shipped locale that serves the request (one of :data:`LOCALES`).
    locale: str
    #: The part of the request it matched, or ``None`` when nothing matched and
    #: English serves as the fallback.
    requested: str | None
    #: Whether the shipped locale is exactly the one requested.
    exact: bool


def _parts(tag: str) -> tuple[str, str | None, str | None]:
    """Language, script and territory of a well-formed tag (without Babel's data)."""
    pieces = tag.replace("-", "_").split("_")
    language = pieces[0].lower()
    script = territory = None
    for piece in pieces[1:]:
        if len(piece) == 4 and piece.isalpha() and script is None:
            script = piece.title()
        elif (len(piece) == 2 and piece.isalpha()) or (len(piece) == 3 and piece.isdigit()):
            territory = piece.upper()
    return language, script, territory


def _match(tag: str) -> tuple[str, bool] | None:
    language, script, territory = _parts(tag)
    for loc in LOCALES:
        if _parts(loc) == (language, script, territory):
            return loc, True
    same_language = [loc for loc in LOCALES if _parts(loc)[0] == language]
    if not same_language:
        return None
    # Prefer a shipped locale with the same territory or script, then the first.
    for loc in same_language:
        _, loc_script, loc_territory = _parts(loc)
        if (territory and loc_territory == territory) or (script and loc_script == script):
            return loc, False
    return same_language[0], False


def _check_request(request: object) -> str:
    if not isinstance(request, str):
        msg = f"a locale must be a string, not {type(request).__name__}"
        raise LocaleError(msg)
    if len(request) > MAX_REQUEST_LENGTH:
        msg = f"locale request too long: {len(request)} characters (at most {MAX_REQUEST_LENGTH})"
        raise LocaleError(msg)
    if any(not (ch.isascii() and ch.isprintable()) for ch in request):
        msg = f"not a locale identifier: {request!r:.60}"
        raise LocaleError(msg)
    return request


def _weighted_tags(header: str) -> list[tuple[float, int, str]]:
    tags = []
    for position, item in enumerate(header.split(",")[:_MAX_TAGS]):
        tag, _, params = item.strip().partition(";")
        tag = tag.strip()
        weight = 1.0
        if params:
            q = _QVALUE.fullmatch(params.strip().replace(" ", ""))
            if q is None:
                continue  # a malformed q-value: ignore the item
            weight = float(q.group(1))
        if weight <= 0 or not (tag == "*" or _TAG.fullmatch(tag)):
            continue
        tags.append((-weight, position, tag))
    return sorted(tags)


@attrs.frozen
class LocaleInfo:
    """A shipped locale and how complete its translation is."""

    #: The identifier, such as ``"pt_BR"``.
    locale: str
    #: Its name in its own language, such as ``"português (Brasil)"``.
    name: str
    #: Its name in English.
    english_name: str
    #: ``"ltr"`` or ``"rtl"``.
    direction: str
    #: Messages translated (not fuzzy).
    translated: int
    #: Messages in the catalog.
    total: int

    @property
    def percent(self) -> float:
        """Completeness as a percentage."""
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total

    def as_dict(self) -> dict[str, object]:
        """The fields as plain data, with the percentage."""
        data = attrs.asdict(self)
        data["percent"] = round(self.percent, 1)
        return data


def _stats(locale: str) -> tuple[int, int]:
    path = catalog_path(locale)
    if path is None:
        return 0, 0
    if path.suffix == ".mo":
        import json

        stats = json.loads((path.parents[2] / "stats.json").read_text(encoding="utf-8"))
        translated, total = stats[locale]
        return int(translated), int(total)
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    messages = [m for m in catalog if m.id]
    done = [
        m
        for m in messages
        if not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    return len(done), len(messages)


def locale_info() -> tuple[LocaleInfo, ...]:
    """Every shipped locale with its names, script direction and completeness.

    English, the source language, counts as complete.
    """
    import babel

    infos = []
    english_total = 0
    rows = []
    for locale in LOCALES:
        parsed = babel.Locale.parse(locale)
        translated, total = _stats(locale)
        english_total = max(english_total, total)
        rows.append((locale, parsed, translated, total))
    for locale, parsed, translated, total in rows:
        if locale == DEFAULT_LOCALE:
            translated = total = english_total
        infos.append(
            LocaleInfo(
                locale=locale,
                name=parsed.get_display_name(parsed) or locale,
                english_name=parsed.get_display_name("en") or locale,
                direction="rtl" if parsed.character_order == "right-to-left" else "ltr",
                translated=translated,
                total=total,
            )
        )
    return tuple(infos)


def negotiate(request: str, *, strict: bool = False) -> Negotiated:
    """Choose the shipped locale for *request*.

    *request* is a locale identifier (``de``, ``pt-BR``, ``zh_Hans_CN``) or an
    ``Accept-Language`` header (``fr-CH, fr;q=0.9, en;q=0.8``).  Tags are tried
    by weight; each is matched exactly, then by language (``pt-PT`` is served
    by ``pt_BR``, ``de-AT`` by ``de``).  Malformed items and q-values are
    ignored, and when nothing matches English serves.

    >>> negotiate("de-AT").locale
    'de'
    >>> negotiate("sw, *;q=0.1")
    Negotiated(locale='en', requested=None, exact=False)

    Args:
        request: The identifier or header.
        strict: Raise instead of falling back to English when nothing matches.

    Raises:
        LocaleError: when *request* is not text, is longer than
            4,096 characters, holds control or non-ASCII characters,
            or (with *strict*) matches no shipped locale.
    """
    header = _check_request(request)
    if not header.strip():
        msg = "an empty locale request"
        raise LocaleError(msg)
    for _, _, tag in _weighted_tags(header):
        if tag == "*":
            continue
        found = _match(tag)
        if found is not None:
            return Negotiated(locale=found[0], requested=tag, exact=found[1])
    if strict:
        msg = f"no shipped locale matches {request!r:.60}; shipped: {', '.join(LOCALES)}"
        raise LocaleError(msg)
    return Negotiated(locale=DEFAULT_LOCALE, requested=None, exact=False)


def _locales_dirs() -> tuple[Path, ...]:
    return (_PACKAGE_DIR / "_data" / "locales", _PACKAGE_DIR.parent.parent / "locales")


def catalog_path(locale: str) -> Path | None:
    """The catalog file of a shipped *locale*: a ``.mo`` when built, else the ``.po``.

    Only identifiers in :data:`LOCALES` are accepted; anything else raises
    :class:`~intimacy.LocaleError` before a path is built.  English, the source
    language, has no catalog: the result is ``None``.
    """
    if locale not in LOCALES:
        msg = f"not a shipped locale: {locale!r:.60}"
        raise LocaleError(msg)
    if locale == DEFAULT_LOCALE:
        return None
    for folder in _locales_dirs():
        for suffix in (".mo", ".po"):
            path = folder / locale / "LC_MESSAGES" / f"{DOMAIN}{suffix}"
            if path.is_file():
                return path
    msg = f"the catalog for {locale} is missing"
    raise TranslationError(msg)


_lock = threading.Lock()


@functools.cache
def _load(locale: str) -> gettext.NullTranslations:
    path = catalog_path(locale)
    if path is None:
        return gettext.NullTranslations()
    data = path.read_bytes()
    if path.suffix == ".po":
        data = _compile_po(data, path)
    try:
        return gettext.GNUTranslations(io.BytesIO(data))
    except (OSError, UnicodeDecodeError, ValueError, IndexError) as exc:
        msg = f"the catalog {path.name} for {locale} is corrupt: {exc}"
        raise TranslationError(msg) from None


def _compile_po(data: bytes, path: Path) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as exc:
        msg = f"the catalog {path} is malformed: {exc}"
        raise TranslationError(msg) from None
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def translations(locale: str) -> gettext.NullTranslations:
    """The translation catalog of a shipped *locale*, loaded once and cached.

    Raises:
        LocaleError: when *locale* is not in :data:`LOCALES`.
        TranslationError: when its catalog is missing or corrupt.
    """
    if locale not in LOCALES:
        msg = f"not a shipped locale: {locale!r:.60}"
        raise LocaleError(msg)
    with _lock:
        return _load(locale)
