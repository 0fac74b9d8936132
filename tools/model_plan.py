"""What the model generator reads from ``spec/bandwidth.yml``: one plan per model.

A *plan* says what to declare, never how to print it (``tools/model_render.py``
does that). The names follow the official generated SDK (openapi-generator's
Python pydantic-v2 generator), so code written for it keeps working:

* a component schema ``fooBarEnum`` is module ``foo_bar_enum``, class ``FooBarEnum``;
* an inline object or union in a property is named after its owner and the
  property (``lookupErrorSchema.meta`` -> ``LookupErrorSchemaMeta``); one in the
  inline part of an ``allOf`` gets ``AllOf`` too
  (``MultiChannelChannelListRBMObjectAllOfContent``);
* ``allOf`` is flattened: the model declares every property of every part;
* a property is snake_case (``countryCodeA3`` -> ``country_code_a3``), and a
  Python keyword gets ``var_`` (``from`` -> ``var_from``);
* an enum member is the value upper-cased, ``-`` spelled ``_MINUS_``
  (``message-sending`` -> ``MESSAGE_MINUS_SENDING``).

A schema is a *request* model when an operation's request body reaches it
(``RequestModel``: checked before sending), otherwise a *response* model
(``ResponseModel``: responses and webhooks, tolerant of new fields). Primitive
component schemas (``tag``, ``applicationId``) are not models: a property that
refers to one gets its type, description and rules.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

Schema = Dict[str, Any]

#: names the official generator prefixes with ``var_`` besides Python's keywords
_RESERVED = frozenset({"self", "property", "schema", "base64", "json", "date", "float", "field"})


def snake(name: str) -> str:
    """openapi-generator's snake_case: ``countryCodeA3`` -> ``country_code_a3``."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z\d])([A-Z])", r"\1_\2", name)
    return name.replace("-", "_").lower()


def pascal(name: str) -> str:
    """A schema name as a class name: ``multiChannelChannelListRBMObject`` -> ``Multi...``."""
    return name[:1].upper() + name[1:]


def field_name(prop: str) -> str:
    """The Python name of a property, as the official SDK spells it."""
    name = snake(prop)
    if keyword.iskeyword(name) or name in _RESERVED:
        return f"var_{name}"
    return name


def member_name(value: str) -> str:
    """An enum member's name, as the official SDK spells it."""
    name = value.upper().replace("-", "_MINUS_").replace(" ", "_").replace(".", "_DOT_")
    name = re.sub(r"\W", "_", name)
    return f"NUMBER_{name}" if name[:1].isdigit() else name


@dataclass
class Rules:
    """The spec's value rules for one value (run by ``check()``, never on build)."""

    max_length: Optional[int] = None
    min_length: Optional[int] = None
    pattern: Optional[str] = None
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    max_items: Optional[int] = None
    min_items: Optional[int] = None
    formats: Tuple[str, ...] = ()  # "e164", "http_url"

    def any(self) -> bool:
        return any(value not in (None, ()) for value in vars(self).values())


@dataclass
class TypeRef:
    """A value's type: a primitive, a model, a list or a map of one."""

    # "str" "int" "float" "bool" "datetime" "date" "bytes" "byte" "any" "model" "list" "map"
    kind: str
    model: Optional[str] = None  # class name, for "model"
    item: Optional[TypeRef] = None  # for "list" and "map"
    rules: Rules = field(default_factory=Rules)
    item_rules: Rules = field(default_factory=Rules)


@dataclass
class FieldPlan:
    name: str
    wire: str
    type: TypeRef
    required: bool
    nullable: bool
    description: str
    default: Any = None
    secret: bool = False


@dataclass
class ModelPlan:
    schema: str  # the spec's name (a component or "owner.property")
    cls: str
    module: str
    kind: str  # "object" "enum" "oneOf" "anyOf"
    role: str = "response"  # "request" or "response"
    description: str = ""
    fields: List[FieldPlan] = field(default_factory=list)
    values: List[str] = field(default_factory=list)  # enums
    members: List[str] = field(default_factory=list)  # unions: class names
    bases: List[str] = field(default_factory=list)  # the ``allOf`` parts that are models
    discriminator: Optional[str] = None
    mapping: Dict[str, str] = field(default_factory=dict)  # value -> class name
    example: Any = None


