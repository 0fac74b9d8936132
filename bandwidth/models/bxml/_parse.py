"""Reading BXML documents back into verb objects (``Response.from_xml``, ``parse_bxml``).

The parser is expat with DTDs refused (see ``_xml.make_parser``), driven as a
stream: no tree of the untrusted document is built, the document may be at
most :data:`~bandwidth.models.bxml.root.MAX_DOCUMENT_BYTES` long (Bandwidth's
own limit), and nesting is bounded by what BXML allows (root, verb, nested
verb; SSML inside SpeakSentence is capped by ``_ssml.MAX_DEPTH``). Attribute
text becomes typed values, and every verb is held to ``validate()``'s rules,
so a document that parses is one Bandwidth would accept.
"""

from __future__ import annotations

import functools
from typing import Callable, Dict, List, Optional, Type, Union

from bandwidth.models.bxml._ssml import NotSsml, SsmlText
from bandwidth.models.bxml.errors import BxmlError, BxmlParseError
from bandwidth.models.bxml.nestable_verb import NestableVerb
from bandwidth.models.bxml.root import MAX_DOCUMENT_BYTES, Root
from bandwidth.models.bxml.verb import REGISTRY, Verb

__all__ = ["parse_bxml", "parse_document", "parse_fragment"]


class _Frame:
    """An open verb element: its class, attributes, text and children so far."""

    __slots__ = ("attrs", "children", "cls", "ssml", "text")

    def __init__(self, cls: Type[Verb], attrs: Dict[str, str]) -> None:
        self.cls = cls
        self.attrs = attrs
        self.text: List[str] = []
        self.children: List[Verb] = []
        self.ssml: Optional[SsmlText] = SsmlText() if cls._tag == "SpeakSentence" else None


class _Builder:
    """Expat callbacks that build the root and its verbs as elements close."""

    def __init__(self, roots: Dict[str, Callable[[], Root]]) -> None:
        self.roots = roots
        self.root: Optional[Root] = None
        self.stack: List[_Frame] = []

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
        if not issubclass(frame.cls, NestableVerb) or not frame.cls._kids:
            raise BxmlParseError(f"<{frame.cls._tag}> cannot contain elements (found <{name}>)")
        self._push(name, attrs, frame.cls)

    def _start_root(self, name: str, attrs: Dict[str, str]) -> None:
        root_cls = self.roots.get(name)
        if root_cls is None:
            if len(self.roots) == 1:
                raise BxmlParseError(f"expected a <{next(iter(self.roots))}> root, found <{name}>")
            expected = " or ".join(f"<{tag}>" for tag in self.roots)
            raise BxmlParseError(f"<{name}> is not a BXML root (expected {expected})")
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
            if frame.cls._text_field:
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
            field = cls._by_wire.get(wire)
            if field is None:
                raise BxmlParseError(f"<{cls._tag}> has no attribute {wire!r}")
            setattr(verb, field.name, field.read_wire(verb, raw))
        content = frame.ssml.result() if frame.ssml is not None else "".join(frame.text)
        if cls._strip_text:
            content = content.strip()
        if content:
            setattr(verb, cls._text_field[0].name, content)
        if frame.children:
            assert isinstance(verb, NestableVerb)
            verb._children.extend(frame.children)
        verb._validate_self()
        return verb


@functools.cache
def _load_all_verbs() -> Dict[str, Callable[[], Root]]:
    """Import every verb module (which registers each element name) and the two roots (once)."""
    import importlib

    from bandwidth.models.bxml.bxml import Bxml
    from bandwidth.models.bxml.response import Response
    from bandwidth.models.bxml.verbs import VERB_MODULES

    for name in VERB_MODULES:
        importlib.import_module(f"bandwidth.models.bxml.verbs.{name}")
    return {"Response": Response, "Bxml": Bxml}


def _oversize(document: Union[str, bytes, bytearray]) -> Optional[str]:
    """How big ``document`` is, if it is over Bandwidth's limit (``None`` when it is not)."""
    if isinstance(document, str):
        if len(document) > MAX_DOCUMENT_BYTES:  # every character is at least one byte
            return f"{len(document)} characters"
        size = len(document.encode("utf-8", "surrogatepass"))
    else:
        size = len(document)
    return f"{size} bytes" if size > MAX_DOCUMENT_BYTES else None


def parse_document(
    document: Union[str, bytes, bytearray], expected: Optional[Type[Root]] = None
) -> Root:
    """Parse ``document`` into a root of class ``expected`` (or either root when ``None``)."""
    from xml.parsers.expat import ExpatError

    from bandwidth.models.bxml._xml import make_parser

    roots = dict(_load_all_verbs())
    if expected is not None:
        roots = {expected._tag: expected}  # Response, Bxml and _Fragment take no arguments
    if not isinstance(document, (str, bytes, bytearray)):
        raise TypeError(f"document must be str or bytes, not {type(document).__name__}")
    oversize = _oversize(document)
    if oversize is not None:
        raise BxmlParseError(
            f"document is {oversize}; Bandwidth accepts at most {MAX_DOCUMENT_BYTES} bytes"
        )
    builder = _Builder(roots)
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


class _Fragment(Root):
    """A stand-in root for one verb read on its own: any verb may go in it."""

    _tag = "Fragment"

    def __init__(self) -> None:
        super().__init__(self._tag)

    def _allows(self, verb: Verb) -> bool:
        return True


def parse_fragment(fragment: str) -> Verb:
    """Read one verb's XML (as ``Verb.to_bxml()`` writes it) as the BXML verb it names."""
    root = parse_document(f"<{_Fragment._tag}>{fragment}</{_Fragment._tag}>", _Fragment)
    if len(root) != 1:  # pragma: no cover - one element in, one verb out
        raise BxmlParseError("expected exactly one verb")
    return root[0]


def parse_bxml(document: Union[str, bytes, bytearray]) -> Root:
    """Parse a BXML document with either root (``Response`` or ``Bxml``) into objects."""
    return parse_document(document)
