"""Whole call flows in a unit test: a Flask or FastAPI app, webhooks, BXML, digits, a clock.

The headline of the call-flows issue, run as a user would with both kinds of
app, then the webhooks themselves: payloads checked against the official
callback models and the spec's schemas, methods, Basic auth, fallbacks and
the failures that end a call.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from datetime import datetime, timezone
from typing import Any, Dict, Iterator, List

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import Response as HttpResponse
from flask import Flask, request

from bandwidth import ApiClient, CallsApi, CreateCall
from bandwidth.callbacks import (
    AnswerCallback,
    DisconnectCallback,
    GatherCallback,
    InitiateCallback,
    RedirectCallback,
    parse_callback,
)
from bandwidth.models import bxml as bx
from bandwidth.testing import Timing, VoiceSimulator, WebhookAppError
from tests.support.flows import ScriptedApp, assert_matches_spec, bxml, outbound_call
from tests.support.ports import closed_port

MENU = bx.Response(
    [
        bx.SpeakSentence("Welcome to Example Company."),
        bx.Gather(
            [bx.SpeakSentence("Press 1 for sales or 2 for support.")],
            gather_url="/gather",
            max_digits=1,
        ),
    ]
)


def chose(digits: str) -> str:
    return bx.Response([bx.SpeakSentence(f"You chose option {digits}. Goodbye.")]).to_bxml()


def fastapi_menu() -> FastAPI:
    """A FastAPI gather menu, the shape of Bandwidth's public sample apps."""
    app = FastAPI()

    @app.post("/answer")
    async def answer() -> HttpResponse:
        return HttpResponse(MENU.to_bxml(), media_type="application/xml")

    @app.post("/gather")
    async def gather(req: Request) -> HttpResponse:
        event = parse_callback(await req.body(), req.headers.get("content-type"))
        assert isinstance(event, GatherCallback)
        return HttpResponse(chose(event.digits or ""), media_type="application/xml")

    @app.post("/bye")
    async def bye() -> HttpResponse:
        return HttpResponse(status_code=204)

    return app


def flask_menu() -> Flask:
    app = Flask(__name__)

    @app.post("/answer")
    def answer() -> Any:
        return MENU.to_bxml(), 200, {"Content-Type": "application/xml"}

    @app.post("/gather")
    def gather() -> Any:
        return chose(request.get_json()["digits"]), 200, {"Content-Type": "application/xml"}

    @app.post("/bye")
    def bye() -> Any:
        return "", 204

    return app


@pytest.mark.parametrize("make_app", [fastapi_menu, flask_menu], ids=["fastapi", "flask"])
def test_a_whole_gather_menu_runs_in_a_unit_test(make_app: Any) -> None:
    with VoiceSimulator(app=make_app()) as sim:
        api = CallsApi(ApiClient(sim.configuration()))
        created = api.create_call(
            sim.account_id,
            CreateCall(
                to="+19195551234",
                var_from="+19195554321",
                application_id="app",
                answer_url="https://myapp.example/answer",
                disconnect_url="https://myapp.example/bye",
            ),
        )
        sim.answer(created.call_id)  # the callee picks up: "answer" webhook, the BXML starts
        sim.advance(5)  # the menu is spoken; a <Gather> now waits
        sim.press(created.call_id, "1")  # "gather" webhook, the next BXML
        sim.advance(30)
        call = sim.call(created.call_id)
        assert call.heard[-1] == "You chose option 1. Goodbye."
        assert (call.state, call.disconnect_cause) == ("disconnected", "hangup")
        assert [w.event_type for w in sim.webhooks] == ["answer", "gather", "disconnect"]
        assert call.heard == [
            "Welcome to Example Company.",
            "Press 1 for sales or 2 for support.",
            "You chose option 1. Goodbye.",
        ]
        assert call.pressed == ["1"]
        assert [w.status for w in call.webhooks] == [200, 200, 204]
        assert call.webhooks[1].url == "https://myapp.example/gather"  # relative, resolved
        api.api_client.close()


