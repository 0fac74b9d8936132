"""One table per API class, and the checks every table gets (for the non-Voice API tests).

A test file lists its API's operations as :class:`Case` rows (how to call
each, what must go on the wire, what comes back) and runs the helpers below
on each row: the three variants over a loopback server (:func:`check_wire`),
the per-call extras (:func:`check_extras`), an error answer becoming its
typed exception with the product's error model as ``data``
(:func:`check_error`), and which requests the retry policy repeats
(:func:`check_retry_on_503`, :func:`check_retry_on_drop`).
"""

from __future__ import annotations

import base64
import inspect
import json
import socket
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, List, Optional, Tuple, Type

import pytest
import urllib3

from bandwidth import (
    ApiClient,
    ApiConnectionError,
    ApiException,
    ApiResponse,
    ApiTypeError,
    ApiValueError,
    Configuration,
    RetryPolicy,
    ServiceException,
)
from bandwidth._operation import OPTION_NAMES
from bandwidth.exceptions import exception_class_for_status
from tests.support.wire import ANY_PATH, Wire

BASIC = "Basic " + base64.b64encode(b"user:pa55word").decode()
#: Where the loopback server's requests arrive (``Wire.url`` ends with it).
PREFIX = "/api/v2"


@dataclass
class Case:
    """One operation: how to call it, what must go on the wire, what comes back."""

    name: str
    args: Tuple[Any, ...]
    method: str
    target: str  # the path under the host and the query, as sent (percent-encoded)
    status: int = 200
    answer: Any = None  # the JSON document the server answers with
    body: Any = None  # the JSON document that must be sent (or bytes, sent as they are)
    content_type: Optional[str] = None
    check: Callable[[Any], bool] = field(default=lambda data: data is None)

    @property
    def creates(self) -> bool:
        """Whether the operation is a ``POST``: never repeated once it may have arrived."""
        return self.method == "POST"


def ids(cases: List[Case]) -> List[str]:
    return [case.name for case in cases]


def client_for(wire: Wire, **config: Any) -> ApiClient:
    settings = {"username": "user", "password": "pa55word", "retries": 0}
    settings.update(config)
    return ApiClient(Configuration(host=wire.url, **settings))


def script(wire: Wire, case: Case, status: Optional[int] = None, answer: Any = None) -> None:
    """Answer every request with ``case``'s success (or ``status`` and ``answer``)."""
    if status is None:
        status, answer = case.status, case.answer
    wire.answer(status, json=answer, method=case.method)


def assert_sent(wire: Wire, case: Case) -> None:
    request = wire.last
    assert request.method == case.method
    assert wire.raw_target(request) == PREFIX + case.target
    assert request.headers["Authorization"] == BASIC
    assert request.headers["Accept"] == "application/json"
    assert request.headers.get("Content-Type") == case.content_type
    sent = request.get_data()
    if case.body is None:
        assert sent == b""
    elif isinstance(case.body, bytes):
        assert sent == case.body
    else:
        assert json.loads(sent) == case.body


def check_wire(wire: Wire, api: Any, case: Case) -> None:
    """The three variants send the same request and return the data, an ApiResponse, the raw."""
    script(wire, case)
    data = getattr(api, case.name)(*case.args)
    assert_sent(wire, case)
    assert case.check(data), data

    info = getattr(api, f"{case.name}_with_http_info")(*case.args)
    assert isinstance(info, ApiResponse) and info.status_code == case.status
    assert case.check(info.data), info.data
    assert_sent(wire, case)

    raw = getattr(api, f"{case.name}_without_preload_content")(*case.args)
    assert isinstance(raw, urllib3.BaseHTTPResponse) and raw.status == case.status
    body = raw.read()
    raw.release_conn()
    if case.answer is not None:
        assert json.loads(body) == case.answer
    assert_sent(wire, case)


def all_positional(api: Any, case: Case) -> Tuple[Any, ...]:
    """``case.args`` and then every optional parameter of the operation at its default."""
    parameters = list(inspect.signature(getattr(api, case.name)).parameters.values())
    own = [p for p in parameters if p.name not in OPTION_NAMES]
    return case.args + tuple(p.default for p in own[len(case.args) :])


