"""The building blocks: :class:`Verb` (any BXML element), parents of verbs, and the roots.

Verbs are plain classes whose attributes are typed descriptors (see
``_attrs``): every assignment is checked, and rendering writes only the
attributes that are set, in the order the reference documents them. Parents
(the roots and verbs such as ``Gather`` or ``Transfer``) keep their children in
a :class:`VerbList` that refuses, at the moment it is added, a verb that cannot
go there.
"""

from __future__ import annotations

from typing import (
    Any,
    ClassVar,
    Dict,
    Iterable,
    Iterator,
    List,
    Optional,
    SupportsIndex,
    Tuple,
    Type,
    TypeVar,
    Union,
    overload,
)

from bandwidth.models.bxml._attrs import AnySlot, SlotTuple, _Slot
from bandwidth.models.bxml._xml import escape_attr, escape_text
from bandwidth.models.bxml.errors import BxmlNestingError, BxmlValidationError

__all__ = ["MAX_DOCUMENT_BYTES", "Bxml", "Response", "Root", "Verb", "VerbList"]

#: Bandwidth rejects BXML documents larger than 64 KB.
MAX_DOCUMENT_BYTES = 64 * 1024

#: ``<?xml ...?>`` line every document starts with.
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

_MASK = "********"

#: element name -> verb class, filled as the verb modules are imported
REGISTRY: Dict[str, Type[Verb]] = {}

_P = TypeVar("_P", bound="_Parent")
_R = TypeVar("_R", bound="Root")


class Verb:
    """Base of every BXML verb: renders itself, compares by value, repr hides passwords."""

    _tag: ClassVar[str] = ""
    #: attributes in document order (filled by ``__init_subclass__``)
    _slots: ClassVar[SlotTuple] = ()
    #: the slot holding the element's text, if the verb has text (kept in a
    #: tuple: a bare descriptor as a class attribute would read as its value)
    _text: ClassVar[SlotTuple] = ()
    _by_wire: ClassVar[Dict[str, AnySlot]] = {}
    #: ``False`` for verbs that only go inside another verb (PhoneNumber, StreamParam, …)
    _top_level: ClassVar[bool] = True
    #: where a nested-only verb goes, for error messages
    _goes_in: ClassVar[str] = ""
    #: whether ``from_xml`` trims whitespace around the element's text
    _strip_text: ClassVar[bool] = True

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        slots: Dict[str, AnySlot] = {}
        text: Optional[AnySlot] = None
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                if isinstance(value, _Slot):
                    if value.wire is None:
                        text = value
                    else:
                        slots[name] = value
        cls._slots = tuple(slots.values())
        cls._text = () if text is None else (text,)
        cls._by_wire = {slot.wire: slot for slot in cls._slots if slot.wire is not None}
        if "_tag" in cls.__dict__ and cls.__module__.startswith("bandwidth.models.bxml."):
            REGISTRY[cls._tag] = cls

    # -- construction helpers -------------------------------------------------

    def _setup(self) -> None:
        """Prepare per-instance state before attributes are set (parents make their list)."""

    @classmethod
    def _blank(cls: Type[_V]) -> _V:
        """An instance with nothing set, for ``from_xml`` and copies to fill in."""
        obj = cls.__new__(cls)
        obj._setup()
        return obj

    def _check(self) -> None:
        """Refuse to render a verb Bandwidth would reject (required values, cross-field rules)."""
        for slot in self._slots:
            if slot.required and slot.peek(self) is None:
                raise BxmlValidationError(self._tag, slot.name, "is required")
        for text in self._text:
            if text.required and text.peek(self) is None:
                raise BxmlValidationError(self._tag, text.name, "is required")

    # -- rendering -------------------------------------------------------------

    def _attribute_xml(self) -> str:
        parts = []
        data = self.__dict__
        for slot in self._slots:
            value = data.get(slot.name)
            if value is not None:
                parts.append(f' {slot.wire}="{escape_attr(slot.kind.to_wire(value))}"')
        return "".join(parts)

    def _content_xml(self) -> str:
        """The element's content as XML (escaped text, or children)."""
        for text in self._text:
            value = text.peek(self)
            if value is not None:
                return escape_text(text.kind.to_wire(value))
        return ""

    def _render(self, out: List[str]) -> None:
        self._check()
        tag = self._tag
        out.append(f"<{tag}{self._attribute_xml()}")
        content = self._content_xml()
        if content:
            out.append(f">{content}</{tag}>")
        else:
            out.append("/>")

    def to_bxml(self) -> str:
        """This verb alone as an XML fragment (no declaration, no root).

        Put verbs in a :class:`Response` or :class:`Bxml` to get a document.
        """
        out: List[str] = []
        self._render(out)
        return "".join(out)

    # -- value semantics -----------------------------------------------------

    def _key(self) -> Tuple[Any, ...]:
        data = self.__dict__
        values = tuple(data.get(slot.name) for slot in self._slots)
        return (values, self._content_xml() if self._text else None)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Verb)
        return self._key() == other._key()

    def _repr_parts(self) -> List[str]:
        parts: List[str] = []
        for text in self._text:
            value = text.peek(self)
            if value is not None:
                parts.append(repr(value))
        for slot in self._slots:
            value = slot.peek(self)
            if value is not None:
                shown = _MASK if slot.secret else _plain(value)
                parts.append(f"{slot.name}={shown}")
        return parts

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self._repr_parts())})"


