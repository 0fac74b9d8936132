"""Write the reference pages in docs/ from the code: one per model, one per API class.

Run ``python docs/generate.py`` after changing a model or an operation;
``--check`` exits non-zero when a page is stale (the test suite runs that).
The API classes' pages are rendered by ``docs/api_pages.py``.
"""

from __future__ import annotations

import argparse
import enum
import inspect
import re
import sys
import typing
from datetime import datetime
from pathlib import Path
from typing import Any, List

import typing_extensions
from pydantic_core import PydanticUndefined
from typing_extensions import Literal

import bandwidth.models as models
from bandwidth.models._union import UnionModel

DOCS = Path(__file__).resolve().parent
BACK_TO_API = "[Back to the API](CallsApi.md) · [All docs](README.md)"
BACK_TO_CALLBACKS = "[Callbacks](callbacks.md) · [All docs](README.md)"
BACK_TO_MODELS = "[Models](README.md#models) · [All docs](README.md)"

MODELS = [
    "CreateCall",
    "MachineDetectionConfiguration",
    "CreateCallResponse",
    "CallState",
    "UpdateCall",
    "VoiceApiError",
]
#: the models of the conferences, recordings, transcriptions and statistics operations
VOICE_MODELS = [
    "UpdateConference",
    "UpdateConferenceMember",
    "UpdateCallRecording",
    "TranscribeRecording",
    "Conference",
    "ConferenceMember",
    "ConferenceRecordingMetadata",
    "CallRecordingMetadata",
    "RecordingTranscriptionMetadata",
    "RecordingTranscriptions",
    "RecordingTranscriptionClip",
    "CallTranscriptionMetadata",
    "CallTranscriptionResponse",
    "CallTranscription",
    "AccountStatistics",
]
VOICE_ENUMS = [
    "ConferenceStateEnum",
    "RecordingStateEnum",
    "CallTranscriptionDetectedLanguageEnum",
    "CallTranscriptionTrackEnum",
]
#: the operation that checks each new request model before sending it (and its verb)
CHECKED_BY = {
    "UpdateConference": "`update_conference` runs",
    "UpdateConferenceMember": "`update_conference_member` runs",
    "UpdateCallRecording": "`update_call_recording_state` runs",
    "TranscribeRecording": "`transcribe_call_recording` runs",
}
ENUMS = [
    "CallbackMethodEnum",
    "RedirectMethodEnum",
    "CallStateEnum",
    "CallDirectionEnum",
    "MachineDetectionModeEnum",
    "FileFormatEnum",
    "ReferCallStatusEnum",
]
#: the callback (webhook) models and the objects nested in them
#: the first line of every module ``tools/generate_models.py`` writes
GENERATED_HEADER = "# Generated from spec/bandwidth.yml"


def _is_generated(name: str) -> bool:
    module = models._MODULES[name]
    path = Path(models.__file__).parent / f"{module}.py"
    return path.exists() and path.read_text(encoding="utf-8").startswith(GENERATED_HEADER)


