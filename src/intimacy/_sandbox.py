"""The sandboxed Jinja environment every template renders in.

It is an :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` with these
additions:

* ``str.format`` and ``str.format_map`` are unreachable (``"{0.__class__}".format``
  walks are a known escape), as is everything starting with an underscore;
* ``**``, ``*``, ``+`` and ``%`` refuse operands whose result would be huge;
* ``~`` (string concatenation) refuses results longer than :data:`MAX_STRING`;
* ``range`` is capped at :data:`MAX_RANGE` items, ``lipsum`` is removed, and
  numeric filter arguments are capped at :data:`MAX_NUMBER_ARG`;
* rendered output is bounded (:data:`DEFAULT_MAX_OUTPUT` characters by default).

Every breach is a :class:`~intimacy.SecurityError` (a
:class:`~intimacy.TemplateLimitError` for resource limits).  The sandbox bounds
what a template can build; it does not meter CPU time.  Apps that run templates
written by untrusted people should also run them in a separate process with a
time limit.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import jinja2
from jinja2 import nodes, pass_eval_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from intimacy._engine import DEFAULT_MAX_OUTPUT
from intimacy._errors import SecurityError, TemplateLimitError

__all__ = ["DEFAULT_MAX_OUTPUT", "MAX_RANGE", "MAX_STRING", "SandboxEnvironment"]

#: The most items ``range`` may produce.
MAX_RANGE = 10_000
#: The longest string or sequence an operator or filter may produce.
MAX_STRING = 100_000
#: The largest integer, in bits, arithmetic may produce.
MAX_INT_BITS = 4_096
#: The largest number a filter accepts as an argument (widths, counts).
MAX_NUMBER_ARG = 10_000
#: The default bound on one rendering's output, in characters.

_BLOCKED_STR_ATTRIBUTES = frozenset({"format", "format_map"})
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})


def _limit(message: str) -> TemplateLimitError:
    return TemplateLimitError(f"template limit: {message}")


def _size(value: object) -> int | None:
    if isinstance(value, str | bytes | list | tuple):
        return len(value)
    return None


def _check_int(value: object) -> None:
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise _limit(f"a number larger than {MAX_INT_BITS} bits")


def _check_size(value: object) -> object:
    size = _size(value)
    if size is not None and size > MAX_STRING:
        raise _limit(f"a value of {size} items; the limit is {MAX_STRING}")
    _check_int(value)
    return value


def _power(left: Any, right: Any) -> Any:
    big = isinstance(left, int) and isinstance(right, int) and abs(left) > 1
    if big and (right > MAX_INT_BITS or abs(left).bit_length() * max(right, 0) > MAX_INT_BITS):
        raise _limit("a power larger than the integer limit")
    try:
        return left**right
    except OverflowError:
        raise _limit("arithmetic overflow") from None


def _multiply(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise _limit("a product larger than the integer limit")
        return left * right
    for seq, count in ((left, right), (right, left)):
        size = _size(seq)
        if size is not None and isinstance(count, int) and size * max(count, 0) > MAX_STRING:
            raise _limit(f"repeating {size} items {count} times")
    return _check_size(left * right)


def _add(left: Any, right: Any) -> Any:
    a, b = _size(left), _size(right)
    if a is not None and b is not None and a + b > MAX_STRING:
        raise _limit(f"a value of {a + b} items")
    result = left + right
    _check_int(result)
    return result


def _check_printf(template: object) -> None:
    # printf-style widths and precisions ("%999999999d") can allocate without bound
    if isinstance(template, str):
        digits = "".join(ch if ch.isdigit() else " " for ch in template).split()
        if any(len(d) > 5 or int(d) > MAX_NUMBER_ARG for d in digits):
            raise _limit("a format width or precision is too large")


def _modulo(left: Any, right: Any) -> Any:
    _check_printf(left)
    return _check_size(left % right)


def _capped_range(*args: object) -> range:
    ints = [arg for arg in args if isinstance(arg, int)]
    if len(ints) != len(args):
        msg = "range() takes integers"
        raise TypeError(msg)
    result = range(*ints)
    if len(result) > MAX_RANGE:
        raise _limit(f"range of {len(result)} items; the limit is {MAX_RANGE}")
    return result


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[1:], *kwargs.values()):
            if (
                isinstance(value, int)
                and not isinstance(value, bool)
                and abs(value) > MAX_NUMBER_ARG
            ):
                raise _limit(f"filter '{name}' was given {value}; the limit is {MAX_NUMBER_ARG}")
        if name == "format" and args:
            _check_printf(args[0])
        if name == "replace" and len(args) >= 3 and isinstance(args[0], str):
            text, old, new = str(args[0]), str(args[1]), str(args[2])
            count = text.count(old) if old else len(text) + 1
            if len(text) + count * (len(new) - len(old)) > MAX_STRING:
                raise _limit("the replacement would be too long")
        result = func(*args, **kwargs)
        if isinstance(result, Iterator):
            return result
        return _check_size(result)

    return wrapper


class _BoundedCodeGenerator(CodeGenerator):
    """Routes ``~`` through a size check; everything else is Jinja's own code."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802 - Jinja's name
        self.write("environment.checked_size(")
        super().visit_Concat(node, frame)
        self.write(")")


