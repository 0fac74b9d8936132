"""Base classes shared by every model.

Two kinds of model travel over the wire and they want opposite strictness:

* :class:`RequestModel` is what *you* build. It builds whatever the generated
  SDK's model builds (only Python types are checked then), and
  ``create_call``/``update_call`` check it before sending: a misspelled
  keyword, a value out of range or an unknown enum member raises one
  :class:`~bandwidth.exceptions.RequestValidationError` (a 400-like
  ``ApiException`` and an ``ApiValueError``), and nothing goes on the wire
  (see :mod:`bandwidth.models._checks`). Only the fields you set go on the
  wire: defaults are documented and visible as attribute values, but the
  server applies the same defaults itself, so sending them would only make
  bodies bigger (and, for ``UpdateCall(state="completed")``, wrong).
* :class:`ResponseModel` is what the *server* sends. Bandwidth adds fields and
  enum values over time; a response must stay readable when it does, so
  unknown keys are kept in :attr:`~ResponseModel.additional_properties` and
  enum-typed fields also accept unknown strings.

Both kinds share the generated-SDK conveniences (``to_dict``, ``to_json``,
``from_dict``, ``from_json``, ``to_str``) and hide secrets from ``repr``.
"""

from __future__ import annotations

import json
import pprint
import re
from typing import (
    Any,
    ClassVar,
    Dict,
    FrozenSet,
    Iterable,
    Iterator,
    List,
    Optional,
    Tuple,
    Type,
    TypeVar,
)

import pydantic
from pydantic import AliasGenerator, ConfigDict, Field, ValidationInfo, model_validator
from pydantic.alias_generators import to_camel

from bandwidth.models._checks import (
    build_request,
    check_request,
    checking,
    known_names,
    nested_model,
)

__all__ = ["BandwidthModel", "RequestModel", "ResponseModel", "mask_secrets", "nested_models"]

_M = TypeVar("_M", bound="BandwidthModel")
_R = TypeVar("_R", bound="RequestModel")

_SECRET_NAME = re.compile(r"password|secret|token|authorization", re.IGNORECASE)
_MASK = "********"


def _is_secret(name: str) -> bool:
    return _SECRET_NAME.search(name) is not None