class Spec:
    """The spec's component schemas and the models they make."""

    def __init__(self, document: Dict[str, Any], hand_written: Set[str]) -> None:
        self.document = document
        self.schemas: Dict[str, Schema] = document["components"]["schemas"]
        self.hand_written = hand_written
        self.plans: Dict[str, ModelPlan] = {}
        self.class_of_schema: Dict[str, str] = {}
        self._inline: Dict[int, str] = {}  # id of an inline schema -> its class
        for name, schema in self.schemas.items():
            if self.makes_model(schema):
                self.class_of_schema[name] = pascal(name)
        for name, schema in self.schemas.items():
            if name in self.class_of_schema:
                self._plan(name, pascal(name), schema)
        requests = self._request_schemas()
        for plan in self.plans.values():
            if plan.schema in requests:
                plan.role = "request"

    # -- what makes a model ------------------------------------------------

    @staticmethod
    def makes_model(schema: Schema) -> bool:
        """Objects with properties, enums, unions and ``allOf`` compositions are models;
        free-form objects and maps (``sipHeaders``) and primitives are not."""
        if "enum" in schema or "oneOf" in schema or "anyOf" in schema or "allOf" in schema:
            return True
        return bool(schema.get("properties"))

    def ref_name(self, ref: str) -> str:
        return ref.rsplit("/", 1)[-1]

    def resolve(self, schema: Schema) -> Schema:
        while "$ref" in schema:
            schema = self.schemas[self.ref_name(schema["$ref"])]
        return schema

    # -- planning ------------------------------------------------------------

    def _plan(self, schema_name: str, cls: str, schema: Schema) -> ModelPlan:
        plan = ModelPlan(
            schema=schema_name,
            cls=cls,
            module=snake(cls),
            kind="object",
            description=schema.get("description") or schema.get("title") or "",
            example=schema.get("example"),
        )
        self.plans[cls] = plan
        if "enum" in schema:
            plan.kind = "enum"
            plan.values = [str(value) for value in schema["enum"]]
        elif "oneOf" in schema or "anyOf" in schema:
            plan.kind = "oneOf" if "oneOf" in schema else "anyOf"
            options = schema.get("oneOf") or schema.get("anyOf")
            for index, option in enumerate(options):
                plan.members.append(self._member_class(cls, option, index))
            discriminator = schema.get("discriminator")
            if discriminator:
                plan.discriminator = discriminator["propertyName"]
                for value, ref in discriminator.get("mapping", {}).items():
                    plan.mapping[str(value)] = self.class_of_schema[self.ref_name(ref)]
        else:
            self._plan_object(plan, schema)
        return plan

    def _member_class(self, owner: str, option: Schema, index: int) -> str:
        if "$ref" in option:
            return self.class_of_schema[self.ref_name(option["$ref"])]
        name = f"{owner}OneOf{index}"  # pragma: no cover - the spec names every member
        self._plan(name, name, option)
        return name

    def _parts(self, schema: Schema, owner: str) -> Iterator[Tuple[Schema, str]]:
        """The object parts of a schema (``allOf`` flattened), each with the class that
        names its inline models (``XAllOf`` for the inline part of ``X``'s ``allOf``)."""
        for part in schema.get("allOf", ()):
            if "$ref" in part:
                name = self.ref_name(part["$ref"])
                yield from self._parts(self.schemas[name], self.class_of_schema[name])
            else:
                yield from self._parts(part, f"{owner}AllOf")
        yield {k: v for k, v in schema.items() if k != "allOf"}, owner

    def _plan_object(self, plan: ModelPlan, schema: Schema) -> None:
        required: Set[str] = set()
        props: Dict[str, Tuple[Schema, str]] = {}
        for part in schema.get("allOf", ()):
            if "$ref" in part:
                plan.bases.append(self.class_of_schema[self.ref_name(part["$ref"])])
        for part, owner in self._parts(schema, plan.cls):
            required.update(part.get("required", ()))
            for prop, prop_schema in (part.get("properties") or {}).items():
                props[prop] = (prop_schema, owner)
        for prop, (prop_schema, owner) in props.items():
            plan.fields.append(self._field(owner, prop, prop_schema, prop in required))

    def _field(self, owner: str, prop: str, schema: Schema, required: bool) -> FieldPlan:
        merged = self._merged(schema)
        type_ref = self.type_of(owner, prop, schema)
        description = merged.get("description") or ""
        if not description and type_ref.kind == "model" and type_ref.model in self.plans:
            description = self.plans[type_ref.model].description
        default = merged.get("default")
        return FieldPlan(
            name=field_name(prop),
            wire=prop,
            type=type_ref,
            required=required,
            nullable=bool(merged.get("nullable")),
            description=description,
            default=default,
        )

    def _merged(self, schema: Schema) -> Schema:
        """A property's own keywords over those of the primitive schema it refers to."""
        if "$ref" in schema:
            target = self.schemas[self.ref_name(schema["$ref"])]
            base = {} if self.makes_model(target) else self._merged(target)
            return {**base, **{k: v for k, v in schema.items() if k != "$ref"}}
        if "allOf" in schema and len(schema["allOf"]) == 1:
            return {**self._merged(schema["allOf"][0]), **schema}
        return schema

    def type_of(self, owner: str, prop: str, schema: Schema) -> TypeRef:
        """The type of a property's value (naming an inline model after ``owner.prop``)."""
        if "$ref" in schema:
            target_name = self.ref_name(schema["$ref"])
            if target_name in self.class_of_schema:
                return TypeRef("model", model=self.class_of_schema[target_name])
            return self.type_of(owner, prop, self.schemas[target_name])
        if "allOf" in schema and len(schema["allOf"]) == 1:
            return self.type_of(owner, prop, schema["allOf"][0])
        if self.makes_model(schema):
            cls = self._inline.get(id(schema))
            if cls is None:
                cls = self._inline[id(schema)] = owner + pascal(prop)
                self._plan(f"{owner}.{prop}", cls, schema)
            return TypeRef("model", model=cls)
        kind = schema.get("type", "any")
        rules = self._rules(schema)
        if kind == "array":
            item = self.type_of(owner, prop, schema.get("items", {}))
            return TypeRef("list", item=item, rules=rules)
        if kind == "object":  # a map, or a free-form object (a map of anything)
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                return TypeRef("map", item=self.type_of(owner, prop, extra))
            return TypeRef("map", item=TypeRef("any"))
        fmt = schema.get("format")
        if kind == "string":
            if fmt == "date-time":
                return TypeRef("datetime")
            if fmt == "date":
                return TypeRef("date")
            if fmt == "uuid":  # ``requestId``: a ``uuid.UUID``, as the generated SDK types it
                return TypeRef("uuid")
            if fmt == "binary":
                return TypeRef("bytes")
            if fmt == "byte":  # base64 text; the generated SDK also takes bytes
                return TypeRef("byte", rules=rules)
            return TypeRef("str", rules=rules)
        if kind == "integer":
            return TypeRef("int", rules=rules)
        if kind == "number":
            return TypeRef("float", rules=rules)
        if kind == "boolean":
            return TypeRef("bool")
        return TypeRef("any")

    @staticmethod
    def _rules(schema: Schema) -> Rules:
        """The value rules of a schema, each keyword where its type gives it a meaning.

        The spec sometimes bounds a string or an array with ``minimum``/``maximum``
        (``endpointTag``, the lookup's ``phoneNumbers``), which validators ignore;
        Bandwidth's docs give them as a length and a count, so they are read so.
        """
        kind = schema.get("type")
        fmt = schema.get("format")
        if kind == "string":
            return Rules(
                max_length=schema.get("maxLength", schema.get("maximum")),
                min_length=schema.get("minLength", schema.get("minimum")),
                pattern=schema.get("pattern"),
                formats=("http_url",) if fmt in ("uri", "url") else (),
            )
        if kind == "array":
            return Rules(
                max_items=schema.get("maxItems", schema.get("maximum")),
                min_items=schema.get("minItems", schema.get("minimum")),
            )
        if kind in ("integer", "number"):
            return Rules(minimum=schema.get("minimum"), maximum=schema.get("maximum"))
        return Rules()

    # -- roles -----------------------------------------------------------------

    def _request_schemas(self) -> Set[str]:
        """Schemas (and inline models) an operation's request body reaches."""
        roots: List[str] = []
        bodies = self.document["components"].get("requestBodies", {})
        for operations in self.document["paths"].values():
            for operation in operations.values():
                body = isinstance(operation, dict) and operation.get("requestBody")
                if not body:
                    continue
                if "$ref" in body:
                    body = bodies[self.ref_name(body["$ref"])]
                for content in body.get("content", {}).values():
                    ref = content.get("schema", {}).get("$ref")
                    if ref and self.ref_name(ref) in self.class_of_schema:
                        roots.append(self.class_of_schema[self.ref_name(ref)])
        seen: Set[str] = set()
        while roots:
            cls = roots.pop()
            if cls in seen or cls not in self.plans:
                continue
            seen.add(cls)
            plan = self.plans[cls]
            roots.extend(plan.members)
            roots.extend(plan.bases)  # a request's base is sent too
            for each in plan.fields:
                roots.extend(_models_in(each.type))
        return {self.plans[cls].schema for cls in seen}

    def generated(self) -> List[ModelPlan]:
        """The plans this generator writes: every model but the hand-written ones."""
        return [plan for plan in self.plans.values() if plan.module not in self.hand_written]


def _models_in(type_ref: TypeRef) -> Iterator[str]:
    if type_ref.model:
        yield type_ref.model
    if type_ref.item:
        yield from _models_in(type_ref.item)
