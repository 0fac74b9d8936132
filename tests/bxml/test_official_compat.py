"""Drop-in compatibility with the official ``bandwidth-sdk`` BXML builder.

Facts taken from the official SDK 23.3.1's public surface (module paths,
class names and bases, constructor parameters and defaults, output bytes),
checked against ours through our public API. The official package itself is
never imported here.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from typing import Dict, Tuple

import pytest

import bandwidth.models.bxml as bxml
from bandwidth.models.bxml import NestableVerb, Response, Root, Verb
from tests.bxml.official_cases import CASES, DECLARATION, Case

#: official module under ``bandwidth.models.bxml.verbs`` -> class it defines
OFFICIAL_VERB_MODULES: Dict[str, str] = {
    "bridge": "Bridge",
    "conference": "Conference",
    "connect": "Connect",
    "custom_param": "CustomParam",
    "endpoint": "Endpoint",
    "forward": "Forward",
    "gather": "Gather",
    "hangup": "Hangup",
    "pause": "Pause",
    "pause_recording": "PauseRecording",
    "phone_number": "PhoneNumber",
    "play_audio": "PlayAudio",
    "record": "Record",
    "redirect": "Redirect",
    "refer": "Refer",
    "resume_recording": "ResumeRecording",
    "ring": "Ring",
    "send_dtmf": "SendDtmf",
    "sip_uri": "SipUri",
    "speak_sentence": "SpeakSentence",
    "start_gather": "StartGather",
    "start_recording": "StartRecording",
    "start_stream": "StartStream",
    "start_transcription": "StartTranscription",
    "stop_gather": "StopGather",
    "stop_recording": "StopRecording",
    "stop_stream": "StopStream",
    "stop_transcription": "StopTranscription",
    "stream_param": "StreamParam",
    "tag": "Tag",
    "transfer": "Transfer",
}

#: official top-level modules of ``bandwidth.models.bxml`` -> class each defines
OFFICIAL_BASE_MODULES: Dict[str, str] = {
    "bxml": "Bxml",
    "nestable_verb": "NestableVerb",
    "response": "Response",
    "root": "Root",
    "verb": "Verb",
}

#: the official verbs whose base is NestableVerb (every other verb's base is Verb)
OFFICIAL_NESTABLE = {
    "Connect",
    "Gather",
    "Refer",
    "SpeakSentence",
    "StartStream",
    "StartTranscription",
    "Transfer",
}

#: each official constructor's parameters, in order
OFFICIAL_PARAMETERS: Dict[str, Tuple[str, ...]] = {
    "Bridge": (
        "target_call",
        "bridge_complete_url",
        "bridge_complete_method",
        "bridge_complete_fallback_url",
        "bridge_complete_fallback_method",
        "bridge_target_complete_url",
        "bridge_target_complete_method",
        "bridge_target_complete_fallback_url",
        "bridge_target_complete_fallback_method",
        "username",
        "password",
        "fallback_username",
        "fallback_password",
        "tag",
    ),
    "Conference": (
        "name",
        "mute",
        "hold",
        "call_ids_to_coach",
        "conference_event_url",
        "conference_event_method",
        "conference_event_fallback_url",
        "conference_event_fallback_method",
        "username",
        "password",
        "fallback_username",
        "fallback_password",
        "tag",
        "callback_timeout",
    ),
    "Connect": ("destination", "event_callback_url", "event_fallback_url"),
    "CustomParam": ("name", "value"),
    "Endpoint": ("endpoint_id",),
    "Forward": (
        "to",
        "_from",
        "call_timeout",
        "diversion_treatment",
        "diversion_reason",
        "uui",
        "privacy",
        "caller_display_name",
    ),
    "Gather": (
        "audio_verbs",
        "gather_url",
        "gather_method",
        "gather_fallback_url",
        "gather_fallback_method",
        "username",
        "password",
        "fallback_username",
        "fallback_password",
        "tag",
        "terminating_digits",
        "max_digits",
        "inter_digit_timeout",
        "first_digit_timeout",
        "repeat_count",
        "input",
        "hints",
        "language",
        "partial_result_callback",
        "partial_result_callback_method",
        "profanity_filter",
        "speech_model",
        "speech_timeout",
    ),
    "Hangup": (),
    "Pause": ("duration",),
    "PauseRecording": (),
    "PhoneNumber": (
        "number",
        "transfer_answer_url",
        "transfer_answer_method",
        "transfer_answer_fallback_url",
        "transfer_answer_fallback_method",
        "transfer_disconnect_url",
        "transfer_disconnect_method",
        "username",
        "password",
        "fallback_username",
        "fallback_password",
        "tag",
        "uui",
    ),
    "PlayAudio": ("audio_uri", "username", "password"),
    "Record": (
        "record_complete_url",
        "record_complete_method",
        "record_complete_fallback_url",
        "record_complete_fallback_method",
        "recording_available_url",
        "recording_available_method",
        "transcribe",
        "transcription_available_url",
        "transcription_available_method",
        "username",
        "password",
        "fallback_username",
        "fallback_password",
        "tag",
        "terminating_digits",
        "max_duration",
        "silence_timeout",
        "file_format",
        "detect_language",
        "recording_name",
    ),
    "Redirect": (
        "redirect_url",
        "redirect_method",
        "redirect_fallback_url",
        "redirect_fallback_method",
        "username",
        "password",
        "fallback_username",
        "fallback_password",
        "tag",
    ),
    "Refer": ("sip_uri", "refer_complete_url", "refer_complete_method", "tag"),
    "ResumeRecording": (),
    "Ring": ("duration", "answer_call"),
    "SendDtmf": ("digits", "tone_duration", "tone_interval"),
    "SipUri": (
        "uri",
        "uui",
        "transfer_answer_url",
        "transfer_answer_method",
        "transfer_answer_fallback_url",
        "transfer_answer_fallback_method",
        "transfer_disconnect_url",
        "transfer_disconnect_method",
        "username",
        "password",
        "fallback_username",
        "fallback_password",
        "tag",
    ),
    "SpeakSentence": ("text", "voice", "gender", "locale"),
    "StartGather": ("dtmf_url", "dtmf_method", "username", "password", "tag"),
    "StartRecording": (
        "recording_available_url",
        "recording_available_method",
        "transcribe",
        "transcription_available_url",
        "transcription_available_method",
        "username",
        "password",
        "tag",
        "file_format",
        "multi_channel",
        "detect_language",
        "recording_name",
    ),
    "StartStream": (
        "destination",
        "destination_username",
        "destination_password",
        "stream_params",
        "name",
        "mode",
        "tracks",
        "stream_event_url",
        "stream_event_method",
        "username",
        "password",
    ),
    "StartTranscription": (
        "name",
        "tracks",
        "transcription_event_url",
        "transcription_event_method",
        "username",
        "password",
        "destination",
        "stabilized",
        "custom_params",
        "detect_language",
        "preferred_languages",
    ),
    "StopGather": (),
    "StopRecording": (),
    "StopStream": ("name", "wait"),
    "StopTranscription": ("name",),
    "StreamParam": ("name", "value"),
    "Tag": ("content",),
    "Transfer": (
        "transfer_to",
        "transfer_caller_id",
        "transfer_caller_display_name",
        "call_timeout",
        "transfer_complete_url",
        "transfer_complete_method",
        "transfer_complete_fallback_url",
        "transfer_complete_fallback_method",
        "username",
        "password",
        "fallback_username",
        "fallback_password",
        "tag",
        "diversion_treatment",
        "diversion_reason",
        "privacy",
    ),
}

#: official parameters without a default (all others default to None, except below)
OFFICIAL_REQUIRED = {
    "Bridge": ["target_call"],
    "Conference": ["name"],
    "Endpoint": ["endpoint_id"],
    "PhoneNumber": ["number"],
    "PlayAudio": ["audio_uri"],
    "Redirect": ["redirect_url"],
    "SendDtmf": ["digits"],
    "SipUri": ["uri"],
    "SpeakSentence": ["text"],
    "StartGather": ["dtmf_url"],
    "StartStream": ["destination"],
    "StopStream": ["name"],
    "StreamParam": ["name", "value"],
}

#: official defaults other than None (the official list defaults ``[]`` are None here,
#: so no list object is shared between calls)
OFFICIAL_DEFAULTS = {
    ("Pause", "duration"): 1,
    ("Record", "max_duration"): 60,
    ("Tag", "content"): "",
}


# -- import paths ------------------------------------------------------------------------


@pytest.mark.parametrize(("module", "name"), sorted(OFFICIAL_VERB_MODULES.items()))
def test_every_official_verb_module_path_resolves(module: str, name: str) -> None:
    cls = getattr(importlib.import_module(f"bandwidth.models.bxml.verbs.{module}"), name)
    assert cls is getattr(bxml, name)
    assert cls is getattr(importlib.import_module("bandwidth.models.bxml.verbs"), name)
    assert cls.__module__ == f"bandwidth.models.bxml.verbs.{module}"


@pytest.mark.parametrize(("module", "name"), sorted(OFFICIAL_BASE_MODULES.items()))
def test_every_official_top_level_module_path_resolves(module: str, name: str) -> None:
    cls = getattr(importlib.import_module(f"bandwidth.models.bxml.{module}"), name)
    assert cls is getattr(bxml, name)


def test_every_official_name_is_exported() -> None:
    official = set(OFFICIAL_VERB_MODULES.values()) | set(OFFICIAL_BASE_MODULES.values())
    assert official <= set(bxml.__all__)
    assert set(OFFICIAL_VERB_MODULES.values()) == set(
        importlib.import_module("bandwidth.models.bxml.verbs").__all__
    )
    for name in sorted(official):
        assert getattr(bxml, name).__name__ == name


def test_submodules_are_attributes_as_after_the_official_eager_imports() -> None:
    import bandwidth.models.bxml as package

    assert package.verbs.ring.Ring is bxml.Ring
    assert package.root.Root is Root
    assert package.response.Response is Response
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        package.verbs.nothing  # noqa: B018
    with pytest.raises(AttributeError, match="has no attribute 'Response'"):
        package.verbs.Response  # noqa: B018


# -- classes and signatures ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(OFFICIAL_PARAMETERS))
def test_verb_bases_match_the_official_ones(name: str) -> None:
    cls = getattr(bxml, name)
    assert issubclass(cls, Verb)
    assert issubclass(cls, NestableVerb) == (name in OFFICIAL_NESTABLE)


@pytest.mark.parametrize("name", sorted(OFFICIAL_PARAMETERS))
def test_constructor_parameters_match_the_official_order(name: str) -> None:
    signature = inspect.signature(getattr(bxml, name))
    parameters = list(signature.parameters.values())
    assert tuple(p.name for p in parameters) == OFFICIAL_PARAMETERS[name]
    for parameter in parameters:
        assert parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        if parameter.name in OFFICIAL_REQUIRED.get(name, []):
            assert parameter.default is inspect.Parameter.empty
        else:
            assert parameter.default == OFFICIAL_DEFAULTS.get((name, parameter.name))


def test_base_classes_take_the_official_arguments() -> None:
    for root in (Root("TestRoot"), Root(tag="TestRoot", nested_verbs=None)):
        root.add_verb(Verb(tag="TestVerb1", content="test"))
        root.add_verb(Verb(tag="TestVerb2"))
        assert len(root) == 2
        assert type(root[0]) is Verb
        assert root.to_bxml() == (
            DECLARATION + "<TestRoot><TestVerb1>test</TestVerb1><TestVerb2 /></TestRoot>"
        )
    nestable = NestableVerb(tag="TestNestableVerb")
    nestable.add_verb(Verb(tag="TestVerb1", content="test"))
    assert len(nestable) == 1
    assert type(nestable[0]) is Verb
    assert nestable.to_bxml() == "<TestNestableVerb><TestVerb1>test</TestVerb1></TestNestableVerb>"
    assert len(Root(tag="R", nested_verbs=[Verb("a"), Verb("b")])) == 2
    with pytest.raises(AttributeError):
        Verb(tag="Plain").add_verb  # type: ignore[attr-defined]  # noqa: B018


def test_official_helper_methods() -> None:
    transfer = bxml.Transfer()
    transfer.add_transfer_recipient(bxml.PhoneNumber("+19195551234"))
    refer = bxml.Refer()
    refer.set_sip_uri(bxml.SipUri("sip:a@b.example"))
    refer.set_sip_uri(bxml.SipUri("sip:c@d.example"))
    assert refer.to_bxml() == "<Refer><SipUri>sip:c@d.example</SipUri></Refer>"
    assert transfer.to_bxml() == "<Transfer><PhoneNumber>+19195551234</PhoneNumber></Transfer>"
    gather = bxml.Gather()
    assert gather.add_verb(bxml.SpeakSentence("x")) is gather  # official: returns None


def test_official_attribute_names_read_back() -> None:
    forward = bxml.Forward("+19195551234", "+19195554321")
    assert forward._from == forward.from_ == "+19195554321"
    forward.from_ = "+19195550000"
    assert forward._from == "+19195550000"
    speak = bxml.SpeakSentence("hi", "julie")
    assert (speak.text, speak.voice, speak.gender) == ("hi", "julie", None)
    transfer = bxml.Transfer([bxml.PhoneNumber("+19195551234")], call_timeout="15")
    assert transfer.transfer_to == [bxml.PhoneNumber("+19195551234")]
    assert transfer.call_timeout == "15"
    connect = bxml.Connect([bxml.Endpoint("e-1")])
    assert connect.destination == connect.endpoints == [bxml.Endpoint("e-1")]
    assert bxml.Tag().content == ""


def test_defaults_are_not_shared_between_instances() -> None:
    first, second = bxml.Gather(), bxml.Gather()
    first.add_verb(bxml.SpeakSentence("only in the first"))
    assert len(second) == 0
    assert bxml.Transfer().transfer_to == [] and bxml.Connect().destination == []


# -- output bytes ------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_output_is_byte_identical_to_the_official_sdk(case: Case) -> None:
    assert case.build(bxml).to_bxml() == case.official


def test_a_users_snapshot_test_passes() -> None:
    """A snapshot recorded from the official SDK, as a user's test suite would hold it."""
    reply = Response()
    reply.add_verb(
        bxml.SpeakSentence(
            text='Hello. Your number is <say-as interpret-as="telephone">asdf</say-as>.',
            voice="julie",
        )
    )
    reply.add_verb(bxml.Gather(gather_url="test.com", max_digits=5, audio_verbs=[]))
    assert reply.to_bxml() == (
        "<?xml version='1.0' encoding='UTF-8'?>\n<Response>"
        '<SpeakSentence voice="julie">Hello. Your number is '
        '<say-as interpret-as="telephone">asdf</say-as>.</SpeakSentence>'
        '<Gather gatherUrl="test.com" maxDigits="5" /></Response>'
    )


