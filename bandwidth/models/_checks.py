"""The value checks of request models, run before anything is sent.

A request model is built the way the generated SDK builds it: only the Python
types are checked then (a ``str`` where a string goes, a number where a
number goes), so code written for the generated SDK, such as
``CreateCall(to="invalidNumberFormat", ...)``, still runs. Everything else,
the rules a value must follow (formats, ranges, lengths, enum members, rules
between fields) and the keywords a model does not have, is checked by
:func:`check_request`, which ``create_call``/``update_call`` run before
sending and ``model.check()`` runs on demand. Every problem is reported at
once, in one :class:`~bandwidth.exceptions.RequestValidationError`, which
``except ApiException`` catches as it would the server's 400.

A rule is declared once, on the field's ``Annotated`` type (:func:`rule`).
:func:`check_request` finds the rules of each field and runs them on the
values the caller set (a valid model costs a few microseconds, no
re-validation). For a dict body, :func:`build_request` validates with the
:data:`CHECKING` context, under which the same rules act as pydantic
validators, so missing fields, wrong types and bad values come back together;
without that context (building, assigning) they do nothing.
"""

from __future__ import annotations

import difflib
import functools
import typing
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    FrozenSet,
    List,
    Mapping,
    Optional,
    Tuple,
    Type,
)

import typing_extensions
from pydantic import AfterValidator, BaseModel, ValidationError, ValidationInfo

from bandwidth.exceptions import RequestValidationError

if TYPE_CHECKING:
    from bandwidth.models._base import RequestModel

__all__ = [
    "CHECKING",
    "build_request",
    "check_request",
    "check_union",
    "checking",
    "known_names",
    "nested_model",
    "rule",
]

_KEY = "bandwidth.checks"
#: The validation context under which the rules run.
CHECKING: Dict[str, Any] = {_KEY: True}

Error = Dict[str, Any]


def checking(info: ValidationInfo) -> bool:
    """Whether this validation is a check (rules apply) rather than a build."""
    context = info.context
    return isinstance(context, dict) and context.get(_KEY) is True


class _Rules:
    """The value rules of one field type: a pydantic validator (active only under
    :data:`CHECKING`) that :func:`check_request` also finds and runs directly."""

    __slots__ = ("checks",)

    def __init__(self, checks: Tuple[Callable[[Any], Any], ...]) -> None:
        self.checks = checks

    def __call__(self, value: Any, info: ValidationInfo) -> Any:
        if checking(info):
            self.run(value)
        return value

    def run(self, value: Any) -> None:
        for check in self.checks:
            check(value)


def rule(*checks: Callable[[Any], Any]) -> AfterValidator:
    """Value rules for an ``Annotated`` field type, applied only by a check.

    Each ``check`` takes the (type-checked) value and raises ``ValueError``
    with a message that names no value (inputs may be webhook passwords).
    """
    return AfterValidator(_Rules(checks))


@functools.cache
def known_names(cls: Type[BaseModel]) -> FrozenSet[str]:
    """The keys a model accepts: each field's Python name and wire name."""
    names = set()
    for name, info in cls.model_fields.items():
        names.add(name)
        if isinstance(info.validation_alias, str):
            names.add(info.validation_alias)
    return frozenset(names)


def nested_model(cls: Type[RequestModel], name: str) -> Optional[Type[RequestModel]]:
    """The request model a nested field (one of ``cls._nested``) holds directly, or
    ``None`` when it holds a list of them or a ``oneOf``/``anyOf`` wrapper."""
    from bandwidth.models._base import RequestModel

    annotation = cls.model_fields[name].annotation
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, RequestModel):
            return arg
    return None


def check_request(model: RequestModel, where: Optional[str] = None) -> None:
    """Run every check on a built model; raise one error listing every problem.

    Runs the rules directly on the values the caller set (no re-validation),
    so checking a valid model costs about a microsecond. A ``oneOf``/``anyOf``
    wrapper (``CreateEndpointRequest``) is checked through its instance.
    """
    if _is_union(model):
        check_union(model, where)
        return
    _raise_if_any(type(model), _problems(model, ()), where)