def mask_secrets(value: Any) -> Any:
    """Return a copy of ``value`` (dicts and lists, recursively) with secrets masked.

    A key is secret when its name contains ``password``, ``secret``, ``token``
    or ``authorization`` (any case); its value is replaced unless it is
    ``None``.
    """
    if isinstance(value, dict):
        return {
            k: (
                _MASK if v is not None and isinstance(k, str) and _is_secret(k) else mask_secrets(v)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [mask_secrets(v) for v in value]
    return value


class BandwidthModel(pydantic.BaseModel):
    """Common behaviour of every Bandwidth model: aliases, dict/JSON helpers, safe repr."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        populate_by_name=True,
        validate_assignment=True,
        protected_namespaces=(),
        use_enum_values=False,
        # Wire names are camelCase. Generated as validation/serialization
        # aliases (not ``alias``) so type checkers see the Python names in
        # ``__init__``: ``CreateCall(var_from=...)`` type-checks without a plugin.
        alias_generator=AliasGenerator(validation_alias=to_camel, serialization_alias=to_camel),
        # Inputs can hold webhook passwords: errors name the field, never echo the value.
        hide_input_in_errors=True,
    )

    def __repr_args__(self) -> Iterable[Tuple[Optional[str], Any]]:
        for name, value in super().__repr_args__():
            if name is not None and value is not None and _is_secret(name):
                yield name, _MASK
            else:
                yield name, value

    def to_dict(self) -> Dict[str, Any]:
        """The model as a dict keyed by wire names, with only the fields that were set.

        Values stay Python objects (``datetime``, enum members); use
        :meth:`to_json` for text.
        """
        return self.model_dump(by_alias=True, exclude_unset=True)

    def to_json(self) -> str:
        """The model as JSON text in the API's wire format."""
        return self._wire_bytes().decode("utf-8")

    def _wire_bytes(self) -> bytes:
        return self.__pydantic_serializer__.to_json(self, by_alias=True, exclude_unset=True)

    def to_str(self) -> str:
        """A readable multi-line rendering, with secrets masked."""
        return pprint.pformat(mask_secrets(self.to_dict()))

    @classmethod
    def from_dict(cls: Type[_M], obj: Optional[Any]) -> Optional[_M]:
        """Build the model from a dict keyed by wire (or Python) names; ``None`` gives ``None``."""
        if obj is None:
            return None
        if isinstance(obj, cls):
            return obj
        return cls.model_validate(obj)

    @classmethod
    def from_json(cls: Type[_M], json_str: str | bytes | bytearray) -> Optional[_M]:
        """Build the model from JSON text or bytes (validated in one pass, no ``json.loads``)."""
        return cls.model_validate_json(json_str)


class RequestModel(BandwidthModel):
    """A request body: built like the generated SDK's, checked before it is sent,
    and serialized with only the fields the caller set."""

    # Unknown keywords are kept (as pydantic extras), never sent, and named by
    # check(): the generated SDK drops them silently, which hides typos.
    model_config: ClassVar[ConfigDict] = ConfigDict(extra="allow")

    #: Wire keys to send in addition to the declared fields (an escape hatch
    #: for API fields newer than this SDK). Merged into ``to_dict``/``to_json``.
    additional_properties: Dict[str, Any] = Field(
        default_factory=dict,
        exclude=True,
        repr=False,
        validation_alias="additional_properties",
    )

    #: Python names of fields the spec does not allow to be ``null``: setting
    #: them to ``None`` means "not set" rather than sending ``null``.
    _non_nullable: ClassVar[FrozenSet[str]] = frozenset()
    #: Python names of fields holding nested request models (their own
    #: ``additional_properties`` must be merged too).
    _nested: ClassVar[Tuple[str, ...]] = ()

    @model_validator(mode="after")
    def _after_validation(self, info: ValidationInfo) -> RequestModel:
        if info.mode == "json" and self.__pydantic_extra__:
            # decoded from a response body (a model both sent and received):
            # unknown keys are the server's new fields, not typos
            self._adopt_extras()
        fields_set = self.__pydantic_fields_set__
        for name in self._non_nullable:
            if name in fields_set and getattr(self, name) is None:
                fields_set.discard(name)
        fields_set.discard("additional_properties")
        if checking(info):
            problems = self._rules()
            if problems:
                raise ValueError("; ".join(problems))
        return self

    def _rules(self) -> List[str]:
        """Problems with rules between fields (one message each, wire names, no values)."""
        return []

    def __repr_args__(self) -> Iterable[Tuple[Optional[str], Any]]:
        # An unknown keyword may be a misspelled secret ("pasword="): mask every one.
        extra = self.__pydantic_extra__ or {}
        for name, value in super().__repr_args__():
            yield (name, _MASK) if name in extra and value is not None else (name, value)

    def check(self) -> None:
        """Run the checks ``create_call``/``update_call`` run before sending.

        Raises :class:`~bandwidth.exceptions.RequestValidationError` listing
        every problem (bad values, rules between fields, unknown keywords);
        returns ``None`` when the model may be sent.
        """
        check_request(self)

    def _adopt_extras(self) -> None:
        """Move unknown keys (pydantic extras) into ``additional_properties``."""
        extra = self.__pydantic_extra__
        if extra:
            self.additional_properties.update(extra)
            extra.clear()

    def _needs_merge(self) -> bool:
        if self.additional_properties or self.__pydantic_extra__:
            return True
        for name in self._nested:
            for _, model in nested_models(getattr(self, name)):
                if model._needs_merge():
                    return True
        return False

    def to_dict(self) -> Dict[str, Any]:
        """The wire body as a dict: fields the caller set, plus ``additional_properties``.

        Unknown keywords given to the constructor are not in it (they are
        not fields; :meth:`check` names them).
        """
        data = self.model_dump(by_alias=True, exclude_unset=True)
        self._merge_extras(data)
        return data

    def _merge_extras(self, data: Dict[str, Any]) -> None:
        for name in self._nested:
            value = getattr(self, name)
            if value is not None and name in self.__pydantic_fields_set__:
                alias = type(self).model_fields[name].serialization_alias or name
                for path, model in nested_models(value):
                    target = data[alias]
                    for key in path:
                        target = target[key]
                    model._merge_extras(target)
        for key in self.__pydantic_extra__ or ():
            data.pop(key, None)
        data.update(self.additional_properties)

    def _wire_bytes(self) -> bytes:
        if not self._needs_merge():
            return super()._wire_bytes()
        plain = self.model_dump(by_alias=True, exclude_unset=True, mode="json")
        self._merge_extras(plain)
        return json.dumps(plain, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_dict(cls: Type[_R], obj: Optional[Any], *, check: bool = False) -> Optional[_R]:
        """Build the model from a dict; unknown keys go to ``additional_properties``.

        (Unknown *keywords* of the constructor, by contrast, are typos until
        proven otherwise: :meth:`check` names them.) With ``check=True`` the
        model is also checked, in the same pass: missing fields, wrong types
        and bad values all raise one
        :class:`~bandwidth.exceptions.RequestValidationError`.
        """
        if obj is None:
            return None
        if isinstance(obj, cls) or not isinstance(obj, dict):
            model = cls.model_validate(obj)
            if check:
                model.check()
            return model
        data = _split_unknown(cls, obj)
        if check:
            return build_request(cls, data)  # type: ignore[return-value]
        model = cls.model_validate(data)
        for _, inner in _tree(model):
            inner._adopt_extras()  # items of nested lists and unions
        return model

    @classmethod
    def from_json(
        cls: Type[_R], json_str: str | bytes | bytearray, *, check: bool = False
    ) -> Optional[_R]:
        """Build the model from JSON text; unknown keys go to ``additional_properties``."""
        return cls.from_dict(json.loads(json_str), check=check)


def nested_models(value: Any) -> Iterator[Tuple[Tuple[Any, ...], RequestModel]]:
    """The request models inside a field's value, with their paths in its wire form:
    the value itself, items of lists and maps, and the instance of a ``oneOf``/``anyOf``
    wrapper (which is written as its instance)."""
    if isinstance(value, RequestModel):
        yield (), value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            for path, model in nested_models(item):
                yield (index, *path), model
    elif isinstance(value, dict):
        for key, item in value.items():
            for path, model in nested_models(item):
                yield (key, *path), model
    elif isinstance(value, pydantic.BaseModel) and "actual_instance" in type(value).model_fields:
        yield from nested_models(getattr(value, "actual_instance", None))


def _tree(model: RequestModel) -> Iterator[Tuple[Tuple[Any, ...], RequestModel]]:
    """Every request model nested in ``model`` (at any depth), with its field path."""
    for name in model._nested:
        value = getattr(model, name)
        for path, inner in nested_models(value):
            yield (name, *path), inner
            for deeper, innermost in _tree(inner):
                yield (name, *path, *deeper), innermost


def _split_unknown(cls: Type[RequestModel], obj: Dict[str, Any]) -> Dict[str, Any]:
    """``obj`` with the keys ``cls`` does not know moved into ``additional_properties``
    (nested request models too), as the generated SDK's ``from_dict`` does."""
    known: Dict[str, Any] = {}
    extra: Dict[str, Any] = {}
    names = known_names(cls)
    nested = {cls.model_fields[name].validation_alias: name for name in cls._nested}
    nested.update({name: name for name in cls._nested})
    for key, value in obj.items():
        if key not in names:
            extra[key] = value
        elif key in nested and isinstance(value, dict):
            inner = nested_model(cls, nested[key])
            known[key] = value if inner is None else _split_unknown(inner, value)
        else:
            known[key] = value
    if extra:
        known["additional_properties"] = {**known.get("additional_properties", {}), **extra}
    return known


class ResponseModel(BandwidthModel):
    """A response body: tolerant of fields and enum values newer than this SDK."""

    # Values (call ids, times) are mostly unique: caching only the JSON keys
    # decodes large pages a few percent faster than caching every string.
    model_config: ClassVar[ConfigDict] = ConfigDict(extra="allow", cache_strings="keys")

    def __init__(self, /, **data: Any) -> None:
        # The generated SDK's models take ``additional_properties={...}`` as a
        # keyword; here those keys are the model's extra fields.
        extra = data.pop("additional_properties", None)
        super().__init__(**data)
        if extra:
            self.additional_properties.update(extra)

    # pydantic calls a model's own ``__init__`` for every object it decodes
    # (about 8 µs each: a 1000-call page took twice as long) unless the
    # ``__init__`` says it is a base one. Decoding never passes
    # ``additional_properties``, so it may skip this one: mark it so.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @property
    def additional_properties(self) -> Dict[str, Any]:
        """Keys the server sent that this model does not declare (a live, mutable dict)."""
        extra = self.__pydantic_extra__
        if extra is None:  # pragma: no cover - only when constructed via model_construct
            extra = {}
            object.__setattr__(self, "__pydantic_extra__", extra)
        return extra

    @additional_properties.setter
    def additional_properties(self, value: Dict[str, Any]) -> None:
        object.__setattr__(self, "__pydantic_extra__", dict(value))
