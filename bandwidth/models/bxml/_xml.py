"""Low-level XML helpers: character checks, escaping and a hardened expat parser.

Only the standard library is used. Escaping writes exactly the bytes the
official SDK's serializer (``xml.etree``) writes, so documents compare equal
byte for byte. The parser refuses DOCTYPE and entity declarations, which is
what makes entity-expansion ("billion laughs") and external-entity attacks
impossible; without a DTD, expat knows only the five predefined entities and
character references.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NoReturn, Optional

if TYPE_CHECKING:
    from xml.parsers.expat import XMLParserType

__all__ = ["bad_xml_char", "escape_attr", "escape_text", "is_xml_name", "make_parser"]

# Characters XML 1.0 cannot carry at all, not even as character references: C0
# controls other than tab/newline/return, lone surrogates, U+FFFE and U+FFFF.
# (Listed positively: the negated class over all of Unicode compiles slowly.)
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# An element name: ASCII letters, digits and ``_ - .``, not starting with a
# digit, ``-`` or ``.`` (every BXML and SSML name fits; ``:`` is left out).
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\r": "&#13;",
        "\n": "&#10;",
        "\t": "&#09;",
    }
)


def bad_xml_char(value: str) -> Optional[str]:
    """The first character of ``value`` XML 1.0 cannot represent, as ``U+XXXX``, or ``None``."""
    match = _BAD_CHAR.search(value)
    if match is None:
        return None
    return f"U+{ord(match.group()):04X}"


def is_xml_name(value: str) -> bool:
    """Whether ``value`` can be an element name here (no markup can hide in it)."""
    return _NAME.fullmatch(value) is not None


def escape_text(value: str) -> str:
    """Escape element text (``&``, ``<`` and ``>``; ``>`` too, so ``]]>`` is safe)."""
    return value.translate(_TEXT)


def escape_attr(value: str) -> str:
    """Escape a double-quoted attribute value so it reads back exactly.

    Tabs, newlines and carriage returns become character references: a parser
    would otherwise normalise them to spaces.
    """
    return value.translate(_ATTR)


def _refuse_doctype(*_args: object) -> NoReturn:
    raise ValueError("DOCTYPE declarations are not allowed")


def _refuse_entity(*_args: object) -> NoReturn:
    raise ValueError("entity declarations are not allowed")


def make_parser() -> XMLParserType:
    """A non-namespace expat parser that refuses DTDs, entity declarations and external entities."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_entity
    parser.buffer_text = True
    parser.ordered_attributes = False
    return parser
