"""What construction accepts, what ``validate()`` refuses, and the errors both raise."""

from __future__ import annotations

import pickle
from typing import Any, Callable

import pytest

from bandwidth.exceptions import ApiTypeError, ApiValueError, OpenApiException
from bandwidth.models.bxml import (
    Bxml,
    BxmlError,
    BxmlNestingError,
    BxmlParseError,
    BxmlTypeError,
    BxmlValidationError,
    Conference,
    Connect,
    CustomParam,
    Endpoint,
    Forward,
    Gather,
    Gender,
    Hangup,
    NestableVerb,
    Pause,
    PhoneNumber,
    PlayAudio,
    Record,
    Redirect,
    Refer,
    Response,
    Ring,
    SendDtmf,
    SipUri,
    SpeakSentence,
    StartStream,
    StartTranscription,
    StopStream,
    StreamParam,
    Tag,
    Transfer,
    Verb,
)

# -- construction accepts what the official SDK accepts ------------------------------------


def test_strings_where_the_official_hints_say_str_are_accepted_and_kept() -> None:
    transfer = Transfer([PhoneNumber("+19195551234")], call_timeout="15")
    conference = Conference("room", mute="true", hold=False)
    gather = Gather(max_digits="1", inter_digit_timeout="2.5", repeat_count=2)
    assert (transfer.call_timeout, conference.mute, conference.hold) == ("15", "true", False)
    assert (gather.max_digits, gather.inter_digit_timeout, gather.repeat_count) == ("1", "2.5", 2)
    assert gather.to_bxml() == '<Gather maxDigits="1" interDigitTimeout="2.5" repeatCount="2" />'
    Response([transfer, conference, gather]).validate()


def test_values_bandwidth_resolves_itself_are_accepted() -> None:
    doc = Response(
        [
            Redirect("example.com/eventurl"),
            StartStream(destination="testurl.com"),
            Transfer([PhoneNumber("+1555")], transfer_caller_id="+1234"),
            Forward(),
            StartStream("wss://x", stream_params=[StreamParam("n", "")]),
            SpeakSentence("x", gender="MALE"),
        ]
    )
    assert "Forward />" in doc.to_bxml()
    assert 'gender="MALE"' in doc.to_bxml()


def test_enum_members_and_their_strings_are_both_accepted() -> None:
    assert SpeakSentence("x", gender=Gender.MALE).to_bxml() == (
        '<SpeakSentence gender="male">x</SpeakSentence>'
    )
    assert SpeakSentence("x", gender="male") == SpeakSentence("x", gender=Gender.MALE)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: SpeakSentence(5), "SpeakSentence.text: must be a str, not int"),
        (lambda: PlayAudio("a.wav", username=1), "PlayAudio.username: must be a str, not int"),
        (lambda: Conference("c", mute=1), "Conference.mute: must be a bool or str, not int"),
        (lambda: Pause(True), "Pause.duration: must be a number or str, not bool"),
        (lambda: Gather(max_digits=[1]), "Gather.max_digits: must be a number or str, not list"),
        (
            lambda: StartStream("wss://x", tracks=3),
            "StartStream.tracks: must be a Tracks or str, not int",
        ),
        (lambda: Tag(b"x"), "Tag.content: must be a str, not bytes"),
    ],
)
def test_a_value_no_attribute_of_its_kind_can_hold_is_refused_at_once(
    build: Callable[[], Any], message: str
) -> None:
    with pytest.raises(BxmlTypeError) as info:
        build()
    assert str(info.value) == message
    assert isinstance(info.value, TypeError)


def test_characters_xml_cannot_carry_are_refused_at_once() -> None:
    with pytest.raises(BxmlValidationError) as info:
        SpeakSentence("a\x07b")
    assert str(info.value) == "SpeakSentence.text: contains U+0007, which XML cannot carry"
    with pytest.raises(BxmlValidationError, match="U\\+D800"):
        Redirect("/x", tag="a\ud800")
    with pytest.raises(BxmlValidationError, match="U\\+0000"):
        Conference("c", mute="true\x00")
    with pytest.raises(BxmlValidationError, match="U\\+FFFF"):
        Verb(tag="Custom", content="\uffff")


def test_assignment_is_checked_like_construction() -> None:
    gather = Gather()
    with pytest.raises(BxmlTypeError, match="max_digits"):
        gather.max_digits = object()  # type: ignore[assignment]
    assert gather.max_digits is None
    gather.max_digits = 99
    gather.max_digits = None
    assert gather.to_bxml() == "<Gather />"


