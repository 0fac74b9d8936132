"""Voice apps written the way the official SDK's users write them, run on this SDK.

Four small FastAPI apps, each the shape of a public Bandwidth sample (a gather
menu, a bridge, a redirect loop, a recorder): webhook bodies typed with
``bandwidth.models.*Callback`` as FastAPI body parameters, BXML replies built
with ``bandwidth.models.bxml``, REST calls through ``CallsApi``. Bandwidth's
side is played by FastAPI's test client (the webhooks) and a loopback server
(the REST API). Also: every callback-side model works as a body parameter
without a warning.
"""

from __future__ import annotations

import json
import warnings
from typing import Any, Dict, List

import pytest
from fastapi import FastAPI
from fastapi import Response as HttpResponse
from fastapi.testclient import TestClient

import bandwidth.models
from bandwidth import CallsApi
from bandwidth.models import (
    AnswerCallback,
    CreateCall,
    DisconnectCallback,
    GatherCallback,
    InitiateCallback,
    RecordingAvailableCallback,
    RecordingCompleteCallback,
    RedirectCallback,
    UpdateCall,
)
from bandwidth.models.bxml import (
    Bridge,
    Gather,
    Hangup,
    Record,
    Redirect,
    Response,
    SpeakSentence,
)
from tests.support.generated import GENERATED_MODELS
from tests.support.wire import ACCOUNT, CREATE_CALL_RESPONSE, Wire

BASE = "https://myapp.example"
INBOUND = "c-inbound-1"

#: what Bandwidth posts for an inbound call (the spec's initiate example values)
INITIATE: Dict[str, Any] = {
    "eventType": "initiate",
    "eventTime": "2022-06-17T22:19:40.375Z",
    "accountId": ACCOUNT,
    "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
    "from": "+15555555555",
    "to": "+15553334444",
    "direction": "inbound",
    "callId": INBOUND,
    "callUrl": f"https://voice.bandwidth.com/api/v2/accounts/{ACCOUNT}/calls/{INBOUND}",
    "startTime": "2022-06-17T22:19:40.375Z",
    "diversion": {"reason": "unavailable", "origTo": "+15558884444"},
    "stirShaken": {"verstat": "TN-Validation-Passed", "attestationIndicator": "A"},
}


def event(event_type: str, **fields: Any) -> Dict[str, Any]:
    """A webhook body for the inbound call: the initiate fields plus these."""
    base = {k: v for k, v in INITIATE.items() if k not in ("diversion", "stirShaken")}
    return {**base, "eventType": event_type, **fields}


def bxml(document: Response) -> HttpResponse:
    return HttpResponse(content=document.to_bxml(), media_type="application/xml")


def expect_bxml(reply: Any) -> str:
    """The reply's BXML without the XML declaration, asserting a 200 XML answer."""
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("application/xml")
    text: str = reply.text
    return text.split("?>", 1)[1].strip()


# -- a gather menu -------------------------------------------------------------------


def gather_menu_app() -> FastAPI:
    app = FastAPI()

    def menu() -> Response:
        prompt = SpeakSentence(text="Press 1 for sales or 2 for support.")
        gather = Gather(gather_url=f"{BASE}/callbacks/gather", max_digits=1, audio_verbs=[prompt])
        response = Response()
        response.add_verb(gather)
        return response

    @app.post("/callbacks/initiate")
    def initiate(callback: InitiateCallback) -> HttpResponse:
        assert isinstance(callback, bandwidth.models.InitiateCallback)
        return bxml(menu())

    @app.post("/callbacks/gather")
    def gathered(callback: GatherCallback) -> HttpResponse:
        replies = {"1": "Connecting you to sales.", "2": "Connecting you to support."}
        if callback.digits not in replies:
            return bxml(menu())  # a timeout (no digits) or a wrong key: ask again
        response = Response()
        response.add_verb(SpeakSentence(text=replies[callback.digits]))
        response.add_verb(Hangup())
        return bxml(response)

    return app