def test_payloads_match_the_callback_models_and_the_spec() -> None:
    app = ScriptedApp(
        {
            "/answer": bxml('<Gather gatherUrl="/g" maxDigits="2" terminatingDigits="#"/>'),
            "/g": bxml('<Redirect redirectUrl="/r" tag="after-gather"/>'),
            "/r": bxml("<Hangup/>"),
            "/initiate": bxml("<Hangup/>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim, disconnect_url="https://app.example/bye", tag="t-1")
        sim.advance(1)
        sim.answer(call_id)
        sim.advance(2)
        sim.press(call_id, "4#")
        inbound = sim.inbound_call(
            "+19195550000",
            "+19195550001",
            answer_url="https://app.example/initiate",
            disconnect_url="https://app.example/bye",
        )
        hooks = sim.webhooks
        call = sim.call(call_id)
    models = {
        "answer": AnswerCallback,
        "gather": GatherCallback,
        "redirect": RedirectCallback,
        "disconnect": DisconnectCallback,
        "initiate": InitiateCallback,
    }
    assert [w.event_type for w in hooks] == [
        "answer",
        "gather",
        "redirect",
        "disconnect",
        "initiate",
        "disconnect",
    ]
    for hook in hooks:
        assert_matches_spec(hook.payload)
        event = parse_callback(hook.payload)
        assert type(event) is models[hook.event_type]
        assert not event.additional_properties, hook.payload
    answer, gather, redirect, disconnect = (h.payload for h in hooks[:4])
    assert set(answer) == {
        "eventType", "eventTime", "accountId", "applicationId", "from", "to", "direction",
        "callId", "callUrl", "enqueuedTime", "startTime", "answerTime", "tag",
    }  # fmt: skip
    assert answer["callUrl"] == sim.call_url(call_id)
    assert (answer["direction"], answer["from"], answer["to"]) == (
        "outbound",
        "+19195554321",
        "+19195551234",
    )
    assert answer["startTime"] == answer["answerTime"] == answer["eventTime"]
    assert answer["enqueuedTime"] < answer["startTime"]  # answered one second after
    assert answer["tag"] == "t-1"
    assert (gather["digits"], gather["terminatingDigit"], gather["tag"]) == ("4", "#", "t-1")
    assert gather["eventTime"] > answer["eventTime"]
    assert redirect["tag"] == "after-gather"  # the verb's tag, and every later event's
    assert set(disconnect) - set(answer) == {"endTime", "cause", "errorMessage", "errorId"}
    assert (disconnect["cause"], disconnect["tag"]) == ("hangup", "after-gather")
    assert disconnect["endTime"] == disconnect["eventTime"]
    initiate = hooks[4].payload
    assert set(initiate) == {
        "eventType", "eventTime", "accountId", "applicationId", "from", "to", "direction",
        "callId", "callUrl", "startTime",
    }  # fmt: skip
    assert initiate["direction"] == "inbound"
    assert hooks[5].payload["cause"] == "rejected"  # <Hangup> before answering rejects
    assert call.tag == "after-gather"
    assert inbound != call_id


def test_an_absent_tag_is_left_out() -> None:
    app = ScriptedApp({"/answer": bxml("<Tag>set</Tag><Tag></Tag><Redirect redirectUrl='/r'/>")})
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        answer, redirect = sim.webhooks[:2]
    assert "tag" not in answer.payload
    assert "tag" not in redirect.payload
    assert sim.call(call_id).log  # the timeline noted both Tag verbs


def test_get_callbacks_carry_the_fields_as_query_parameters() -> None:
    app = ScriptedApp({"/answer": bxml('<Gather gatherUrl="/g?x=1" gatherMethod="GET"/>')})
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim, answer_method="GET", tag="a b&c")
        sim.answer(call_id)
        sim.press(call_id, "12345")
        sim.advance(10)
    answer, gather = app.requests[:2]
    assert answer["method"] == gather["method"] == "GET"
    assert answer["event"]["eventType"] == "answer"
    assert answer["event"]["tag"] == "a b&c"
    assert "answerTime" in answer["event"]
    assert gather["path"] == "/g"
    assert gather["query"].startswith("x=1&")
    assert gather["event"]["digits"] == "12345"
    assert gather["headers"].get("authorization") is None


def test_basic_auth_answers_the_apps_challenge_only() -> None:
    calls: List[str] = []

    def protected(environ: Dict[str, Any], start_response: Any) -> List[bytes]:
        calls.append(environ.get("HTTP_AUTHORIZATION", ""))
        if environ.get("HTTP_AUTHORIZATION") != "Basic dXNlcjpwYXNz":  # user:pass
            start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm="x"')])
            return []
        start_response("200 OK", [])
        return [bxml("<Pause duration='10'/>").encode()]

    with VoiceSimulator(app=protected) as sim:
        call_id = outbound_call(sim, username="user", password="pass")
        sim.answer(call_id)
        hook = sim.webhooks[0]
        assert [(a.status, a.authorized) for a in hook.attempts] == [(401, False), (200, True)]
        assert calls == ["", "Basic dXNlcjpwYXNz"]
        assert sim.call(call_id).state == "answered"


def test_a_401_without_a_challenge_loses_the_event() -> None:
    app = ScriptedApp({"/answer": (401, "")})
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim, username="user", password="pass")
        sim.answer(call_id)
        call = sim.call(call_id)
    assert len(app.requests) == 1  # no second request with credentials
    assert call.disconnect_cause == "callback-error"


def test_the_fallback_url_gets_the_event_when_the_primary_fails() -> None:
    app = ScriptedApp({"/answer": (503, "busy"), "/fallback": bxml("<Pause duration='60'/>")})
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(
            sim,
            answer_fallback_url="https://backup.example/fallback",
            answer_fallback_method="GET",
        )
        sim.answer(call_id)
        hook = sim.webhooks[0]
        call = sim.call(call_id)
    assert call.state == "answered"
    assert (hook.url, hook.method, hook.status) == ("https://backup.example/fallback", "GET", 200)
    assert [(a.url, a.status) for a in hook.attempts] == [
        ("https://app.example/answer", 503),
        ("https://backup.example/fallback", 200),
    ]


def test_a_bxml_root_in_a_reply_runs_with_a_note_on_the_timeline() -> None:
    # Bandwidth's openai-realtime samples answer webhooks with <Bxml>; no source says
    # the platform refuses it.
    app = ScriptedApp({"/answer": "<Bxml><SpeakSentence>Hi there</SpeakSentence></Bxml>"})
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        sim.advance(5)
        call = sim.call(call_id)
        assert call.heard == ["Hi there"]
        assert call.disconnect_cause != "invalid-bxml"
        assert "root is <Bxml>; Bandwidth documents <Response>" in call.timeline()


def test_strict_bxml_roots_ends_a_call_whose_reply_has_the_other_root() -> None:
    app = ScriptedApp({"/answer": "<Bxml><Hangup/></Bxml>"})
    with VoiceSimulator(app=app, strict_bxml_roots=True) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        call = sim.call(call_id)
    assert (call.state, call.disconnect_cause) == ("disconnected", "invalid-bxml")
    assert call.error_message is not None and "expected a <Response> root" in call.error_message


@pytest.mark.parametrize(
    ("reply", "cause", "message"),
    [
        (
            (500, "oops"),
            "callback-error",
            "The answer webhook to https://app.example/answer failed: the app answered HTTP 500.",
        ),
        ("<Response><Speak/></Response>", "invalid-bxml", "is not a BXML verb"),
        ("not xml", "invalid-bxml", "not well-formed XML"),
        (bxml('<Gather maxDigits="99"/>'), "invalid-bxml", "max_digits"),
        (bxml("<Pause/>" * 9000), "invalid-bxml", "at most 65536"),
    ],
)
def test_failures_end_the_call_with_the_documented_cause(
    reply: Any, cause: str, message: str
) -> None:
    app = ScriptedApp({"/answer": reply})
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim, disconnect_url="https://app.example/bye")
        sim.answer(call_id)
        call = sim.call(call_id)
        disconnect = sim.webhooks[-1]
    assert (call.state, call.disconnect_cause) == ("disconnected", cause)
    assert call.error_message is not None and message in call.error_message
    assert disconnect.event_type == "disconnect"
    assert (disconnect.payload["cause"], disconnect.payload["errorMessage"]) == (
        cause,
        call.error_message,
    )