# -- validate() applies Bandwidth's rules ------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: SpeakSentence("x", gender="robot"),
            "SpeakSentence.gender: must be one of: male, female (got 'robot')",
        ),
        (
            lambda: SpeakSentence("x", gender="MALE"),
            "SpeakSentence.gender: must be one of: male, female (got 'MALE')",
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
            lambda: Transfer([PhoneNumber("+19195551234")], transfer_caller_id="Anonymous"),
            "Transfer.transfer_caller_id: must be an E.164 number such as +15555551212"
            " (got 'Anonymous')",
        ),
        (
            lambda: SipUri("sip@bw.com"),
            "SipUri.uri: must be a SIP URI such as sip:user@server.example (got 'sip@bw.com')",
        ),
        (
            lambda: Forward("919"),
            "Forward.to: must be an E.164 number or a SIP URI (sip:user@server.example)"
            " (got '919')",
        ),
        (lambda: Forward(), "Forward.to: is required"),
        (
            lambda: StartStream("testurl.com"),
            "StartStream.destination: must be a WebSocket URL (ws:// or wss://)"
            " (got 'testurl.com')",
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
            lambda: Conference("c", mute="True"),
            "Conference.mute: must be true or false (got 'True')",
        ),
        (
            lambda: Redirect("/x", tag="t" * 257),
            "Redirect.tag: must be at most 256 characters (got 257)",
        ),
        (lambda: Pause(0.05), "Pause.duration: must be between 0.1 and 86400 (got 0.05)"),
        (lambda: Pause("0.05"), "Pause.duration: must be between 0.1 and 86400 (got '0.05')"),
        (lambda: Pause("1e2"), "Pause.duration: must be a decimal number (got '1e2')"),
        (lambda: Pause(float("nan")), "Pause.duration: must be a finite number (got nan)"),
        (
            lambda: Record(silence_timeout=0.0000123),
            "Record.silence_timeout: must be written without an exponent (got 1.23e-05)",
        ),
        (
            lambda: Transfer([PhoneNumber("+19195551234")], call_timeout=301),
            "Transfer.call_timeout: must be between 1 and 300 (got 301)",
        ),
        (
            lambda: Transfer([PhoneNumber("+19195551234")], call_timeout="0"),
            "Transfer.call_timeout: must be between 1 and 300 (got '0')",
        ),
        (lambda: Gather(max_digits=2.5), "Gather.max_digits: must be a whole number (got 2.5)"),
        (lambda: Gather(max_digits="5.0"), "Gather.max_digits: must be a whole number (got '5.0')"),
        (lambda: Gather(max_digits="51"), "Gather.max_digits: must be between 1 and 50 (got '51')"),
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
            lambda: Gather(input="voice"),
            "Gather.input: must be dtmf, speech or dtmf_speech (got 'voice')",
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
        (lambda: CustomParam(value="v"), "CustomParam.name: is required"),
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
        (lambda: SpeakSentence("  \n"), "SpeakSentence.text: must not be empty (got '  \\n')"),
        (lambda: SpeakSentence(None), "SpeakSentence.text: is required"),
        (lambda: Redirect(None), "Redirect.redirect_url: is required"),
        (lambda: StopStream(""), "StopStream.name: must not be empty (got '')"),
        (lambda: Ring(answer_call="yes"), "Ring.answer_call: must be true or false (got 'yes')"),
    ],
)
def test_validate_refuses_what_bandwidth_would(build: Callable[[], Any], message: str) -> None:
    verb = build()
    verb.to_bxml()  # construction and rendering accept it, as officially
    with pytest.raises(BxmlValidationError) as info:
        verb.validate()
    assert str(info.value) == message
    if verb._top_level:
        with pytest.raises(BxmlValidationError):
            Response([verb]).validate()


def test_validate_returns_the_object_to_chain() -> None:
    doc = Response([SpeakSentence("Hi"), Hangup()])
    assert doc.validate() is doc
    assert doc.validate().to_bxml().endswith("<Hangup /></Response>")
    verb = Gather([SpeakSentence("x")], max_digits=1)
    assert verb.validate() is verb


def test_validate_descends_into_children() -> None:
    doc = Bxml([Transfer([PhoneNumber("+19195551234"), SipUri("agent@host")])])
    with pytest.raises(BxmlValidationError, match=r"^SipUri\.uri: must be a SIP URI"):
        doc.validate()


def test_privacy_display_name_rule() -> None:
    Forward("+19195551234", privacy=True, caller_display_name="Private").validate()
    Forward("+19195551234", privacy="false", caller_display_name="Bob").validate()
    with pytest.raises(BxmlValidationError) as info:
        Forward("+19195551234", privacy="true", caller_display_name="Bob").validate()
    assert str(info.value) == (
        "Forward.caller_display_name: must be one of Anonymous, Private, Restricted, "
        "Unavailable when privacy is true"
    )
    with pytest.raises(BxmlValidationError, match="transfer_caller_display_name"):
        Transfer(
            [PhoneNumber("+19195551234")], privacy=True, transfer_caller_display_name="Bob"
        ).validate()


