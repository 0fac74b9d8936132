"""Reading BXML documents back into verb objects (``Bxml.from_xml``, ``parse_bxml``).

The parser is expat with DTDs refused (see ``_xml.make_parser``), driven as a
stream: no tree of the untrusted document is built, and nesting is bounded by
what BXML allows (root, verb, nested verb; SSML inside SpeakSentence is capped
by ``_ssml.MAX_DEPTH``). Values go through the same checks as the
constructors, so a document that parses is one the builder could have made.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Type, Union

from bandwidth.models.bxml._ssml import NotSsml, SsmlWriter
from bandwidth.models.bxml.errors import BxmlError, BxmlParseError
from bandwidth.models.bxml.verb import REGISTRY, Bxml, ParentVerb, Response, Root, Verb

__all__ = ["parse_bxml", "parse_document"]

_ROOTS: Dict[str, Type[Root]] = {"Bxml": Bxml, "Response": Response}


class _Frame:
    """An open verb element: its class, attributes, text and children so far."""

    __slots__ = ("attrs", "children", "cls", "ssml", "text")

    def __init__(self, cls: Type[Verb], attrs: Dict[str, str]) -> None:
        self.cls = cls
        self.attrs = attrs
        self.text: List[str] = []
        self.children: List[Verb] = []
        self.ssml: Optional[SsmlWriter] = SsmlWriter() if cls._tag == "SpeakSentence" else None


class _Builder:
    """Expat callbacks that build the root and its verbs as elements close."""

    def __init__(self, expected: Optional[Type[Root]]) -> None:
        self.expected = expected
        self.root: Optional[Root] = None
        self.stack: List[_Frame] = []
        self.closed = False

    def start(self, name: str, attrs: Dict[str, str]) -> None:
        if self.root is None:
            self._start_root(name, attrs)
            return
        if not self.stack:
            self._push(name, attrs, None)
            return
        frame = self.stack[-1]
        if frame.ssml is not None:
            try:
                frame.ssml.start(name, attrs)
            except NotSsml as exc:
                raise BxmlParseError(f"SpeakSentence holds unsupported markup: {exc}") from None
            return
        if not issubclass(frame.cls, ParentVerb):
            raise BxmlParseError(f"<{frame.cls._tag}> cannot contain elements (found <{name}>)")
        self._push(name, attrs, frame.cls)

    def _start_root(self, name: str, attrs: Dict[str, str]) -> None:
        root_cls = _ROOTS.get(name)
        if root_cls is None:
            raise BxmlParseError(f"<{name}> is not a BXML root (expected <Response> or <Bxml>)")
        if self.expected is not None and root_cls is not self.expected:
            raise BxmlParseError(f"expected a <{self.expected._tag}> root, found <{name}>")
        if attrs:
            raise BxmlParseError(f"<{name}> takes no attributes (found {next(iter(attrs))!r})")
        self.root = root_cls()

    def _push(self, name: str, attrs: Dict[str, str], parent: Optional[Type[Verb]]) -> None:
        cls = REGISTRY.get(name)
        if cls is None:
            where = f"<{parent._tag}>" if parent is not None else "the document"
            raise BxmlParseError(f"<{name}> in {where} is not a BXML verb")
        self.stack.append(_Frame(cls, attrs))

    def end(self, name: str) -> None:
        if not self.stack:
            self.closed = True
            return
        frame = self.stack[-1]
        if frame.ssml is not None and frame.ssml.depth > 0:
            frame.ssml.end(name)
            return
        self.stack.pop()
        verb = self._build(frame)
        if self.stack:
            self.stack[-1].children.append(verb)
        else:
            assert self.root is not None
            self.root.add_verb(verb)

    def data(self, text: str) -> None:
        if self.stack:
            frame = self.stack[-1]
            if frame.ssml is not None:
                frame.ssml.data(text)
                return
            if frame.cls._text:
                frame.text.append(text)
                return
            where = frame.cls._tag
        else:
            where = self.root._tag if self.root is not None else "document"
        if text.strip():
            raise BxmlParseError(f"<{where}> cannot contain text (found {text.strip()[:40]!r})")

    def _build(self, frame: _Frame) -> Verb:
        cls = frame.cls
        verb = cls._blank()
        for wire, raw in frame.attrs.items():
            slot = cls._by_wire.get(wire)
            if slot is None:
                raise BxmlParseError(f"<{cls._tag}> has no attribute {wire!r}")
            slot.store(verb, slot.convert_wire(verb, raw))
        content = frame.ssml.result() if frame.ssml is not None else "".join(frame.text)
        if cls._strip_text:
            content = content.strip()
        if content:
            if not cls._text:  # pragma: no cover - data() refuses text first
                raise BxmlParseError(f"<{cls._tag}> cannot contain text")
            cls._text[0].store(verb, content)
        if frame.children:
            assert isinstance(verb, ParentVerb)
            verb._children.extend(frame.children)
        verb._check()
        return verb


def _load_all_verbs() -> None:
    """Import every verb module, which registers each element name."""
    import importlib

    from bandwidth.models.bxml.verbs import VERB_MODULES

    for name in VERB_MODULES:
        importlib.import_module(f"bandwidth.models.bxml.verbs.{name}")


def parse_document(
    document: Union[str, bytes, bytearray], expected: Optional[Type[Root]] = None
) -> Root:
    """Parse ``document`` into a root of class ``expected`` (or either root when ``None``)."""
    from xml.parsers.expat import ExpatError

    import bandwidth.models.bxml.verbs  # noqa: F401  (fills the element registry)
    from bandwidth.models.bxml._xml import make_parser

    _load_all_verbs()
    if not isinstance(document, (str, bytes, bytearray)):
        raise TypeError(f"document must be str or bytes, not {type(document).__name__}")
    builder = _Builder(expected)
    parser = make_parser()
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(bytes(document) if isinstance(document, bytearray) else document, True)
    except BxmlParseError as exc:
        raise BxmlParseError(f"line {parser.CurrentLineNumber}: {exc}") from None
    except BxmlError as exc:
        raise BxmlParseError(f"line {parser.CurrentLineNumber}: {exc}") from exc
    except ExpatError as exc:
        raise BxmlParseError(f"not well-formed XML: {exc}") from None
    except ValueError as exc:  # DOCTYPE / entity declarations refused
        raise BxmlParseError(f"line {parser.CurrentLineNumber}: {exc}") from None
    if builder.root is None:  # pragma: no cover - expat rejects an empty document first
        raise BxmlParseError("empty document")
    return builder.root


def parse_bxml(document: Union[str, bytes, bytearray]) -> Root:
    """Parse a BXML document with either root (``Response`` or ``Bxml``) into objects."""
    return parse_document(document)
