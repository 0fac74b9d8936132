"""``Verb``: the base of every BXML verb, and a generic element in its own right.

A verb class declares its attributes once, as fields (see ``_fields``)::

    class Ring(Verb):
        _tag = "Ring"

        duration: Num = Num(0.1, 86400)
        answer_call: Flag = Flag()

and gets from that declaration its constructor (``Ring(duration=None,
answer_call=None)``, visible to ``inspect.signature`` and, through
``dataclass_transform``, to type checkers), its rendering, its parsing and its
``validate()``. ``Verb(tag=..., content=...)`` itself builds any element, as in
the official SDK.
"""

from __future__ import annotations

import keyword
import re
import sys
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Dict,
    List,
    Optional,
    Tuple,
    Type,
    TypeVar,
)

from bandwidth.models.bxml._fields import Field, element_text, required
from bandwidth.models.bxml._xml import bad_xml_char, escape_attr, escape_text, is_xml_name
from bandwidth.models.bxml.errors import BxmlTypeError, BxmlValidationError

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
elif sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # only type checkers read the marker; importing typing_extensions costs ~10 ms

    def dataclass_transform(**_kwargs: Any) -> Any:
        return lambda cls: cls


__all__ = ["REGISTRY", "BareVerb", "Verb"]

AnyField = Field[Any, Any]

_MASK = "********"

#: element name -> verb class, filled as the verb modules are imported
REGISTRY: Dict[str, Type[Verb]] = {}

_V = TypeVar("_V", bound="Verb")


def element_name(tag: object) -> str:
    """``tag`` if it can be an element name, else an error (no markup hides in a tag)."""
    if not isinstance(tag, str):
        raise BxmlTypeError("Verb", "tag", f"must be a str, not {type(tag).__name__}")
    if not is_xml_name(tag):
        raise BxmlValidationError("Verb", "tag", f"must be an XML element name (got {tag!r:.60})")
    return tag