def test_the_cases_cover_every_verb_and_every_attribute() -> None:
    seen: Dict[str, set] = {}

    def walk(verb: Verb) -> None:
        attributes = {f.wire for f in verb._attr_fields if verb.__dict__.get(f.name) is not None}
        seen.setdefault(verb._tag, set()).update(attributes)
        for child in getattr(verb, "_children", []):
            walk(child)

    for case in CASES:
        document = case.build(bxml)
        for verb in document if isinstance(document, Root) else [document]:
            walk(verb)
    for name in OFFICIAL_PARAMETERS:
        cls = getattr(bxml, name)
        assert seen.get(name) == set(cls._by_wire), name


# -- the documentation ----------------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_compatibility_page_lists_every_official_name() -> None:
    page = (DOCS / "compatibility.md").read_text(encoding="utf-8")
    section = page.split("\n## BXML\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `bandwidth.models.bxml")]
    listed = {line.split("`")[1] for line in rows}
    expected = {f"bandwidth.models.bxml.verbs.{m}.{c}" for m, c in OFFICIAL_VERB_MODULES.items()}
    expected |= {f"bandwidth.models.bxml.{m}.{c}" for m, c in OFFICIAL_BASE_MODULES.items()}
    expected.add("bandwidth.models.bxml.verbs")
    assert listed == expected


def test_the_bxml_page_examples_run() -> None:
    page = (DOCS / "bxml.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    runnable = [block for block in blocks if "class StopStream" not in block]
    assert len(runnable) == 2
    for block in runnable:
        exec(compile(block, "docs/bxml.md", "exec"), {})
