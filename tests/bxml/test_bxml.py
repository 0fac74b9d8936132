"""BXML builder: golden documents for every verb and attribute, validation, nesting."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from typing import Callable, Dict, List, Set, Tuple

import pytest

from bandwidth.models import bxml
from bandwidth.models.bxml import (
    Bridge,
    Bxml,
    BxmlError,
    BxmlNestingError,
    BxmlTypeError,
    BxmlValidationError,
    Conference,
    Connect,
    CustomParam,
    DiversionReason,
    Endpoint,
    Forward,
    Gather,
    Gender,
    Hangup,
    Pause,
    PauseRecording,
    PhoneNumber,
    PlayAudio,
    Record,
    Redirect,
    Refer,
    Response,
    ResumeRecording,
    Ring,
    SendDtmf,
    SipUri,
    SpeakSentence,
    StartGather,
    StartRecording,
    StartStream,
    StartTranscription,
    StopGather,
    StopRecording,
    StopStream,
    StopTranscription,
    StreamParam,
    Tag,
    Transfer,
    Verb,
)
from bandwidth.models.bxml.verb import REGISTRY

DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def response(body: str) -> str:
    return f"{DECL}<Response>{body}</Response>"


# (id, factory, expected XML of the verb). Each verb appears with every attribute set.
GOLDEN: List[Tuple[str, Callable[[], Verb], str]] = [
    (
        "SpeakSentence",
        lambda: SpeakSentence("Hello there", voice="julie", gender="female", locale="en_US"),
        '<SpeakSentence voice="julie" gender="female" locale="en_US">Hello there</SpeakSentence>',
    ),
    (
        "PlayAudio",
        lambda: PlayAudio("https://media.example/a.wav", username="u", password="p"),
        '<PlayAudio username="u" password="p">https://media.example/a.wav</PlayAudio>',
    ),
    ("Pause", lambda: Pause(1.5), '<Pause duration="1.5"/>'),
    ("Ring", lambda: Ring(10, answer_call=False), '<Ring duration="10" answerCall="false"/>'),
    (
        "SendDtmf",
        lambda: SendDtmf("12w#A,", tone_duration=100, tone_interval=250.5),
        '<SendDtmf toneDuration="100" toneInterval="250.5">12w#A,</SendDtmf>',
    ),
    (
        "Gather",
        lambda: Gather(
            [SpeakSentence("Press 1"), PlayAudio("/menu.mp3")],
            gather_url="/gather",
            gather_method="GET",
            gather_fallback_url="https://fallback.example/gather",
            gather_fallback_method="POST",
            username="u",
            password="p",
            fallback_username="fu",
            fallback_password="fp",
            tag="menu",
            terminating_digits="#",
            max_digits=5,
            inter_digit_timeout=3,
            first_digit_timeout=0,
            repeat_count=2,
        ),
        '<Gather gatherUrl="/gather" gatherMethod="GET"'
        ' gatherFallbackUrl="https://fallback.example/gather" gatherFallbackMethod="POST"'
        ' username="u" password="p" fallbackUsername="fu" fallbackPassword="fp" tag="menu"'
        ' terminatingDigits="#" maxDigits="5" interDigitTimeout="3" firstDigitTimeout="0"'
        ' repeatCount="2"><SpeakSentence>Press 1</SpeakSentence>'
        "<PlayAudio>/menu.mp3</PlayAudio></Gather>",
    ),
    (
        "StartGather",
        lambda: StartGather(
            "https://app.example/dtmf", dtmf_method="GET", username="u", password="p", tag="t"
        ),
        '<StartGather dtmfUrl="https://app.example/dtmf" dtmfMethod="GET" username="u"'
        ' password="p" tag="t"/>',
    ),
    ("StopGather", lambda: StopGather(), "<StopGather/>"),
    (
        "Transfer",
        lambda: Transfer(
            [
                PhoneNumber(
                    "+19195551234",
                    transfer_answer_url="/ta",
                    transfer_answer_method="GET",
                    transfer_answer_fallback_url="/taf",
                    transfer_answer_fallback_method="POST",
                    transfer_disconnect_url="/td",
                    transfer_disconnect_method="GET",
                    username="u",
                    password="p",
                    fallback_username="fu",
                    fallback_password="fp",
                    tag="pn",
                    uui="bXktdXVp;encoding=base64",
                ),
                SipUri(
                    "sip:agent@sip.example.com",
                    transfer_answer_url="/sa",
                    transfer_answer_method="POST",
                    transfer_answer_fallback_url="/saf",
                    transfer_answer_fallback_method="GET",
                    transfer_disconnect_url="/sd",
                    transfer_disconnect_method="POST",
                    username="su",
                    password="sp",
                    fallback_username="sfu",
                    fallback_password="sfp",
                    tag="sip",
                    uui="abc;encoding=jwt",
                ),
            ],
            transfer_caller_id="+19195550000",
            privacy=True,
            transfer_caller_display_name="Anonymous",
            call_timeout=45.5,
            transfer_complete_url="/tc",
            transfer_complete_method="GET",
            transfer_complete_fallback_url="/tcf",
            transfer_complete_fallback_method="POST",
            username="u",
            password="p",
            fallback_username="fu",
            fallback_password="fp",
            tag="xfer",
            diversion_treatment="stack",
            diversion_reason=DiversionReason.USER_BUSY,
        ),
        '<Transfer transferCallerId="+19195550000" privacy="true"'
        ' transferCallerDisplayName="Anonymous" callTimeout="45.5" transferCompleteUrl="/tc"'
        ' transferCompleteMethod="GET" transferCompleteFallbackUrl="/tcf"'
        ' transferCompleteFallbackMethod="POST" username="u" password="p"'
        ' fallbackUsername="fu" fallbackPassword="fp" tag="xfer" diversionTreatment="stack"'
        ' diversionReason="user-busy">'
        '<PhoneNumber transferAnswerUrl="/ta" transferAnswerMethod="GET"'
        ' transferAnswerFallbackUrl="/taf" transferAnswerFallbackMethod="POST"'
        ' transferDisconnectUrl="/td" transferDisconnectMethod="GET" username="u" password="p"'
        ' fallbackUsername="fu" fallbackPassword="fp" tag="pn" uui="bXktdXVp;encoding=base64">'
        "+19195551234</PhoneNumber>"
        '<SipUri transferAnswerUrl="/sa" transferAnswerMethod="POST"'
        ' transferAnswerFallbackUrl="/saf" transferAnswerFallbackMethod="GET"'
        ' transferDisconnectUrl="/sd" transferDisconnectMethod="POST" username="su"'
        ' password="sp" fallbackUsername="sfu" fallbackPassword="sfp" tag="sip"'
        ' uui="abc;encoding=jwt">sip:agent@sip.example.com</SipUri></Transfer>',
    ),
    (
        "Forward",
        lambda: Forward(
            "sip:desk@pbx.example.com",
            from_="+19195550000",
            privacy=False,
            caller_display_name="Front Desk",
            call_timeout=30,
            diversion_treatment="propagate",
            diversion_reason="no-answer",
            uui="eHl6;encoding=base64",
        ),
        '<Forward to="sip:desk@pbx.example.com" from="+19195550000" privacy="false"'
        ' callerDisplayName="Front Desk" callTimeout="30" diversionTreatment="propagate"'
        ' diversionReason="no-answer" uui="eHl6;encoding=base64"/>',
    ),
    (
        "Refer",
        lambda: Refer(
            SipUri("sip:other@pbx.example.com"),
            refer_complete_url="/refer",
            refer_complete_method="GET",
            tag="r",
        ),
        '<Refer referCompleteUrl="/refer" referCompleteMethod="GET" tag="r">'
        "<SipUri>sip:other@pbx.example.com</SipUri></Refer>",
    ),
    (
        "Bridge",
        lambda: Bridge(
            "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d",
            bridge_complete_url="/bc",
            bridge_complete_method="GET",
            bridge_complete_fallback_url="/bcf",
            bridge_complete_fallback_method="POST",
            bridge_target_complete_url="/btc",
            bridge_target_complete_method="POST",
            bridge_target_complete_fallback_url="/btcf",
            bridge_target_complete_fallback_method="GET",
            username="u",
            password="p",
            fallback_username="fu",
            fallback_password="fp",
            tag="b",
        ),
        '<Bridge bridgeCompleteUrl="/bc" bridgeCompleteMethod="GET"'
        ' bridgeCompleteFallbackUrl="/bcf" bridgeCompleteFallbackMethod="POST"'
        ' bridgeTargetCompleteUrl="/btc" bridgeTargetCompleteMethod="POST"'
        ' bridgeTargetCompleteFallbackUrl="/btcf" bridgeTargetCompleteFallbackMethod="GET"'
        ' username="u" password="p" fallbackUsername="fu" fallbackPassword="fp" tag="b">'
        "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d</Bridge>",
    ),
    (
        "Connect",
        lambda: Connect(
            [Endpoint("ep-1"), Endpoint("ep-2")],
            event_callback_url="/connect",
            event_fallback_url="/connect-fallback",
        ),
        '<Connect eventCallbackUrl="/connect" eventFallbackUrl="/connect-fallback">'
        "<Endpoint>ep-1</Endpoint><Endpoint>ep-2</Endpoint></Connect>",
    ),
    (
        "Conference",
        lambda: Conference(
            "my-conf_1.a",
            mute=True,
            hold=False,
            call_ids_to_coach="c-1,c-2",
            conference_event_url="/conf",
            conference_event_method="GET",
            conference_event_fallback_url="/conff",
            conference_event_fallback_method="POST",
            username="u",
            password="p",
            fallback_username="fu",
            fallback_password="fp",
            tag="c",
            callback_timeout=12.5,
        ),
        '<Conference mute="true" hold="false" callIdsToCoach="c-1,c-2"'
        ' conferenceEventUrl="/conf" conferenceEventMethod="GET"'
        ' conferenceEventFallbackUrl="/conff" conferenceEventFallbackMethod="POST"'
        ' username="u" password="p" fallbackUsername="fu" fallbackPassword="fp" tag="c"'
        ' callbackTimeout="12.5">my-conf_1.a</Conference>',
    ),
    (
        "Record",
        lambda: Record(
            record_complete_url="/rc",
            record_complete_method="GET",
            record_complete_fallback_url="/rcf",
            record_complete_fallback_method="POST",
            recording_available_url="/ra",
            recording_available_method="GET",
            transcribe=True,
            detect_language=True,
            transcription_available_url="/trans",
            transcription_available_method="POST",
            username="u",
            password="p",
            fallback_username="fu",
            fallback_password="fp",
            tag="rec",
            terminating_digits="",
            max_duration=10800,
            silence_timeout=2.5,
            file_format="mp3",
        ),
        '<Record recordCompleteUrl="/rc" recordCompleteMethod="GET"'
        ' recordCompleteFallbackUrl="/rcf" recordCompleteFallbackMethod="POST"'
        ' recordingAvailableUrl="/ra" recordingAvailableMethod="GET" transcribe="true"'
        ' detectLanguage="true" transcriptionAvailableUrl="/trans"'
        ' transcriptionAvailableMethod="POST" username="u" password="p" fallbackUsername="fu"'
        ' fallbackPassword="fp" tag="rec" terminatingDigits="" maxDuration="10800"'
        ' silenceTimeout="2.5" fileFormat="mp3"/>',
    ),
    (
        "StartRecording",
        lambda: StartRecording(
            recording_available_url="/ra",
            recording_available_method="POST",
            transcribe=False,
            detect_language=False,
            transcription_available_url="/ta",
            transcription_available_method="GET",
            username="u",
            password="p",
            tag="sr",
            file_format="wav",
            multi_channel=True,
        ),
        '<StartRecording recordingAvailableUrl="/ra" recordingAvailableMethod="POST"'
        ' transcribe="false" detectLanguage="false" transcriptionAvailableUrl="/ta"'
        ' transcriptionAvailableMethod="GET" username="u" password="p" tag="sr"'
        ' fileFormat="wav" multiChannel="true"/>',
    ),
    ("StopRecording", lambda: StopRecording(), "<StopRecording/>"),
    ("PauseRecording", lambda: PauseRecording(), "<PauseRecording/>"),
    ("ResumeRecording", lambda: ResumeRecording(), "<ResumeRecording/>"),
    (
        "StartStream",
        lambda: StartStream(
            "wss://stream.example/ws",
            stream_params=[StreamParam("customer", "42"), StreamParam("lang", "en")],
            name="s1",
            mode="bidirectional",
            tracks="both",
            destination_username="du",
            destination_password="dp",
            stream_event_url="/stream",
            stream_event_method="GET",
            username="u",
            password="p",
        ),
        '<StartStream name="s1" mode="bidirectional" tracks="both"'
        ' destination="wss://stream.example/ws" destinationUsername="du"'
        ' destinationPassword="dp" streamEventUrl="/stream" streamEventMethod="GET"'
        ' username="u" password="p"><StreamParam name="customer" value="42"/>'
        '<StreamParam name="lang" value="en"/></StartStream>',
    ),
    ("StopStream", lambda: StopStream("s1", wait=True), '<StopStream name="s1" wait="true"/>'),
    (
        "StartTranscription",
        lambda: StartTranscription(
            name="live_1",
            tracks="inbound",
            transcription_event_url="/rtt",
            transcription_event_method="POST",
            username="u",
            password="p",
            destination="wss://rtt.example/ws",
            stabilized=False,
            custom_params=[CustomParam("k", "v")],
        ),
        '<StartTranscription name="live_1" tracks="inbound" transcriptionEventUrl="/rtt"'
        ' transcriptionEventMethod="POST" username="u" password="p"'
        ' destination="wss://rtt.example/ws" stabilized="false">'
        '<CustomParam name="k" value="v"/></StartTranscription>',
    ),
    (
        "StopTranscription",
        lambda: StopTranscription("live_1"),
        '<StopTranscription name="live_1"/>',
    ),
    ("Hangup", lambda: Hangup(), "<Hangup/>"),
    (
        "Redirect",
        lambda: Redirect(
            "/next",
            redirect_method="GET",
            redirect_fallback_url="/next-fallback",
            redirect_fallback_method="POST",
            username="u",
            password="p",
            fallback_username="fu",
            fallback_password="fp",
            tag="r",
        ),
        '<Redirect redirectUrl="/next" redirectMethod="GET" redirectFallbackUrl="/next-fallback"'
        ' redirectFallbackMethod="POST" username="u" password="p" fallbackUsername="fu"'
        ' fallbackPassword="fp" tag="r"/>',
    ),
    ("Tag", lambda: Tag("vip customer"), "<Tag>vip customer</Tag>"),
]


@pytest.mark.parametrize(
    ("factory", "expected"), [g[1:] for g in GOLDEN], ids=[g[0] for g in GOLDEN]
)
def test_golden_document(factory: Callable[[], Verb], expected: str) -> None:
    verb = factory()
    assert verb.to_bxml() == expected
    assert Response([verb]).to_bxml() == response(expected)
    assert Bxml([verb]).to_bxml() == f"{DECL}<Bxml>{expected}</Bxml>"


@pytest.mark.parametrize(
    ("factory", "expected"), [g[1:] for g in GOLDEN], ids=[g[0] for g in GOLDEN]
)
def test_golden_round_trip(factory: Callable[[], Verb], expected: str) -> None:
    document = response(expected)
    parsed = Response.from_xml(document)
    assert parsed == Response([factory()])
    assert parsed.to_bxml() == document
    assert Bxml.from_xml(f"{DECL}<Bxml>{expected}</Bxml>") == Bxml([factory()])


def _all_verbs(verb: Verb) -> List[Verb]:
    found = [verb]
    for child in getattr(verb, "_children", []):
        found.extend(_all_verbs(child))
    return found


def test_goldens_cover_every_verb_and_every_attribute() -> None:
    from bandwidth.models.bxml._parse import _load_all_verbs

    _load_all_verbs()

    seen_attrs: Dict[str, Set[str]] = {}
    for _, factory, _ in GOLDEN:
        for verb in _all_verbs(factory()):
            wires = {s.wire for s in verb._slots if s.peek(verb) is not None and s.wire}
            seen_attrs.setdefault(verb._tag, set()).update(wires)
    assert set(seen_attrs) == set(REGISTRY)
    for tag, cls in REGISTRY.items():
        assert seen_attrs[tag] == set(cls._by_wire), tag


def test_every_verb_of_the_reference_exists() -> None:
    names = [
        "Bridge",
        "Conference",
        "Connect",
        "Endpoint",
        "Forward",
        "Gather",
        "Hangup",
        "Pause",
        "PauseRecording",
        "PlayAudio",
        "Record",
        "Redirect",
        "Refer",
        "ResumeRecording",
        "Ring",
        "SendDtmf",
        "SpeakSentence",
        "StartGather",
        "StartRecording",
        "StartStream",
        "StartTranscription",
        "StopGather",
        "StopRecording",
        "StopStream",
        "StopTranscription",
        "StreamParam",
        "CustomParam",
        "Tag",
        "Transfer",
        "PhoneNumber",
        "SipUri",
    ]
    for name in names:
        cls = getattr(bxml, name)
        assert issubclass(cls, Verb)
        assert cls._tag == name
    assert sorted(bxml.__all__) == sorted(bxml._MODULES)


def test_empty_root_and_minimal_verbs() -> None:
    assert Response().to_bxml() == f"{DECL}<Response/>"
    assert Bxml([]).to_bxml() == f"{DECL}<Bxml/>"
    assert Response([Pause(), Ring(), Tag(), StopTranscription()]).to_bxml() == response(
        "<Pause/><Ring/><Tag/><StopTranscription/>"
    )
    doc = Bxml([SpeakSentence("hi")]).to_bxml()
    assert isinstance(doc, str)
    assert Bxml([SpeakSentence("hi")]).to_bytes() == doc.encode("utf-8")


def test_add_verb_chains_and_keeps_order() -> None:
    doc = Response().add_verb(SpeakSentence("one")).add_verb(Hangup())
    assert len(doc) == 2
    assert isinstance(doc[1], Hangup)
    assert [type(v).__name__ for v in doc] == ["SpeakSentence", "Hangup"]
    assert doc.to_bxml() == response("<SpeakSentence>one</SpeakSentence><Hangup/>")


def test_official_constructor_shapes() -> None:
    gather = Gather(audio_verbs=[SpeakSentence("a")], max_digits=1)
    gather.add_audio_verb(PlayAudio("b.wav"))
    transfer = Transfer(transfer_to=[PhoneNumber("+19195551234")])
    transfer.add_transfer_recipient(SipUri("sip:a@b.example"))
    stream = StartStream("wss://x.example", stream_params=[StreamParam("a", "b")])
    stream.add_stream_param(StreamParam("c", "d"))
    rtt = StartTranscription(custom_params=[CustomParam("a", "b")])
    rtt.add_custom_param(CustomParam("c", "d"))
    connect = Connect(destination=Endpoint("e1"))
    connect.add_endpoint(Endpoint("e2"))
    assert [len(x) for x in (gather, transfer, stream, rtt, connect)] == [2, 2, 2, 2, 2]
    assert Response(nested_verbs=[Hangup()]).nested_verbs == [Hangup()]
    assert Forward(to="+19195551234", _from="+19195550000").from_ == "+19195550000"
    assert Refer(sip_uri=SipUri("sip:a@b.example")).sip_uri == SipUri("sip:a@b.example")
    assert connect.destination == Endpoint("e1")
    assert Tag(content="x").content == "x"


def test_attributes_read_back_typed() -> None:
    speak = SpeakSentence("hi", gender="male")
    assert speak.gender is Gender.MALE
    assert speak.voice is None
    gather = Gather(max_digits=3, inter_digit_timeout=2.5)
    assert gather.max_digits == 3
    assert gather.inter_digit_timeout == 2.5
    gather.max_digits = None
    assert gather.to_bxml() == '<Gather interDigitTimeout="2.5"/>'


def test_numbers_are_written_plainly() -> None:
    assert Pause(2.0).to_bxml() == '<Pause duration="2"/>'
    assert Pause(0.1).to_bxml() == '<Pause duration="0.1"/>'
    assert Pause(86400).to_bxml() == '<Pause duration="86400"/>'
    assert Record(silence_timeout=0.0000123).to_bxml() == '<Record silenceTimeout="0.0000123"/>'


# -- validation -----------------------------------------------------------------


def test_value_errors_name_verb_and_attribute() -> None:
    with pytest.raises(BxmlValidationError) as info:
        Gather(max_digits=0)
    assert str(info.value) == "Gather.max_digits: must be between 1 and 50 (got 0)"
    assert (info.value.verb, info.value.attribute) == ("Gather", "max_digits")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, BxmlError)


def test_type_errors_name_verb_and_attribute() -> None:
    with pytest.raises(BxmlTypeError) as info:
        SpeakSentence(5)  # type: ignore[arg-type]
    assert str(info.value) == "SpeakSentence.text: must be a str, not int"
    assert isinstance(info.value, TypeError)
    with pytest.raises(BxmlTypeError, match=r"^Conference\.mute: must be a bool, not str$"):
        Conference("c", mute="true")  # type: ignore[arg-type]
    with pytest.raises(BxmlTypeError, match=r"^Pause\.duration: must be a number, not bool$"):
        Pause(True)
    with pytest.raises(BxmlTypeError, match=r"^Gather\.max_digits: must be an int, not float$"):
        Gather(max_digits=2.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: SpeakSentence("x", gender="robot"),
            "SpeakSentence.gender: must be one of: male, female (got 'robot')",
        ),
        (
            lambda: Redirect("/x", redirect_method="get"),
            "Redirect.redirect_method: must be one of: GET, POST (got 'get')",
        ),
        (
            lambda: PhoneNumber("5551234"),
            "PhoneNumber.number: must be an E.164 number such as +15555551212 (got '5551234')",
        ),
        (
            lambda: SipUri("agent@host"),
            "SipUri.uri: must be a SIP URI such as sip:user@host.example (got 'agent@host')",
        ),
        (
            lambda: Forward("919"),
            "Forward.to: must be an E.164 number or a SIP URI (sip:user@host) (got '919')",
        ),
        (
            lambda: StartStream("https://x.example"),
            "StartStream.destination: must be a WebSocket URL (ws:// or wss://) (got 'https://x.example')",
        ),
        (
            lambda: Conference("a b"),
            "Conference.name: must be letters, digits, '-', '_' and '.' only (got 'a b')",
        ),
        (
            lambda: Conference("c" * 101),
            "Conference.name: must be at most 100 characters (got 101)",
        ),
        (
            lambda: Redirect("/x", tag="t" * 257),
            "Redirect.tag: must be at most 256 characters (got 257)",
        ),
        (lambda: Pause(0.05), "Pause.duration: must be between 0.1 and 86400 (got 0.05)"),
        (lambda: Pause(float("nan")), "Pause.duration: must be a finite number (got nan)"),
        (
            lambda: Transfer(call_timeout=301),
            "Transfer.call_timeout: must be between 1 and 300 (got 301)",
        ),
        (
            lambda: SendDtmf("12x"),
            "SendDtmf.digits: must be DTMF characters (0-9, *, #, A-D) and pauses (, w W)"
            " (got '12x')",
        ),
        (lambda: SendDtmf("1" * 51), "SendDtmf.digits: must be at most 50 characters (got 51)"),
        (
            lambda: Gather(terminating_digits="x"),
            "Gather.terminating_digits: must be DTMF characters (0-9, *, #, A-D) (got 'x')",
        ),
        (
            lambda: Record(max_duration=10801),
            "Record.max_duration: must be between 1 and 10800 (got 10801)",
        ),
        (
            lambda: Conference("c", callback_timeout=26),
            "Conference.callback_timeout: must be between 1 and 25 (got 26)",
        ),
        (lambda: StreamParam("", "v"), "StreamParam.name: must not be empty (got '')"),
        (
            lambda: StreamParam("n", "v" * 2049),
            "StreamParam.value: must be at most 2048 characters (got 2049)",
        ),
        (
            lambda: StartTranscription(name="has space"),
            "StartTranscription.name: must be letters, digits, '_' and '-' only (got 'has space')",
        ),
        (
            lambda: PlayAudio("has space.wav"),
            "PlayAudio.audio_uri: must be a URL without spaces (got 'has space.wav')",
        ),
        (
            lambda: Forward("+19195551234", caller_display_name="a\tb"),
            "Forward.caller_display_name: must not contain control characters (got 'a\\tb')",
        ),
        (
            lambda: SpeakSentence("a\x07b"),
            "SpeakSentence.text: contains U+0007, which XML cannot carry (got 'a\\x07b')",
        ),
        (
            lambda: SpeakSentence("a\ud800"),
            "SpeakSentence.text: contains U+D800, which XML cannot carry (got 'a\\ud800')",
        ),
        (lambda: SpeakSentence("  \n"), "SpeakSentence.text: must not be empty (got '  \\n')"),
        (lambda: PhoneNumber(None), "PhoneNumber.number: is required"),  # type: ignore[arg-type]
        (lambda: Redirect(None), "Redirect.redirect_url: is required"),  # type: ignore[arg-type]
    ],
)
def test_invalid_values_are_refused_when_set(build: Callable[[], Verb], message: str) -> None:
    with pytest.raises(BxmlValidationError) as info:
        build()
    assert str(info.value) == message


def test_assignment_is_validated_too() -> None:
    gather = Gather()
    with pytest.raises(BxmlValidationError, match="max_digits"):
        gather.max_digits = 51
    assert gather.max_digits is None
    speak = SpeakSentence("hi")
    with pytest.raises(BxmlValidationError, match="is required"):
        speak.text = None  # type: ignore[assignment]
    assert speak.text == "hi"


def test_password_values_are_never_echoed() -> None:
    with pytest.raises(BxmlValidationError) as info:
        PlayAudio("/a.wav", password="hunter2\x00")
    assert "hunter2" not in str(info.value)
    assert str(info.value) == "PlayAudio.password: contains U+0000, which XML cannot carry"
    assert "hunter2" not in repr(PlayAudio("/a.wav", username="u", password="hunter2"))
    assert repr(PlayAudio("/a.wav", username="u", password="hunter2")) == (
        "PlayAudio('/a.wav', username='u', password=********)"
    )


def test_privacy_display_name_rule() -> None:
    Forward("+19195551234", privacy=True, caller_display_name="Private").to_bxml()
    with pytest.raises(BxmlValidationError) as info:
        Forward("+19195551234", privacy=True, caller_display_name="Bob").to_bxml()
    assert str(info.value) == (
        "Forward.caller_display_name: must be one of Anonymous, Private, Restricted, "
        "Unavailable when privacy is true"
    )
    with pytest.raises(BxmlValidationError, match="transfer_caller_display_name"):
        Transfer(
            [PhoneNumber("+19195551234")], privacy=True, transfer_caller_display_name="Bob"
        ).to_bxml()


def test_forward_from_given_twice() -> None:
    with pytest.raises(BxmlTypeError, match="give from_ or _from, not both"):
        Forward("+19195551234", from_="+19195550000", _from="+19195550001")


# -- nesting ----------------------------------------------------------------------


def test_nested_only_verbs_cannot_go_in_a_root() -> None:
    with pytest.raises(BxmlNestingError) as info:
        Response([PhoneNumber("+19195551234")])
    assert str(info.value) == (
        "PhoneNumber cannot go inside Response; PhoneNumber goes inside Transfer"
    )
    with pytest.raises(BxmlNestingError, match="SipUri goes inside Transfer or Refer"):
        Bxml().add_verb(SipUri("sip:a@b.example"))
    for child in (StreamParam("a", "b"), CustomParam("a", "b"), Endpoint("e")):
        with pytest.raises(BxmlNestingError):
            Response([child])


def test_wrong_children_are_refused_when_added() -> None:
    with pytest.raises(BxmlNestingError) as info:
        Gather([Hangup()])
    assert str(info.value) == (
        "Hangup cannot go inside Gather: Gather holds only SpeakSentence and PlayAudio"
    )
    with pytest.raises(BxmlNestingError) as info:
        Transfer([SpeakSentence("x")])
    assert str(info.value) == (
        "SpeakSentence cannot go inside Transfer: Transfer holds only PhoneNumber and SipUri"
    )
    with pytest.raises(BxmlNestingError, match="StartStream holds only StreamParam"):
        StartStream("wss://x.example").add_verb(CustomParam("a", "b"))
    with pytest.raises(BxmlNestingError, match="Response holds BXML verbs, not str"):
        Response(["<Hangup/>"])  # type: ignore[list-item]


def test_child_lists_check_every_mutation() -> None:
    doc = Response([Hangup()])
    with pytest.raises(BxmlNestingError):
        doc.nested_verbs.append(PhoneNumber("+19195551234"))
    with pytest.raises(BxmlNestingError):
        doc.nested_verbs.insert(0, Endpoint("e"))
    with pytest.raises(BxmlNestingError):
        doc.nested_verbs[0] = StreamParam("a", "b")
    with pytest.raises(BxmlNestingError):
        doc.nested_verbs[0:1] = [CustomParam("a", "b")]
    with pytest.raises(BxmlNestingError):
        doc.nested_verbs += [Endpoint("e")]
    with pytest.raises(BxmlNestingError):
        doc.nested_verbs = [Endpoint("e")]
    assert doc.nested_verbs == [Hangup()]
    gather = Gather()
    gather.audio_verbs.extend([SpeakSentence("a"), PlayAudio("b")])
    assert len(gather) == 2


def test_transfer_destination_count() -> None:
    numbers = [PhoneNumber(f"+1919555000{i}") for i in range(8)]
    assert len(Transfer(numbers)) == 8
    with pytest.raises(BxmlValidationError) as info:
        Transfer([*numbers, PhoneNumber("+19195550009")])
    assert str(info.value) == "Transfer.transfer_to: holds at most 8 (got 9)"
    with pytest.raises(BxmlValidationError) as info:
        Response([Transfer()]).to_bxml()
    assert str(info.value) == "Transfer.transfer_to: needs at least one PhoneNumber or SipUri"


def test_gather_prompt_limit() -> None:
    Gather([SpeakSentence("x")] * 20)
    with pytest.raises(BxmlValidationError) as info:
        Gather([SpeakSentence("x")] * 21)
    assert str(info.value) == (
        "Gather.audio_verbs: repeat_count x prompts must be at most 20 (got 1 x 21)"
    )
    with pytest.raises(BxmlValidationError, match=r"\(got 5 x 5\)"):
        Gather([SpeakSentence("x")] * 5, repeat_count=5)
    gather = Gather([SpeakSentence("x")] * 5, repeat_count=4)
    gather.repeat_count = 5
    with pytest.raises(BxmlValidationError, match=r"\(got 5 x 5\)"):
        gather.to_bxml()


def test_refer_takes_one_bare_sip_uri() -> None:
    with pytest.raises(BxmlValidationError) as info:
        Refer(SipUri("sip:a@b.example", uui="x;encoding=jwt", tag="t"))
    assert str(info.value) == (
        "Refer.sip_uri: a SipUri inside Refer carries only the URI; remove tag, uui"
    )
    with pytest.raises(BxmlValidationError, match=r"^Refer\.sip_uri: is required$"):
        Refer().to_bxml()
    refer = Refer(SipUri("sip:a@b.example"))
    with pytest.raises(BxmlValidationError, match="holds at most 1"):
        refer.add_verb(SipUri("sip:c@d.example"))
    refer.sip_uri.tag = "late"  # type: ignore[union-attr]
    with pytest.raises(BxmlValidationError, match="remove tag"):
        refer.to_bxml()
    with pytest.raises(BxmlValidationError, match="needs an Endpoint"):
        Connect().to_bxml()


def test_document_size_limit() -> None:
    sentence = "a" * 1000
    Response([SpeakSentence(sentence) for _ in range(60)]).to_bxml()
    with pytest.raises(BxmlValidationError) as info:
        Response([SpeakSentence(sentence) for _ in range(70)]).to_bxml()
    assert str(info.value) == ("Response: document is 72230 bytes; Bandwidth accepts at most 65536")


# -- value semantics ----------------------------------------------------------------


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
    assert repr(doc) == (
        "Response([Gather([SpeakSentence('Press 1', voice='julie')], gather_url='/g', "
        "password=********)])"
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
    assert bool(Gather()) is True


def test_importing_the_package_is_lazy() -> None:
    code = (
        "import sys, bandwidth.models.bxml as b;"
        "print('bandwidth.models.bxml.verbs.audio' in sys.modules, 'pydantic' in sys.modules);"
        "b.SpeakSentence;"
        "print('bandwidth.models.bxml.verbs.audio' in sys.modules, "
        "'bandwidth.models.bxml.verbs.transfer' in sys.modules, 'pydantic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == ["False", "False", "True", "False", "False"]


def test_official_import_path_for_verbs() -> None:
    from bandwidth.models.bxml.verbs import PhoneNumber as VerbsPhoneNumber
    from bandwidth.models.bxml.verbs import SpeakSentence as VerbsSpeakSentence

    assert VerbsSpeakSentence is SpeakSentence
    assert VerbsPhoneNumber is PhoneNumber
    import bandwidth.models.bxml.verbs as verbs

    with pytest.raises(AttributeError, match="has no attribute 'Response'"):
        verbs.Response  # noqa: B018
