"""Verbs that hold verbs: ``NestableVerb``, the checked child list, and child fields.

A parent verb declares its children like any other field, at the official
constructor position::

    class Gather(NestableVerb):
        audio_verbs: Kids[Union[SpeakSentence, PlayAudio]] = Kids(SpeakSentence, PlayAudio)

The classes given are the only ones that may go in: the child list
(:class:`VerbList`) refuses anything else the moment it is added, whatever the
route (constructor, ``add_verb``, ``append``, ``insert``, slice assignment).
How many children there must be is a platform rule, checked by ``validate()``.
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

from bandwidth.models.bxml._fields import Field
from bandwidth.models.bxml.errors import BxmlNestingError, BxmlValidationError
from bandwidth.models.bxml.verb import Verb, element_name, plain_text

__all__ = ["Kid", "Kids", "NestableVerb", "VerbList"]

_C = TypeVar("_C", bound=Verb)
_G = TypeVar("_G")
_S = TypeVar("_S")
_P = TypeVar("_P", bound="_Parent")


class VerbList(List[_C]):
    """A parent's children: a list that checks every verb added to it."""

    __slots__ = ("_owner",)

    def __init__(self, owner: _Parent, verbs: Iterable[_C] = ()) -> None:
        super().__init__()
        self._owner = owner
        self.extend(verbs)

    def append(self, verb: _C) -> None:
        """Add one verb at the end (checked)."""
        self._owner._accept(verb)
        super().append(verb)

    def extend(self, verbs: Iterable[_C]) -> None:
        """Add several verbs at the end (all checked before any is added)."""
        items = list(verbs)
        for verb in items:
            self._owner._accept(verb)
        super().extend(items)

    def __iadd__(self, verbs: Iterable[_C]) -> VerbList[_C]:  # type: ignore[override,misc]
        self.extend(verbs)
        return self

    def insert(self, index: SupportsIndex, verb: _C) -> None:
        """Insert one verb (checked)."""
        self._owner._accept(verb)
        super().insert(index, verb)

    @overload
    def __setitem__(self, index: SupportsIndex, verb: _C) -> None: ...

    @overload
    def __setitem__(self, index: slice, verb: Iterable[_C]) -> None: ...

    def __setitem__(self, index: Union[SupportsIndex, slice], verb: Any) -> None:
        if isinstance(index, slice):
            items = list(verb)
            for item in items:
                self._owner._accept(item)
            super().__setitem__(index, items)
        else:
            self._owner._accept(verb)
            super().__setitem__(index, verb)

    def __reduce__(self) -> Any:  # copies/pickles of a bare list are plain lists
        return (list, (list(self),))


def _as_verbs(verbs: object) -> List[Any]:
    """Children given as one verb, an iterable of verbs, or ``None``."""
    if verbs is None:
        return []
    if isinstance(verbs, Verb):
        return [verbs]
    if isinstance(verbs, (str, bytes)) or not isinstance(verbs, Iterable):
        return [verbs]  # refused by the list, with the parent named
    return list(verbs)


class _Children(Field[_G, _S]):
    """What :class:`Kids` and :class:`Kid` share: the allowed classes and the count rule."""

    role = "children"

    def __init__(
        self, *allowed: Type[Verb], max_count: Optional[int] = None, **options: Any
    ) -> None:
        super().__init__(**options)
        self.allowed: Tuple[Type[Verb], ...] = allowed
        self.max_count = max_count

    def __set__(self, obj: object, value: _S) -> None:
        assert isinstance(obj, NestableVerb)
        obj._children = VerbList(obj, _as_verbs(value))

    def describe(self) -> str:
        """The allowed classes, for messages (``"PhoneNumber or SipUri"``)."""
        names = [klass.__name__ for klass in self.allowed]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]

    def check(self, owner: object) -> None:
        assert isinstance(owner, NestableVerb)
        count = len(owner._children)
        if self.required and count == 0:
            wanted = self.describe()
            article = "an" if wanted[0] in "AEIOU" else "a"
            raise BxmlValidationError(owner._tag, self.name, f"needs {article} {wanted}")
        if self.max_count is not None and count > self.max_count:
            raise BxmlValidationError(
                owner._tag, self.name, f"holds at most {self.max_count} (got {count})"
            )


class Kids(_Children[VerbList[_C], Union[_C, Iterable[_C], None]]):
    """The child verbs of a parent: reads as the checked list, set from verbs or ``None``."""

    def read(self, obj: object) -> Any:
        assert isinstance(obj, NestableVerb)
        return obj._children


class Kid(_Children[Optional[_C], Optional[_C]]):
    """A single child verb (``Refer``'s ``sip_uri``): reads as the child or ``None``."""

    def __init__(self, allowed: Type[_C], **options: Any) -> None:
        super().__init__(allowed, max_count=1, **options)

    def read(self, obj: object) -> Any:
        assert isinstance(obj, NestableVerb)
        return obj._children[0] if obj._children else None


class _Parent:
    """Something that holds verbs: a root, or a verb such as Gather or Transfer."""

    _tag: str = ""
    _children: VerbList[Any]

    def _setup(self) -> None:
        self._children = VerbList(self)

    def _allows(self, verb: Verb) -> bool:
        raise NotImplementedError

    def _allowed_text(self) -> str:
        return ""

    def _accept(self, verb: object) -> None:
        """Raise unless ``verb`` may be a child of this parent."""
        if not isinstance(verb, Verb):
            raise BxmlNestingError(
                f"{self._tag} holds BXML verbs, not {type(verb).__name__} ({verb!r:.60})"
            )
        if verb._generic or self._allows(verb):
            return
        message = f"{verb._tag} cannot go inside {self._tag}"
        allowed = self._allowed_text()
        if allowed:
            message += f": {self._tag} holds {allowed}"
        if verb._goes_in:
            message += f"; {verb._tag} goes inside {verb._goes_in}"
        raise BxmlNestingError(message)

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

    def __bool__(self) -> bool:  # an empty parent is still a document or a verb
        return True

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


class NestableVerb(_Parent, Verb):
    """A verb holding verbs (``Gather``, ``Transfer``, ...); ``NestableVerb(tag=...)`` is generic.

    As in the official SDK, ``len()``, indexing and iteration go over the
    children, and :meth:`add_verb` appends one.
    """

    _generic: ClassVar[bool] = True
    #: the children field, if the verb has one (``SpeakSentence`` has none)
    _kids: ClassVar[Tuple[_Children[Any, Any], ...]] = ()

    def __init__(
        self, tag: str, content: Optional[str] = None, nested_verbs: Optional[List[Verb]] = None
    ) -> None:
        """A generic element holding ``nested_verbs`` (any verbs), after its ``content`` text."""
        self._setup()
        self._tag = element_name(tag)
        self._content = plain_text(tag, "content", content)
        self._children.extend(_as_verbs(nested_verbs))

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._kids = tuple(f for f in cls._fields if isinstance(f, _Children))

    def _allows(self, verb: Verb) -> bool:
        if self._generic:
            return True
        return any(isinstance(verb, kids.allowed) for kids in self._kids)

    def _allowed_text(self) -> str:
        if not self._kids:
            return "no verbs"
        return "only " + self._kids[0].describe()

    def _inner_xml(self) -> str:
        return self._text_xml() + self._children_xml()

    def _child_verbs(self) -> List[Verb]:
        return list(self._children)

    def _repr_parts(self) -> List[str]:
        parts = Verb._repr_parts(self)
        if self._children:
            if self._generic:
                parts.append(f"nested_verbs={list(self._children)!r}")
            else:
                parts.insert(0, repr(list(self._children)))
        return parts
