"""Write the per-model reference pages in docs/ from the models themselves.

Run ``python docs/generate.py`` after changing a model; ``--check`` exits
non-zero when a page is stale (the test suite runs that).
"""

from __future__ import annotations

import argparse
import enum
import inspect
import sys
import typing
from datetime import datetime
from pathlib import Path
from typing import Any, List

import typing_extensions
from pydantic_core import PydanticUndefined
from typing_extensions import Literal

import bandwidth.models as models

DOCS = Path(__file__).resolve().parent

MODELS = [
    "CreateCall",
    "MachineDetectionConfiguration",
    "CreateCallResponse",
    "CallState",
    "UpdateCall",
    "VoiceApiError",
]
ENUMS = [
    "CallbackMethodEnum",
    "RedirectMethodEnum",
    "CallStateEnum",
    "CallDirectionEnum",
    "MachineDetectionModeEnum",
]
EXAMPLES = {
    "CreateCall": """from bandwidth import CreateCall, MachineDetectionConfiguration

call = CreateCall(
    to="+19195551234",
    var_from="+19195554321",
    application_id="04e88489-df02-4e34-a0ee-27a91849555f",
    answer_url="https://myapp.example/bandwidth/answer",
    machine_detection=MachineDetectionConfiguration(mode="sync"),
)
assert call.to_json() == (
    '{"to":"+19195551234","from":"+19195554321",'
    '"applicationId":"04e88489-df02-4e34-a0ee-27a91849555f",'
    '"answerUrl":"https://myapp.example/bandwidth/answer",'
    '"machineDetection":{"mode":"sync"}}'
)""",
    "UpdateCall": """from bandwidth import UpdateCall

assert UpdateCall(state="completed").to_json() == '{"state":"completed"}'
redirect = UpdateCall(redirect_url="https://myapp.example/bandwidth/redirect")
assert redirect.to_dict() == {"redirectUrl": "https://myapp.example/bandwidth/redirect"}""",
    "CallState": """from bandwidth import CallState

state = CallState.from_json('{"callId": "c-1", "direction": "outbound", "newField": 1}')
assert state.call_id == "c-1" and state.direction == "outbound"
assert state.additional_properties == {"newField": 1}""",
}


def type_name(annotation: Any) -> str:
    """A short, readable rendering of a field's type."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin is typing.Union:
        # Literal members only mirror an enum's values for type checkers: show the enum.
        names = [
            type_name(a)
            for a in args
            if a is not type(None) and typing_extensions.get_origin(a) is not Literal
        ]
        return " \\| ".join(dict.fromkeys(names))
    if origin in (dict, typing.Dict):
        return f"Dict[{type_name(args[0])}, {type_name(args[1])}]"
    if origin in (list, typing.List):
        return f"List[{type_name(args[0])}]"
    if isinstance(annotation, type):
        if issubclass(annotation, (enum.Enum, models._base.BandwidthModel)):
            return f"[**{annotation.__name__}**]({annotation.__name__}.md)"
        if issubclass(annotation, datetime):
            return "datetime"
        return annotation.__name__
    return str(annotation)


def model_page(name: str) -> str:
    cls = getattr(models, name)
    module = cls.__module__
    doc = inspect.cleandoc(cls.__doc__ or "")
    request = issubclass(cls, models._base.RequestModel)
    lines: List[str] = [
        f"# {name}",
        "",
        doc,
        "",
        f"`from {module} import {name}` (also `from bandwidth import {name}`)",
        "",
        "A **request** model: unknown keywords and bad values raise `pydantic.ValidationError`"
        " naming the field; only the fields you set are sent."
        if request
        else "A **response** model: unknown fields are kept in `additional_properties`, "
        "unknown enum values stay strings, and absent fields are `None`.",
        "",
        "## Properties",
        "",
        "Name | Wire name | Type | Required | Default | Description",
        "---- | --------- | ---- | -------- | ------- | -----------",
    ]
    for field_name, info in cls.model_fields.items():
        if field_name == "additional_properties":
            continue
        wire = info.serialization_alias or field_name
        required = "**yes**" if info.is_required() else "no"
        default = (
            ""
            if info.is_required() or info.default is PydanticUndefined
            else f"`{getattr(info.default, 'value', info.default)!r}`"
        )
        description = (info.description or "").replace("|", "\\|")
        lines.append(
            f"**{field_name}** | `{wire}` | {type_name(info.annotation)} | {required} | "
            f"{default} | {description}"
        )
    lines += [
        "",
        "Defaults are the server's own: they are what you read back from the attribute,"
        " but they are not sent unless you set them."
        if request
        else "",
        "",
        "## Methods",
        "",
        "- `to_dict()` / `to_json()`: the wire form (wire names; only fields that were set).",
        "- `from_dict(obj)` / `from_json(text)`: build from the wire form"
        + (" (unknown keys go to `additional_properties`)." if request else "."),
        "- `to_str()`: readable text with secrets masked; `repr()` masks them too.",
        "",
    ]
    if name in EXAMPLES:
        lines += ["## Example", "", "```python", EXAMPLES[name], "```", ""]
    lines += ["[Back to the API](CallsApi.md) · [All docs](README.md)", ""]
    return "\n".join(line for line in lines if line is not None).replace("\n\n\n", "\n\n")


def enum_page(name: str) -> str:
    cls = getattr(models, name)
    doc = inspect.cleandoc(cls.__doc__ or "")
    lines = [
        f"# {name}",
        "",
        doc,
        "",
        f"`from {cls.__module__} import {name}` (also `from bandwidth import {name}`)",
        "",
        "Member | Value",
        "------ | -----",
    ]
    lines += [f"`{member.name}` | `{member.value!r}`" for member in cls]
    lines += [
        "",
        "Members are `str`s: `"
        + name
        + "."
        + next(iter(cls)).name
        + " == "
        + repr(next(iter(cls)).value)
        + "`. `"
        + name
        + ".from_json('\"…\"')` parses a JSON string.",
        "",
        "[Back to the API](CallsApi.md) · [All docs](README.md)",
        "",
    ]
    return "\n".join(lines)


def pages() -> dict:
    rendered = {f"{name}.md": model_page(name) for name in MODELS}
    rendered.update({f"{name}.md": enum_page(name) for name in ENUMS})
    return rendered


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if a page is stale")
    args = parser.parse_args()
    stale = []
    for filename, text in pages().items():
        path = DOCS / filename
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(filename)
        else:
            path.write_text(text)
    if stale:
        print("stale docs pages (run python docs/generate.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
