"""Verb fields: each attribute of a verb is declared once, as a typed descriptor.

::

    class Ring(Verb):
        _tag = "Ring"

        duration: Num = Num(0.1, 86400)
        answer_call: Flag = Flag()

A declaration says everything about one attribute:

* its position: declaration order is the constructor's parameter order (the
  official SDK's), so ``Ring(10, False)`` works;
* its XML name: the field name in camelCase (``answer_call`` → ``answerCall``,
  ``_from`` → ``from``), or ``wire=`` when that is wrong;
* what construction accepts (:meth:`Field.admit`): every Python value the
  official SDK's type hints allow, strings included (``mute="true"``,
  ``call_timeout="15"``); only a value no attribute of that kind can hold
  (a list, an object) is refused at once, with :class:`BxmlTypeError`;
* how a value is written (:meth:`Field.to_wire`) and read back from a
  document (:meth:`Field.from_wire`);
* the platform's rule for it (:meth:`Field.problem`), which ``validate()``
  applies: ranges, E.164, SIP and WebSocket URLs, enum spellings, lengths.

A field's value is stored as given (``"15"`` stays a string, ``15`` an
``int``); :meth:`from_wire` stores typed values (``bool``, ``int``/``float``,
enum members, ``str``). ``None`` means "not set": the attribute is left out.

Two markers, recognised by type checkers as field specifiers, change a
declaration: :func:`required` (a positional parameter with no default) and
:func:`element_text` (the value is the element's text, not an attribute).
"""

from __future__ import annotations

import math
import re
from typing import (
    Any,
    Generic,
    Optional,
    Pattern,
    Type,
    TypeVar,
    Union,
    overload,
)

from bandwidth._formats import has_control_characters
from bandwidth.models._enum import ApiEnum
from bandwidth.models.bxml._xml import bad_xml_char
from bandwidth.models.bxml.errors import BxmlTypeError, BxmlValidationError

__all__ = [
    "MISSING",
    "Choice",
    "Field",
    "Flag",
    "Int",
    "Invalid",
    "Num",
    "Str",
    "element_text",
    "required",
]

G = TypeVar("G")  # the type an attribute reads as
S = TypeVar("S")  # the types an attribute accepts
E = TypeVar("E", bound=ApiEnum)
F = TypeVar("F", bound="Field[Any, Any]")

_SECRET = re.compile("password", re.IGNORECASE)
_CAMEL = re.compile(r"_([a-z])")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


#: "no default": the parameter must be given.
MISSING: Any = _Missing()


class Invalid(Exception):
    """Attribute text from a document that is not a value of the field's kind."""


