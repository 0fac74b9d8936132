"""Documents built with the official SDK's API, and the bytes the official SDK wrote for them.

Each case builds a document through the module it is given (the
``bandwidth.models.bxml`` package), so the same call runs against either SDK.
The ``official`` strings were produced by ``bandwidth-sdk`` 23.3.1 (the
official package, run on its own and never imported by these tests) and
pasted here as literals. Every value is valid BXML, so ours must match them
byte for byte; documents where the official output is not valid BXML are in
``DEVIATIONS`` with the reason.
"""

from __future__ import annotations

from typing import Any, Callable, List, NamedTuple

Build = Callable[[Any], Any]


class Case(NamedTuple):
    id: str
    build: Build
    official: str


def _full_gather(b: Any) -> Any:
    return b.Gather(
        audio_verbs=[b.SpeakSentence("Press 1"), b.PlayAudio("menu.mp3")],
        gather_url="https://app.example/gather",
        gather_method="POST",
        gather_fallback_url="https://fallback.example/gather",
        gather_fallback_method="GET",
        username="user",
        password="pass",
        fallback_username="fuser",
        fallback_password="fpass",
        tag="menu",
        terminating_digits="#",
        max_digits=5,
        inter_digit_timeout=3,
        first_digit_timeout=1.5,
        repeat_count=2,
        input="dtmf_speech",
        hints="sales,support",
        language="en-US",
        partial_result_callback="https://app.example/partial",
        partial_result_callback_method="POST",
        profanity_filter=False,
        speech_model="default",
        speech_timeout=5,
    )


def _positional_gather(b: Any) -> Any:
    return b.Gather(
        [b.SpeakSentence("Press 1"), b.PlayAudio("menu.mp3")],
        "https://app.example/gather",
        "POST",
        "https://fallback.example/gather",
        "GET",
        "user",
        "pass",
        "fuser",
        "fpass",
        "menu",
        "#",
        5,
        3,
        1.5,
        2,
        "dtmf_speech",
        "sales,support",
        "en-US",
        "https://app.example/partial",
        "POST",
        False,
        "default",
        5,
    )


def _gather_add_verb(b: Any) -> Any:
    gather = b.Gather(audio_verbs=[b.PlayAudio("a.wav")])
    gather.add_verb(b.SpeakSentence("x"))
    return gather


def _full_record(b: Any) -> Any:
    return b.Record(
        record_complete_url="https://app.example/record",
        record_complete_method="POST",
        record_complete_fallback_url="https://fallback.example/record",
        record_complete_fallback_method="GET",
        recording_available_url="https://app.example/available",
        recording_available_method="POST",
        transcribe=True,
        transcription_available_url="https://app.example/transcription",
        transcription_available_method="GET",
        username="user",
        password="pass",
        fallback_username="fuser",
        fallback_password="fpass",
        tag="voicemail",
        terminating_digits="#",
        max_duration=120,
        silence_timeout=5,
        file_format="mp3",
        detect_language=True,
        recording_name="greeting",
    )


def _positional_record(b: Any) -> Any:
    return b.Record(
        "https://app.example/record",
        "POST",
        "https://fallback.example/record",
        "GET",
        "https://app.example/available",
        "POST",
        True,
        "https://app.example/transcription",
        "GET",
        "user",
        "pass",
        "fuser",
        "fpass",
        "voicemail",
        "#",
        120,
        5,
        "mp3",
        True,
        "greeting",
    )


def _full_transfer(b: Any) -> Any:
    return b.Transfer(
        transfer_to=[
            b.PhoneNumber("+19195551234", tag="first"),
            b.SipUri("sip:agent@pbx.example", uui="aGVsbG8=;encoding=base64"),
        ],
        transfer_caller_id="+19195554321",
        transfer_caller_display_name="Anonymous",
        call_timeout=15,
        transfer_complete_url="https://app.example/transfer",
        transfer_complete_method="POST",
        transfer_complete_fallback_url="https://fallback.example/transfer",
        transfer_complete_fallback_method="GET",
        username="user",
        password="pass",
        fallback_username="fuser",
        fallback_password="fpass",
        tag="transfer",
        diversion_treatment="stack",
        diversion_reason="user-busy",
        privacy=True,
    )