def test_child_counts() -> None:
    numbers = [PhoneNumber(f"+1919555000{i}") for i in range(9)]
    Transfer(numbers[:8]).validate()
    with pytest.raises(BxmlValidationError) as info:
        Transfer(numbers).validate()
    assert str(info.value) == "Transfer.transfer_to: holds at most 8 (got 9)"
    with pytest.raises(BxmlValidationError) as info:
        Transfer().validate()
    assert str(info.value) == "Transfer.transfer_to: needs a PhoneNumber or SipUri"
    with pytest.raises(BxmlValidationError, match=r"^Connect\.destination: needs an Endpoint$"):
        Connect().validate()
    params = [StreamParam(f"n{i}", "v") for i in range(13)]
    StartStream("wss://x.example", stream_params=params[:12]).validate()
    with pytest.raises(BxmlValidationError, match="holds at most 12 \\(got 13\\)"):
        StartStream("wss://x.example", stream_params=params).validate()


def test_gather_prompt_limit() -> None:
    Gather([SpeakSentence("x")] * 20).validate()
    with pytest.raises(BxmlValidationError) as info:
        Gather([SpeakSentence("x")] * 21).validate()
    assert str(info.value) == (
        "Gather.audio_verbs: repeat_count x prompts must be at most 20 (got 1 x 21)"
    )
    with pytest.raises(BxmlValidationError, match=r"\(got 5 x 5\)"):
        Gather([SpeakSentence("x")] * 5, repeat_count="5").validate()


def test_refer_takes_one_bare_sip_uri() -> None:
    refer = Refer(SipUri("sip:a@b.example", uui="x;encoding=jwt", tag="t"))
    assert refer.to_bxml() == (
        '<Refer><SipUri uui="x;encoding=jwt" tag="t">sip:a@b.example</SipUri></Refer>'
    )
    with pytest.raises(BxmlValidationError) as info:
        refer.validate()
    assert str(info.value) == (
        "Refer.sip_uri: a SipUri inside Refer carries only the URI; remove uui, tag"
    )
    with pytest.raises(BxmlValidationError, match=r"^Refer\.sip_uri: needs a SipUri$"):
        Refer().validate()
    refer = Refer(SipUri("sip:a@b.example")).add_verb(SipUri("sip:c@d.example"))
    with pytest.raises(BxmlValidationError, match="holds at most 1"):
        refer.validate()


def test_generic_elements_are_valid_when_they_are_the_bxml_verb_they_name() -> None:
    Verb(tag="Hangup").validate()
    Verb(tag="Tag", content="x").validate()
    phone = Verb(tag="PhoneNumber", content="+19195551234")
    NestableVerb(tag="Transfer", nested_verbs=[phone]).validate()
    Response([Verb(tag="SpeakSentence", content="hi")]).validate()
    with pytest.raises(BxmlValidationError) as info:
        Verb(tag="Custom", content="x").validate()
    assert str(info.value) == "Custom: <Custom> in the document is not a BXML verb"
    with pytest.raises(BxmlValidationError, match=r"PhoneNumber\.number: must be an E\.164"):
        Verb(tag="PhoneNumber", content="123").validate()


def test_document_size_limit() -> None:
    sentence = "a" * 1000
    Response([SpeakSentence(sentence) for _ in range(60)]).validate().to_bxml()
    big = Response([SpeakSentence(sentence) for _ in range(70)])
    for attempt in (big.to_bxml, big.validate, big.to_bytes):
        with pytest.raises(BxmlValidationError) as info:
            attempt()
        assert str(info.value) == (
            "Response: document is 72230 bytes; Bandwidth accepts at most 65536"
        )


# -- nesting: a verb of a class that cannot go somewhere is refused when added --------


def test_nested_only_verbs_cannot_go_in_a_root() -> None:
    with pytest.raises(BxmlNestingError) as info:
        Response([PhoneNumber("+19195551234")])
    assert str(info.value) == (
        "PhoneNumber cannot go inside Response: Response holds top-level verbs;"
        " PhoneNumber goes inside Transfer"
    )
    with pytest.raises(BxmlNestingError, match="SipUri goes inside Transfer or Refer"):
        Bxml().add_verb(SipUri("sip:a@b.example"))
    for child in (StreamParam("a", "b"), CustomParam("a", "b"), Endpoint("e")):
        with pytest.raises(BxmlNestingError):
            Response([child])