def test_gather_menu() -> None:
    client = TestClient(gather_menu_app())
    first = expect_bxml(client.post("/callbacks/initiate", json=INITIATE))
    assert first == (
        f'<Response><Gather gatherUrl="{BASE}/callbacks/gather" maxDigits="1">'
        "<SpeakSentence>Press 1 for sales or 2 for support.</SpeakSentence></Gather></Response>"
    )
    sales = client.post("/callbacks/gather", json=event("gather", digits="1"))
    assert expect_bxml(sales) == (
        "<Response><SpeakSentence>Connecting you to sales.</SpeakSentence><Hangup /></Response>"
    )
    support = client.post("/callbacks/gather", json=event("gather", digits="2"))
    assert "support" in expect_bxml(support)
    timeout = client.post("/callbacks/gather", json=event("gather", digits=""))
    assert expect_bxml(timeout) == first
    # a form-encoded body is not JSON: FastAPI answers 422, as it would for the official models
    assert client.post("/callbacks/gather", data={"digits": "1"}).status_code == 422


# -- a bridge --------------------------------------------------------------------------


def bridge_app(calls_api: CallsApi) -> FastAPI:
    app = FastAPI()

    @app.post("/callbacks/inbound")
    def inbound(callback: InitiateCallback) -> HttpResponse:
        body = CreateCall(
            to="+15557778888",
            var_from=callback.to,
            application_id=callback.application_id,
            answer_url=f"{BASE}/callbacks/outbound/answer",
            disconnect_url=f"{BASE}/callbacks/outbound/disconnect",
            tag=callback.call_id,
        )
        calls_api.create_call(ACCOUNT, body)
        response = Response()
        response.add_verb(SpeakSentence(text="Hold on while we connect you."))
        response.add_verb(Redirect(redirect_url=f"{BASE}/callbacks/hold"))
        return bxml(response)

    @app.post("/callbacks/outbound/answer")
    def answered(callback: AnswerCallback) -> HttpResponse:
        response = Response()
        response.add_verb(SpeakSentence(text="Connecting."))
        response.add_verb(Bridge(target_call=callback.tag))
        return bxml(response)

    @app.post("/callbacks/outbound/disconnect")
    def disconnected(callback: DisconnectCallback) -> HttpResponse:
        assert callback.cause == "hangup"
        return HttpResponse(status_code=204)

    return app


def test_bridge(wire: Wire, api: CallsApi) -> None:
    wire.answer(201, json={**CREATE_CALL_RESPONSE, "callId": "c-outbound-1"}, method="POST")
    client = TestClient(bridge_app(api))
    hold = expect_bxml(client.post("/callbacks/inbound", json=INITIATE))
    assert hold.startswith("<Response><SpeakSentence>Hold on")
    sent = json.loads(wire.last.get_data())
    assert sent["from"] == "+15553334444" and sent["tag"] == INBOUND
    assert sent["applicationId"] == INITIATE["applicationId"]
    answer = event(
        "answer",
        callId="c-outbound-1",
        direction="outbound",
        tag=INBOUND,
        answerTime="2022-06-17T22:20:00.000Z",
    )
    assert expect_bxml(client.post("/callbacks/outbound/answer", json=answer)) == (
        f"<Response><SpeakSentence>Connecting.</SpeakSentence><Bridge>{INBOUND}</Bridge></Response>"
    )
    end = event("disconnect", callId="c-outbound-1", cause="hangup", sipResponseCode=None)
    assert client.post("/callbacks/outbound/disconnect", json=end).status_code == 204


# -- a redirect loop -----------------------------------------------------------------------


def redirect_loop_app(calls_api: CallsApi) -> FastAPI:
    app = FastAPI()

    @app.post("/callbacks/initiate")
    def initiate(callback: InitiateCallback) -> HttpResponse:
        response = Response()
        response.add_verb(SpeakSentence(text="Please wait."))
        response.add_verb(Redirect(redirect_url=f"{BASE}/callbacks/redirect", tag="1"))
        return bxml(response)

    @app.post("/callbacks/redirect")
    def redirected(callback: RedirectCallback) -> HttpResponse:
        count = int(callback.tag or "0")
        response = Response()
        if count >= 3:
            # enough waiting: move the call on from the REST side, as the samples do
            calls_api.update_call(
                ACCOUNT,
                callback.call_id,
                UpdateCall(state="active", redirect_url=f"{BASE}/callbacks/done"),
            )
            response.add_verb(SpeakSentence(text="Thanks for waiting."))
            return bxml(response)
        response.add_verb(SpeakSentence(text=f"Still waiting, round {count}."))
        response.add_verb(Redirect(redirect_url=f"{BASE}/callbacks/redirect", tag=str(count + 1)))
        return bxml(response)

    return app