def check_extras(wire: Wire, api: Any, case: Case) -> None:
    """The five extras work positionally and by keyword; bad ones are refused before sending."""
    script(wire, case)
    auth = {"in": "header", "key": "Authorization", "value": "Bearer per-call"}
    args = all_positional(api, case)
    getattr(api, case.name)(*args, 5, auth, None, {"X-Trace": "positional"}, 0)
    assert wire.last.headers["X-Trace"] == "positional"
    assert wire.last.headers["Authorization"] == "Bearer per-call"
    getattr(api, f"{case.name}_with_http_info")(
        *case.args, _request_timeout=(3, 4), _headers={"X-Trace": "keyword"}
    )
    assert wire.last.headers["X-Trace"] == "keyword"
    assert wire.last.headers["Authorization"] == BASIC
    sent = len(wire.requests)
    with pytest.raises(ApiValueError, match="_host_index"):  # the product has one server
        getattr(api, case.name)(*case.args, _host_index=1)
    with pytest.raises(ApiTypeError, match="_request_timout"):
        getattr(api, case.name)(*case.args, _request_timout=5)
    with pytest.raises(ApiTypeError, match="positional argument"):
        getattr(api, case.name)(*args, 5, auth, None, {}, 0, "surplus")
    if case.content_type is None:
        with pytest.raises(ApiValueError, match="_content_type"):
            getattr(api, case.name)(*case.args, _content_type="application/json")
    else:
        with pytest.raises(ApiValueError, match="_content_type"):
            getattr(api, case.name)(*case.args, _content_type="text/plain")
    assert len(wire.requests) == sent  # nothing was sent for a bad argument


def check_account_id(wire: Wire, api: Any, case: Case) -> None:
    """A bad account id is named before anything is sent."""
    if not case.args:
        return
    rest = case.args[1:]
    with pytest.raises(ApiTypeError, match="account_id"):
        getattr(api, case.name)(9900000, *rest)
    with pytest.raises(ApiValueError, match="account_id"):
        getattr(api, case.name)("", *rest)
    assert wire.requests == []


def check_error(
    wire: Wire, api: Any, case: Case, status: int, document: Any, model: Type[Any]
) -> ApiException:
    """An error answer raises its status's exception, with the decoded ``model`` as ``data``."""
    script(wire, case, status, document)
    with pytest.raises(ApiException) as caught:
        getattr(api, case.name)(*case.args)
    error = caught.value
    assert type(error) is exception_class_for_status(status)
    assert error.status == status
    assert isinstance(error.data, model), error.data
    assert json.loads(error.body or "null") == document
    return error


def check_retry_on_503(wire: Wire, case: Case, api_class: Type[Any]) -> None:
    """A 503 is retried for a read, a ``PUT`` or a ``DELETE``, never for a ``POST``."""
    waits: List[float] = []
    wire.server.expect_oneshot_request(ANY_PATH).respond_with_data(
        b'{"description":"try again"}', status=503, content_type="application/json"
    )
    script(wire, case)
    with client_for(wire, retries=RetryPolicy(3, sleep=waits.append)) as client:
        api = api_class(client)
        if case.creates:
            with pytest.raises(ServiceException):
                getattr(api, case.name)(*case.args)
            assert len(wire.requests) == 1 and waits == []
        else:
            assert case.check(getattr(api, case.name)(*case.args))
            assert len(wire.requests) == 2 and len(waits) == 1


def check_retry_on_drop(case: Case, api_class: Type[Any]) -> None:
    """A connection dropped after the request arrived: repeated only when that is safe."""
    waits: List[float] = []
    with dropping_server() as (url, received):
        configuration = Configuration(
            host=url,
            username="user",
            password="pa55word",
            retries=RetryPolicy(3, sleep=waits.append),
        )
        with ApiClient(configuration) as client, pytest.raises(ApiConnectionError):
            getattr(api_class(client), case.name)(*case.args)
    assert len(received) == (1 if case.creates else 4)


class _Dropper:
    """A loopback server that reads each request whole, then closes without answering."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.received: List[bytes] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(5)
                self.received.append(_read_request(conn))

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(5)
        self.sock.close()


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class dropping_server:
    """``with dropping_server() as (url, received)``: the base URL and the requests read."""

    def __enter__(self) -> Tuple[str, List[bytes]]:
        self.server = _Dropper()
        self.server.thread.start()
        port = self.server.sock.getsockname()[1]
        return f"http://127.0.0.1:{port}{PREFIX}", self.server.received

    def __exit__(self, *exc: Any) -> None:
        self.server.close()
