"""The example webhook app, driven request by request over a real loopback socket.

Whole call flows through it (in-process and over HTTP) are in
``test_webhook_example_flows.py``.
"""

from __future__ import annotations

import base64
import http.client
import importlib.util
import json
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, Iterator, Optional, Tuple
from urllib.parse import urlencode

import pytest

from bandwidth.callbacks import DisconnectCallback, GatherCallback, InitiateCallback
from bandwidth.models.bxml import Response

APP_PATH = Path(__file__).resolve().parents[2] / "examples" / "webhook_app.py"
USER, PASSWORD = "bandwidth", "s3cret-pass"
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
CALL_ID = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"

MENU = (
    "<?xml version='1.0' encoding='UTF-8'?>\n<Response>"
    '<SpeakSentence voice="julie">Thanks for calling Example Company.</SpeakSentence>'
    '<Gather gatherUrl="/callbacks/gather" username="bandwidth" password="s3cret-pass"'
    ' maxDigits="1" firstDigitTimeout="5">'
    '<SpeakSentence voice="julie">Press 1 for sales or 2 for support.</SpeakSentence>'
    "</Gather></Response>"
)


def load_app() -> ModuleType:
    spec = importlib.util.spec_from_file_location("webhook_app_example", APP_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def app() -> ModuleType:
    return load_app()


@pytest.fixture
def server(app: ModuleType) -> Iterator[Any]:
    srv = app.make_server("127.0.0.1", 0, username=USER, password=PASSWORD)
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join()


def request(
    server: Any,
    method: str,
    path: str,
    body: Optional[bytes] = None,
    headers: Optional[Dict[str, str]] = None,
) -> Tuple[int, Dict[str, str], bytes]:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def post_event(
    server: Any, payload: Dict[str, Any], auth: Optional[str] = AUTH
) -> Tuple[int, Dict[str, str], bytes]:
    headers = {"Content-Type": "application/json"}
    if auth is not None:
        headers["Authorization"] = auth
    return request(server, "POST", "/callbacks/voice", json.dumps(payload).encode(), headers)


INITIATE = {
    "eventType": "initiate",
    "eventTime": "2022-06-17T22:19:40.375Z",
    "accountId": "9900000",
    "from": "+15555555555",
    "to": "+15555555556",
    "direction": "inbound",
    "callId": CALL_ID,
}


def test_unauthenticated_requests_get_the_challenge(server: Any) -> None:
    status, headers, body = post_event(server, INITIATE, auth=None)
    assert status == 401
    assert headers["www-authenticate"] == 'Basic realm="voice"'
    assert body == b""
    wrong = "Basic " + base64.b64encode(b"bandwidth:nope").decode()
    status, headers, _ = post_event(server, INITIATE, auth=wrong)
    assert status == 401
    assert headers["www-authenticate"] == 'Basic realm="voice"'
    status, _, _ = request(server, "GET", "/callbacks/voice?eventType=initiate")
    assert status == 401
    assert server.app.events == []


def test_initiate_and_answer_get_the_menu(server: Any) -> None:
    status, headers, body = post_event(server, INITIATE)
    assert status == 200
    assert headers["content-type"] == "application/xml; charset=utf-8"
    assert body.decode("utf-8") == MENU
    assert Response.from_xml(body) == Response.from_xml(MENU)
    status, _, body = post_event(
        server, {**INITIATE, "eventType": "answer", "direction": "outbound"}
    )
    assert status == 200
    assert body.decode("utf-8") == MENU
    assert [type(e).__name__ for e in server.app.events] == ["InitiateCallback", "AnswerCallback"]
    assert isinstance(server.app.events[0], InitiateCallback)
    assert server.app.events[0].call_id == CALL_ID


@pytest.mark.parametrize(
    ("digits", "sentence"),
    [
        ("1", "Connecting you to sales. Goodbye for now."),
        ("2", "Connecting you to support. Goodbye for now."),
        ("", "Sorry, nothing is not an option. Goodbye."),
        (
            "</SpeakSentence><Transfer>",
            "Sorry, &lt;/SpeakSentence&gt;&lt;Transfer&gt; is not an option. Goodbye.",
        ),
    ],
)
def test_gather_acts_on_the_choice(server: Any, digits: str, sentence: str) -> None:
    status, headers, body = post_event(
        server, {"eventType": "gather", "callId": CALL_ID, "digits": digits}
    )
    assert status == 200
    assert headers["content-type"] == "application/xml; charset=utf-8"
    assert body.decode("utf-8") == (
        "<?xml version='1.0' encoding='UTF-8'?>\n<Response>"
        f'<SpeakSentence voice="julie">{sentence}</SpeakSentence><Hangup /></Response>'
    )
    assert len(Response.from_xml(body)) == 2


def test_get_callbacks_use_the_query_string(server: Any) -> None:
    query = urlencode({"eventType": "gather", "callId": CALL_ID, "digits": "2"})
    status, _, body = request(
        server, "GET", f"/callbacks/gather?{query}", headers={"Authorization": AUTH}
    )
    assert status == 200
    assert b"Connecting you to support." in body
    assert isinstance(server.app.events[-1], GatherCallback)
    assert server.app.events[-1].digits == "2"


def test_disconnect_is_recorded_and_answered_empty(server: Any) -> None:
    status, headers, body = post_event(
        server, {"eventType": "disconnect", "callId": CALL_ID, "cause": "hangup"}
    )
    assert status == 204
    assert body == b""
    assert "content-type" not in headers
    event = server.app.events[-1]
    assert isinstance(event, DisconnectCallback)
    assert (event.call_id, event.cause) == (CALL_ID, "hangup")


def test_other_events_get_an_empty_reply(server: Any) -> None:
    status, _, body = post_event(server, {"eventType": "somethingNew", "x": 1})
    assert (status, body) == (204, b"")
    assert server.app.events[-1].additional_properties == {"x": 1}


def test_bad_requests(server: Any) -> None:
    headers = {"Authorization": AUTH, "Content-Type": "application/json"}
    status, _, body = request(server, "POST", "/", b"{not json", headers)
    assert (status, body) == (400, b"not a Bandwidth callback\n")
    status, _, _ = request(server, "POST", "/", b"x" * (64 * 1024 + 1), headers)
    assert status == 413
    assert server.app.events == []


def test_server_requires_credentials(app: ModuleType) -> None:
    with pytest.raises(ValueError, match="username and password are required"):
        app.make_server("127.0.0.1", 0, username="", password="x")


def test_main_refuses_to_start_without_credentials(
    app: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("BW_WEBHOOK_USERNAME", raising=False)
    monkeypatch.delenv("BW_WEBHOOK_PASSWORD", raising=False)
    assert app.main(["--port", "0"]) == 2
    assert capsys.readouterr().err == "set BW_WEBHOOK_USERNAME and BW_WEBHOOK_PASSWORD\n"