def test_every_bxml_verb_has_a_runner_and_a_table_without_one_is_refused() -> None:
    from bandwidth.models.bxml import Ring
    from bandwidth.testing._composition import build_voice
    from bandwidth.testing._core.http_transport import HttpTransport
    from bandwidth.testing._core.timers import Timers
    from bandwidth.testing._voice.interpreter import VerbFamily, VerbTable, top_level_verbs

    voice = build_voice(
        threading.Lock(),
        Timers(),
        "9900000",
        None,
        HttpTransport(),
        Timing(),
        lambda: datetime.now(timezone.utc),
        lambda call_id: f"http://127.0.0.1/calls/{call_id}",
        VoiceSimulator(),
    )
    table = voice.engine.verbs  # the engine as the composition root builds it
    assert set(table.runners) == set(top_level_verbs())
    assert len(table.runners) == 26  # every verb a <Response> may hold
    without_ring = [
        VerbFamily({cls: runner for cls, runner in table.runners.items() if cls is not Ring})
    ]
    with pytest.raises(ValueError, match="no verb family runs <Ring>"):
        VerbTable(without_ring)
    with pytest.raises(ValueError, match="two verb families run"):
        VerbTable([VerbFamily(table.runners), VerbFamily({Ring: table.runners[Ring]})])
    with pytest.raises(ValueError, match="not a top-level BXML verb"):
        VerbTable([VerbFamily({**table.runners, int: table.runners[Ring]})])


