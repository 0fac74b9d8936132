"""Reading BXML for the interpreter: the one place that knows the builder's API and the defaults.

Documents are parsed with ``bandwidth.models.bxml``, whose ``from_xml``
holds every verb to the rules ``validate()`` applies (once, while reading).
Attribute values are read by their snake_case names and converted here
(``int(...)``/``float(...)`` of whatever the attribute holds), with the
defaults of the BXML reference when an attribute is absent. Anything that
does not convert makes the document invalid (the call ends with
``invalid-bxml``), as on the platform.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple, Union
from xml.parsers.expat import ExpatError, ParserCreate

from bandwidth.testing._core.webhooks import DEFAULT_METHOD

__all__ = [
    "BxmlRoots",
    "InvalidBxml",
    "VerbCallback",
    "callback",
    "flag",
    "integer",
    "number",
    "read_document",
    "read_verbs",
    "speech",
    "text",
    "verb_name",
]

MAX_DOCUMENT_BYTES = 64 * 1024


class InvalidBxml(Exception):
    """A document (or a value in it) the platform would refuse; the message says why."""


class BxmlRoots:
    """Which root a document may have: the documented one only (``strict``), or either.

    Bandwidth documents ``<Response>`` for webhook replies and ``<Bxml>`` for
    ``update_call_bxml``; no source says the platform refuses the other, and
    Bandwidth's own samples send it (``<Bxml>`` replies, a ``<Response>`` to
    ``update_call_bxml``). By default either is accepted, with a note on the
    timeline; ``strict`` refuses the other root (``VoiceSimulator(strict_bxml_roots=True)``).
    One object, shared by the flow engine, the conference engine and the routes.
    """

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict


def read_verbs(
    document: Union[str, bytes], root: str = "Response", *, either_root: bool = False
) -> List[Any]:
    """The verbs of a ``<Response>`` (webhook reply) or ``<Bxml>`` (``PUT .../bxml``) document."""
    return read_document(document, root, either_root=either_root)[0]


def read_document(
    document: Union[str, bytes], root: str = "Response", *, either_root: bool = False
) -> Tuple[List[Any], Optional[str]]:
    """The verbs of a document whose root is ``root`` (or, with ``either_root``, the other
    BXML root), and a note for the timeline when it was the other one."""
    from bandwidth.models.bxml import Bxml, BxmlError, Response, Root

    raw = document.encode("utf-8") if isinstance(document, str) else document
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise InvalidBxml(f"the document is {len(raw)} bytes; at most {MAX_DOCUMENT_BYTES}")
    parser = Root if either_root else Response if root == "Response" else Bxml
    try:
        parsed = parser.from_xml(raw)  # checks each verb as validate() would
    except BxmlError as exc:
        raise InvalidBxml(str(exc)) from None
    except (ValueError, TypeError) as exc:
        raise InvalidBxml(str(exc)) from None
    note = None
    if parsed._tag != root:
        note = (
            f"the document's root is <{parsed._tag}>; Bandwidth documents <{root}> here "
            "(accepted: strict_bxml_roots=False)"
        )
    return list(parsed), note


def verb_name(verb: Any) -> str:
    """The element name of a verb (``"Gather"``)."""
    return str(getattr(verb, "_tag", "") or type(verb).__name__)


def text(verb: Any, name: str) -> Optional[str]:
    """A string attribute (an enum member reads as its value), or ``None``."""
    value = getattr(verb, name, None)
    if value is None:
        return None
    value = getattr(value, "value", value)
    return str(value)


def number(verb: Any, name: str, default: float) -> float:
    """A numeric attribute as ``float``, or ``default`` when absent."""
    value = getattr(verb, name, None)
    if value is None:
        return default
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise InvalidBxml(f"<{verb_name(verb)}> {name} {value!r} is not a number") from None
    if result != result or result in (float("inf"), float("-inf")):
        raise InvalidBxml(f"<{verb_name(verb)}> {name} {value!r} is not a finite number")
    return result


def flag(verb: Any, name: str, default: bool) -> bool:
    """A boolean attribute (``true``/``false``), or ``default`` when absent."""
    value = getattr(verb, name, None)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if str(value) in ("true", "false"):
        return str(value) == "true"
    raise InvalidBxml(f"<{verb_name(verb)}> {name} {value!r} is not true or false")


def integer(verb: Any, name: str, default: int) -> int:
    """An integer attribute, or ``default`` when absent."""
    value = getattr(verb, name, None)
    if value is None:
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidBxml(f"<{verb_name(verb)}> {name} {value!r} is not an integer") from None


def _method(verb: Any, name: str) -> str:
    return (text(verb, name) or DEFAULT_METHOD).upper()


@dataclass(frozen=True)
class VerbCallback:
    """A verb's webhook settings: URLs, methods and credentials."""

    url: Optional[str]
    method: str
    fallback_url: Optional[str]
    fallback_method: str
    username: Optional[str]
    password: Optional[str]
    fallback_username: Optional[str]
    fallback_password: Optional[str]
    tag: Optional[str]


def callback(verb: Any, prefix: str) -> VerbCallback:
    """The settings of a verb's ``{prefix}Url`` webhook (``prefix`` in snake_case).

    URL, method, fallback URL and method, the verb's credentials and tag;
    ``callback(verb, "transfer_complete")`` reads ``transferCompleteUrl`` and
    the rest.
    """
    return VerbCallback(
        url=text(verb, f"{prefix}_url"),
        method=_method(verb, f"{prefix}_method"),
        fallback_url=text(verb, f"{prefix}_fallback_url"),
        fallback_method=_method(verb, f"{prefix}_fallback_method"),
        username=text(verb, "username"),
        password=text(verb, "password"),
        fallback_username=text(verb, "fallback_username"),
        fallback_password=text(verb, "fallback_password"),
        tag=text(verb, "tag"),
    )


_TIME = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s)\s*")


def speech(verb: Any) -> Tuple[str, float]:
    """What a SpeakSentence says, as plain text, and the seconds its SSML ``<break time>`` add.

    SSML markup is removed: ``<sub alias="...">`` reads as its alias, every
    other element as its text, and whitespace runs become one space.
    """
    raw = text(verb, "text") or ""
    if "<" not in raw and "&" not in raw:
        return " ".join(raw.split()), 0.0
    words: List[str] = []
    pauses = [0.0]
    skipping = [0]

    def start(name: str, attrs: Any) -> None:
        if skipping[0]:
            skipping[0] += 1
            return
        if name == "sub" and "alias" in attrs:
            words.append(" " + attrs["alias"] + " ")
            skipping[0] = 1
        elif name == "break":
            match = _TIME.fullmatch(attrs.get("time", ""))
            if match:
                amount = float(match.group(1)) / (1000 if match.group(2) == "ms" else 1)
                pauses[0] += min(amount, 10.0)
            words.append(" ")
        elif name in ("p", "s"):
            words.append(" ")

    def end(name: str) -> None:
        if skipping[0]:
            skipping[0] -= 1

    def data(chunk: str) -> None:
        if not skipping[0]:
            words.append(chunk)

    parser = ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    try:
        # The builder keeps SSML as markup and every "&" as a literal character.
        parser.Parse("<speak>" + raw.replace("&", "&amp;") + "</speak>", True)
    except ExpatError:
        return " ".join(raw.split()), 0.0
    return " ".join("".join(words).split()), pauses[0]