def build_request(
    cls: Type[RequestModel], data: Mapping[str, Any], where: Optional[str] = None
) -> RequestModel:
    """Build a model from a dict (wire or Python names) and check it in one pass.

    Missing fields, wrong types, bad values and unknown keys are all reported
    together.
    """
    errors: List[Error] = []
    built: Optional[RequestModel] = None
    try:
        built = cls.model_validate(data, context=CHECKING)
    except ValidationError as exc:
        errors = _from_pydantic(exc)
    if built is None:
        if not _is_union(cls):  # a wrapper's keys are its member's: already judged
            errors.extend(_unknown_keys(cls, data, ()))
    elif _is_union(built):
        instance = getattr(built, "actual_instance", None)
        if _is_request(instance):
            errors.extend(_extras(instance, ()))  # type: ignore[arg-type]
    else:
        errors.extend(_extras(built, ()))
    _raise_if_any(cls, errors, where)
    assert built is not None
    return built


def _extras(model: RequestModel, path: Tuple[Any, ...]) -> List[Error]:
    """Unknown keys anywhere in a built model (nested lists and unions too)."""
    from bandwidth.models._base import nested_models

    cls = type(model)
    errors = [_unknown(cls, key, (*path, key)) for key in model.__pydantic_extra__ or ()]
    for name in cls._nested:
        for inner_path, inner in nested_models(getattr(model, name)):
            errors.extend(_extras(inner, (*path, name, *inner_path)))
    return errors


def _problems(model: RequestModel, path: Tuple[Any, ...]) -> List[Error]:
    cls = type(model)
    errors: List[Error] = []
    values = model.__dict__
    rules_of = _field_rules(cls)
    fields_set = model.__pydantic_fields_set__
    for name, rules in rules_of.items():
        value = values.get(name)
        if value is None or name not in fields_set:  # defaults are fine
            continue
        try:
            for each in rules:
                each.run(value)
        except ValueError as exc:
            errors.append({"loc": (*path, name), "msg": str(exc), "type": "value_error"})
    for name in cls._nested:
        value = values.get(name)
        if value is not None and name in fields_set:
            errors.extend(_nested_problems(value, (*path, name)))
    if not errors:  # as in validation: rules between fields once each field is fine
        errors.extend({"loc": path, "msg": m, "type": "value_error"} for m in model._rules())
    for key in model.__pydantic_extra__ or ():
        errors.append(_unknown(cls, key, (*path, key)))
    return errors


def _nested_problems(value: Any, path: Tuple[Any, ...]) -> List[Error]:
    """Problems of the request models in a field's value (lists, maps and unions too)."""
    from bandwidth.models._base import RequestModel

    if isinstance(value, RequestModel):
        return _problems(value, path)
    if isinstance(value, list):
        items: Any = enumerate(value)
    elif isinstance(value, dict):
        items = value.items()
    elif isinstance(value, BaseModel) and "actual_instance" in type(value).model_fields:
        instance = getattr(value, "actual_instance", None)
        if isinstance(instance, dict):
            names = ", ".join(member.__name__ for member in type(value).members)  # type: ignore[attr-defined]
            message = f"matches none of {names}"
            return [{"loc": path, "msg": message, "type": "union_tag_invalid"}]
        return _nested_problems(instance, path)
    else:
        return []
    errors: List[Error] = []
    for key, item in items:
        errors.extend(_nested_problems(item, (*path, key)))
    return errors


def _is_union(value: Any) -> bool:
    cls = value if isinstance(value, type) else type(value)
    return issubclass(cls, BaseModel) and "actual_instance" in cls.model_fields


def _is_request(value: Any) -> bool:
    from bandwidth.models._base import RequestModel

    return isinstance(value, RequestModel)


