"""The ``oneOf``/``anyOf`` wrappers: one value that is one of several models.

The generated SDK wraps such a value in a model whose ``actual_instance``
holds the concrete one (``Callback(StatusCallback(...)).actual_instance``),
with ``from_json``/``from_dict``/``to_json``/``to_dict`` and the list of
candidates in ``one_of_schemas`` (or ``any_of_schemas``). :class:`UnionModel`
keeps that surface, with two differences that make it safe to decode what a
server sends:

* choosing a candidate: the discriminator's value (``type``, ``channel``)
  picks one when the spec maps it; otherwise every candidate is tried and the
  one that declares the most of the keys present wins (members are tolerant of
  extra keys, so "exactly one matches" would reject good data);
* a value that no candidate accepts is kept as the ``dict`` it came as, rather
  than failing the decoding of the whole response. Only a check (``check()``,
  and the checks run before sending) rejects it.

A field typed with a wrapper also accepts a bare candidate
(``MultiChannelMessageRequest(channel_list=[MultiChannelChannelListSMSObject(...)])``):
it is wrapped on the way in.
"""

from __future__ import annotations

import json
import pprint
from typing import Any, ClassVar, Dict, Optional, Tuple, Type, TypeVar, Union

import pydantic
from pydantic import (
    ConfigDict,
    SerializationInfo,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from bandwidth.models._base import RequestModel, mask_secrets
from bandwidth.models._checks import checking, known_names

__all__ = ["UnionModel"]

_U = TypeVar("_U", bound="UnionModel")
_KEY = "actual_instance"


class UnionModel(pydantic.BaseModel):
    """A value that is one of :attr:`members`; the concrete value is ``actual_instance``."""

    # inputs may hold secrets (a webhook password): errors never echo them
    model_config: ClassVar[ConfigDict] = ConfigDict(
        protected_namespaces=(), hide_input_in_errors=True
    )

    #: The concrete value: a member model, or the ``dict`` no member accepted.
    actual_instance: Any = None

    #: The candidate models, in the spec's order.
    members: ClassVar[Tuple[Type[pydantic.BaseModel], ...]] = ()
    #: The property whose value names the candidate, when the spec has one.
    discriminator: ClassVar[Optional[str]] = None
    #: Discriminator value -> candidate.
    mapping: ClassVar[Dict[str, Type[pydantic.BaseModel]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            if len(args) > 1:
                raise ValueError("Only one positional argument is allowed: the actual instance")
            if kwargs:
                raise ValueError("Positional and keyword arguments cannot be mixed")
            kwargs = {_KEY: args[0]}
        elif not kwargs:
            kwargs = {_KEY: None}  # an empty wrapper, as the generated SDK allows
        super().__init__(**kwargs)

    @model_validator(mode="wrap")
    @classmethod
    def _choose(
        cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        if isinstance(value, cls):
            return value
        if isinstance(value, dict) and set(value) == {_KEY}:
            value = value[_KEY]  # the constructor's keyword
        return handler({_KEY: cls._instance(value, info)})

    @classmethod
    def _instance(cls, value: Any, info: Optional[ValidationInfo]) -> Any:
        if value is None or isinstance(value, cls.members):
            return value
        if isinstance(value, UnionModel):
            return cls._instance(value.actual_instance, info)
        if not isinstance(value, dict):
            names = ", ".join(member.__name__ for member in cls.members)
            raise ValueError(f"{cls.__name__} must be one of {names}, not {type(value).__name__}")
        return cls._decode(value, info is not None and checking(info))

    @classmethod
    def _decode(cls, data: Dict[str, Any], check: bool) -> Any:
        chosen = None
        tag = data.get(cls.discriminator) if cls.discriminator else None
        if isinstance(tag, str):
            chosen = cls.mapping.get(tag)
        candidates = [chosen] if chosen is not None else []
        candidates += [member for member in cls.members if member is not chosen]
        best: Any = None
        best_score = -1
        closest: Optional[Tuple[int, str, ValidationError]] = None
        for member in candidates:
            score = len(known_names(member).intersection(data))
            try:
                model = _build(member, data, check)
            except ValidationError as exc:
                if check and member is chosen:  # the discriminator named it: say why not
                    raise ValueError(_summary(exc)) from None
                if closest is None or score > closest[0]:
                    closest = (score, member.__name__, exc)
                continue
            if member is chosen:
                return model
            if score > best_score:
                best, best_score = model, score
        if best is not None:
            return best
        if check:
            names = ", ".join(member.__name__ for member in cls.members)
            message = f"matches none of {names}"
            if closest is not None and closest[0] > 0:
                message += f" (as {closest[1]}: {_summary(closest[2])})"
            raise ValueError(message) from None
        return dict(data)

    @model_serializer(mode="plain")
    def _serialize(self, info: SerializationInfo) -> Any:
        value = self.actual_instance
        if isinstance(value, pydantic.BaseModel):
            data = value.model_dump(
                mode=info.mode, by_alias=bool(info.by_alias), exclude_unset=info.exclude_unset
            )
            if isinstance(value, RequestModel):
                value._merge_extras(data)
            return data
        return value

    # -- the generated SDK's conveniences -------------------------------------

    @classmethod
    def from_dict(cls: Type[_U], obj: Any, *, check: bool = False) -> _U:
        """Wrap the member ``obj`` describes (a ``dict`` no member accepts is kept as is).

        With ``check=True`` (a request value) it is checked in the same pass: a
        shape no member accepts, missing fields, bad values and unknown keys raise
        one :class:`~bandwidth.exceptions.RequestValidationError`.
        """
        if check and isinstance(obj, dict):
            from bandwidth.models._checks import build_request

            return build_request(cls, obj)  # type: ignore[arg-type, return-value]
        union = cls(actual_instance=obj)
        if check:
            union.check()
        return union

    @classmethod
    def from_json(
        cls: Type[_U], json_str: Union[str, bytes, bytearray], *, check: bool = False
    ) -> _U:
        """Wrap the member the JSON text describes (``check`` as in :meth:`from_dict`)."""
        return cls.from_dict(json.loads(json_str), check=check)

    def to_dict(self) -> Any:
        """The actual instance as a ``dict`` keyed by wire names (``None`` if unset)."""
        value = self.actual_instance
        if isinstance(value, pydantic.BaseModel):
            return value.to_dict()  # type: ignore[attr-defined]
        return value

    def to_json(self) -> str:
        """The actual instance as JSON text in the API's wire format (``null`` if unset)."""
        return self._wire_bytes().decode("utf-8")

    def _wire_bytes(self) -> bytes:
        value = self.actual_instance
        if isinstance(value, pydantic.BaseModel):
            return value._wire_bytes()  # type: ignore[attr-defined, no-any-return]
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

    def to_str(self) -> str:
        """A readable rendering of the actual instance, with secrets masked."""
        return pprint.pformat(mask_secrets(self.to_dict()))

    def check(self) -> None:
        """Run the actual instance's checks (a request value that matches no member fails)."""
        from bandwidth.models._checks import check_union

        check_union(self)


def _summary(exc: ValidationError) -> str:
    """A member's validation errors in one line (locations and messages, no values)."""
    parts = []
    for error in exc.errors(include_url=False, include_input=False, include_context=False):
        where = ".".join(str(part) for part in error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)


def _build(member: Type[pydantic.BaseModel], data: Dict[str, Any], check: bool) -> Any:
    if check:
        from bandwidth.models._checks import CHECKING

        return member.model_validate(data, context=CHECKING)
    if issubclass(member, RequestModel):
        return member.from_dict(data)
    return member.model_validate(data)
