"""Plans (``tools/model_plan.py``) as Python source: one module per model.

The text is what ``ruff format`` would write (the freshness test compares it
byte for byte, and ``ruff format --check`` runs on it), so the generator runs
``ruff format`` on what it renders before writing or comparing.
"""

from __future__ import annotations

import re
import textwrap
from typing import Dict, List, Optional, Set, Tuple

from model_overrides import LENIENT
from model_plan import FieldPlan, ModelPlan, Rules, TypeRef

HEADER = "# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`."

_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`(*])")


def first_sentence(text: str) -> str:
    """The first sentence of a spec description, without Markdown links or markup."""
    text = _MARKDOWN_LINK.sub(r"\1", text or "").strip()
    text = text.split("\n\n", 1)[0]
    text = " ".join(line.strip().lstrip("-* ").strip() for line in text.splitlines())
    text = text.replace("**", "").strip()
    text = _SENTENCE_END.split(text, 1)[0].strip()
    if text and text[-1] not in ".!?:":
        text += "."
    return text


class Imports:
    """The names one module imports, grouped as ruff's isort orders them."""

    def __init__(self) -> None:
        self.typing: Set[str] = set()
        self.pydantic: Set[str] = set()
        self.typing_extensions: Set[str] = set()
        self.local: Dict[str, Set[str]] = {}
        self.dates = False
        self.uuids = False

    def add(self, module: str, name: str) -> None:
        self.local.setdefault(module, set()).add(name)

    def render(self, future: bool) -> str:
        lines: List[str] = []
        if future:
            lines += ["from __future__ import annotations", ""]
        third = []
        if self.dates:
            lines.append("from datetime import date")
        if self.typing:
            lines.append(f"from typing import {', '.join(sorted(self.typing, key=_isort))}")
        if self.uuids:
            lines.append("from uuid import UUID")
        if self.pydantic:
            third.append(f"from pydantic import {', '.join(sorted(self.pydantic, key=_isort))}")
        if self.typing_extensions:
            names = ", ".join(sorted(self.typing_extensions))
            third.append(f"from typing_extensions import {names}")
        if third:
            if self.typing:
                lines.append("")
            lines += third
        if self.local:
            if self.typing or third:
                lines.append("")
            for module in sorted(self.local):
                names = ", ".join(sorted(self.local[module], key=_isort))
                lines.append(f"from {module} import {names}")
        return "\n".join(lines)


def _isort(name: str) -> Tuple[int, str]:
    # isort's force-sort-within-sections default: CONSTANTS, Classes, functions
    if name.isupper() and len(name) > 1:
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


class Renderer:
    """Renders the modules of a set of plans (which must know each other's classes)."""

    def __init__(
        self,
        plans: Dict[str, ModelPlan],
        overrides: Dict[str, str],
        rules: Optional[Dict[str, List[str]]] = None,
        usage: Optional[Dict[str, str]] = None,
    ) -> None:
        self.plans = plans
        self.overrides = overrides
        self.rules = rules or {}
        self.usage = usage or {}

    def module(self, plan: ModelPlan) -> str:
        if plan.kind == "enum":
            return self._enum(plan)
        if plan.kind in ("oneOf", "anyOf"):
            return self._union(plan)
        return self._object(plan)

    # -- enums ---------------------------------------------------------------

    def _enum(self, plan: ModelPlan) -> str:
        doc = self._class_doc(plan)
        members = "\n".join(f'    {_member(value)} = "{value}"' for value in plan.values)
        return (
            f"{HEADER}\n{_module_doc(plan)}\n\n"
            "from bandwidth.models._enum import ApiEnum\n\n\n"
            f"class {plan.cls}(ApiEnum):\n{doc}\n{members}\n"
        )

    # -- unions --------------------------------------------------------------

    def _union(self, plan: ModelPlan) -> str:
        imports = Imports()
        imports.typing.update({"ClassVar", "Dict", "FrozenSet", "Optional", "Tuple", "Type"})
        imports.pydantic.add("BaseModel")
        imports.add("bandwidth.models._union", "UnionModel")
        for member in plan.members:
            imports.add(f"bandwidth.models.{self.plans[member].module}", member)
        names = ", ".join(f'"{name}"' for name in sorted(set(plan.members)))
        attribute = "one_of_schemas" if plan.kind == "oneOf" else "any_of_schemas"
        members = ", ".join(plan.members)
        mapping = ", ".join(f'"{value}": {cls}' for value, cls in plan.mapping.items())
        discriminator = f'"{plan.discriminator}"' if plan.discriminator else "None"
        imports.typing.update({"TYPE_CHECKING", "Any", "Union"})
        choices = ", ".join([*dict.fromkeys(plan.members), "Dict[str, Any]", "None"])
        body = (
            "    if TYPE_CHECKING:  # for type checkers: what the value may be\n"
            f"        actual_instance: Union[{choices}]\n\n"
            f"    {attribute}: ClassVar[FrozenSet[str]] = frozenset({{{names}}})\n"
            f"    members: ClassVar[Tuple[Type[BaseModel], ...]] = ({members},)\n"
            f"    discriminator: ClassVar[Optional[str]] = {discriminator}\n"
            f"    mapping: ClassVar[Dict[str, Type[BaseModel]]] = {{{mapping}}}\n"
        )
        return (
            f"{HEADER}\n{_module_doc(plan)}\n\n"
            f"{imports.render(future=True)}\n\n\n"
            f"class {plan.cls}(UnionModel):\n{self._class_doc(plan)}\n{body}"
        )

    # -- objects -------------------------------------------------------------

    def _object(self, plan: ModelPlan) -> str:
        imports = Imports()
        request = plan.role == "request"
        base = "RequestModel" if request else "ResponseModel"
        imports.add("bandwidth.models._base", base)
        imports.pydantic.add("Field")
        aliases: Dict[str, str] = {}
        lines: List[str] = []
        nested: List[str] = []
        non_nullable: List[str] = []
        for each in plan.fields:
            extra = self.rules.get(f"{plan.schema}.{each.wire}") if request else None
            annotation = self._type(each.type, request, imports, aliases, extra)
            if request and self._holds_request_model(each.type):
                nested.append(each.name)
            lenient = not request and f"{plan.schema}.{each.wire}" in LENIENT
            if not each.required or each.nullable or lenient:
                imports.typing.add("Optional")
                annotation = f"Optional[{annotation}]"
                if request and not each.nullable:
                    non_nullable.append(each.name)
            lines.append(self._field(plan, each, annotation, request, imports))
        head: List[str] = []
        if non_nullable:
            imports.typing.update({"ClassVar", "FrozenSet"})
            names = ", ".join(f'"{name}"' for name in non_nullable)
            head.append(f"    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({{{names}}})")
        if nested:
            imports.typing.update({"ClassVar", "Tuple"})
            names = "".join(f'"{name}", ' for name in nested)
            head.append(f"    _nested: ClassVar[Tuple[str, ...]] = ({names.rstrip()})")
        if head:
            head.append("")
        alias_block = ""
        if aliases:
            alias_block = "\n" + "\n".join(aliases.values()) + "\n"
            if any("TYPE_CHECKING" in v for v in aliases.values()):
                imports.typing.add("TYPE_CHECKING")
        body = "\n".join(head + lines) if (head or lines) else "    pass"
        return (
            f"{HEADER}\n{_module_doc(plan)}\n\n"
            f"{imports.render(future=True)}\n{alias_block}\n\n"
            f"class {plan.cls}({base}):\n{self._class_doc(plan)}\n{body}\n"
        )

    def _holds_request_model(self, type_ref: TypeRef) -> bool:
        if type_ref.kind == "model" and type_ref.model:
            target = self.plans[type_ref.model]
            return target.role == "request" and target.kind in ("object", "oneOf", "anyOf")
        return type_ref.item is not None and self._holds_request_model(type_ref.item)

    def _field(
        self, plan: ModelPlan, each: FieldPlan, annotation: str, request: bool, imports: Imports
    ) -> str:
        args: List[str] = []
        if not each.required or (not request and f"{plan.schema}.{each.wire}" in LENIENT):
            args.append(f"default={self._default(each, request, imports)}")
        if each.name != each.wire:  # explicit: the wire name never depends on pydantic's
            args += [f'validation_alias="{each.wire}"', f'serialization_alias="{each.wire}"']
        text = each.description
        target = each.type.item if each.type.kind == "list" else each.type
        if not text and target is not None and target.model:  # the referred schema's own
            referred = self.plans[target.model]
            text = referred.description
            if not text and referred.kind == "enum":
                values = ", ".join(f"`{value}`" for value in referred.values)
                text = f"One of {values}" + ("." if request else " (a new value stays a string).")
        description = self.overrides.get(f"{plan.schema}.{each.wire}") or first_sentence(text)
        if description:
            args.append(f"description={_long_string(description)}")
        return f"    {each.name}: {annotation} = Field({', '.join(args)})"

    def _default(self, each: FieldPlan, request: bool, imports: Imports) -> str:
        if each.default is None:  # responses too: the official SDK shows the default when absent
            return "None"
        if each.type.kind == "model" and each.type.model:
            target = self.plans[each.type.model]
            if target.kind == "enum" and str(each.default) in target.values:
                return f"{target.cls}.{_member(str(each.default))}"
            return "None"
        if isinstance(each.default, bool) or each.type.kind in ("int", "float"):
            return repr(each.default)
        if isinstance(each.default, str) and each.type.kind == "str":
            return _quote(each.default)
        return "None"

    def _type(
        self,
        type_ref: TypeRef,
        request: bool,
        imports: Imports,
        aliases: Dict[str, str],
        extra: Optional[List[str]] = None,
    ) -> str:
        kind = type_ref.kind
        if kind == "list":
            assert type_ref.item is not None
            imports.typing.add("List")
            # items are typed tolerantly; their rules run from the list's own rule
            inner = f"List[{self._type(type_ref.item, False, imports, aliases)}]"
            item_checks = self._item_checks(type_ref.item, request, imports) if request else []
            return self._ruled(inner, type_ref.rules, request, imports, item_checks + (extra or []))
        if kind == "map":
            assert type_ref.item is not None
            imports.typing.add("Dict")
            return f"Dict[str, {self._type(type_ref.item, request, imports, aliases)}]"
        if kind == "model":
            assert type_ref.model is not None
            target = self.plans[type_ref.model]
            imports.add(f"bandwidth.models.{target.module}", target.cls)
            if target.kind != "enum":
                return target.cls
            return self._enum_type(target, request, imports, aliases)
        simple = {
            "str": ("pydantic", "StrictStr"),
            "int": ("pydantic", "StrictInt"),
            "bool": ("pydantic", "StrictBool"),
            "bytes": ("pydantic", "StrictBytes"),
        }
        if kind in simple:
            imports.pydantic.add(simple[kind][1])
            return self._ruled(simple[kind][1], type_ref.rules, request, imports, extra)
        if kind == "byte":  # text first: JSON would also read a string as bytes
            imports.typing.add("Union")
            imports.typing_extensions.add("Annotated")
            imports.pydantic.update({"StrictBytes", "StrictStr"})
            imports.add("bandwidth.models._types", "LEFT_TO_RIGHT")
            union = "Annotated[Union[StrictStr, StrictBytes], LEFT_TO_RIGHT]"
            return self._ruled(union, type_ref.rules, request, imports, extra)
        if kind == "float":
            imports.typing.add("Union")
            imports.pydantic.update({"StrictFloat", "StrictInt"})
            union = "Union[StrictFloat, StrictInt]"
            return self._ruled(union, type_ref.rules, request, imports, extra)
        if kind == "datetime":
            imports.add("bandwidth.models._types", "Timestamp")
            return "Timestamp"
        if kind == "date":
            imports.dates = True
            return "date"
        if kind == "uuid":
            imports.uuids = True
            return "UUID"
        imports.typing.add("Any")
        return "Any"

    def _enum_type(
        self, target: ModelPlan, request: bool, imports: Imports, aliases: Dict[str, str]
    ) -> str:
        base_name = target.cls[: -len("Enum")] if target.cls.endswith("Enum") else target.cls
        alias = f"_{base_name}{'Choice' if request else 'Value'}"
        if alias in aliases:
            return alias
        imports.typing.add("Union")
        if request:
            imports.typing_extensions.add("Literal")
            imports.add("bandwidth.models._types", "enum_field")
            literals = ", ".join(f'"{value}"' for value in target.values)
            aliases[alias] = (
                f"if TYPE_CHECKING:\n    {alias} = Union[{target.cls}, Literal[{literals}]]\n"
                f"else:\n    {alias} = enum_field({target.cls})\n"
            )
        else:
            imports.pydantic.add("StrictStr")
            imports.typing_extensions.add("Annotated")
            imports.add("bandwidth.models._types", "LEFT_TO_RIGHT")
            aliases[alias] = f"{alias} = Annotated[Union[{target.cls}, StrictStr], LEFT_TO_RIGHT]"
        return alias

    def _item_checks(self, item: TypeRef, request: bool, imports: Imports) -> List[str]:
        checks = _checks(item.rules)
        if item.kind == "model" and item.model and self.plans[item.model].kind == "enum":
            checks.append(f"member_of({item.model})")
        if not checks:
            return []
        return [f"each({', '.join(checks)})"]

    def _ruled(
        self,
        annotation: str,
        rules: Rules,
        request: bool,
        imports: Imports,
        extra: Optional[List[str]] = None,
    ) -> str:
        checks = _checks(rules) + (extra or []) if request else []
        if not checks:
            return annotation
        imports.typing_extensions.add("Annotated")
        imports.add("bandwidth.models._checks", "rule")
        for name in re.findall(r"\b([a-z][a-z0-9_]*)\b(?=\(|,|\)|$)", ", ".join(checks)):
            if name in _CONSTRAINTS:
                imports.add("bandwidth.models._constraints", name)
        return f"Annotated[{annotation}, rule({', '.join(checks)})]"

    def _class_doc(self, plan: ModelPlan) -> str:
        text = self.overrides.get(plan.schema) or first_sentence(plan.description)
        if len(text) < 25:  # nothing, or only a title ("Message."): say what it is for
            text = f"{text[:-1]}: the" if text else "The"
            text += f" ``{plan.schema}`` schema."
        where = self.usage.get(plan.cls, "")
        if where and plan.schema not in self.overrides:
            text = f"{text} {where}"
        text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
        if len(text) + 10 <= 100:
            return f'    """{text}"""\n'
        lines = textwrap.wrap(text, width=96, break_long_words=False, break_on_hyphens=False)
        body = "\n".join(f"    {line}" for line in lines)
        return f'    """\n{body}\n    """\n'


_CONSTRAINTS = frozenset(
    {"e164", "each", "http_url", "in_range", "max_items", "max_length", "member_of"}
    | {"min_items", "min_length", "pattern"}
)


def _checks(rules: Rules) -> List[str]:
    checks: List[str] = []
    if rules.min_length is not None:
        checks.append(f"min_length({rules.min_length})")
    if rules.max_length is not None:
        checks.append(f"max_length({rules.max_length})")
    if rules.pattern is not None:
        checks.append(f"pattern({_quote(rules.pattern, raw=True)})")
    if rules.minimum is not None or rules.maximum is not None:
        checks.append(f"in_range({_num(rules.minimum)}, {_num(rules.maximum)})")
    if rules.min_items is not None:
        checks.append(f"min_items({rules.min_items})")
    if rules.max_items is not None:
        checks.append(f"max_items({rules.max_items})")
    checks += list(rules.formats)
    return checks


def _num(value: Optional[float]) -> str:
    return "None" if value is None else repr(value)


def _member(value: str) -> str:
    from model_plan import member_name

    return member_name(value)


def _module_doc(plan: ModelPlan) -> str:
    kind = f" ({plan.kind})" if plan.kind in ("oneOf", "anyOf") else ""
    doc = f'"""``{plan.cls}``: the ``{plan.schema}`` schema{kind}."""'
    if len(doc) > 100:
        doc = f'"""``{plan.cls}``:\nthe ``{plan.schema}`` schema{kind}.\n"""'
    return doc


def _long_string(text: str) -> str:
    """A string literal, split into parenthesized parts when it would not fit a line."""
    if len(text) <= 70:
        return _quote(text)
    parts: List[str] = []
    current = ""
    for word in re.split(r"(?<= )", text):
        if current and len(current) + len(word) > 80:
            parts.append(current)
            current = ""
        current += word
    parts.append(current)
    return "(" + " ".join(_quote(part) for part in parts) + ")"


def _quote(text: str, raw: bool = False) -> str:
    if raw:
        return 'r"' + text.replace('"', '\\"') + '"'
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