def _positional_transfer(b: Any) -> Any:
    return b.Transfer(
        [
            b.PhoneNumber("+19195551234", tag="first"),
            b.SipUri("sip:agent@pbx.example", uui="aGVsbG8=;encoding=base64"),
        ],
        "+19195554321",
        "Anonymous",
        15,
        "https://app.example/transfer",
        "POST",
        "https://fallback.example/transfer",
        "GET",
        "user",
        "pass",
        "fuser",
        "fpass",
        "transfer",
        "stack",
        "user-busy",
        True,
    )


_PHONE_NUMBER = (
    '<PhoneNumber transferAnswerUrl="https://app.example/answer" transferAnswerMethod="POST"'
    ' transferAnswerFallbackUrl="https://fallback.example/answer"'
    ' transferAnswerFallbackMethod="GET" transferDisconnectUrl="https://app.example/disconnect"'
    ' transferDisconnectMethod="POST" username="user" password="pass" fallbackUsername="fuser"'
    ' fallbackPassword="fpass" tag="" uui="abc123">+19195551234</PhoneNumber>'
)

_SIP_URI = (
    '<SipUri uui="aGVsbG8=;encoding=base64" transferAnswerUrl="https://app.example/answer"'
    ' transferAnswerMethod="POST" transferAnswerFallbackUrl="https://fallback.example/answer"'
    ' transferAnswerFallbackMethod="GET" transferDisconnectUrl="https://app.example/disconnect"'
    ' transferDisconnectMethod="POST" username="user" password="pass" fallbackUsername="fuser"'
    ' fallbackPassword="fpass" tag="leg">sip:agent@pbx.example</SipUri>'
)

_GATHER = (
    '<Gather gatherUrl="https://app.example/gather" gatherMethod="POST"'
    ' gatherFallbackUrl="https://fallback.example/gather" gatherFallbackMethod="GET"'
    ' username="user" password="pass" fallbackUsername="fuser" fallbackPassword="fpass"'
    ' tag="menu" terminatingDigits="#" maxDigits="5" interDigitTimeout="3"'
    ' firstDigitTimeout="1.5" repeatCount="2" input="dtmf_speech" hints="sales,support"'
    ' language="en-US" partialResultCallback="https://app.example/partial"'
    ' partialResultCallbackMethod="POST" profanityFilter="false" speechModel="default"'
    ' speechTimeout="5"><SpeakSentence>Press 1</SpeakSentence>'
    "<PlayAudio>menu.mp3</PlayAudio></Gather>"
)

_RECORD = (
    '<Record recordCompleteUrl="https://app.example/record" recordCompleteMethod="POST"'
    ' recordCompleteFallbackUrl="https://fallback.example/record"'
    ' recordCompleteFallbackMethod="GET" recordingAvailableUrl="https://app.example/available"'
    ' recordingAvailableMethod="POST" transcribe="true" detectLanguage="true"'
    ' transcriptionAvailableUrl="https://app.example/transcription"'
    ' transcriptionAvailableMethod="GET" username="user" password="pass"'
    ' fallbackUsername="fuser" fallbackPassword="fpass" tag="voicemail" terminatingDigits="#"'
    ' maxDuration="120" silenceTimeout="5" fileFormat="mp3" recordingName="greeting" />'
)

_TRANSFER = (
    '<Transfer transferCallerId="+19195554321" privacy="true"'
    ' transferCallerDisplayName="Anonymous" callTimeout="15"'
    ' transferCompleteUrl="https://app.example/transfer" transferCompleteMethod="POST"'
    ' transferCompleteFallbackUrl="https://fallback.example/transfer"'
    ' transferCompleteFallbackMethod="GET" username="user" password="pass"'
    ' fallbackUsername="fuser" fallbackPassword="fpass" tag="transfer"'
    ' diversionTreatment="stack" diversionReason="user-busy">'
    '<PhoneNumber tag="first">+19195551234</PhoneNumber>'
    '<SipUri uui="aGVsbG8=;encoding=base64">sip:agent@pbx.example</SipUri></Transfer>'
)