#: every other API's models (messaging, multi-channel, MFA, lookup, toll-free
#: verification, endpoints), generated from the spec with their docstrings
GENERATED = sorted(name for name in models._MODULES if _is_generated(name))
CALLBACKS = sorted(
    name
    for name in models.__all__
    if name not in GENERATED
    and (
        name.endswith("Callback")
        or name in ("Diversion", "MachineDetectionResult", "StirShaken", "Transcription")
    )
)
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
    "GatherCallback": """from bandwidth.models import GatherCallback

event = GatherCallback.from_json('{"eventType": "gather", "digits": "1", "callId": "c-1"}')
assert (event.digits, event.call_id) == ("1", "c-1")""",
    "CallState": """from bandwidth import CallState

state = CallState.from_json('{"callId": "c-1", "direction": "outbound", "newField": 1}')
assert state.call_id == "c-1" and state.direction == "outbound"
assert state.additional_properties == {"newField": 1}""",
    "UpdateConference": """from bandwidth import UpdateConference

assert UpdateConference(status="completed").to_json() == '{"status":"completed"}'
redirect = UpdateConference(redirect_url="https://myapp.example/bandwidth/conference")
assert redirect.to_dict() == {"redirectUrl": "https://myapp.example/bandwidth/conference"}""",
    "UpdateConferenceMember": """from bandwidth import UpdateConferenceMember

assert UpdateConferenceMember(mute=True).to_json() == '{"mute":true}'""",
    "UpdateCallRecording": """from bandwidth import UpdateCallRecording

assert UpdateCallRecording(state="paused").to_json() == '{"state":"paused"}'""",
    "TranscribeRecording": """from bandwidth import TranscribeRecording

request = TranscribeRecording(
    callback_url="https://myapp.example/bandwidth/transcription", detect_language=True
)
assert request.to_dict() == {
    "callbackUrl": "https://myapp.example/bandwidth/transcription",
    "detectLanguage": True,
}""",
    "RecordingTranscriptions": """from bandwidth import RecordingTranscriptions

result = RecordingTranscriptions.from_json(
    '{"transcripts": [{"speaker": 0, "text": "Hi there", "confidence": 0.96}],'
    ' "clips": [{"speaker": 0, "text": "Hi there", "startTimeSeconds": 0.4}]}'
)
assert [t.text for t in result.transcripts] == ["Hi there"]
assert result.clips[0].start_time_seconds == 0.4""",
    "CallTranscriptionResponse": """from bandwidth import CallTranscriptionResponse
from bandwidth import CallTranscriptionTrackEnum as Track

result = CallTranscriptionResponse.from_json(
    '{"transcriptionId": "t-1", "tracks": [{"track": "inbound", "transcript": "Hello"}]}'
)
assert result.tracks[0].track is Track.INBOUND""",
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
    if annotation is Any:  # (its str() differs between Python versions)
        return "Any"
    if isinstance(annotation, type):
        if issubclass(annotation, (enum.Enum, models._base.BandwidthModel)):
            return f"[**{annotation.__name__}**]({annotation.__name__}.md)"
        if issubclass(annotation, datetime):
            return "datetime"
        return annotation.__name__
    return str(annotation)


def module_of(name: str) -> str:
    """The generated SDK's module for a model (its name in snake case)."""
    return "bandwidth.models." + re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def import_line(name: str) -> str:
    also = f"`from bandwidth import {name}`, `from bandwidth.models import {name}`"
    if name in CALLBACKS or name == "ReferCallStatusEnum":
        also += f", `from bandwidth.callbacks import {name}`"
    return f"`from {module_of(name)} import {name}` (also {also}: one class)"


def back_link(name: str) -> str:
    """The footer of a page: back to the callbacks, to the Calls API, or to the model list."""
    if name in CALLBACKS:
        return BACK_TO_CALLBACKS
    if name in VOICE_MODELS or name in VOICE_ENUMS or name in GENERATED:
        return BACK_TO_MODELS
    return BACK_TO_API


