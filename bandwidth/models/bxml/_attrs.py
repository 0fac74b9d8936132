"""Typed BXML attributes: one descriptor per attribute, checked on every assignment.

A verb declares its attributes as class-level descriptors in the order the
reference documents them::

    class Pause(Verb):
        duration = Attr("duration", Number(0.1, 86400))

Each descriptor knows its wire name, how to check a Python value (raising a
:class:`~bandwidth.models.bxml.errors.BxmlValidationError` or
:class:`~bandwidth.models.bxml.errors.BxmlTypeError` that names the verb and
the attribute), how to write it as attribute text and how to read it back.
``None`` means "not set": the attribute is left out of the document.
"""

from __future__ import annotations

import math
import re
from typing import Any, Generic, Optional, Pattern, Tuple, Type, TypeVar, Union, overload

from bandwidth.models._enum import ApiEnum
from bandwidth.models.bxml._xml import bad_xml_char
from bandwidth.models.bxml.errors import BxmlTypeError, BxmlValidationError

__all__ = [
    "DTMF_DIGITS",
    "E164",
    "E164_OR_SIP",
    "SIP_URI",
    "Attr",
    "Bool",
    "Choice",
    "Integer",
    "Kind",
    "Number",
    "Required",
    "Text",
    "Url",
    "WebSocketUrl",
]

G = TypeVar("G")  # the type an attribute reads as
S = TypeVar("S")  # the types an attribute accepts
E = TypeVar("E", bound=ApiEnum)

_SECRET = re.compile("password", re.IGNORECASE)


class _Invalid(Exception):
    """A value is the right type but not allowed (becomes BxmlValidationError)."""


class _WrongType(Exception):
    """A value has the wrong Python type (becomes BxmlTypeError)."""


def _type_name(value: object) -> str:
    return type(value).__name__


class Kind(Generic[G, S]):
    """How one kind of attribute value is checked, written and read back."""

    def check(self, value: object) -> G:
        """Return the value to store, or raise ``_Invalid``/``_WrongType``."""
        raise NotImplementedError

    def to_wire(self, value: G) -> str:
        """The attribute text for a stored value."""
        return str(value)

    def from_wire(self, text: str) -> G:
        """The stored value for attribute text read from a document."""
        return self.check(text)


class Text(Kind[str, str]):
    """A string, optionally bounded in length and matched against a pattern."""

    def __init__(
        self,
        *,
        max_length: Optional[int] = None,
        pattern: Optional[Pattern[str]] = None,
        expects: str = "",
        non_empty: bool = False,
        no_control: bool = False,
    ) -> None:
        self.max_length = max_length
        self.pattern = pattern
        self.expects = expects
        self.non_empty = non_empty
        self.no_control = no_control

    def check(self, value: object) -> str:
        if not isinstance(value, str):
            raise _WrongType(f"must be a str, not {_type_name(value)}")
        bad = bad_xml_char(value)
        if bad is not None:
            raise _Invalid(f"contains {bad}, which XML cannot carry")
        if self.non_empty and not value.strip():
            raise _Invalid("must not be empty")
        if self.no_control and _CONTROL.search(value):
            raise _Invalid("must not contain control characters")
        if self.max_length is not None and len(value) > self.max_length:
            raise _Invalid(f"must be at most {self.max_length} characters (got {len(value)})")
        if self.pattern is not None and not self.pattern.fullmatch(value):
            raise _Invalid(f"must be {self.expects}")
        return value


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NO_SPACE = re.compile(r"\S+")


class Url(Text):
    """A webhook or media URL. Relative URLs are allowed: Bandwidth resolves them."""

    def __init__(self) -> None:
        super().__init__(pattern=_NO_SPACE, expects="a URL without spaces", non_empty=True)


class WebSocketUrl(Text):
    """A ``ws://`` or ``wss://`` URL (stream and transcription destinations)."""

    def __init__(self) -> None:
        super().__init__(
            pattern=re.compile(r"wss?://\S+", re.IGNORECASE),
            expects="a WebSocket URL (ws:// or wss://)",
            non_empty=True,
        )


#: ``+`` and 2 to 15 digits, no leading zero.
E164 = re.compile(r"\+[1-9][0-9]{1,14}")
#: ``sip:`` or ``sips:`` then a user part and/or host, no whitespace.
SIP_URI = re.compile(r"sips?:[^\s<>\"]+", re.IGNORECASE)
E164_OR_SIP = re.compile(f"{E164.pattern}|{SIP_URI.pattern}", re.IGNORECASE)
#: Tones, plus the pause characters ``,`` ``w`` ``W`` SendDtmf accepts.
DTMF_DIGITS = re.compile(r"[0-9*#a-dA-D]*")


