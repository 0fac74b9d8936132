"""The value rules request fields share, each written once.

Each is a check for :func:`~bandwidth.models._checks.rule`: it takes a
(type-checked) value and raises ``ValueError`` with a message that names no
value, since a value may be a password. The hand-written Voice types
(:mod:`bandwidth.models._types`) and the generated models use the same ones.
"""

from __future__ import annotations

import math
import re
from enum import Enum
from typing import Any, Callable, List, Optional, Type, TypeVar, Union

from bandwidth import _formats as formats

__all__ = [
    "e164",
    "each",
    "http_url",
    "in_range",
    "max_items",
    "max_length",
    "member_of",
    "min_items",
    "min_length",
    "pattern",
]

T = TypeVar("T")
Check = Callable[[Any], Any]

# scheme://authority[path][?query][#fragment], no whitespace; the authority
# holds a host (optionally user info and a port), so "https://" alone fails.
_HTTP_URL = re.compile(
    r"https?://(?:[^\s/?#@]*@)?(?:\[[0-9a-f:.]+\]|[^\s/?#@:\[\]]+)(?::[0-9]*)?(?:[/?#]\S*)?", re.I
)
_WHITESPACE = re.compile(r"\s")


def e164(value: str) -> str:
    """The value is an E.164 phone number (``+15555551212``)."""
    if not formats.is_e164(value):
        raise ValueError(f"must be an E.164 phone number such as {formats.E164_EXAMPLE}")
    return value


def http_url(value: str) -> str:
    """The value is an absolute http(s) URL without whitespace."""
    if _HTTP_URL.fullmatch(value) is None:
        if _HTTP_URL.match(value) and _WHITESPACE.search(value):
            raise ValueError("must not contain whitespace")
        raise ValueError("must be an absolute http or https URL")
    return value


def max_length(limit: int) -> Check:
    """At most ``limit`` characters."""

    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(f"String should have at most {limit} characters")
        return value

    return check


def min_length(limit: int) -> Check:
    """At least ``limit`` characters."""

    def check(value: str) -> str:
        if len(value) < limit:
            noun = "character" if limit == 1 else "characters"
            raise ValueError(f"String should have at least {limit} {noun}")
        return value

    return check


def pattern(regex: str) -> Check:
    """The whole value matches ``regex`` (the spec's ``pattern``, an ECMA regex that
    Python reads the same way for the patterns the spec uses, once its ``$`` is made
    to mean the end of the value, as in ECMA, not also "before a final newline")."""
    compiled = re.compile(_ecma_end(regex))

    def check(value: str) -> str:
        if compiled.search(value) is None:
            raise ValueError(f"String should match pattern {regex!r}")
        return value

    return check


def _ecma_end(regex: str) -> str:
    """``regex`` with each ``$`` outside a character class written ``\\Z``."""
    out: List[str] = []
    escaped = in_class = False
    for char in regex:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            out.append("\\Z")
            continue
        out.append(char)
    return "".join(out)


def in_range(ge: Optional[float], le: Optional[float]) -> Check:
    """A finite number within ``[ge, le]`` (either bound may be ``None``)."""

    def check(value: Union[int, float]) -> Union[int, float]:
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("Input should be a finite number")
        if ge is not None and value < ge:
            raise ValueError(f"Input should be greater than or equal to {ge:g}")
        if le is not None and value > le:
            raise ValueError(f"Input should be less than or equal to {le:g}")
        return value

    return check


def max_items(limit: int) -> Check:
    """A list of at most ``limit`` items."""

    def check(value: List[Any]) -> List[Any]:
        if len(value) > limit:
            raise ValueError(f"List should have at most {limit} items")
        return value

    return check


def min_items(limit: int) -> Check:
    """A list of at least ``limit`` items."""

    def check(value: List[Any]) -> List[Any]:
        if len(value) < limit:
            noun = "item" if limit == 1 else "items"
            raise ValueError(f"List should have at least {limit} {noun}")
        return value

    return check


def member_of(enum: Type[Enum]) -> Check:
    """A member of ``enum`` (an unknown string was kept as given when the model was built)."""
    values = ", ".join(repr(member.value) for member in enum)

    def check(value: Any) -> Any:
        if not isinstance(value, enum):
            raise ValueError(f"Input should be {values}")
        return value

    return check


def each(*checks: Check) -> Check:
    """Every item of a list passes ``checks`` (the message says which item failed)."""

    def check(value: List[Any]) -> List[Any]:
        for index, item in enumerate(value):
            try:
                for one in checks:
                    one(item)
            except ValueError as exc:
                raise ValueError(f"item {index}: {exc}") from None
        return value

    return check