def check_union(union: BaseModel, where: Optional[str] = None) -> None:
    """Run the checks of a ``oneOf``/``anyOf`` wrapper's instance; raise one error."""
    instance = getattr(union, "actual_instance", None)
    if instance is None:
        message = "has no value (give one of its members)"
        _raise_if_any(type(union), [{"loc": (), "msg": message, "type": "missing"}], where)  # type: ignore[arg-type]
        return
    errors = _nested_problems(union, ())
    target = type(instance) if isinstance(instance, BaseModel) else type(union)
    _raise_if_any(target, errors, where)  # type: ignore[arg-type]


@functools.cache
def _field_rules(cls: Type[RequestModel]) -> Dict[str, Tuple[_Rules, ...]]:
    """Each field of ``cls`` that has rules, with them (from its ``Annotated`` types)."""
    plan = {}
    for name, info in cls.model_fields.items():
        found = _rules_in(info.metadata) + _rules_in_type(info.annotation)
        if found:
            plan[name] = found
    return plan


def _rules_in(metadata: Any) -> Tuple[_Rules, ...]:
    return tuple(
        meta.func
        for meta in metadata
        if isinstance(meta, AfterValidator) and isinstance(meta.func, _Rules)
    )


def _rules_in_type(annotation: Any) -> Tuple[_Rules, ...]:
    """Rules of a field's type: its ``Annotated`` metadata, through ``Optional``/``Union``,
    but not inside ``List``/``Dict`` (the rules of items apply to items: a list's own
    rule runs them, with :func:`~bandwidth.models._constraints.each`)."""
    args = typing.get_args(annotation)
    if typing_extensions.get_origin(annotation) is typing_extensions.Annotated:
        return _rules_in(args[1:]) + _rules_in_type(args[0])
    if typing.get_origin(annotation) is not typing.Union:
        return ()
    found: Tuple[_Rules, ...] = ()
    for arg in args:
        found += _rules_in_type(arg)
    return found


def _from_pydantic(exc: ValidationError) -> List[Error]:
    errors = []
    for error in exc.errors(include_url=False, include_input=False, include_context=False):
        message = str(error["msg"])
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        errors.append({"loc": tuple(error["loc"]), "msg": message, "type": error["type"]})
    return errors


def _unknown_keys(
    cls: Type[RequestModel], data: Mapping[str, Any], path: Tuple[Any, ...]
) -> List[Error]:
    """Keys of a dict body that are not fields (nested request models too)."""
    errors: List[Error] = []
    names = known_names(cls)
    nested = {
        alias: name
        for name in cls._nested
        for alias in (name, cls.model_fields[name].validation_alias)
        if isinstance(alias, str)
    }
    for key, value in data.items():
        if key not in names:
            errors.append(_unknown(cls, key, (*path, key)))
        elif key in nested and isinstance(value, Mapping):
            inner = nested_model(cls, nested[key])
            if inner is not None:
                errors.extend(_unknown_keys(inner, value, (*path, key)))
    return errors


def _unknown(cls: Type[RequestModel], key: Any, loc: Tuple[Any, ...]) -> Error:
    message = f"{cls.__name__} has no field {key!r}"
    close = difflib.get_close_matches(str(key), sorted(known_names(cls)), n=1)
    if close:
        message += f" (did you mean {close[0]!r}?)"
    message += "; use additional_properties to send a key this SDK does not know"
    return {"loc": loc, "msg": message, "type": "extra_forbidden"}


def _raise_if_any(cls: Type[RequestModel], errors: List[Error], where: Optional[str]) -> None:
    if not errors:
        return
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
        if error["loc"]
        else error["msg"]
        for error in errors
    )
    if where is None:
        message = f"{cls.__name__} is invalid: {problems}"
    else:
        message = f"{where}: {cls.__name__} is invalid, nothing was sent: {problems}"
    from bandwidth.models.voice_api_error import VoiceApiError

    # the shape of the server's own 400, so e.description reads the same
    data = VoiceApiError(type="validation", description=message)
    raise RequestValidationError(message, errors, data=data)