def test_wrong_children_are_refused_when_added() -> None:
    with pytest.raises(BxmlNestingError) as info:
        Gather([Transfer()])
    assert str(info.value) == (
        "Transfer cannot go inside Gather: Gather holds only SpeakSentence or PlayAudio"
    )
    with pytest.raises(BxmlNestingError) as info:
        Transfer([SpeakSentence("x")])
    assert str(info.value) == (
        "SpeakSentence cannot go inside Transfer: Transfer holds only PhoneNumber or SipUri"
    )
    with pytest.raises(BxmlNestingError, match="StartStream holds only StreamParam"):
        StartStream("wss://x.example").add_verb(CustomParam("a", "b"))
    with pytest.raises(BxmlNestingError, match="SpeakSentence holds no verbs"):
        SpeakSentence("x").add_verb(Hangup())
    with pytest.raises(BxmlNestingError, match="Response holds BXML verbs, not str"):
        Response(["<Hangup/>"])  # type: ignore[list-item]
    with pytest.raises(BxmlNestingError, match="Gather holds BXML verbs, not str"):
        Gather("Press 1")  # type: ignore[arg-type]
    with pytest.raises(BxmlNestingError, match="PhoneNumber cannot go inside Refer"):
        Refer(PhoneNumber("+1"))  # type: ignore[arg-type]


def test_generic_elements_go_anywhere() -> None:
    gather = Gather([Verb(tag="SpeakSentence", content="hi")])
    generic = NestableVerb(tag="Custom", nested_verbs=[PhoneNumber("+19195551234"), Hangup()])
    doc = Response([generic, Verb(tag="Hangup")])
    assert gather.to_bxml() == "<Gather><SpeakSentence>hi</SpeakSentence></Gather>"
    assert "<Custom><PhoneNumber>+19195551234</PhoneNumber><Hangup /></Custom>" in doc.to_bxml()


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
    with pytest.raises(BxmlNestingError):
        Transfer().transfer_to = [Hangup()]  # type: ignore[list-item]
    assert doc.nested_verbs == [Hangup()]
    gather = Gather()
    gather.audio_verbs.extend([SpeakSentence("a"), PlayAudio("b")])
    assert len(gather) == 2


def test_element_names_cannot_carry_markup() -> None:
    for tag in ("<script>", "a b", "x/>", "1st", ""):
        with pytest.raises(BxmlValidationError, match=r"^Verb\.tag: must be an XML element name"):
            Verb(tag=tag)
    with pytest.raises(BxmlValidationError):
        NestableVerb(tag="a>b")
    with pytest.raises(BxmlTypeError, match=r"^Verb\.tag: must be a str, not int$"):
        Verb(tag=5)  # type: ignore[arg-type]


# -- errors ------------------------------------------------------------------------------------


def test_errors_share_the_sdk_root_and_keep_the_builtin_bases() -> None:
    assert issubclass(BxmlError, OpenApiException)
    for cls, builtin, api in (
        (BxmlValidationError, ValueError, ApiValueError),
        (BxmlParseError, ValueError, ApiValueError),
        (BxmlTypeError, TypeError, ApiTypeError),
        (BxmlNestingError, TypeError, ApiTypeError),
    ):
        assert issubclass(cls, BxmlError)
        assert issubclass(cls, builtin)
        assert issubclass(cls, api)
    with pytest.raises(OpenApiException):
        Pause(-1).validate()
    with pytest.raises(ApiTypeError):
        Response([PhoneNumber("+1")])


def test_errors_name_the_verb_and_attribute_and_survive_pickling() -> None:
    with pytest.raises(BxmlValidationError) as info:
        Gather(max_digits=0).validate()
    error = info.value
    assert (error.verb, error.attribute, error.problem) == (
        "Gather",
        "max_digits",
        "must be between 1 and 50 (got 0)",
    )
    restored = pickle.loads(pickle.dumps(error))
    assert type(restored) is BxmlValidationError
    assert (str(restored), restored.attribute) == (str(error), "max_digits")


def test_password_values_are_never_echoed() -> None:
    with pytest.raises(BxmlValidationError) as info:
        PlayAudio("/a.wav", password="hunter2\x00")
    assert "hunter2" not in str(info.value)
    assert str(info.value) == "PlayAudio.password: contains U+0000, which XML cannot carry"
    with pytest.raises(BxmlValidationError) as info:
        StartStream("wss://x.example", destination_password="hunter2\x01")
    assert "hunter2" not in str(info.value)
    shown = repr(PlayAudio("/a.wav", username="u", password="hunter2"))
    assert shown == "PlayAudio(audio_uri='/a.wav', username='u', password=********)"