_V = TypeVar("_V", bound=Verb)


def _plain(value: object) -> str:
    enum_value = getattr(value, "value", None)
    if isinstance(enum_value, str):  # enum members show as their wire string
        return repr(enum_value)
    return repr(value)


class VerbList(List[Verb]):
    """A parent's children: a list that checks every verb added to it."""

    __slots__ = ("_owner",)

    def __init__(self, owner: _Parent, verbs: Iterable[Verb] = ()) -> None:
        super().__init__()
        self._owner = owner
        self.extend(verbs)

    def append(self, verb: Verb) -> None:
        """Add one verb at the end (checked)."""
        self._owner._accept(verb, len(self) + 1)
        super().append(verb)

    def extend(self, verbs: Iterable[Verb]) -> None:
        """Add several verbs at the end (all checked before any is added)."""
        items = list(verbs)
        count = len(self)
        for verb in items:
            count += 1
            self._owner._accept(verb, count)
        super().extend(items)

    def __iadd__(self, verbs: Iterable[Verb]) -> VerbList:  # type: ignore[override,misc]
        self.extend(verbs)
        return self

    def insert(self, index: SupportsIndex, verb: Verb) -> None:
        """Insert one verb (checked)."""
        self._owner._accept(verb, len(self) + 1)
        super().insert(index, verb)

    @overload
    def __setitem__(self, index: SupportsIndex, verb: Verb) -> None: ...

    @overload
    def __setitem__(self, index: slice, verb: Iterable[Verb]) -> None: ...

    def __setitem__(self, index: Union[SupportsIndex, slice], verb: Any) -> None:
        if isinstance(index, slice):
            items = list(verb)
            count = len(self) - len(range(*index.indices(len(self)))) + len(items)
            for item in items:
                self._owner._accept(item, count)
            super().__setitem__(index, items)
        else:
            self._owner._accept(verb, len(self))
            super().__setitem__(index, verb)

    def __reduce__(self) -> Any:  # copies/pickles of a bare list are plain lists
        return (list, (list(self),))


