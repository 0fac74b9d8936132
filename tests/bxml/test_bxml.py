"""The builder: declarations, round trips, value types, equality, copies, lazy imports."""

from __future__ import annotations

import copy
import inspect
import pickle
import subprocess
import sys
from typing import Any, List

import pytest

import bandwidth.models.bxml as bxml
from bandwidth.models.bxml import (
    Bxml,
    BxmlNestingError,
    CallbackMethodEnum,
    Conference,
    Forward,
    Gather,
    Gender,
    Hangup,
    Pause,
    PhoneNumber,
    PlayAudio,
    Response,
    Ring,
    Root,
    SpeakSentence,
    Tracks,
    Transfer,
    Verb,
)
from bandwidth.models.bxml.verb import REGISTRY
from tests.bxml.official_cases import CASES

DECL = "<?xml version='1.0' encoding='UTF-8'?>\n"

# -- one declaration per attribute ----------------------------------------------------------


def test_every_verb_is_registered_under_its_element_name() -> None:
    from bandwidth.models.bxml._parse import _load_all_verbs
    from bandwidth.models.bxml.verbs import VERBS

    _load_all_verbs()
    assert set(REGISTRY) == set(VERBS)
    for tag, cls in REGISTRY.items():
        assert cls is getattr(bxml, tag)
        assert cls._tag == tag


@pytest.mark.parametrize("name", sorted(bxml.verbs.VERBS))
def test_the_declaration_gives_signature_and_attribute_names(name: str) -> None:
    cls = getattr(bxml, name)
    parameters = list(inspect.signature(cls).parameters)
    assert parameters == [field.name for field in cls._fields]
    for field in cls._attr_fields:
        camel = "".join(
            part if i == 0 else part.capitalize()
            for i, part in enumerate(field.name.lstrip("_").split("_"))
        )
        assert field.wire == camel
    assert cls.__init__.__qualname__ == f"{name}.__init__"


def test_attributes_are_written_only_when_set() -> None:
    gather = Gather(max_digits=3, inter_digit_timeout=2.5)
    gather.max_digits = None
    assert gather.to_bxml() == '<Gather interDigitTimeout="2.5" />'
    pause = Pause(duration=None)
    assert pause.to_bxml() == "<Pause />"


def test_numbers_are_written_as_python_writes_them() -> None:
    assert Pause(2.0).to_bxml() == '<Pause duration="2.0" />'
    assert Pause(0.1).to_bxml() == '<Pause duration="0.1" />'
    assert Pause(86400).to_bxml() == '<Pause duration="86400" />'
    assert Pause("1.50").to_bxml() == '<Pause duration="1.50" />'


def test_enum_members_are_written_as_their_value() -> None:
    verb = bxml.StartStream("wss://x.example", tracks=Tracks.BOTH, stream_event_method="GET")
    verb.stream_event_method = CallbackMethodEnum.POST
    assert verb.to_bxml() == (
        '<StartStream destination="wss://x.example" tracks="both" streamEventMethod="POST" />'
    )


# -- what an attribute holds ----------------------------------------------------------------


def test_construction_stores_values_as_given() -> None:
    conference = Conference("room", mute="true", hold=False, callback_timeout="5")
    assert (conference.mute, conference.hold, conference.callback_timeout) == ("true", False, "5")
    speak = SpeakSentence("hi", gender="male")
    assert speak.gender == "male" and type(speak.gender) is str
    assert SpeakSentence("hi", gender=Gender.MALE).gender is Gender.MALE
    assert Gather(max_digits=3).max_digits == 3


def test_from_xml_stores_typed_values() -> None:
    document = Response(
        [
            Conference("room", mute="true", hold="false", callback_timeout="5"),
            Ring(duration="2.5", answer_call="false"),
            Gather(max_digits="3", gather_method="GET"),
            SpeakSentence("hi", gender="male", voice="julie"),
        ]
    ).to_bxml()
    conference, ring, gather, speak = Response.from_xml(document)
    assert isinstance(conference, Conference)
    assert (conference.mute, conference.hold, conference.callback_timeout) == (True, False, 5)
    assert isinstance(ring, Ring)
    assert ring.duration == 2.5 and ring.answer_call is False
    assert isinstance(gather, Gather)
    assert gather.max_digits == 3 and type(gather.max_digits) is int
    assert gather.gather_method is CallbackMethodEnum.GET
    assert isinstance(speak, SpeakSentence)
    assert speak.gender is Gender.MALE and speak.voice == "julie"


# -- round trips --------------------------------------------------------------------------

#: cases that are not valid BXML (Bandwidth needs a value the official call leaves out)
NOT_VALID = {
    "generic Root",
    "generic NestableVerb",
    "generic Verb",
    "Transfer minimal",
    "Forward no arguments",
    "Refer minimal",
    "StartStream relative destination",
    "CustomParam no arguments",
}

#: cases whose SSML reads back in canonical form (same speech, other bytes)
CANONICAL_SSML = {"SpeakSentence SSML as written"}


