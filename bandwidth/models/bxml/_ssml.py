"""SSML inside ``<SpeakSentence>``: keep it only when it is safe and supported.

A sentence's text is treated as SSML markup only if, wrapped in a throwaway
element, it parses as well-formed XML whose elements are all SSML elements the
BXML reference lists (``break``, ``emphasis``, ``lang``, ``p``, ``phoneme``,
``prosody``, ``s``, ``say-as``, ``sub``) with their SSML 1.1 attributes. The
markup is then re-serialised from the parse events, so what reaches the
document is always canonical, escaped XML. Anything else (a stray ``<``, a
``<Hangup/>``, a comment, a DOCTYPE) makes the whole text plain text, escaped
and spoken as written.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, List, Optional, Tuple

from bandwidth.models.bxml._xml import escape_attr, escape_text, make_parser

__all__ = ["SSML_ATTRIBUTES", "NotSsml", "SsmlWriter", "render_speech"]

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


class NotSsml(ValueError):
    """The text is not SSML this SDK keeps; the message says why."""


class SsmlWriter:
    """Checks SSML parse events and writes them back as canonical XML."""

    def __init__(self) -> None:
        self.parts: List[str] = []
        self.depth = 0
        self.elements = 0
        self._open = False  # a start tag waiting for ">" or "/>"

    def start(self, name: str, attrs: Dict[str, str]) -> None:
        """An element opens: refuse it unless it is supported SSML."""
        allowed = SSML_ATTRIBUTES.get(name)
        if allowed is None:
            raise NotSsml(f"<{name}> is not an SSML element SpeakSentence supports")
        for key in attrs:
            if key not in allowed:
                raise NotSsml(f"<{name}> has no attribute {key!r}")
        if self.depth >= MAX_DEPTH:
            raise NotSsml(f"SSML nested more than {MAX_DEPTH} deep")
        self._flush()
        attr_text = "".join(f' {key}="{escape_attr(value)}"' for key, value in attrs.items())
        self.parts.append(f"<{name}{attr_text}")
        self._open = True
        self.depth += 1
        self.elements += 1

    def end(self, name: str) -> None:
        """An element closes (empty elements are written ``<x/>``)."""
        self.depth -= 1
        if self._open:
            self.parts.append("/>")
            self._open = False
        else:
            self.parts.append(f"</{name}>")

    def data(self, text: str) -> None:
        """Character data, escaped."""
        if text:
            self._flush()
            self.parts.append(escape_text(text))

    def _flush(self) -> None:
        if self._open:
            self.parts.append(">")
            self._open = False

    def result(self) -> str:
        """The canonical markup written so far."""
        return "".join(self.parts)


def _refuse(*_args: object) -> None:
    raise NotSsml("comments and processing instructions are not SSML")


def canonical_ssml(text: str) -> str:
    """Canonical markup for ``text``, or :class:`NotSsml` (also for malformed XML)."""
    from xml.parsers.expat import ExpatError

    writer = SsmlWriter()
    parser = make_parser()
    depth = [0]

    def start(name: str, attrs: Dict[str, str]) -> None:
        depth[0] += 1
        if depth[0] > 1:
            writer.start(name, attrs)

    def end(name: str) -> None:
        depth[0] -= 1
        if depth[0] > 0:
            writer.end(name)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = writer.data
    parser.CommentHandler = _refuse
    parser.ProcessingInstructionHandler = _refuse
    try:
        parser.Parse(f"<{_WRAPPER}>{text}</{_WRAPPER}>", True)
    except ExpatError as exc:
        raise NotSsml(f"not well-formed XML ({exc})") from None
    except ValueError as exc:  # DOCTYPE/entity refusals, NotSsml from the writer
        raise NotSsml(str(exc)) from None
    return writer.result()


def render_speech(text: str) -> Tuple[str, bool]:
    """The element content for a sentence, and whether its SSML was kept."""
    if "<" not in text and "&" not in text:
        return escape_text(text), False
    try:
        markup: Optional[str] = canonical_ssml(text)
    except NotSsml:
        markup = None
    if markup is None:
        return escape_text(text), False
    return markup, "<" in markup  # text "<" is escaped, so "<" means an element
