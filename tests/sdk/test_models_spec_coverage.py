"""Every object schema of ``spec/bandwidth.yml`` has a model with every property.

This walks the spec on its own (not through ``tools/generate_models.py``), so
a generator bug or a hand-written Voice model that falls behind a spec
refresh fails here: each property must be a field under its wire name, with
the spec's requiredness, and each enum must have the spec's values.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import pydantic
import pytest
import yaml

import bandwidth.models
from bandwidth.models._union import UnionModel

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "spec" / "bandwidth.yml").read_text(encoding="utf-8"))
SCHEMAS: Dict[str, Any] = SPEC["components"]["schemas"]

#: Voice callbacks: hand-written with every field optional, on purpose (a webhook
#: handler must read whatever Bandwidth posts; docs/callbacks.md says why).
OPTIONAL_ON_PURPOSE = {name for name in SCHEMAS if name.endswith("Callback")} - {
    "statusCallback",
    "inboundCallback",
}


#: Response fields the spec requires but a model reads as optional: a response that omits
#: one (or sends null) still decodes (docs/compatibility.md lists them; the generated ones
#: are tools/model_overrides.py's LENIENT).
RELAXED = {
    "createCallResponse": {"answerMethod", "disconnectMethod"},
    "lookupErrorSchema": {"code"},
    "webhookSubscription.basicAuthentication": {"password"},
}


def _class_name(schema_name: str) -> str:
    return schema_name[:1].upper() + schema_name[1:]


def _is_model(schema: Dict[str, Any]) -> bool:
    return bool(
        schema.get("properties") or {"enum", "oneOf", "anyOf", "allOf"}.intersection(schema)
    )


def _resolve(schema: Dict[str, Any]) -> Dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _properties(schema: Dict[str, Any]) -> Tuple[Dict[str, Any], Set[str]]:
    """Every property of a schema, ``allOf`` flattened, and the required ones."""
    props: Dict[str, Any] = {}
    required: Set[str] = set(schema.get("required", ()))
    for part in schema.get("allOf", ()):
        inner, inner_required = _properties(_resolve(part))
        props.update(inner)
        required |= inner_required
    props.update(schema.get("properties") or {})
    return props, required


def _nullable(prop: Dict[str, Any]) -> bool:
    if prop.get("nullable"):
        return True
    if "$ref" in prop:
        target = SCHEMAS[prop["$ref"].rsplit("/", 1)[-1]]
        return not _is_model(target) and bool(target.get("nullable"))
    return False


def _field_by_wire(cls: Any) -> Dict[str, Tuple[str, Any]]:
    # The voice callbacks defer their build; with pydantic 2.6 (the floor) a generated
    # alias appears only once the class is built, so build it (a no-op if built).
    cls.model_rebuild()
    found = {}
    for name, info in cls.model_fields.items():
        wire = info.validation_alias if isinstance(info.validation_alias, str) else None
        found[wire or info.alias or name] = (name, info)
    return found


def _models_in(annotation: Any) -> Iterator[type]:
    if isinstance(annotation, type):
        if issubclass(annotation, pydantic.BaseModel):
            yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)


def _objects() -> Iterator[Tuple[str, Dict[str, Any], type]]:
    """(spec name, schema, model) of every object schema, inline ones too."""
    pending: List[Tuple[str, Dict[str, Any], type]] = []
    for name, schema in SCHEMAS.items():
        if _is_model(schema) and "enum" not in schema and not {"oneOf", "anyOf"} & set(schema):
            pending.append((name, schema, getattr(bandwidth.models, _class_name(name))))
    seen: Set[str] = set()
    while pending:
        name, schema, cls = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        yield name, schema, cls
        props, _ = _properties(schema)
        fields = _field_by_wire(cls)
        for prop, prop_schema in props.items():
            inline = prop_schema.get("items", prop_schema)
            if "$ref" in inline or not (inline.get("properties") or "allOf" in inline):
                continue
            if prop in fields:
                for inner in _models_in(fields[prop][1].annotation):
                    pending.append((f"{name}.{prop}", inline, inner))


OBJECTS = sorted(_objects(), key=lambda item: item[0])


def test_the_walk_finds_every_kind_of_object() -> None:
    names = {name for name, _, _ in OBJECTS}
    assert {"createCall", "messageRequest", "lookupErrorSchema.meta", "endpoint"} <= names
    assert len(names) > 130


@pytest.mark.parametrize(("name", "schema", "cls"), OBJECTS, ids=[n for n, _, _ in OBJECTS])
def test_every_property_is_a_field_under_its_wire_name(
    name: str, schema: Dict[str, Any], cls: Any
) -> None:
    props, required = _properties(schema)
    fields = _field_by_wire(cls)
    missing = sorted(set(props) - set(fields))
    assert missing == [], f"{cls.__name__} lacks {missing}"
    for prop, prop_schema in props.items():
        field, info = fields[prop]
        if info.serialization_alias is not None:
            assert info.serialization_alias == prop, f"{cls.__name__}.{field}"
        # required and nullable: must be given, may be None (as in the generated SDK)
        must = prop in required
        if name in OPTIONAL_ON_PURPOSE or prop in RELAXED.get(name, ()):
            must = False
        if _nullable(prop_schema):  # null is a value it may hold
            assert type(None) in typing.get_args(info.annotation), f"{cls.__name__}.{field}"
        assert info.is_required() == must, f"{cls.__name__}.{field} required={must}"


ENUMS = sorted(name for name, schema in SCHEMAS.items() if "enum" in schema)


@pytest.mark.parametrize("name", ENUMS)
def test_every_enum_has_the_spec_values(name: str) -> None:
    cls = getattr(bandwidth.models, _class_name(name))
    assert [member.value for member in cls] == [str(v) for v in SCHEMAS[name]["enum"]]


UNIONS = sorted(name for name, schema in SCHEMAS.items() if {"oneOf", "anyOf"} & set(schema))


@pytest.mark.parametrize("name", UNIONS)
def test_every_union_has_the_spec_members_and_discriminator(name: str) -> None:
    schema = SCHEMAS[name]
    cls = getattr(bandwidth.models, _class_name(name))
    assert issubclass(cls, UnionModel)
    options = schema.get("oneOf") or schema.get("anyOf")
    expected = [_class_name(option["$ref"].rsplit("/", 1)[-1]) for option in options]
    assert [member.__name__ for member in cls.members] == expected
    names = cls.one_of_schemas if "oneOf" in schema else cls.any_of_schemas
    assert names == set(expected)
    discriminator = schema.get("discriminator")
    if discriminator:
        assert cls.discriminator == discriminator["propertyName"]
        mapping = {
            value: _class_name(ref.rsplit("/", 1)[-1])
            for value, ref in discriminator.get("mapping", {}).items()
        }
        assert {value: member.__name__ for value, member in cls.mapping.items()} == mapping