def test_an_empty_reply_hangs_up() -> None:
    app = ScriptedApp({"/answer": (200, "")})
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        assert sim.call(call_id).disconnect_cause == "hangup"
        assert sim.webhooks[0].bxml is None


def test_an_app_exception_is_raised_to_the_test() -> None:
    def broken(environ: Dict[str, Any], start_response: Any) -> List[bytes]:
        raise KeyError("digits")

    with VoiceSimulator(app=broken) as sim:
        call_id = outbound_call(sim)
        with pytest.raises(WebhookAppError, match="the app raised KeyError") as raised:
            sim.answer(call_id)
        assert isinstance(raised.value.__cause__, KeyError)
        call = sim.call(call_id)  # the call ended as on the platform, and nothing is re-raised
        assert call.disconnect_cause == "callback-error"
        assert "the app raised KeyError: 'digits'" in (call.error_message or "")
        assert sim.webhooks[0].status is None


def test_app_exceptions_can_be_only_recorded() -> None:
    async def broken(scope: Dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            raise RuntimeError("boom")

    with VoiceSimulator(app=broken, raise_app_errors=False) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        assert sim.call(call_id).disconnect_cause == "callback-error"
        assert sim.webhooks[0].error == "the app raised RuntimeError: boom"


# -- ASGI specifics ----------------------------------------------------------------------


def test_asgi_lifespan_runs_with_the_simulator() -> None:
    events: List[str] = []

    async def app(scope: Dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                events.append(message["type"])
                if message["type"] == "lifespan.startup":
                    scope["state"]["greeting"] = "Hello from startup."
                    await send({"type": "lifespan.startup.complete"})
                else:
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        greeting = scope["state"]["greeting"]
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        body = bxml(f"<SpeakSentence>{greeting}</SpeakSentence><Pause duration='9'/>")
        await send({"type": "http.response.body", "body": body.encode()})

    with VoiceSimulator(app=app) as sim:
        assert events == ["lifespan.startup"]
        call_id = outbound_call(sim)
        sim.answer(call_id)
        assert sim.call(call_id).heard == ["Hello from startup."]
    assert events == ["lifespan.startup", "lifespan.shutdown"]


def test_a_failed_asgi_startup_stops_the_simulator_starting() -> None:
    async def app(scope: Dict[str, Any], receive: Any, send: Any) -> None:
        await receive()
        await send({"type": "lifespan.startup.failed", "message": "no database"})

    sim = VoiceSimulator(app=app)
    with pytest.raises(RuntimeError, match="lifespan startup failed: no database"):
        sim.start()
    assert not sim.running


def test_the_simulator_works_from_inside_a_running_event_loop() -> None:
    async def scenario() -> List[str]:
        # An async test calling the simulator: the ASGI app runs on the
        # simulator's own loop, so this loop being busy does not matter.
        with VoiceSimulator(app=fastapi_menu()) as sim:
            call_id = outbound_call(sim)
            sim.answer(call_id)
            sim.advance(2)
            sim.press(call_id, "2")
            sim.advance(10)
            return sim.call(call_id).heard

    heard = asyncio.run(scenario())
    assert heard[-1] == "You chose option 2. Goodbye."


@pytest.mark.parametrize("style", ["partial", "class", "three-arguments"])
def test_asgi_apps_of_every_shape_are_recognised(style: str) -> None:
    import functools

    async def asgi(scope: Dict[str, Any], receive: Any, send: Any, text: str = "hi") -> None:
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        body = bxml(f"<SpeakSentence>{text}</SpeakSentence><Pause duration='9'/>")
        await send({"type": "http.response.body", "body": body.encode()})

    class Asgi:
        async def __call__(self, scope: Dict[str, Any], receive: Any, send: Any) -> None:
            await asgi(scope, receive, send, "class")

    def three(scope: Dict[str, Any], receive: Any, send: Any) -> Any:
        return asgi(scope, receive, send, "three")

    app = {
        "partial": functools.partial(asgi, text="partial"),
        "class": Asgi(),
        "three-arguments": three,
    }[style]
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        assert sim.call(call_id).heard == [style.split("-")[0]]


# -- over real HTTP --------------------------------------------------------------------


class Silent:
    """A loopback server that accepts connections and never answers."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.accepted: List[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def silent() -> Iterator[Silent]:
    server = Silent()
    yield server
    server.close()


def test_callback_timeout_is_a_real_socket_timeout_then_the_fallback(silent: Silent) -> None:
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    backup = ScriptedApp({"/fallback": bxml("<SpeakSentence>From the backup.</SpeakSentence>")})
    server = make_server("127.0.0.1", 0, backup, handler_class=Quiet)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        with VoiceSimulator(deliver_webhooks=True) as sim:
            call_id = outbound_call(
                sim,
                answer_url=f"http://127.0.0.1:{silent.port}/answer",
                answer_fallback_url=f"http://127.0.0.1:{server.server_port}/fallback",
                callback_timeout=1,
            )
            sim.answer(call_id)
            hook = sim.webhooks[0]
            call = sim.call(call_id)
    finally:
        server.shutdown()
        server.server_close()
    assert hook.attempts[0].status is None
    assert hook.attempts[0].error == f"timed out waiting for http://127.0.0.1:{silent.port}/answer"
    assert hook.status == 200
    assert call.heard == ["From the backup."]


def test_a_refused_connection_is_retried_once_then_callback_error() -> None:
    port = closed_port()
    with VoiceSimulator(deliver_webhooks=True) as sim:
        call_id = outbound_call(sim, answer_url=f"http://127.0.0.1:{port}/answer")
        sim.answer(call_id)
        hook = sim.webhooks[0]
        call = sim.call(call_id)
    assert len(hook.attempts) == 2
    assert all(
        a.status is None and "ConnectionRefusedError" in (a.error or "") for a in hook.attempts
    )
    assert call.disconnect_cause == "callback-error"


def test_without_an_app_webhooks_go_over_http_by_default() -> None:
    """The contract: no ``app`` means real HTTP to the URLs the calls give."""
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    app = ScriptedApp({"/answer": bxml("<SpeakSentence>Over the wire.</SpeakSentence>")})
    server = make_server("127.0.0.1", 0, app, handler_class=Quiet)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        with VoiceSimulator() as sim:
            call_id = outbound_call(sim, answer_url=f"http://127.0.0.1:{server.server_port}/answer")
            sim.answer(call_id)
            sim.advance(5)
            call = sim.call(call_id)
    finally:
        server.shutdown()
        server.server_close()
    assert [w.event_type for w in call.webhooks] == ["answer"]
    assert call.webhooks[0].status == 200
    assert call.heard == ["Over the wire."]
    assert (call.state, call.disconnect_cause) == ("disconnected", "hangup")


def test_deliver_webhooks_false_sends_no_webhook_and_runs_no_bxml() -> None:
    with VoiceSimulator(deliver_webhooks=False) as sim:
        call_id = outbound_call(sim, disconnect_url="https://app.example/bye")
        sim.answer(call_id)
        sim.advance(60)
        sim.hangup(call_id)
        assert sim.webhooks == []
        assert sim.call(call_id).disconnect_cause == "hangup"
        with pytest.raises(RuntimeError, match="inbound_call\\(\\) needs call flows"):
            sim.inbound_call("+19195550000", "+19195550001", answer_url="https://a.example/i")


def test_an_app_and_no_delivery_contradict() -> None:
    with pytest.raises(ValueError, match="deliver_webhooks=False contradicts app="):
        VoiceSimulator(app=ScriptedApp(), deliver_webhooks=False)


def test_loopback_http_urls_may_carry_credentials_but_others_may_not() -> None:
    with VoiceSimulator() as sim:
        outbound_call(sim, answer_url="http://127.0.0.1:9/a", username="u", password="p")
        outbound_call(sim, answer_url="http://localhost:9/a", username="u", password="p")
        with pytest.raises(Exception, match="must use https when credentials are given"):
            outbound_call(sim, answer_url="http://app.example/a", username="u", password="p")