def plain_text(verb: str, name: str, value: object) -> Optional[str]:
    """Check the free text of a generic element (a str XML can carry, or ``None``)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise BxmlTypeError(verb, name, f"must be a str, not {type(value).__name__}")
    bad = bad_xml_char(value)
    if bad is not None:
        raise BxmlValidationError(verb, name, f"contains {bad}, which XML cannot carry")
    return value


def _init_source(fields: Tuple[AnyField, ...]) -> Tuple[str, Dict[str, Any]]:
    """Source of the ``__init__`` the fields describe, and the defaults it refers to."""
    params, body, namespace = ["self"], ["self._setup()"], {}
    for index, field in enumerate(fields):
        if not field.name.isidentifier() or keyword.iskeyword(field.name):
            raise TypeError(f"{field.name!r} cannot be a parameter name")
        if field.has_default:
            namespace[f"_default_{index}"] = field.default
            params.append(f"{field.name}=_default_{index}")
        else:
            params.append(field.name)
        body.append(f"self.{field.name} = {field.name}")
    source = f"def __init__({', '.join(params)}):\n    " + "\n    ".join(body) + "\n"
    return source, namespace


def _xml_order(fields: List[AnyField]) -> Tuple[AnyField, ...]:
    """The attributes in the order they are written (declaration order, moved by ``xml_after``)."""
    order = [field for field in fields if field.xml_after is None]
    for field in fields:
        if field.xml_after is not None:
            names = [f.name for f in order]
            order.insert(names.index(field.xml_after) + 1, field)
    return tuple(order)


@dataclass_transform(field_specifiers=(required, element_text))
class Verb:
    """Base of every BXML verb; ``Verb(tag, content)`` is a generic element.

    Verbs render with :meth:`to_bxml`, check Bandwidth's rules with
    :meth:`validate`, compare by value, and never show a password in ``repr``.
    """

    #: the element name (a class attribute of each verb; per instance for a generic element)
    _tag: str = ""
    #: every field, in constructor order (filled by ``__init_subclass__``)
    _fields: ClassVar[Tuple[AnyField, ...]] = ()
    #: the attribute fields, in the order they are written
    _attr_fields: ClassVar[Tuple[AnyField, ...]] = ()
    #: the field holding the element's text, if any (in a tuple: a bare
    #: descriptor as a class attribute would read as its value)
    _text_field: ClassVar[Tuple[AnyField, ...]] = ()
    _by_wire: ClassVar[Dict[str, AnyField]] = {}
    #: each field with whether ``validate()`` checks it when it holds nothing
    #: (required fields, child lists); the others are checked only when set
    _checks: ClassVar[Tuple[Tuple[AnyField, bool], ...]] = ()
    #: ``False`` for verbs that only go inside another verb (PhoneNumber, StreamParam, ...)
    _top_level: ClassVar[bool] = True
    #: where a nested-only verb goes, for error messages
    _goes_in: ClassVar[str] = ""
    #: whether ``from_xml`` trims whitespace around the element's text
    _strip_text: ClassVar[bool] = True
    #: ``True`` for ``Verb``/``NestableVerb`` themselves (any element name, no fields)
    _generic: ClassVar[bool] = True

    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # mutable, compared by value

    def __init__(self, tag: str, content: Optional[str] = None) -> None:
        """A generic element ``<tag>content</tag>`` (``Verb(tag=..., content=...)`` officially)."""
        self._setup()
        self._tag = element_name(tag)
        self._content = plain_text(tag, "content", content)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._generic = cls.__dict__.get("_generic", False)  # only Verb and NestableVerb
        fields: Dict[str, AnyField] = {}
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                if isinstance(value, Field):
                    fields[name] = value
        ordered = list(fields.values())
        cls._fields = tuple(ordered)
        attributes = [f for f in ordered if f.role == "attribute"]
        cls._attr_fields = _xml_order(attributes)
        cls._text_field = tuple(f for f in ordered if f.role == "text")
        cls._by_wire = {f.wire: f for f in attributes if f.wire is not None}
        cls._checks = tuple((f, f.checked_when_unset()) for f in ordered)
        if "__init__" not in cls.__dict__:
            source, namespace = _init_source(cls._fields)
            exec(source, namespace)  # the parameters are our field names, checked above
            init = namespace["__init__"]
            init.__qualname__ = f"{cls.__qualname__}.__init__"
            init.__module__ = cls.__module__
            init.__doc__ = f"Build a <{cls._tag or cls.__name__}> (official parameter order)."
            cls.__init__ = init  # type: ignore[method-assign]
        if "_tag" in cls.__dict__ and cls.__module__.startswith("bandwidth.models.bxml."):
            REGISTRY[cls._tag] = cls

    # -- construction helpers -------------------------------------------------------------

    def _setup(self) -> None:
        """Prepare per-instance state before fields are set (parents make their child list)."""

    @classmethod
    def _blank(cls: Type[_V]) -> _V:
        """An instance with nothing set, for ``from_xml`` and copies to fill in."""
        obj = cls.__new__(cls)
        obj._setup()
        return obj

    # -- rendering --------------------------------------------------------------------------

    def _attribute_xml(self) -> str:
        parts = []
        data = self.__dict__
        for field in self._attr_fields:
            value = data.get(field.name)
            if value is not None:
                parts.append(f' {field.wire}="{escape_attr(field.to_wire(value))}"')
        return "".join(parts)

    def _text(self) -> Optional[str]:
        """The element's text as given (``None`` when there is none)."""
        for field in self._text_field:
            value = self.__dict__.get(field.name)
            return None if value is None else field.to_wire(value)
        content: Optional[str] = self.__dict__.get("_content")
        return content

    def _text_xml(self) -> str:
        """The element's text as XML (escaped; SpeakSentence keeps valid SSML)."""
        text = self._text()
        return escape_text(text) if text else ""

    def _inner_xml(self) -> str:
        """Everything between the start and end tags."""
        return self._text_xml()

    def _render(self, out: List[str]) -> None:
        tag = self._tag
        out.append(f"<{tag}{self._attribute_xml()}")
        inner = self._inner_xml()
        if inner:
            out.append(f">{inner}</{tag}>")
        else:
            out.append(" />")

    def to_bxml(self) -> str:
        """This verb alone as an XML fragment (no declaration, no root), as officially.

        Put verbs in a :class:`Response` or :class:`Bxml` to get a document.
        """
        out: List[str] = []
        self._render(out)
        return "".join(out)

    # -- validation ---------------------------------------------------------------------------

    def validate(self: _V) -> _V:
        """Check this verb (and its children) against Bandwidth's rules; returns ``self``.

        Construction accepts what the official SDK accepts, so a document can
        hold values Bandwidth would refuse (``call_timeout="0"``, a relative
        WebSocket URL). ``validate()`` raises
        :class:`~bandwidth.models.bxml.errors.BxmlValidationError` for the
        first of them, naming the verb and the attribute.
        """
        self._validate_self()
        for child in self._child_verbs():
            child.validate()
        return self

    def _validate_self(self) -> None:
        if self._generic:
            self._validate_generic()
            return
        data = self.__dict__
        for field, when_unset in self._checks:
            if when_unset or field.name in data:  # an unset field is absent (see Field.__set__)
                field.check(self)
        self._validate_more()

    def _validate_more(self) -> None:
        """Rules of one verb that involve several values (Transfer's destinations, ...)."""

    def _validate_generic(self) -> None:
        """A generic element is valid when it reads back as the BXML verb it names."""
        from bandwidth.models.bxml._parse import parse_fragment
        from bandwidth.models.bxml.errors import BxmlParseError

        try:
            parse_fragment(self.to_bxml())
        except BxmlParseError as exc:  # line numbers of a one-element fragment say nothing
            problem = re.sub(r"^line \d+: ", "", str(exc))
            raise BxmlValidationError(self._tag, None, problem) from None

    def _child_verbs(self) -> List[Verb]:
        return []

    # -- value semantics ---------------------------------------------------------------------

    def _key(self) -> Tuple[Any, ...]:
        """What equality compares: the element as it is written."""
        return (self._tag, self._attribute_xml(), self._text_xml(), self._child_verbs())

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Verb)
        return self._key() == other._key()

    def _repr_parts(self) -> List[str]:
        if self._generic:
            parts = [f"tag={self._tag!r}"]
            if self._text() is not None:
                parts.append(f"content={self._text()!r}")
            return parts
        parts = []
        for field in self._fields:
            value = self.__dict__.get(field.name)
            if value is not None and field.role != "children":
                parts.append(f"{field.name}={_MASK if field.secret else _shown(value)}")
        return parts

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self._repr_parts())})"


def _shown(value: object) -> str:
    enum_value = getattr(value, "value", None)
    if isinstance(enum_value, str):  # enum members show as their wire string
        return repr(enum_value)
    return repr(value)


class BareVerb(Verb):
    """A verb with no attributes and no text (``Hangup``, ``StopGather``, ...)."""

    def __init__(self) -> None:
        """The verb (it takes no arguments)."""
        self._setup()