def test_redirect_loop(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, method="POST")
    client = TestClient(redirect_loop_app(api))
    reply = expect_bxml(client.post("/callbacks/initiate", json=INITIATE))
    tag = "1"
    rounds: List[str] = []
    while True:
        assert f'tag="{tag}"' in reply
        reply = expect_bxml(client.post("/callbacks/redirect", json=event("redirect", tag=tag)))
        rounds.append(reply)
        if "Thanks" in reply:
            break
        tag = str(int(tag) + 1)
    assert len(rounds) == 3
    assert [request.path for request in wire.requests] == [
        f"/api/v2/accounts/{ACCOUNT}/calls/{INBOUND}"
    ]
    assert json.loads(wire.last.get_data()) == {
        "state": "active",
        "redirectUrl": f"{BASE}/callbacks/done",
    }


# -- a recorder ------------------------------------------------------------------------------


def recorder_app(recordings: List[str]) -> FastAPI:
    app = FastAPI()

    @app.post("/callbacks/initiate")
    def initiate(callback: InitiateCallback) -> HttpResponse:
        response = Response()
        response.add_verb(SpeakSentence(text="Leave a message after the beep."))
        response.add_verb(
            Record(
                record_complete_url=f"{BASE}/callbacks/recordComplete",
                recording_available_url=f"{BASE}/callbacks/recordingAvailable",
                max_duration=30,
                file_format="wav",
            )
        )
        return bxml(response)

    @app.post("/callbacks/recordComplete")
    def complete(callback: RecordingCompleteCallback) -> HttpResponse:
        response = Response()
        response.add_verb(SpeakSentence(text="Thank you, goodbye."))
        response.add_verb(Hangup())
        return bxml(response)

    @app.post("/callbacks/recordingAvailable")
    def available(callback: RecordingAvailableCallback) -> HttpResponse:
        if callback.status == "complete" and callback.media_url:
            recordings.append(callback.media_url)
        return HttpResponse(status_code=204)

    return app


def test_recorder() -> None:
    recordings: List[str] = []
    client = TestClient(recorder_app(recordings))
    record = expect_bxml(client.post("/callbacks/initiate", json=INITIATE))
    assert '<Record recordCompleteUrl="https://myapp.example/callbacks/recordComplete"' in record
    assert 'fileFormat="wav"' in record
    recording = {
        "recordingId": "r-1",
        "duration": "PT13.67S",
        "fileFormat": "wav",
        "channels": 1,
        "mediaUrl": f"https://voice.bandwidth.com/api/v2/accounts/{ACCOUNT}/calls/{INBOUND}"
        "/recordings/r-1/media",
        "startTime": "2022-06-17T22:19:40.375Z",
        "endTime": "2022-06-17T22:19:54.045Z",
    }
    done = client.post("/callbacks/recordComplete", json=event("recordComplete", **recording))
    assert expect_bxml(done).endswith("<Hangup /></Response>")
    ready = event("recordingAvailable", status="complete", **recording)
    assert client.post("/callbacks/recordingAvailable", json=ready).status_code == 204
    assert recordings == [recording["mediaUrl"]]


# -- every model as a body parameter ---------------------------------------------------------

BODY_MODELS = [  # the Voice callbacks (the other APIs' webhooks have required fields)
    name
    for name in bandwidth.models.__all__
    if name not in GENERATED_MODELS
    and (
        name.endswith(("Callback", "Result"))
        or name in ("Diversion", "StirShaken", "Transcription")
    )
]


def test_body_models_are_the_callback_side() -> None:
    assert len(BODY_MODELS) == 26  # 22 callbacks and 4 nested objects


@pytest.mark.parametrize("name", [*BODY_MODELS, "CallState", "VoiceApiError"])
def test_models_as_fastapi_body_parameters_emit_no_warning(name: str) -> None:
    model = getattr(bandwidth.models, name)
    app = FastAPI()
    # Made outside the check: old Starlette test clients warn about httpx's own API.
    client = TestClient(app)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")

        def webhook(body: Any) -> Dict[str, Any]:
            return {"type": type(body).__name__, "extra": body.additional_properties}

        webhook.__annotations__["body"] = model  # this module's annotations are strings
        app.post("/webhook")(webhook)
        reply = client.post("/webhook", json={"newField": 1})
        schema = client.get("/openapi.json")
    assert [str(w.message) for w in caught] == []
    assert reply.status_code == 200, reply.text
    assert reply.json() == {"type": name, "extra": {"newField": 1}}
    assert schema.status_code == 200