class Bool(Kind[bool, bool]):
    """A boolean, written ``true``/``false``."""

    def check(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise _WrongType(f"must be a bool, not {_type_name(value)}")
        return value

    def to_wire(self, value: bool) -> str:
        return "true" if value else "false"

    def from_wire(self, text: str) -> bool:
        lowered = text.strip().lower()
        if lowered == "true":
            return True
        if lowered == "false":
            return False
        raise _Invalid("must be true or false")


_INT_TEXT = re.compile(r"[+-]?[0-9]+")
_NUM_TEXT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _fmt_bound(value: float) -> str:
    return f"{value:g}"


class Number(Kind[float, float]):
    """A decimal number within ``[low, high]``; ``int`` values stay ``int``."""

    def __init__(self, low: float, high: Optional[float]) -> None:
        self.low = low
        self.high = high

    def _range(self) -> str:
        if self.high is None:
            return f"at least {_fmt_bound(self.low)}"
        return f"between {_fmt_bound(self.low)} and {_fmt_bound(self.high)}"

    def check(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _WrongType(f"must be a number, not {_type_name(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise _Invalid("must be a finite number")
        if value < self.low or (self.high is not None and value > self.high):
            raise _Invalid(f"must be {self._range()}")
        return value

    def to_wire(self, value: float) -> str:
        if isinstance(value, int):
            return str(value)
        if value.is_integer():
            return str(int(value))
        text = repr(value)
        if "e" in text:  # tiny values: write plain decimals, never exponents
            text = f"{value:.20f}".rstrip("0")
        return text

    def from_wire(self, text: str) -> float:
        stripped = text.strip()
        if _INT_TEXT.fullmatch(stripped):
            return self.check(int(stripped))
        if _NUM_TEXT.fullmatch(stripped):
            return self.check(float(stripped))
        raise _Invalid("must be a decimal number")


class Integer(Kind[int, int]):
    """A whole number within ``[low, high]``."""

    def __init__(self, low: int, high: Optional[int]) -> None:
        self.low = low
        self.high = high

    def check(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _WrongType(f"must be an int, not {_type_name(value)}")
        if value < self.low or (self.high is not None and value > self.high):
            if self.high is None:
                raise _Invalid(f"must be at least {self.low}")
            raise _Invalid(f"must be between {self.low} and {self.high}")
        return value

    def from_wire(self, text: str) -> int:
        stripped = text.strip()
        if not _INT_TEXT.fullmatch(stripped):
            raise _Invalid("must be a whole number")
        return self.check(int(stripped))


class Choice(Kind[E, Union[E, str]]):
    """One member of an enum, given as the member or its wire string."""

    def __init__(self, enum: Type[E]) -> None:
        self.enum = enum

    def check(self, value: object) -> E:
        if isinstance(value, self.enum):
            return value
        if isinstance(value, str):
            try:
                return self.enum(value)
            except ValueError:
                pass
            allowed = ", ".join(member.value for member in self.enum)
            raise _Invalid(f"must be one of: {allowed}")
        raise _WrongType(f"must be a {self.enum.__name__} or str, not {_type_name(value)}")

    def to_wire(self, value: E) -> str:
        return str(value.value)


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _Slot(Generic[G, S]):
    """Shared machinery of :class:`Attr` and :class:`Required`."""

    wire: Optional[str]
    required: bool = False

    def __init__(self, wire: Optional[str], kind: Kind[G, S]) -> None:
        #: the camelCase attribute name, or ``None`` for the element's text
        self.wire = wire
        self.kind = kind
        self.name = ""
        self.secret = False

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.secret = _SECRET.search(name) is not None

    def _fail(self, owner: object, problem: str, value: object, wrong_type: bool) -> Exception:
        verb = type(owner).__name__
        if not self.secret and not wrong_type and "(got " not in problem:
            problem = f"{problem} (got {_describe(value)})"
        if wrong_type:
            return BxmlTypeError(verb, self.name, problem)
        return BxmlValidationError(verb, self.name, problem)

    def convert(self, owner: object, value: object) -> G:
        """Check ``value`` for this attribute of ``owner``; the error names both."""
        try:
            return self.kind.check(value)
        except _Invalid as exc:
            raise self._fail(owner, str(exc), value, False) from None
        except _WrongType as exc:
            raise self._fail(owner, str(exc), value, True) from None

    def convert_wire(self, owner: object, text: str) -> G:
        """Read attribute text from a document for this attribute of ``owner``."""
        try:
            return self.kind.from_wire(text)
        except _Invalid as exc:
            raise self._fail(owner, str(exc), text, False) from None
        except _WrongType as exc:  # pragma: no cover - from_wire always gets a str
            raise self._fail(owner, str(exc), text, True) from None

    def store(self, obj: Any, value: object) -> None:
        """Set (``None``: unset) the value on ``obj`` after checking it."""
        if value is None:
            if self.required:
                raise BxmlValidationError(type(obj).__name__, self.name, "is required")
            obj.__dict__.pop(self.name, None)
        else:
            obj.__dict__[self.name] = self.convert(obj, value)

    def peek(self, obj: Any) -> Optional[G]:
        """The stored value, or ``None``."""
        value: Optional[G] = obj.__dict__.get(self.name)
        return value


class Attr(_Slot[G, S]):
    """An optional attribute (``None`` leaves it out)."""

    @overload
    def __get__(self, obj: None, owner: Any) -> Attr[G, S]: ...

    @overload
    def __get__(self, obj: object, owner: Any) -> Optional[G]: ...

    def __get__(self, obj: object, owner: Any) -> Union[Attr[G, S], Optional[G]]:
        if obj is None:
            return self
        return self.peek(obj)

    def __set__(self, obj: object, value: Optional[S]) -> None:
        self.store(obj, value)


class Required(_Slot[G, S]):
    """A required attribute or text: setting it to ``None`` is an error."""

    required = True

    @overload
    def __get__(self, obj: None, owner: Any) -> Required[G, S]: ...

    @overload
    def __get__(self, obj: object, owner: Any) -> G: ...

    def __get__(self, obj: object, owner: Any) -> Union[Required[G, S], G]:
        if obj is None:
            return self
        return self.peek(obj)  # type: ignore[return-value]

    def __set__(self, obj: object, value: S) -> None:
        self.store(obj, value)


AnySlot = _Slot[Any, Any]
SlotTuple = Tuple[AnySlot, ...]
