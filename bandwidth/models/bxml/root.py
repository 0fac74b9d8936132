"""``Root``: a BXML document, an ordered list of verbs under one root element.

``Response`` (the reply to a webhook) and ``Bxml`` (the body of
``update_call_bxml``) are its two concrete forms; ``Root(tag=...)`` builds a
document with any root element, as in the official SDK.
"""

from __future__ import annotations

from typing import ClassVar, Iterable, List, Optional, Type, TypeVar, Union

from bandwidth.models.bxml.errors import BxmlValidationError
from bandwidth.models.bxml.nestable_verb import VerbList, _as_verbs, _Parent
from bandwidth.models.bxml.verb import Verb, element_name

__all__ = ["MAX_DOCUMENT_BYTES", "XML_DECLARATION", "Root"]

#: Bandwidth rejects BXML documents larger than 64 KB; ``to_bxml`` refuses to
#: write one and ``from_xml`` refuses to read one.
MAX_DOCUMENT_BYTES = 64 * 1024

#: The line every document starts with (byte for byte the official SDK's).
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"

_R = TypeVar("_R", bound="Root")


class Root(_Parent):
    """A BXML document: verbs in execution order under one root element.

    Grows with :meth:`add_verb`; supports ``len()``, indexing and iteration;
    renders with :meth:`to_bxml`; checks Bandwidth's rules with :meth:`validate`.
    """

    def __init__(self, tag: str, nested_verbs: Optional[Iterable[Verb]] = None) -> None:
        """A document whose root element is ``tag``, holding ``nested_verbs``."""
        self._setup()
        self._tag = element_name(tag)
        self._children.extend(_as_verbs(nested_verbs))

    def _allows(self, verb: Verb) -> bool:
        return verb._top_level

    def _allowed_text(self) -> str:
        return "top-level verbs"

    @property
    def nested_verbs(self) -> VerbList[Verb]:
        """The verbs, in execution order (a checked list: appends are checked too)."""
        return self._children

    @nested_verbs.setter
    def nested_verbs(self, verbs: Iterable[Verb]) -> None:
        self._children = VerbList(self, verbs)

    def to_bxml(self) -> str:
        """The document as text, XML declaration first, byte for byte as the official SDK writes it.

        Raises :class:`~bandwidth.models.bxml.errors.BxmlValidationError` if the
        document exceeds Bandwidth's 64 KB limit.
        """
        body = self._children_xml()
        tag = self._tag
        text = f"{XML_DECLARATION}<{tag}>{body}</{tag}>" if body else f"{XML_DECLARATION}<{tag} />"
        size = len(text.encode("utf-8"))
        if size > MAX_DOCUMENT_BYTES:
            raise BxmlValidationError(
                tag,
                None,
                f"document is {size} bytes; Bandwidth accepts at most {MAX_DOCUMENT_BYTES}",
            )
        return text

    def to_bytes(self) -> bytes:
        """The document as UTF-8 bytes, ready for an HTTP body."""
        return self.to_bxml().encode("utf-8")

    def validate(self: _R) -> _R:
        """Check every verb against Bandwidth's rules, and the document's size; returns ``self``.

        Raises :class:`~bandwidth.models.bxml.errors.BxmlValidationError` for the first problem.
        """
        for verb in self._children:
            verb.validate()
        self.to_bxml()
        return self

    @classmethod
    def from_xml(cls: Type[_R], document: Union[str, bytes, bytearray]) -> _R:
        """Read a document back into verb objects, holding it to Bandwidth's rules.

        ``Response.from_xml`` and ``Bxml.from_xml`` require their root;
        ``Root.from_xml`` takes either. Raises
        :class:`~bandwidth.models.bxml.errors.BxmlParseError` for a document
        over 64 KB, one that is not well-formed, uses a DOCTYPE or entities,
        has another root, holds an element or attribute BXML does not define,
        or a value ``validate()`` would refuse (the message gives the line).
        """
        from bandwidth.models.bxml._parse import parse_document

        root = parse_document(document, expected=None if cls is Root else cls)
        assert isinstance(root, cls)
        return root

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Root)
        return self._tag == other._tag and list(self._children) == list(other._children)

    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        verbs: List[Verb] = list(self._children)
        if type(self) is Root:
            return f"Root(tag={self._tag!r}, nested_verbs={verbs!r})"
        return f"{type(self).__name__}({verbs!r})"