@pass_eval_context
def _never_safe(eval_ctx: EvalContext, value: Any) -> Any:
    """The sandbox's ``safe`` filter: escapes under autoescaping, leaves text alone otherwise."""
    from markupsafe import escape

    return escape(value) if eval_ctx.autoescape else value


class SandboxEnvironment(ImmutableSandboxedEnvironment):
    """The library's sandboxed, immutable Jinja environment (see the module notes)."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"**", "*", "+", "%"})
    _binops: ClassVar[dict[str, Callable[[Any, Any], Any]]] = {
        "**": _power,
        "*": _multiply,
        "+": _add,
        "%": _modulo,
    }

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _capped_range
        self.globals.pop("lipsum", None)
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}
        # ``|safe`` would let a layout mark a name or a translation as markup.  Markup
        # belongs in the template's own text, so here ``safe`` escapes like ``e``.
        self.filters["safe"] = _never_safe

    @staticmethod
    def checked_size(value: Any) -> Any:
        """Refuse a concatenation result beyond :data:`MAX_STRING` characters."""
        return _check_size(value)

    def call_binop(self, context: Context, operator_: str, left: Any, right: Any) -> Any:
        """Run an intercepted operator with its size checks."""
        return self._binops[operator_](left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Refuse ``str.format``/``format_map`` besides Jinja's own private-name rules."""
        if isinstance(obj, str) and attr in _BLOCKED_STR_ATTRIBUTES:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """Call *__obj* from a template, bounding the str methods that can allocate."""
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str):
            if name in _WIDTH_METHODS:
                for value in (*args, *kwargs.values()):
                    if isinstance(value, int) and value > MAX_NUMBER_ARG:
                        raise _limit(f"str.{name}() was given {value}")
            if name == "replace" and len(args) >= 2:
                old, new = str(args[0]), str(args[1])
                count = owner.count(old) if old else len(owner) + 1
                if len(owner) + count * (len(new) - len(old)) > MAX_STRING:
                    raise _limit("the replacement would be too long")
        return _check_size(super().call(__context, __obj, *args, **kwargs))


def render_bounded(template: jinja2.Template, context: dict[str, Any], max_output: int) -> str:
    """Render *template*, stopping as soon as the output passes *max_output* characters.

    Raises:
        SecurityError: for an unsafe operation (``TemplateLimitError`` for a limit).
    """
    pieces: list[str] = []
    total = 0
    try:
        for piece in template.generate(context):
            total += len(piece)
            if total > max_output:
                raise _limit(f"output longer than {max_output} characters")
            pieces.append(piece)
    except jinja2.exceptions.SecurityError as exc:
        raise SecurityError(f"unsafe template operation: {exc}") from None
    except RecursionError:
        raise _limit("recursion too deep") from None
    except (OverflowError, MemoryError) as exc:
        raise _limit(f"{type(exc).__name__}") from None
    return "".join(pieces)
