"""SSML inside ``<SpeakSentence>``: written as the official SDK writes it, kept only when safe.

The official SDK escapes a sentence's text and then turns every escaped
tag-shaped span (``&lt;`` + a letter or ``/`` ... ``&gt;``) back into markup.
So ``&`` is always literal text and ``<break time="1s"/>`` is always a tag.
This module produces exactly that candidate, then keeps it only if, wrapped
in a throwaway element, it parses as well-formed XML whose elements are all
SSML elements the BXML reference lists (``break``, ``emphasis``, ``lang``,
``p``, ``phoneme``, ``prosody``, ``s``, ``say-as``, ``sub``) with their SSML 1.1
attributes, nested at most :data:`MAX_DEPTH` deep. Anything else (a stray
``<``, a ``<Hangup/>``, unbalanced tags) is escaped as a whole and spoken as
written: no text can add a verb or break the document.
"""

from __future__ import annotations

import re
from typing import Dict, FrozenSet, List, Tuple

from bandwidth.models.bxml._xml import escape_text, make_parser

__all__ = ["MAX_DEPTH", "SSML_ATTRIBUTES", "NotSsml", "SsmlText", "check_element", "render_speech"]

#: Supported SSML elements and the attributes each may carry.
SSML_ATTRIBUTES: Dict[str, FrozenSet[str]] = {
    "break": frozenset({"strength", "time"}),
    "emphasis": frozenset({"level"}),
    "lang": frozenset({"xml:lang", "onlangfailure"}),
    "p": frozenset({"xml:lang"}),
    "phoneme": frozenset({"ph", "alphabet"}),
    "prosody": frozenset({"pitch", "contour", "range", "rate", "duration", "volume"}),
    "s": frozenset({"xml:lang"}),
    "say-as": frozenset({"interpret-as", "format", "detail"}),
    "sub": frozenset({"alias"}),
}

#: Deeper nesting is refused: no real prompt needs it, and it bounds the work.
MAX_DEPTH = 32

_WRAPPER = "bxml-speak-sentence"

# The official SDK's tag pattern, applied to escaped text.
_ESCAPED_TAG = re.compile(r"&lt;([a-zA-Z/].*?)&gt;")


class NotSsml(ValueError):
    """The text is not SSML this SDK keeps; the message says why."""


def check_element(name: str, attrs: Dict[str, str], depth: int) -> None:
    """Refuse an element that is not supported SSML, or one nested too deep."""
    allowed = SSML_ATTRIBUTES.get(name)
    if allowed is None:
        raise NotSsml(f"<{name}> is not an SSML element SpeakSentence supports")
    for key in attrs:
        if key not in allowed:
            raise NotSsml(f"<{name}> has no attribute {key!r}")
    if depth >= MAX_DEPTH:
        raise NotSsml(f"SSML nested more than {MAX_DEPTH} deep")


def _check_markup(markup: str) -> None:
    """Raise :class:`NotSsml` unless ``markup`` is well-formed, supported SSML."""
    from xml.parsers.expat import ExpatError

    depth = [0]

    def start(name: str, attrs: Dict[str, str]) -> None:
        if depth[0] > 0:
            check_element(name, attrs, depth[0] - 1)
        depth[0] += 1

    def end(_name: str) -> None:
        depth[0] -= 1

    def refuse(*_args: object) -> None:
        raise NotSsml("comments and processing instructions are not SSML")

    parser = make_parser()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CommentHandler = refuse
    parser.ProcessingInstructionHandler = refuse
    try:
        parser.Parse(f"<{_WRAPPER}>{markup}</{_WRAPPER}>", True)
    except ExpatError as exc:
        raise NotSsml(f"not well-formed XML ({exc})") from None
    except ValueError as exc:  # NotSsml, or a DOCTYPE/entity refusal
        raise NotSsml(str(exc)) from None


def render_speech(text: str) -> Tuple[str, bool]:
    """The element content for a sentence, and whether its SSML was kept."""
    escaped = escape_text(text)
    candidate = _ESCAPED_TAG.sub(r"<\1>", escaped)
    if candidate == escaped:
        return escaped, False
    try:
        _check_markup(candidate)
    except NotSsml:
        return escaped, False
    return candidate, True


class SsmlText:
    """Rebuilds a sentence's text from parse events, in the form the builder takes.

    Character data is literal text and elements become tags, so rendering the
    result gives the same markup back.
    """

    def __init__(self) -> None:
        self.parts: List[str] = []
        self.depth = 0
        self._open = False  # a start tag waiting for ">" or "/>"

    def start(self, name: str, attrs: Dict[str, str]) -> None:
        """An element opens: refuse it unless it is supported SSML."""
        check_element(name, attrs, self.depth)
        self._flush()
        attr_text = "".join(f" {key}={_quoted(value)}" for key, value in attrs.items())
        self.parts.append(f"<{name}{attr_text}")
        self._open = True
        self.depth += 1

    def end(self, name: str) -> None:
        """An element closes (empty elements are written ``<x/>``)."""
        self.depth -= 1
        if self._open:
            self.parts.append("/>")
            self._open = False
        else:
            self.parts.append(f"</{name}>")

    def data(self, text: str) -> None:
        """Character data, kept literal."""
        if text:
            self._flush()
            self.parts.append(text)

    def _flush(self) -> None:
        if self._open:
            self.parts.append(">")
            self._open = False

    def result(self) -> str:
        """The text written so far."""
        return "".join(self.parts)


def _quoted(value: str) -> str:
    return f"'{value}'" if '"' in value else f'"{value}"'
