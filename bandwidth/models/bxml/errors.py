"""Errors raised while building, rendering or parsing BXML.

Every error is a :class:`BxmlError`, so one ``except`` clause catches them all,
and each also subclasses the built-in a caller would expect (``ValueError`` for
a bad value or a bad document, ``TypeError`` for a wrong type or a verb put
where it cannot go).
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "BxmlError",
    "BxmlNestingError",
    "BxmlParseError",
    "BxmlTypeError",
    "BxmlValidationError",
]


class BxmlError(Exception):
    """Base of every BXML error, so callers can catch them in one clause."""


class _VerbProblem(BxmlError):
    """An error about one attribute of a verb, or about the verb as a whole."""

    def __init__(self, verb: str, attribute: Optional[str], problem: str) -> None:
        self.verb = verb
        self.attribute = attribute
        self.problem = problem
        where = f"{verb}.{attribute}" if attribute else verb
        super().__init__(f"{where}: {problem}")


class BxmlValidationError(_VerbProblem, ValueError):
    """A value Bandwidth would reject: out of range, unknown enum member, missing, too long.

    ``verb`` is the element name (``"Gather"``) and ``attribute`` the Python
    attribute name (``"max_digits"``), or ``None`` for a problem with the verb
    as a whole (such as a ``Transfer`` with no destination).
    """


class BxmlTypeError(_VerbProblem, TypeError):
    """A value of the wrong Python type (``max_digits="5"``, ``mute=1``)."""


class BxmlNestingError(BxmlError, TypeError):
    """A verb added where BXML does not allow it (a ``PhoneNumber`` directly in a ``Response``)."""


class BxmlParseError(BxmlError, ValueError):
    """A document ``from_xml`` cannot turn into verbs: not well-formed, unsafe, or not BXML."""