class _Parent:
    """Something that holds verbs: a root, or a verb such as Gather or Transfer."""

    _tag: ClassVar[str] = ""
    _allowed: ClassVar[Tuple[type, ...]] = ()
    _max_children: ClassVar[Optional[int]] = None
    #: the Python name of the children list, for error messages
    _children_name: ClassVar[str] = "nested_verbs"
    _children: VerbList

    def _setup(self) -> None:
        self._children = VerbList(self)

    def _allows(self, verb: Verb) -> bool:
        return isinstance(verb, self._allowed)

    def _describe_allowed(self) -> str:
        names = [klass.__name__ for klass in self._allowed]
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " and " + names[-1]

    def _accept(self, verb: object, count_after: int) -> None:
        """Raise unless ``verb`` may be the ``count_after``-th child of this parent."""
        if not isinstance(verb, Verb):
            raise BxmlNestingError(
                f"{self._tag} holds BXML verbs, not {type(verb).__name__} ({verb!r:.60})"
            )
        if not self._allows(verb):
            message = f"{verb._tag} cannot go inside {self._tag}"
            if self._allowed:
                message += f": {self._tag} holds only {self._describe_allowed()}"
            if verb._goes_in:
                message += f"; {verb._tag} goes inside {verb._goes_in}"
            raise BxmlNestingError(message)
        limit = self._max_children
        if limit is not None and count_after > limit:
            raise BxmlValidationError(
                self._tag, self._children_name, f"holds at most {limit} (got {count_after})"
            )
        self._accept_more(verb, count_after)

    def _accept_more(self, verb: Verb, count_after: int) -> None:
        """Extra rules of one parent (Gather's repeat limit, Refer's bare SipUri)."""

    def add_verb(self: _P, verb: Verb) -> _P:
        """Append a child verb, refusing one that cannot go here; returns ``self`` to chain."""
        self._children.append(verb)
        return self

    def __len__(self) -> int:
        return len(self._children)

    @overload
    def __getitem__(self, index: SupportsIndex) -> Verb: ...

    @overload
    def __getitem__(self, index: slice) -> List[Verb]: ...

    def __getitem__(self, index: Union[SupportsIndex, slice]) -> Union[Verb, List[Verb]]:
        return self._children[index]

    def __iter__(self) -> Iterator[Verb]:
        return iter(self._children)

    def _children_xml(self) -> str:
        out: List[str] = []
        for child in self._children:
            child._render(out)
        return "".join(out)

    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        state["_children"] = list(self._children)
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        children = state.pop("_children", [])
        self.__dict__.update(state)
        self._children = VerbList(self, children)


class ParentVerb(_Parent, Verb):
    """A verb with child verbs (``Gather``, ``Transfer``, ``StartStream``, …)."""

    def _content_xml(self) -> str:
        return self._children_xml()

    def _key(self) -> Tuple[Any, ...]:
        return (Verb._key(self), tuple(self._children))

    def __bool__(self) -> bool:  # a parent with no children is still a verb
        return True

    def _repr_parts(self) -> List[str]:
        parts = Verb._repr_parts(self)
        if self._children:
            parts.insert(0, repr(list(self._children)))
        return parts


class Root(_Parent):
    """A BXML document: an ordered list of verbs under one root element.

    ``Response`` is the root of a webhook reply; ``Bxml`` the root sent to
    ``update_call_bxml``. Both take the verbs positionally, grow with
    :meth:`add_verb`, and render with :meth:`to_bxml`.
    """

    def __init__(self, nested_verbs: Optional[Iterable[Verb]] = None) -> None:
        self._setup()
        if nested_verbs is not None:
            self._children.extend(nested_verbs)

    def __bool__(self) -> bool:
        return True

    def _allows(self, verb: Verb) -> bool:
        return verb._top_level

    @property
    def nested_verbs(self) -> List[Verb]:
        """The verbs, in execution order (a checked list: appends are validated too)."""
        return self._children

    @nested_verbs.setter
    def nested_verbs(self, verbs: Iterable[Verb]) -> None:
        self._children = VerbList(self, verbs)

    def to_bxml(self) -> str:
        """The UTF-8 document as text, XML declaration first.

        Raises :class:`~bandwidth.models.bxml.errors.BxmlValidationError` if a
        verb is incomplete or the document exceeds Bandwidth's 64 KB limit.
        """
        body = self._children_xml()
        tag = self._tag
        text = f"{XML_DECLARATION}<{tag}>{body}</{tag}>" if body else f"{XML_DECLARATION}<{tag}/>"
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

    @classmethod
    def from_xml(cls: Type[_R], document: Union[str, bytes, bytearray]) -> _R:
        """Parse a document with this root back into verb objects.

        Raises :class:`~bandwidth.models.bxml.errors.BxmlParseError` for
        anything that is not well-formed, uses a DOCTYPE or entities, has
        another root, or holds an element or attribute BXML does not define.
        """
        from bandwidth.models.bxml._parse import parse_document

        root = parse_document(document, expected=cls)
        assert isinstance(root, cls)
        return root

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Root)
        return list(self._children) == list(other._children)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self._children)!r})"


class Bxml(Root):
    """``<Bxml>``: the root of a document sent with ``update_call_bxml`` (``PUT .../bxml``)."""

    _tag = "Bxml"


class Response(Root):
    """``<Response>``: the root of the BXML a webhook answers with."""

    _tag = "Response"
