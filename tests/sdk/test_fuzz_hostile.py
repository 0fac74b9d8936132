"""Property-based fuzzing of what a hostile server or a careless caller can send.

Each class of input behind a hardening fix is generated here, so the neighbours
of each case found by hand are covered too: next links and URLs, ``Retry-After``
values, credentials with odd characters, error bodies and response headers, and
per-call header values. The properties that matter most run over a real
loopback socket. Deterministic (``derandomize``, no example database) and
bounded, so CI time stays small.
"""

from __future__ import annotations

import base64
import http.client
import json
import math
import string
from typing import Any, Iterator, Optional

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from urllib3 import HTTPHeaderDict
from urllib3.util import parse_url
from werkzeug import Request, Response

from bandwidth import ApiClient, CallsApi, Configuration
from bandwidth._links import next_link, parse_links
from bandwidth._retry_after import parse_retry_after
from bandwidth._urls import UnsafeUrl
from bandwidth.exceptions import (
    ERROR_BODY_LIMIT,
    ApiException,
    ApiTypeError,
    ApiValueError,
    InvalidResponseException,
    TooManyRequestsException,
)
from bandwidth.testing import VoiceSimulator
from tests.support.wire import ACCOUNT, CALL_ID

FAST = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
WIRE = settings(  # each example is a real request over loopback
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

CALLS = f"/api/v2/accounts/{ACCOUNT}/calls"
SECRET = "s3cr3t-Pa55word"

# -- next links: only the configured origin gets a request ------------------------------

HOST = "127.0.0.1"
# The pieces an attacker mixes: hosts parsers may read differently, and separators.
host_parts = st.sampled_from(
    ["127.0.0.1", "localhost", "evil.example", "127.0.0.2", "[::1]", "[::1", "127.0.0.1.", ""]
)
separators = st.sampled_from(
    ["", "@", "\\", "\\@", "%40", "%5C", "/", "//", "#", "?", ":", " ", "\t", "\n", "\x00", ";"]
)
ports = st.one_of(
    st.none(), st.integers(0, 70000).map(str), st.sampled_from(["", "0", "08", "+80", "1e2"])
)
schemes = st.sampled_from(["http", "https", "HTTP", "ftp", "", "http:", "javascript"])


@st.composite
def hostile_urls(draw: Any, port: int) -> str:
    """URLs built to confuse: userinfo, backslashes, odd ports, relative forms, controls."""
    scheme = draw(schemes)
    pieces = [draw(host_parts) for _ in range(draw(st.integers(1, 3)))]
    glue = [draw(separators) for _ in pieces]
    authority = "".join(g + p for g, p in zip(glue, pieces))
    chosen_port = draw(st.one_of(ports, st.just(str(port))))
    if chosen_port is not None:
        authority += ":" + chosen_port
    path = draw(st.sampled_from([CALLS, "", "/", "/../" + CALLS, "//x", CALLS + "?pageToken=a"]))
    prefix = draw(st.sampled_from(["{s}://", "{s}:", "//", "{s}:///", "", "{s}:\\\\"]))
    extra = draw(st.text(alphabet=string.printable + "é\u2028\uff0f", max_size=6))
    return prefix.format(s=scheme) + authority + path + extra


@FAST
@given(data=st.data())
@example(data=None)
def test_a_link_is_sent_only_to_the_configured_origin(data: Any) -> None:
    client = ApiClient(Configuration(host=f"http://{HOST}:8080/api/v2", username="u", password="p"))
    links = (
        [f"http://evil.example\\@{HOST}:8080{CALLS}", f"http://{HOST}:8080{CALLS}?pageToken=x"]
        if data is None
        else [data.draw(hostile_urls(8080))]
    )
    for link in links:
        try:
            url = client.link_url(link)
        except UnsafeUrl:
            assert not client.is_same_origin(link)
            continue
        sent = parse_url(url)  # what urllib3 connects to, and what it sends
        assert (sent.scheme, sent.host, sent.port) == ("http", HOST, 8080)
        assert sent.auth is None
        assert url == f"http://{HOST}:8080" + parse_url(link).request_uri
        assert client.is_same_origin(link) and client.is_same_origin(url)


LINK_TOKENS = [*'<>;,="\\ \trelnxt:/?@[]%', "next", "rel=", "http://h", "[::1", "<http://"]


@FAST
@given(
    header=st.lists(st.sampled_from(LINK_TOKENS), max_size=40).map("".join),
    base=st.sampled_from(["http://h/api/v2/calls", "https://h:8443/a/b?c=d"]),
)
def test_link_parsing_never_raises_anything_but_an_unsafe_url(header: str, base: str) -> None:
    parse_links([header])
    try:
        link = next_link([header], base)
    except UnsafeUrl:
        return
    assert link is None or isinstance(link, str)


@pytest.fixture(scope="module")
def trap() -> Iterator[HTTPServer]:
    """A server no request may ever reach: it stands for the attacker's host."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    server.expect_request(lambda: True).respond_with_json([])  # type: ignore[arg-type]
    yield server
    server.stop()


@pytest.fixture(scope="module")
def origin() -> Iterator[HTTPServer]:
    server = HTTPServer(host="localhost", port=0)
    server.start()
    yield server
    server.stop()


@WIRE
@given(data=st.data())
def test_over_loopback_a_hostile_next_link_never_reaches_another_host(
    data: Any, origin: HTTPServer, trap: HTTPServer
) -> None:
    origin.clear()
    trap.clear_log()
    link = data.draw(
        st.one_of(
            hostile_urls(trap.port),
            hostile_urls(origin.port).map(lambda u: u.replace("localhost", "127.0.0.1")),
            st.builds(
                lambda a, b: f"http://127.0.0.1:{trap.port}{a}@localhost:{origin.port}{b}",
                separators,
                st.sampled_from([CALLS, ""]),
            ),
        )
    )
    # What a header can carry at all: one line of Latin-1.
    link = link.replace("\r", "").replace("\n", "")
    assume(all(ord(c) < 256 for c in link))
    first = Response(json.dumps([{"callId": "c-1"}]), content_type="application/json")
    first.headers.add("Link", f'<{link}>; rel="next"')
    pages = iter([first])

    def answer(request: Request) -> Response:
        page = next(pages, None)
        return page if page is not None else Response("[]", content_type="application/json")

    origin.expect_request(CALLS).respond_with_handler(answer)
    config = Configuration(host=origin.url_for("/api/v2"), username="u", password=SECRET, retries=0)
    try:
        for _ in CallsApi(ApiClient(config)).iter_calls(ACCOUNT):
            pass
    except ApiException:
        pass  # refusing the link is fine; anything but an ApiException fails the test
    assert trap.log == []


# -- Retry-After: any value, never a crash -------------------------------------------------

retry_after_values = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=8),
    st.integers(0, 10**6).map(str),
    st.integers(1, 6000).map(lambda n: "9" * n),
    st.datetimes().map(lambda d: d.strftime("%a, %d %b %Y %H:%M:%S GMT")),
)


@FAST
@given(value=retry_after_values)
@example(value="\u00b2")
@example(value="9" * 5000)
def test_any_retry_after_is_a_wait_or_nothing(value: str) -> None:
    wait = parse_retry_after(value)
    assert wait is None or wait >= 0
    stripped = value.strip()
    if stripped and all(c in string.digits for c in stripped):
        assert wait == (float(int(stripped)) if len(stripped.lstrip("0")) <= 15 else math.inf)
    elif stripped.isdigit():  # digits, but not ASCII ones
        assert wait is None
    error = TooManyRequestsException(
        429, "Too Many", headers=HTTPHeaderDict({"Retry-After": value})
    )
    assert str(error).startswith("(429)")
    assert (error.retry_after is None) == (wait is None)  # a date: "now" moved on meanwhile


# -- credentials: header-safe, or refused without being echoed ----------------------------


def header_is_sendable(value: str) -> bool:
    """Whether http.client would put this value in a request (its own check)."""
    connection = http.client.HTTPConnection("127.0.0.1")  # never connects
    connection.putrequest("GET", "/", skip_host=True, skip_accept_encoding=True)
    try:
        connection.putheader("Authorization", value)
    except (ValueError, UnicodeEncodeError):
        return False
    return True


secret_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=4, max_size=12
).map(lambda s: "Zq9" + s)


@FAST
@given(
    setting=st.sampled_from(["password", "access_token", "client_secret", "username"]),
    value=secret_text,
)
@example(setting="access_token", value="Zq9-token\n")
@example(setting="password", value="Zq9-p\u20acss")
def test_a_credential_is_sendable_or_refused_without_being_echoed(setting: str, value: str) -> None:
    partner = {
        "password": {"username": "user"},
        "client_secret": {"client_id": "cid"},
        "username": {"password": "pw"},
        "access_token": {},
    }[setting]
    try:
        config = Configuration(**{setting: value}, **partner)  # type: ignore[arg-type]
    except (ApiValueError, ApiTypeError) as exc:
        assert setting in str(exc)
        assert value not in str(exc) and value[3:] not in str(exc)
        return
    if setting == "access_token":
        assert header_is_sendable(f"Bearer {value}")
    elif setting == "client_secret":
        token = base64.b64encode(f"cid:{value}".encode("latin-1")).decode()
        assert header_is_sendable(f"Basic {token}")
    else:
        assert config.get_basic_auth_token() is not None
        assert header_is_sendable(config.get_basic_auth_token() or "")


# -- error bodies and response headers, over loopback ---------------------------------------


@pytest.fixture(scope="module")
def faults() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False) as sim:
        yield sim


def nested(depth: int) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth


bodies = st.one_of(
    st.binary(max_size=3 * ERROR_BODY_LIMIT),
    st.integers(1, 200_000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(1, 100_000).map(nested),
    st.text(max_size=2000).map(lambda t: json.dumps({"description": t}).encode()),
    st.integers(ERROR_BODY_LIMIT, 200_000).map(lambda n: b"x" * n),
)
header_values = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
    max_size=200,
)


@WIRE
@given(
    status=st.sampled_from([200, 400, 401, 404, 409, 429, 500, 503]),
    body=bodies,
    cookie=header_values,
    retry_after=header_values,
    encoding=st.one_of(
        st.none(),
        st.sampled_from(
            ["gzip", "deflate", "br", "zstd", "identity", "", "GZIP", "identity, gzip"]
        ),
    ),
    echo=st.booleans(),
)
@example(status=404, body=nested(100_000), cookie="a", retry_after="1", encoding=None, echo=True)
@example(
    status=200, body=b"[" * 100_000, cookie="a", retry_after="\u00b2", encoding=None, echo=False
)
@example(status=200, body=b"[]", cookie="a", retry_after="1", encoding="gzip", echo=False)
def test_any_answer_is_data_or_an_api_exception_with_a_bounded_text(
    faults: VoiceSimulator,
    status: int,
    body: bytes,
    cookie: str,
    retry_after: str,
    encoding: Optional[str],
    echo: bool,
) -> None:
    faults.clear_faults()
    encoded = encoding is not None and encoding.strip().lower() not in ("", "identity")
    if echo:  # the server echoes the credential in the body
        body = body[:100] + b" Basic " + base64.b64encode(f"user:{SECRET}".encode()) + body[100:]
    head = [
        f"HTTP/1.1 {status} Whatever",
        f"Content-Length: {len(body)}",
        "Connection: close",
        "Set-Cookie: " + cookie,
        "Retry-After: " + retry_after,
        *([f"Content-Encoding: {encoding}"] if encoding is not None else []),
    ]
    faults.raw_next("list_calls", ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
    config = faults.configuration(username="user", password=SECRET, retries=0)
    try:
        result = CallsApi(ApiClient(config)).list_calls(ACCOUNT)
    except ApiException as exc:
        text = str(exc)
        assert len(exc.body or "") <= ERROR_BODY_LIMIT + 100
        assert len(text) < ERROR_BODY_LIMIT + 2000 + len(retry_after)
        assert (
            SECRET not in text and base64.b64encode(f"user:{SECRET}".encode()).decode() not in text
        )
        if exc.headers:
            assert "'Set-Cookie': '[redacted]'" in text
        if encoded:  # never decoded: refused whatever the status
            assert isinstance(exc, InvalidResponseException) and "Content-Encoding" in text
        return
    assert status == 200 and isinstance(result, list) and not encoded


# -- per-call header values -------------------------------------------------------------------


@WIRE
@given(
    name=st.one_of(
        st.sampled_from(["X-Trace", "X Bad", "Bad:Name", "", "Ünï"]), st.text(max_size=8)
    ),
    value=st.text(max_size=40),
)
@example(name="X-Trace", value="v\r\nX-Injected: 1")
def test_a_per_call_header_is_refused_before_sending_or_sent_exactly(
    faults: VoiceSimulator, name: str, value: str
) -> None:
    faults.clear_faults()
    faults.clear_requests()
    # Whatever the header does to the request (a second Authorization, say), this is the answer.
    faults.fail_next("get_call_state", 200, body={"callId": CALL_ID})
    api = CallsApi(ApiClient(faults.configuration()))
    try:
        api.get_call_state(ACCOUNT, CALL_ID, _headers={name: value})
    except ApiValueError as exc:
        if value not in name:  # the name may be shown; the value never is
            assert value not in str(exc) or len(value) < 3
        assert faults.requests == []
        return
    (request,) = faults.requests
    # Names arrive lower-cased, and a header sent twice arrives joined: "v, v" != "v".
    assert request.headers.get(name.lower()) == value.strip()