def _type_name(value: object) -> str:
    return type(value).__name__


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Field(Generic[G, S]):
    """One attribute (or the text, or the children) of a verb."""

    #: the camelCase attribute name; ``None`` for the element's text and children
    wire: Optional[str]
    #: what the field is: an attribute, the element text, or the child verbs
    role: str = "attribute"

    def __init__(
        self,
        *,
        wire: Optional[str] = None,
        required: bool = False,
        default: Any = None,
        xml_after: Optional[str] = None,
    ) -> None:
        self.wire = wire
        #: ``validate()`` refuses the verb while this is unset
        self.required = required
        self.default = default
        #: the attribute this one follows in the XML, when that differs from
        #: the constructor's order (the official SDK writes some attributes in
        #: another order than its parameters)
        self.xml_after = xml_after
        self.name: str = ""
        self.secret: bool = False

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.secret = _SECRET.search(name) is not None
        if self.wire is None and self.role == "attribute":
            self.wire = _CAMEL.sub(lambda m: m.group(1).upper(), name.lstrip("_"))

    @property
    def has_default(self) -> bool:
        """Whether the constructor parameter is optional."""
        return self.default is not MISSING

    # -- the descriptor -----------------------------------------------------------------

    @overload
    def __get__(self, obj: None, owner: Any) -> Field[G, S]: ...

    @overload
    def __get__(self, obj: object, owner: Any) -> G: ...

    def __get__(self, obj: object, owner: Any) -> Any:
        if obj is None:
            return self
        return self.read(obj)

    def read(self, obj: object) -> Any:
        """The value an instance reads (what was stored)."""
        return obj.__dict__.get(self.name)

    def __set__(self, obj: object, value: S) -> None:
        if value is None:
            obj.__dict__.pop(self.name, None)
        else:
            obj.__dict__[self.name] = self.admit(obj, value)

    # -- per-kind behaviour -------------------------------------------------------------

    def accepts(self, value: object) -> bool:
        """Whether construction takes ``value`` (its type could denote a value of this kind)."""
        return isinstance(value, str)

    def expected(self) -> str:
        """The accepted types, for the error message."""
        return "a str"

    def problem(self, value: Any) -> Optional[str]:
        """Why Bandwidth would reject ``value`` (``None``: it would not)."""
        return None

    def to_wire(self, value: Any) -> str:
        """The attribute text for a stored value (what the official SDK writes)."""
        return str(value)

    def from_wire(self, text: str) -> Any:
        """The typed value for attribute text read from a document (or :class:`Invalid`)."""
        return text

    # -- checks -------------------------------------------------------------------------

    def admit(self, owner: object, value: object) -> Any:
        """``value`` if construction accepts it, else :class:`BxmlTypeError`.

        Strings XML cannot carry are refused here too, whatever the kind: the
        document could not be written at all (a safety rule, not a strict one).
        """
        if not self.accepts(value):
            raise BxmlTypeError(
                _verb_name(owner),
                self.name,
                f"must be {self.expected()}, not {_type_name(value)}",
            )
        if isinstance(value, str):
            bad = bad_xml_char(value)
            if bad is not None:
                raise BxmlValidationError(
                    _verb_name(owner), self.name, f"contains {bad}, which XML cannot carry"
                )
        return value

    def read_wire(self, owner: object, text: str) -> Any:
        """The typed value of attribute text from a document, or :class:`BxmlValidationError`."""
        try:
            return self.from_wire(text)
        except Invalid as exc:
            raise self._invalid(owner, str(exc), text) from None

    def _invalid(self, owner: object, problem: str, value: object) -> BxmlValidationError:
        if not self.secret and "(got " not in problem:
            problem = f"{problem} (got {_describe(value)})"
        return BxmlValidationError(_verb_name(owner), self.name, problem)

    def checked_when_unset(self) -> bool:
        """Whether :meth:`check` can fail for an instance where this field holds nothing."""
        return self.required or type(self).check is not Field.check

    def check(self, owner: object) -> None:
        """Raise :class:`BxmlValidationError` unless Bandwidth would accept this field's value."""
        value = owner.__dict__.get(self.name)
        if value is None:
            if self.required:
                raise BxmlValidationError(_verb_name(owner), self.name, "is required")
            return
        problem = self.problem(value)
        if problem is not None:
            raise self._invalid(owner, problem, value)


def _verb_name(owner: object) -> str:
    return str(getattr(owner, "_tag", "")) or type(owner).__name__


def required(field: F) -> F:
    """Mark ``field`` as a required constructor argument (and required by ``validate()``)."""
    field.required = True
    field.default = MISSING
    return field


def element_text(field: F, *, default: Any = MISSING) -> F:
    """Make ``field`` the element's text; without ``default`` it is a required argument."""
    field.role = "text"
    field.wire = None
    field.default = default
    if default is MISSING:
        field.required = True
    return field


# -- kinds ------------------------------------------------------------------------------


