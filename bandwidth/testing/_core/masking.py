"""What the simulator shows of an app's documents and a client's requests: secrets masked.

A BXML document is parsed, and an attribute is masked when the BXML field
table of its verb marks it secret (``password``, ``fallbackPassword``,
``destinationPassword``, ...: ``Field.secret``), however it is spelled in
the text (quotes, spaces, new lines). An attribute no table knows is masked
too: it may be a misspelled password (SSML's lower-case elements hold none).
A REST body is masked with the SDK models' rule
(:func:`bandwidth.models._base.mask_secrets`), headers with
:func:`bandwidth._redact.display_headers`.
"""

from __future__ import annotations

import functools
import importlib
import json
from typing import Any, Dict, List, Mapping, Optional, Tuple
from xml.parsers.expat import ExpatError, ParserCreate
from xml.sax.saxutils import quoteattr

from bandwidth._redact import display_headers
from bandwidth.models._base import mask_secrets

__all__ = ["MASK", "SHOWN_CHARACTERS", "masked_body", "masked_headers", "shown_document"]

MASK = "*****"
#: A document longer than this is cut in the timeline.
SHOWN_CHARACTERS = 2000


def _secret_attributes(tag: str) -> Optional[Dict[str, bool]]:
    """``{wire name: secret}`` for the verb ``tag``; ``None`` for an element no table knows."""
    from bandwidth.models.bxml.verbs import VERBS

    module = VERBS.get(tag)
    if module is None:
        return {} if tag in ("Response", "Bxml") else None
    cls = getattr(importlib.import_module(f"bandwidth.models.bxml.verbs.{module}"), tag)
    return {wire: field.secret for wire, field in cls._by_wire.items()}


def _masked(tag: str, attributes: List[str]) -> List[Tuple[str, str]]:
    known = _secret_attributes(tag)
    pairs = list(zip(attributes[0::2], attributes[1::2]))
    if known is None:
        if tag[:1].islower():  # SSML inside SpeakSentence (break, prosody, ...): no secrets
            return pairs
        return [(name, MASK) for name, _ in pairs]
    return [(name, MASK if known.get(name, True) else value) for name, value in pairs]


def _tag_end(raw: bytes, start: int) -> int:
    """The index just past the ``>`` that closes the start tag at ``start`` (quotes skipped)."""
    quote = 0
    for index in range(start, len(raw)):
        byte = raw[index]
        if quote:
            if byte == quote:
                quote = 0
        elif byte in (0x22, 0x27):
            quote = byte
        elif byte == 0x3E:
            return index + 1
    return len(raw)


def _rendered(document: str) -> str:
    """``document`` as written, with each start tag that holds a secret written again masked."""
    raw = document.encode("utf-8")
    edits: List[Tuple[int, int, bytes]] = []
    seen = [0]  # where the last complete event began: a broken document is shown up to there

    def start(tag: str, attributes: List[str]) -> None:
        at = parser.CurrentByteIndex
        seen[0] = at
        pairs = list(zip(attributes[0::2], attributes[1::2]))
        masked = _masked(tag, attributes)
        if masked == pairs:
            return
        stop = _tag_end(raw, at)
        close = "/>" if raw[:stop].rstrip(b">").rstrip().endswith(b"/") else ">"
        shown = "".join(f" {name}={quoteattr(value)}" for name, value in masked)
        edits.append((at, stop, f"<{tag}{shown}{close}".encode()))

    def other(*_args: Any) -> None:
        seen[0] = parser.CurrentByteIndex

    parser = ParserCreate("utf-8")
    parser.ordered_attributes = True
    parser.StartElementHandler = start
    parser.EndElementHandler = other
    parser.CharacterDataHandler = other
    cut: Optional[int] = None
    try:
        parser.Parse(raw, True)
    except ExpatError as exc:
        cut = seen[0]
        note = f" ... (not well-formed XML from line {exc.lineno}: the rest is not shown)"
    pieces: List[bytes] = []
    position = 0
    for begin, stop, replacement in edits:
        if cut is not None and begin >= cut:
            break
        pieces += [raw[position:begin], replacement]
        position = stop
    pieces.append(raw[position:cut] if cut is not None else raw[position:])
    text = b"".join(pieces).decode("utf-8", errors="replace")
    if text.startswith("<?xml"):
        text = text.split("?>", 1)[-1].strip()
    return text + note if cut is not None else text


#: Documents up to this size are remembered once shown: an app answers each step of a flow
#: with the same few documents, and parsing one to mask it costs about 0.1 ms.
_REMEMBERED_CHARACTERS = 8192


def shown_document(document: str) -> str:
    """A document for the timeline: no declaration, secrets masked, long ones cut."""
    if len(document) <= _REMEMBERED_CHARACTERS:
        return _shown_small(document)
    return _shown(document)


@functools.lru_cache(maxsize=256)  # at most 256 x 8 KiB: bounded however long the run
def _shown_small(document: str) -> str:
    return _shown(document)


def _shown(document: str) -> str:
    text = _rendered(document.strip())
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + f"... ({len(text) - SHOWN_CHARACTERS} more characters)"
    return text


def masked_body(body: bytes) -> str:
    """A request body for ``repr``: JSON with secrets masked, else only its size."""
    if not body:
        return "b''"
    try:
        return json.dumps(mask_secrets(json.loads(body)), separators=(",", ":"))
    except ValueError:
        return f"<{len(body)} bytes>"


def masked_headers(headers: Mapping[str, str]) -> Dict[str, str]:
    """Headers for ``repr``: credentials (``Authorization``, cookies) redacted by name."""
    return display_headers(headers)


def masked_request(request: Mapping[str, Any]) -> Any:
    """A REST body (a dict) with the SDK models' secrets masked."""
    return mask_secrets(dict(request))