_BRIDGE = (
    '<Bridge bridgeCompleteUrl="https://app.example/bridge" bridgeCompleteMethod="POST"'
    ' bridgeCompleteFallbackUrl="https://fallback.example/bridge"'
    ' bridgeCompleteFallbackMethod="GET" bridgeTargetCompleteUrl="https://app.example/target"'
    ' bridgeTargetCompleteMethod="POST"'
    ' bridgeTargetCompleteFallbackUrl="https://fallback.example/target"'
    ' bridgeTargetCompleteFallbackMethod="GET" username="user" password="pass"'
    ' fallbackUsername="fuser" fallbackPassword="fpass" tag="bridge">'
    "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d</Bridge>"
)

_CONFERENCE = (
    '<Conference mute="true" hold="false" callIdsToCoach="c-1,c-2"'
    ' conferenceEventUrl="https://app.example/conference" conferenceEventMethod="POST"'
    ' conferenceEventFallbackUrl="https://fallback.example/conference"'
    ' conferenceEventFallbackMethod="GET" username="user" password="pass"'
    ' fallbackUsername="fuser" fallbackPassword="fpass" tag="room" callbackTimeout="10.5">'
    "my-conference</Conference>"
)

_FORWARD = (
    '<Forward to="+19195551234" from="+19195554321" privacy="true"'
    ' callerDisplayName="Restricted" callTimeout="20" diversionTreatment="propagate"'
    ' diversionReason="no-answer" uui="aGVsbG8=;encoding=base64" />'
)

_REDIRECT = (
    '<Redirect redirectUrl="https://app.example/next" redirectMethod="GET"'
    ' redirectFallbackUrl="https://fallback.example/next" redirectFallbackMethod="POST"'
    ' username="user" password="pass" fallbackUsername="fuser" fallbackPassword="fpass"'
    ' tag="next" />'
)

_START_RECORDING = (
    '<StartRecording recordingAvailableUrl="https://app.example/available"'
    ' recordingAvailableMethod="POST" transcribe="true" detectLanguage="false"'
    ' transcriptionAvailableUrl="https://app.example/transcription"'
    ' transcriptionAvailableMethod="GET" username="user" password="pass" tag="call"'
    ' fileFormat="wav" multiChannel="true" recordingName="call" />'
)

_START_STREAM = (
    '<StartStream destination="wss://stream.example/audio" destinationUsername="wsuser"'
    ' destinationPassword="wspass" name="stream1" mode="bidirectional" tracks="both"'
    ' streamEventUrl="https://app.example/stream" streamEventMethod="POST" username="user"'
    ' password="pass"><StreamParam name="customer" value="42" />'
    '<StreamParam name="lang" value="en" /></StartStream>'
)

_START_TRANSCRIPTION = (
    '<StartTranscription name="live_1" tracks="inbound"'
    ' transcriptionEventUrl="https://app.example/transcription"'
    ' transcriptionEventMethod="POST" username="user" password="pass"'
    ' destination="wss://transcribe.example/ws" stabilized="true" detectLanguage="false"'
    ' preferredLanguages="en-US,es-US"><CustomParam name="customer" value="42" />'
    "</StartTranscription>"
)

_START_GATHER = (
    '<StartGather dtmfUrl="https://app.example/dtmf" dtmfMethod="POST" username="user"'
    ' password="pass" tag="keys" />'
)

DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"