def _as_document(built: Any) -> Root:
    if isinstance(built, Root):
        return built
    if built._top_level:
        return Response([built])
    holder = {"PhoneNumber": Transfer, "SipUri": Transfer}.get(built._tag)
    if holder is not None:
        return Response([holder([built])])
    if built._tag == "Endpoint":
        return Response([bxml.Connect([built])])
    if built._tag == "StreamParam":
        return Response([bxml.StartStream("wss://x.example", stream_params=[built])])
    return Response([bxml.StartTranscription(custom_params=[built])])


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_official_documents_read_back_equal(case: Any) -> None:
    built = case.build(bxml)
    if case.id in NOT_VALID:
        with pytest.raises(bxml.BxmlValidationError):
            built.validate()
        return
    document = _as_document(built).validate()
    text = document.to_bxml()
    parsed = type(document).from_xml(text)
    if case.id in CANONICAL_SSML:
        assert parsed != document
        assert parsed.to_bxml() == Response.from_xml(parsed.to_bxml()).to_bxml()
        return
    assert parsed == document
    assert parsed.to_bxml() == text


def test_add_verb_chains_and_keeps_order() -> None:
    doc = Response().add_verb(SpeakSentence("one")).add_verb(Hangup())
    assert len(doc) == 2
    assert isinstance(doc[1], Hangup)
    assert [type(v).__name__ for v in doc] == ["SpeakSentence", "Hangup"]
    assert doc.to_bxml() == (
        f"{DECL}<Response><SpeakSentence>one</SpeakSentence><Hangup /></Response>"
    )
    assert Bxml([SpeakSentence("hi")]).to_bytes() == Bxml([SpeakSentence("hi")]).to_bxml().encode()


# -- value semantics ----------------------------------------------------------------------


def test_equality_repr_copy_and_pickle() -> None:
    doc = Response(
        [Gather([SpeakSentence("Press 1", voice="julie")], gather_url="/g", password="pw")]
    )
    assert doc == Response(
        [Gather([SpeakSentence("Press 1", voice="julie")], gather_url="/g", password="pw")]
    )
    assert doc != Response([Gather([SpeakSentence("Press 2")], gather_url="/g")])
    assert doc != Bxml(list(doc))
    assert SpeakSentence("x") != PlayAudio("x")
    assert Pause(1) == Pause("1") and Pause(1) != Pause(1.0)
    assert repr(doc) == (
        "Response([Gather([SpeakSentence(text='Press 1', voice='julie')], gather_url='/g', "
        "password=********)])"
    )
    assert repr(Root("R", [Verb("V", "x")])) == (
        "Root(tag='R', nested_verbs=[Verb(tag='V', content='x')])"
    )
    clone = copy.deepcopy(doc)
    assert clone == doc
    assert clone[0] is not doc[0]
    clone[0].add_verb(PlayAudio("x.wav"))  # type: ignore[attr-defined]
    assert len(doc[0]) == 1  # type: ignore[arg-type]
    with pytest.raises(BxmlNestingError):
        clone[0].add_verb(Hangup())  # type: ignore[attr-defined]
    shallow = copy.copy(doc)
    assert shallow == doc and shallow[0] is doc[0]
    restored = pickle.loads(pickle.dumps(doc))
    assert restored == doc
    assert restored.to_bxml() == doc.to_bxml()
    with pytest.raises(TypeError):
        hash(doc)
    with pytest.raises(TypeError):
        hash(Hangup())
    assert bool(Gather()) is True and bool(Response()) is True and bool(Hangup()) is True


def test_children_read_as_checked_lists() -> None:
    transfer = Transfer()
    transfer.transfer_to.append(PhoneNumber("+19195551234"))
    transfer.transfer_to = [PhoneNumber("+19195550000")]
    assert [p.number for p in transfer] == ["+19195550000"]  # type: ignore[attr-defined]
    refer = bxml.Refer()
    assert refer.sip_uri is None
    refer.sip_uri = bxml.SipUri("sip:a@b.example")
    assert refer.sip_uri == bxml.SipUri("sip:a@b.example")
    refer.sip_uri = None
    assert len(refer) == 0


def test_forward_from_alias() -> None:
    forward = Forward("+19195551234", _from="+19195550000")
    assert forward.from_ == forward._from == "+19195550000"
    forward.from_ = None
    assert forward.to_bxml() == '<Forward to="+19195551234" />'


# -- imports ------------------------------------------------------------------------------


def test_importing_the_package_is_lazy() -> None:
    code = (
        "import sys, bandwidth.models.bxml as b;"
        "verbs = lambda: sorted(m for m in sys.modules if m.startswith('bandwidth.models.bxml.'));"
        "print(verbs(), 'pydantic' in sys.modules);"
        "b.SpeakSentence;"
        "print(verbs(), 'pydantic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert out[0] == "['bandwidth.models.bxml.verbs'] False"
    loaded: List[str] = eval(out[1].rsplit(" ", 1)[0])  # a printed list of module names
    assert "bandwidth.models.bxml.verbs.speak_sentence" in loaded
    assert "bandwidth.models.bxml.verbs.transfer" not in loaded
    assert out[1].endswith("False")


def test_exports_match_the_lazy_table() -> None:
    assert sorted(bxml.__all__) == sorted(bxml._MODULES)
    for name in bxml.__all__:
        assert getattr(bxml, name) is not None