class Str(Field[Optional[str], Optional[str]]):
    """Text, with the platform's limits applied by ``validate()``.

    Subclasses preset the limits as class attributes (see ``verbs/_kinds.py``).
    """

    max_length: Optional[int] = None
    pattern: Optional[Pattern[str]] = None
    #: what the pattern means, for the error message
    expects: str = ""
    non_empty: bool = False
    no_control: bool = False

    def __init__(
        self,
        *,
        max_length: Optional[int] = None,
        pattern: Optional[Pattern[str]] = None,
        expects: Optional[str] = None,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        if max_length is not None:
            self.max_length = max_length
        if pattern is not None:
            self.pattern = pattern
        if expects is not None:
            self.expects = expects

    def problem(self, value: Any) -> Optional[str]:
        if self.non_empty and not value.strip():
            return "must not be empty"
        if self.no_control and has_control_characters(value):
            return "must not contain control characters"
        if self.max_length is not None and len(value) > self.max_length:
            return f"must be at most {self.max_length} characters (got {len(value)})"
        if self.pattern is not None and not self.pattern.fullmatch(value):
            return f"must be {self.expects}"
        return None


class Flag(Field[Union[bool, str, None], Union[bool, str, None]]):
    """A boolean, written ``true``/``false``; the strings ``"true"``/``"false"`` too."""

    def accepts(self, value: object) -> bool:
        return isinstance(value, (bool, str))

    def expected(self) -> str:
        return "a bool or str"

    def problem(self, value: Any) -> Optional[str]:
        if isinstance(value, str) and value not in ("true", "false"):
            return "must be true or false"
        return None

    def to_wire(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    def from_wire(self, text: str) -> Any:
        if text == "true":
            return True
        if text == "false":
            return False
        raise Invalid("must be true or false")


_INT_TEXT = re.compile(r"[+-]?[0-9]+")
_DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")


def _bound(value: float) -> str:
    return f"{value:g}"


class _Numeric(Field[G, S]):
    """What :class:`Num` and :class:`Int` share: a range and number-or-string input."""

    def __init__(self, low: float, high: Optional[float], **options: Any) -> None:
        super().__init__(**options)
        self.low = low
        self.high = high

    def accepts(self, value: object) -> bool:
        return isinstance(value, (int, float, str)) and not isinstance(value, bool)

    def expected(self) -> str:
        return "a number or str"

    def _range(self, number: float) -> Optional[str]:
        if number < self.low or (self.high is not None and number > self.high):
            if self.high is None:
                return f"must be at least {_bound(self.low)}"
            return f"must be between {_bound(self.low)} and {_bound(self.high)}"
        return None


class Num(_Numeric[Union[float, str, None], Union[float, str, None]]):
    """A decimal number in ``[low, high]``, written as the official SDK writes it (``str()``)."""

    def problem(self, value: Any) -> Optional[str]:
        if isinstance(value, str):
            if not _DECIMAL_TEXT.fullmatch(value):
                return "must be a decimal number"
            value = float(value)
        elif isinstance(value, float):
            if not math.isfinite(value):
                return "must be a finite number"
            if "e" in repr(value):
                return "must be written without an exponent"
        return self._range(value)

    def from_wire(self, text: str) -> Any:
        if _INT_TEXT.fullmatch(text):
            return int(text)
        if _DECIMAL_TEXT.fullmatch(text):
            return float(text)
        raise Invalid("must be a decimal number")


class Int(_Numeric[Union[int, str, None], Union[int, str, None]]):
    """A whole number in ``[low, high]``."""

    def problem(self, value: Any) -> Optional[str]:
        if isinstance(value, str):
            if not _INT_TEXT.fullmatch(value):
                return "must be a whole number"
            value = int(value)
        elif isinstance(value, float):
            return "must be a whole number"
        return self._range(value)

    def from_wire(self, text: str) -> Any:
        if _INT_TEXT.fullmatch(text):
            return int(text)
        raise Invalid("must be a whole number")


class Choice(Field[Union[E, str, None], Union[E, str, None]]):
    """One member of an enum, given as the member or as its exact wire string."""

    def __init__(self, enum: Type[E], **options: Any) -> None:
        super().__init__(**options)
        self.enum = enum

    def expected(self) -> str:
        return f"a {self.enum.__name__} or str"

    def accepts(self, value: object) -> bool:
        return isinstance(value, (self.enum, str))

    def problem(self, value: Any) -> Optional[str]:
        if isinstance(value, self.enum):
            return None
        if value in {member.value for member in self.enum}:
            return None
        return "must be one of: " + ", ".join(member.value for member in self.enum)

    def to_wire(self, value: Any) -> str:
        if isinstance(value, self.enum):
            return str(value.value)
        return str(value)

    def from_wire(self, text: str) -> Any:
        try:
            return self.enum(text)
        except ValueError:
            raise Invalid(
                "must be one of: " + ", ".join(member.value for member in self.enum)
            ) from None