def model_page(name: str) -> str:
    cls = getattr(models, name)
    doc = inspect.cleandoc(cls.__doc__ or "")
    request = issubclass(cls, models._base.RequestModel)
    callback = name in CALLBACKS
    default_checker = (
        "the operation that sends it runs"
        if name in GENERATED
        else "`create_call`/`update_call` run"
    )
    checked_by = CHECKED_BY.get(name, default_checker)
    lines: List[str] = [
        f"# {name}",
        "",
        doc,
        "",
        import_line(name),
        "",
        "A **request** model, built like the generated SDK's: a missing field or a wrong"
        " type raises `pydantic.ValidationError` at once; values, rules between fields and"
        f" unknown keywords are checked by `check()`, which {checked_by}"
        " before sending, raising one `RequestValidationError` (an `ApiException` with"
        " status 400 and an `ApiValueError`) that names every problem. Only the fields you"
        " set are sent."
        if request
        else "A **callback** model (what Bandwidth posts to your webhook): unknown fields are"
        " kept in `additional_properties`, unknown enum values stay strings, and absent"
        " fields are `None`. Usable directly as a FastAPI/pydantic body parameter."
        if callback
        else "A **response** model (an API's answer, or a webhook's body): unknown fields are"
        " kept in `additional_properties`, unknown enum values stay strings, and absent"
        " optional fields are `None`."
        if name in GENERATED
        else "A **response** model: unknown fields are kept in `additional_properties`, "
        "unknown enum values stay strings, and absent fields are `None`.",
        "",
        "## Properties",
        "",
        "Name | Wire name | Type | Required | Default | Description",
        "---- | --------- | ---- | -------- | ------- | -----------",
    ]
    # Callbacks defer their build; with older pydantic (2.6, the floor) a generated alias
    # appears only once the class is built, so build it (a no-op if built).
    cls.model_rebuild()
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
        + (
            " (unknown keys go to `additional_properties`); with `check=True` the model is"
            " also checked, every problem at once."
            if request
            else " (unknown keys go to `additional_properties`)."
        ),
        "- `check()`: the checks run before sending; raises `RequestValidationError`."
        if request
        else None,
        "- `to_str()`: readable text with secrets masked; `repr()` masks them too.",
        "",
    ]
    if name in EXAMPLES:
        lines += ["## Example", "", "```python", EXAMPLES[name], "```", ""]
    lines += [back_link(name), ""]
    return "\n".join(line for line in lines if line is not None).replace("\n\n\n", "\n\n")


def enum_page(name: str) -> str:
    cls = getattr(models, name)
    doc = inspect.cleandoc(cls.__doc__ or "")
    lines = [
        f"# {name}",
        "",
        doc,
        "",
        import_line(name),
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
        back_link(name),
        "",
    ]
    return "\n".join(lines)


def union_page(name: str) -> str:
    cls = getattr(models, name)
    doc = inspect.cleandoc(cls.__doc__ or "")
    kind = "one_of_schemas" if hasattr(cls, "one_of_schemas") else "any_of_schemas"
    lines = [
        f"# {name}",
        "",
        doc,
        "",
        import_line(name),
        "",
        f"One of several models (`{kind}`); the concrete one is `actual_instance`. Built"
        f" from a member (`{name}(member)`) or from the wire form"
        f" (`{name}.from_json(text)`, `from_dict(obj)`); a field of this type also takes a"
        " bare member. A value no member accepts is kept as the `dict` it came as"
        " (decoding never fails on it); `check()` rejects it.",
        "",
        "Member | Chosen when",
        "------ | -----------",
    ]
    for member in cls.members:
        tags = [value for value, target in cls.mapping.items() if target is member]
        when = (
            ", ".join(f"`{cls.discriminator}` is `{tag!r}`" for tag in tags)
            if tags
            else "it declares the most of the keys present"
        )
        lines.append(f"[**{member.__name__}**]({member.__name__}.md) | {when}")
    lines += [
        "",
        "## Methods",
        "",
        "- `to_dict()` / `to_json()`: the actual instance's wire form.",
        "- `from_dict(obj)` / `from_json(text)`: wrap the member the wire form describes.",
        "- `check()`: the actual instance's checks (for a request value).",
        "- `to_str()`: readable text with secrets masked.",
        "",
        back_link(name),
        "",
    ]
    return "\n".join(lines)


def generated_page(name: str) -> str:
    cls = getattr(models, name)
    if isinstance(cls, type) and issubclass(cls, enum.Enum):
        return enum_page(name)
    if issubclass(cls, UnionModel):
        return union_page(name)
    return model_page(name)


def pages() -> dict:
    import api_pages  # docs/api_pages.py, next to this script
    import model_pages  # docs/model_pages.py, next to this script

    rendered = {f"{name}.md": model_page(name) for name in MODELS + VOICE_MODELS + CALLBACKS}
    rendered.update({f"{name}.md": enum_page(name) for name in ENUMS + VOICE_ENUMS})
    rendered.update({f"{name}.md": generated_page(name) for name in GENERATED})
    rendered.update(model_pages.pages(GENERATED))
    rendered.update(api_pages.pages())
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