#: Every verb with every attribute, by keyword and positionally; minimal forms; roots.
CASES: List[Case] = [
    # -- roots and generic elements ---------------------------------------------------
    Case("Response empty", lambda b: b.Response(), DECLARATION + "<Response />"),
    Case("Bxml empty", lambda b: b.Bxml(), DECLARATION + "<Bxml />"),
    Case(
        "Response with verbs",
        lambda b: b.Response([b.SpeakSentence("Hello"), b.Hangup()]),
        DECLARATION + "<Response><SpeakSentence>Hello</SpeakSentence><Hangup /></Response>",
    ),
    Case(
        "Bxml with verbs",
        lambda b: b.Bxml(nested_verbs=[b.Pause(2), b.Redirect("https://app.example/next")]),
        DECLARATION
        + '<Bxml><Pause duration="2" /><Redirect redirectUrl="https://app.example/next" /></Bxml>',
    ),
    Case(
        "generic Root",
        lambda b: b.Root(
            tag="TestRoot",
            nested_verbs=[b.Verb(tag="TestVerb1", content="test"), b.Verb(tag="TestVerb2")],
        ),
        DECLARATION + "<TestRoot><TestVerb1>test</TestVerb1><TestVerb2 /></TestRoot>",
    ),
    Case(
        "generic NestableVerb",
        lambda b: b.NestableVerb(
            tag="Outer", content="text", nested_verbs=[b.Verb(tag="Inner", content="x")]
        ),
        "<Outer>text<Inner>x</Inner></Outer>",
    ),
    Case("generic Verb", lambda b: b.Verb(tag="Plain"), "<Plain />"),
    # -- SpeakSentence ------------------------------------------------------------------
    Case(
        "SpeakSentence keywords",
        lambda b: b.SpeakSentence(
            text="Hello there", voice="julie", gender="female", locale="en_US"
        ),
        '<SpeakSentence voice="julie" gender="female" locale="en_US">Hello there</SpeakSentence>',
    ),
    Case(
        "SpeakSentence positional",
        lambda b: b.SpeakSentence("Hello there", "julie", "female", "en_US"),
        '<SpeakSentence voice="julie" gender="female" locale="en_US">Hello there</SpeakSentence>',
    ),
    Case(
        "SpeakSentence SSML",
        lambda b: b.SpeakSentence(
            'Your number is <say-as interpret-as="telephone">9195551234</say-as>,'
            ' <break time="1s"/> <prosody rate="slow">thanks</prosody> &amp; bye'
        ),
        '<SpeakSentence>Your number is <say-as interpret-as="telephone">9195551234</say-as>,'
        ' <break time="1s"/> <prosody rate="slow">thanks</prosody> &amp;amp; bye</SpeakSentence>',
    ),
    Case(
        "SpeakSentence SSML as written",
        lambda b: b.SpeakSentence(
            "Tom & Jerry <break time='500ms' /><emphasis level=\"strong\">now</emphasis>"
        ),
        "<SpeakSentence>Tom &amp; Jerry <break time='500ms' />"
        '<emphasis level="strong">now</emphasis></SpeakSentence>',
    ),
    Case(
        "SpeakSentence plain text with symbols",
        lambda b: b.SpeakSentence('2 < 3 and 5 > 4, "quoted" & done'),
        '<SpeakSentence>2 &lt; 3 and 5 &gt; 4, "quoted" &amp; done</SpeakSentence>',
    ),
    # -- audio ----------------------------------------------------------------------------
    Case(
        "PlayAudio keywords",
        lambda b: b.PlayAudio(audio_uri="https://media.example/a.wav", username="u", password="p"),
        '<PlayAudio username="u" password="p">https://media.example/a.wav</PlayAudio>',
    ),
    Case(
        "PlayAudio positional",
        lambda b: b.PlayAudio("https://media.example/a.wav", "u", "p"),
        '<PlayAudio username="u" password="p">https://media.example/a.wav</PlayAudio>',
    ),
    Case("Pause default", lambda b: b.Pause(), '<Pause duration="1" />'),
    Case("Pause positional", lambda b: b.Pause(2.5), '<Pause duration="2.5" />'),
    Case("Pause keyword", lambda b: b.Pause(duration=3), '<Pause duration="3" />'),
    Case("Ring minimal", lambda b: b.Ring(), "<Ring />"),
    Case(
        "Ring keywords",
        lambda b: b.Ring(duration=10, answer_call=False),
        '<Ring duration="10" answerCall="false" />',
    ),
    Case("Ring positional", lambda b: b.Ring(10, True), '<Ring duration="10" answerCall="true" />'),
    Case(
        "SendDtmf keywords",
        lambda b: b.SendDtmf(digits="12w#A", tone_duration=100, tone_interval=250.5),
        '<SendDtmf toneDuration="100" toneInterval="250.5">12w#A</SendDtmf>',
    ),
    Case(
        "SendDtmf positional",
        lambda b: b.SendDtmf("12w#A", 100, 250.5),
        '<SendDtmf toneDuration="100" toneInterval="250.5">12w#A</SendDtmf>',
    ),
    # -- gather --------------------------------------------------------------------------
    Case("Gather minimal", lambda b: b.Gather(), "<Gather />"),
    Case("Gather keywords", _full_gather, _GATHER),
    Case("Gather positional", _positional_gather, _GATHER),
    Case(
        "Gather strings where official hints say str",
        lambda b: b.Gather(gather_url="example.com/gather", max_digits="1", repeat_count="3"),
        '<Gather gatherUrl="example.com/gather" maxDigits="1" repeatCount="3" />',
    ),
    Case(
        "Gather add_verb",
        _gather_add_verb,
        "<Gather><PlayAudio>a.wav</PlayAudio><SpeakSentence>x</SpeakSentence></Gather>",
    ),
    Case(
        "StartGather keywords",
        lambda b: b.StartGather(
            dtmf_url="https://app.example/dtmf",
            dtmf_method="POST",
            username="user",
            password="pass",
            tag="keys",
        ),
        _START_GATHER,
    ),
    Case(
        "StartGather positional",
        lambda b: b.StartGather("https://app.example/dtmf", "POST", "user", "pass", "keys"),
        _START_GATHER,
    ),
    Case("StopGather", lambda b: b.StopGather(), "<StopGather />"),
    # -- transfer family -------------------------------------------------------------------
    Case("Transfer minimal", lambda b: b.Transfer(), "<Transfer />"),
    Case("Transfer keywords", _full_transfer, _TRANSFER),
    Case("Transfer positional", _positional_transfer, _TRANSFER),
    Case(
        "Transfer call_timeout as str",
        lambda b: b.Transfer(transfer_to=[b.PhoneNumber("+19195551234")], call_timeout="15"),
        '<Transfer callTimeout="15"><PhoneNumber>+19195551234</PhoneNumber></Transfer>',
    ),
    Case(
        "PhoneNumber keywords",
        lambda b: b.PhoneNumber(
            number="+19195551234",
            transfer_answer_url="https://app.example/answer",
            transfer_answer_method="POST",
            transfer_answer_fallback_url="https://fallback.example/answer",
            transfer_answer_fallback_method="GET",
            transfer_disconnect_url="https://app.example/disconnect",
            transfer_disconnect_method="POST",
            username="user",
            password="pass",
            fallback_username="fuser",
            fallback_password="fpass",
            tag="",
            uui="abc123",
        ),
        _PHONE_NUMBER,
    ),
    Case(
        "PhoneNumber positional",
        lambda b: b.PhoneNumber(
            "+19195551234",
            "https://app.example/answer",
            "POST",
            "https://fallback.example/answer",
            "GET",
            "https://app.example/disconnect",
            "POST",
            "user",
            "pass",
            "fuser",
            "fpass",
            "",
            "abc123",
        ),
        _PHONE_NUMBER,
    ),
    Case(
        "SipUri keywords",
        lambda b: b.SipUri(
            uri="sip:agent@pbx.example",
            uui="aGVsbG8=;encoding=base64",
            transfer_answer_url="https://app.example/answer",
            transfer_answer_method="POST",
            transfer_answer_fallback_url="https://fallback.example/answer",
            transfer_answer_fallback_method="GET",
            transfer_disconnect_url="https://app.example/disconnect",
            transfer_disconnect_method="POST",
            username="user",
            password="pass",
            fallback_username="fuser",
            fallback_password="fpass",
            tag="leg",
        ),
        _SIP_URI,
    ),
    Case(
        "SipUri positional",
        lambda b: b.SipUri(
            "sip:agent@pbx.example",
            "aGVsbG8=;encoding=base64",
            "https://app.example/answer",
            "POST",
            "https://fallback.example/answer",
            "GET",
            "https://app.example/disconnect",
            "POST",
            "user",
            "pass",
            "fuser",
            "fpass",
            "leg",
        ),
        _SIP_URI,
    ),
    Case("Forward no arguments", lambda b: b.Forward(), "<Forward />"),
    Case(
        "Forward keywords",
        lambda b: b.Forward(
            to="+19195551234",
            _from="+19195554321",
            call_timeout=20,
            diversion_treatment="propagate",
            diversion_reason="no-answer",
            uui="aGVsbG8=;encoding=base64",
            privacy=True,
            caller_display_name="Restricted",
        ),
        _FORWARD,
    ),
    Case(
        "Forward positional",
        lambda b: b.Forward(
            "+19195551234",
            "+19195554321",
            20,
            "propagate",
            "no-answer",
            "aGVsbG8=;encoding=base64",
            True,
            "Restricted",
        ),
        _FORWARD,
    ),
    Case(
        "Refer keywords",
        lambda b: b.Refer(
            sip_uri=b.SipUri("sip:alice@atlanta.example.com"),
            refer_complete_url="https://app.example/refer",
            refer_complete_method="POST",
            tag="refer",
        ),
        '<Refer referCompleteUrl="https://app.example/refer" referCompleteMethod="POST"'
        ' tag="refer"><SipUri>sip:alice@atlanta.example.com</SipUri></Refer>',
    ),
    Case(
        "Refer positional",
        lambda b: b.Refer(
            b.SipUri("sip:alice@atlanta.example.com"), "https://app.example/refer", "POST", "refer"
        ),
        '<Refer referCompleteUrl="https://app.example/refer" referCompleteMethod="POST"'
        ' tag="refer"><SipUri>sip:alice@atlanta.example.com</SipUri></Refer>',
    ),
    Case("Refer minimal", lambda b: b.Refer(), "<Refer />"),
    Case(
        "Bridge keywords",
        lambda b: b.Bridge(
            target_call="c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d",
            bridge_complete_url="https://app.example/bridge",
            bridge_complete_method="POST",
            bridge_complete_fallback_url="https://fallback.example/bridge",
            bridge_complete_fallback_method="GET",
            bridge_target_complete_url="https://app.example/target",
            bridge_target_complete_method="POST",
            bridge_target_complete_fallback_url="https://fallback.example/target",
            bridge_target_complete_fallback_method="GET",
            username="user",
            password="pass",
            fallback_username="fuser",
            fallback_password="fpass",
            tag="bridge",
        ),
        _BRIDGE,
    ),
    Case(
        "Bridge positional",
        lambda b: b.Bridge(
            "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d",
            "https://app.example/bridge",
            "POST",
            "https://fallback.example/bridge",
            "GET",
            "https://app.example/target",
            "POST",
            "https://fallback.example/target",
            "GET",
            "user",
            "pass",
            "fuser",
            "fpass",
            "bridge",
        ),
        _BRIDGE,
    ),
    # -- conference and connect ---------------------------------------------------------
    Case(
        "Conference keywords",
        lambda b: b.Conference(
            name="my-conference",
            mute=True,
            hold=False,
            call_ids_to_coach="c-1,c-2",
            conference_event_url="https://app.example/conference",
            conference_event_method="POST",
            conference_event_fallback_url="https://fallback.example/conference",
            conference_event_fallback_method="GET",
            username="user",
            password="pass",
            fallback_username="fuser",
            fallback_password="fpass",
            tag="room",
            callback_timeout=10.5,
        ),
        _CONFERENCE,
    ),
    Case(
        "Conference positional",
        lambda b: b.Conference(
            "my-conference",
            True,
            False,
            "c-1,c-2",
            "https://app.example/conference",
            "POST",
            "https://fallback.example/conference",
            "GET",
            "user",
            "pass",
            "fuser",
            "fpass",
            "room",
            10.5,
        ),
        _CONFERENCE,
    ),
    Case(
        "Conference booleans as str",
        lambda b: b.Conference("room", mute="true", hold="false"),
        '<Conference mute="true" hold="false">room</Conference>',
    ),
    Case(
        "Connect keywords",
        lambda b: b.Connect(
            destination=[b.Endpoint("e-1"), b.Endpoint("e-2")],
            event_callback_url="https://app.example/connect",
            event_fallback_url="https://fallback.example/connect",
        ),
        '<Connect eventCallbackUrl="https://app.example/connect"'
        ' eventFallbackUrl="https://fallback.example/connect">'
        "<Endpoint>e-1</Endpoint><Endpoint>e-2</Endpoint></Connect>",
    ),
    Case(
        "Connect positional",
        lambda b: b.Connect([b.Endpoint("e-1")], "https://app.example/connect", "/fallback"),
        '<Connect eventCallbackUrl="https://app.example/connect" eventFallbackUrl="/fallback">'
        "<Endpoint>e-1</Endpoint></Connect>",
    ),
    Case("Endpoint", lambda b: b.Endpoint(endpoint_id="e-1"), "<Endpoint>e-1</Endpoint>"),
    # -- flow control -------------------------------------------------------------------
    Case("Hangup", lambda b: b.Hangup(), "<Hangup />"),
    Case(
        "Redirect keywords",
        lambda b: b.Redirect(
            redirect_url="https://app.example/next",
            redirect_method="GET",
            redirect_fallback_url="https://fallback.example/next",
            redirect_fallback_method="POST",
            username="user",
            password="pass",
            fallback_username="fuser",
            fallback_password="fpass",
            tag="next",
        ),
        _REDIRECT,
    ),
    Case(
        "Redirect positional",
        lambda b: b.Redirect(
            "https://app.example/next",
            "GET",
            "https://fallback.example/next",
            "POST",
            "user",
            "pass",
            "fuser",
            "fpass",
            "next",
        ),
        _REDIRECT,
    ),
    Case(
        "Redirect relative URL",
        lambda b: b.Redirect("example.com/eventurl"),
        '<Redirect redirectUrl="example.com/eventurl" />',
    ),
    Case("Tag default", lambda b: b.Tag(), "<Tag />"),
    Case("Tag positional", lambda b: b.Tag("customer-42"), "<Tag>customer-42</Tag>"),
    Case("Tag keyword", lambda b: b.Tag(content="x"), "<Tag>x</Tag>"),
    # -- recording ---------------------------------------------------------------------
    Case("Record default", lambda b: b.Record(), '<Record maxDuration="60" />'),
    Case("Record keywords", _full_record, _RECORD),
    Case("Record positional", _positional_record, _RECORD),
    Case("StartRecording minimal", lambda b: b.StartRecording(), "<StartRecording />"),
    Case(
        "StartRecording keywords",
        lambda b: b.StartRecording(
            recording_available_url="https://app.example/available",
            recording_available_method="POST",
            transcribe=True,
            transcription_available_url="https://app.example/transcription",
            transcription_available_method="GET",
            username="user",
            password="pass",
            tag="call",
            file_format="wav",
            multi_channel=True,
            detect_language=False,
            recording_name="call",
        ),
        _START_RECORDING,
    ),
    Case(
        "StartRecording positional",
        lambda b: b.StartRecording(
            "https://app.example/available",
            "POST",
            True,
            "https://app.example/transcription",
            "GET",
            "user",
            "pass",
            "call",
            "wav",
            True,
            False,
            "call",
        ),
        _START_RECORDING,
    ),
    Case("StopRecording", lambda b: b.StopRecording(), "<StopRecording />"),
    Case("PauseRecording", lambda b: b.PauseRecording(), "<PauseRecording />"),
    Case("ResumeRecording", lambda b: b.ResumeRecording(), "<ResumeRecording />"),
    # -- streams and transcription -------------------------------------------------------
    Case(
        "StartStream keywords",
        lambda b: b.StartStream(
            destination="wss://stream.example/audio",
            destination_username="wsuser",
            destination_password="wspass",
            stream_params=[b.StreamParam("customer", "42"), b.StreamParam("lang", "en")],
            name="stream1",
            mode="bidirectional",
            tracks="both",
            stream_event_url="https://app.example/stream",
            stream_event_method="POST",
            username="user",
            password="pass",
        ),
        _START_STREAM,
    ),
    Case(
        "StartStream positional",
        lambda b: b.StartStream(
            "wss://stream.example/audio",
            "wsuser",
            "wspass",
            [b.StreamParam("customer", "42"), b.StreamParam("lang", "en")],
            "stream1",
            "bidirectional",
            "both",
            "https://app.example/stream",
            "POST",
            "user",
            "pass",
        ),
        _START_STREAM,
    ),
    Case(
        "StartStream relative destination",
        lambda b: b.StartStream(destination="testurl.com", tracks="inbound"),
        '<StartStream destination="testurl.com" tracks="inbound" />',
    ),
    Case(
        "StopStream keywords",
        lambda b: b.StopStream(name="stream1", wait=True),
        '<StopStream name="stream1" wait="true" />',
    ),
    Case(
        "StopStream positional",
        lambda b: b.StopStream("stream1", False),
        '<StopStream name="stream1" wait="false" />',
    ),
    Case(
        "StreamParam positional",
        lambda b: b.StreamParam("name1", "value1"),
        '<StreamParam name="name1" value="value1" />',
    ),
    Case(
        "StartTranscription keywords",
        lambda b: b.StartTranscription(
            name="live_1",
            tracks="inbound",
            transcription_event_url="https://app.example/transcription",
            transcription_event_method="POST",
            username="user",
            password="pass",
            destination="wss://transcribe.example/ws",
            stabilized=True,
            custom_params=[b.CustomParam("customer", "42")],
            detect_language=False,
            preferred_languages="en-US,es-US",
        ),
        _START_TRANSCRIPTION,
    ),
    Case(
        "StartTranscription positional",
        lambda b: b.StartTranscription(
            "live_1",
            "inbound",
            "https://app.example/transcription",
            "POST",
            "user",
            "pass",
            "wss://transcribe.example/ws",
            True,
            [b.CustomParam("customer", "42")],
            False,
            "en-US,es-US",
        ),
        _START_TRANSCRIPTION,
    ),
    Case("StartTranscription minimal", lambda b: b.StartTranscription(), "<StartTranscription />"),
    Case("StopTranscription minimal", lambda b: b.StopTranscription(), "<StopTranscription />"),
    Case(
        "StopTranscription positional",
        lambda b: b.StopTranscription("live_1"),
        '<StopTranscription name="live_1" />',
    ),
    Case(
        "CustomParam keywords",
        lambda b: b.CustomParam(name="n", value="v"),
        '<CustomParam name="n" value="v" />',
    ),
    Case("CustomParam no arguments", lambda b: b.CustomParam(), "<CustomParam />"),
    # -- escaping ------------------------------------------------------------------------
    Case(
        "attribute escaping",
        lambda b: b.Redirect("https://app.example/next?a=1&b=2", tag='say "hi"\tthen\nnew\r'),
        '<Redirect redirectUrl="https://app.example/next?a=1&amp;b=2"'
        ' tag="say &quot;hi&quot;&#09;then&#10;new&#13;" />',
    ),
    Case(
        "text escaping",
        lambda b: b.Tag("a & b ]]> c"),
        "<Tag>a &amp; b ]]&gt; c</Tag>",
    ),
    Case(
        "a complete call flow",
        lambda b: b.Response(
            [
                b.SpeakSentence("Welcome to Example Company.", voice="julie"),
                b.Gather(
                    [b.SpeakSentence("Press 1 for sales.")],
                    gather_url="/gather",
                    max_digits=1,
                    first_digit_timeout=10,
                ),
                b.StartRecording(recording_available_url="/recording", file_format="mp3"),
                b.Transfer(
                    [b.PhoneNumber("+19195551234")],
                    transfer_complete_url="/transfer-complete",
                    call_timeout=30,
                ),
                b.Hangup(),
            ]
        ),
        DECLARATION + "<Response>"
        '<SpeakSentence voice="julie">Welcome to Example Company.</SpeakSentence>'
        '<Gather gatherUrl="/gather" maxDigits="1" firstDigitTimeout="10">'
        "<SpeakSentence>Press 1 for sales.</SpeakSentence></Gather>"
        '<StartRecording recordingAvailableUrl="/recording" fileFormat="mp3" />'
        '<Transfer callTimeout="30" transferCompleteUrl="/transfer-complete">'
        "<PhoneNumber>+19195551234</PhoneNumber></Transfer><Hangup /></Response>",
    ),
]
