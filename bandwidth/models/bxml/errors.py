"""Errors raised while building, validating, rendering or parsing BXML.

Every error is a :class:`BxmlError`, so one ``except`` clause catches them all,
and :class:`BxmlError` is an :class:`~bandwidth.exceptions.OpenApiException`,
the root of every exception this SDK raises. Each also subclasses what a caller
of an input check expects: :class:`~bandwidth.exceptions.ApiValueError` (a
``ValueError``) for a bad value or a bad document, and
:class:`~bandwidth.exceptions.ApiTypeError` (a ``TypeError``) for a wrong type
or a verb put where it cannot go.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

from bandwidth.exceptions import ApiTypeError, ApiValueError, OpenApiException

__all__ = [
    "BxmlError",
    "BxmlNestingError",
    "BxmlParseError",
    "BxmlTypeError",
    "BxmlValidationError",
]


class BxmlError(OpenApiException):
    """Base of every BXML error, so callers can catch them in one clause."""


class _VerbProblem(BxmlError):
    """An error about one attribute of a verb, or about the verb as a whole."""

    def __init__(self, verb: str, attribute: Optional[str], problem: str) -> None:
        self.verb = verb
        self.attribute = attribute
        self.problem = problem
        where = f"{verb}.{attribute}" if attribute else verb
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> Tuple[Any, ...]:  # pickles (multiprocessing) rebuild from the parts
        return (type(self), (self.verb, self.attribute, self.problem))


class BxmlValidationError(_VerbProblem, ApiValueError):
    """A value Bandwidth would reject: out of range, unknown enum member, missing, too long.

    Raised by ``validate()``, and when a value can never be written as XML.
    ``verb`` is the element name (``"Gather"``) and ``attribute`` the Python
    attribute name (``"max_digits"``), or ``None`` for a problem with the verb
    as a whole (such as a ``Transfer`` with no destination).
    """


class BxmlTypeError(_VerbProblem, ApiTypeError):
    """A value no attribute of its kind can hold (``max_digits=[5]``, ``mute=1``)."""


class BxmlNestingError(BxmlError, ApiTypeError):
    """A verb added where BXML does not allow it (a ``PhoneNumber`` directly in a ``Response``)."""


class BxmlParseError(BxmlError, ApiValueError):
    """A document ``from_xml`` cannot read: not well-formed, unsafe, too big, or invalid."""
