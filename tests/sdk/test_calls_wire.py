"""Every operation and variant, checked byte for byte on a loopback server."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta, timezone

import pytest
import urllib3

from bandwidth import (
    ApiResponse,
    ApiTypeError,
    ApiValueError,
    CallDirectionEnum,
    CallsApi,
    CallState,
    CreateCallResponse,
    MachineDetectionConfiguration,
    UpdateCall,
)
from tests.support.wire import ACCOUNT, CALL_ID, CALL_STATE, CREATE_CALL_RESPONSE, Wire, new_call

BASIC = "Basic " + base64.b64encode(b"user:pa55word").decode()


def assert_common_headers(request: object) -> None:
    headers = request.headers  # type: ignore[attr-defined]
    assert headers["Authorization"] == BASIC
    assert headers["Accept"] == "application/json"
    assert headers["User-Agent"].startswith("bandwidth-sdk-python/")


# -- create_call ---------------------------------------------------------------


def test_create_call_sends_only_what_was_set(wire: Wire, api: CallsApi) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, headers={"Location": "https://x/c"}, method="POST")
    result = api.create_call(ACCOUNT, new_call(tag="hello"))

    request = wire.last
    assert request.method == "POST"
    assert wire.raw_target(request) == f"/api/v2/accounts/{ACCOUNT}/calls"
    assert request.headers["Content-Type"] == "application/json"
    assert_common_headers(request)
    assert request.get_data() == (
        b'{"to":"+19195551234","from":"+19195554321",'
        b'"applicationId":"04e88489-df02-4e34-a0ee-27a91849555f",'
        b'"answerUrl":"https://myServer.example/bandwidth/webhooks/answer","tag":"hello"}'
    )
    assert isinstance(result, CreateCallResponse)
    assert result.call_id == CALL_ID
    assert result.var_from == "+19195554321"
    assert result.enqueued_time == datetime(2022, 6, 16, 13, 15, 7, 160000, tzinfo=timezone.utc)
    assert result.answer_method == "POST"
    assert result.call_timeout == 30 and isinstance(result.call_timeout, int)


def test_create_call_nested_machine_detection_and_numbers(wire: Wire, api: CallsApi) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, method="POST")
    api.create_call(
        ACCOUNT,
        new_call(
            call_timeout=12.5,
            priority=1,
            privacy=True,
            display_name="Anonymous",
            machine_detection=MachineDetectionConfiguration(mode="sync", detection_timeout=5),
        ),
    )
    assert json.loads(wire.last.get_data()) == {
        "to": "+19195551234",
        "from": "+19195554321",
        "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
        "answerUrl": "https://myServer.example/bandwidth/webhooks/answer",
        "callTimeout": 12.5,
        "priority": 1,
        "privacy": True,
        "displayName": "Anonymous",
        "machineDetection": {"mode": "sync", "detectionTimeout": 5},
    }


def test_create_call_accepts_a_dict_with_wire_names(wire: Wire, api: CallsApi) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, method="POST")
    api.create_call(
        ACCOUNT,
        {  # type: ignore[arg-type]
            "to": "+19195551234",
            "from": "+19195554321",
            "applicationId": "app",
            "answerUrl": "https://a.example/answer",
        },
    )
    assert json.loads(wire.last.get_data())["from"] == "+19195554321"


def test_create_call_with_http_info_keeps_status_and_headers(wire: Wire, api: CallsApi) -> None:
    wire.answer(
        201,
        json=CREATE_CALL_RESPONSE,
        headers={"Location": "https://voice.example/c-1", "X-Trace": "a"},
        method="POST",
    )
    response = api.create_call_with_http_info(ACCOUNT, new_call())
    assert isinstance(response, ApiResponse)
    assert response.status_code == 201
    assert response.headers["location"] == "https://voice.example/c-1"
    assert response.headers["LOCATION"] == "https://voice.example/c-1"
    assert response.raw_data == json.dumps(CREATE_CALL_RESPONSE).encode()
    data, status, headers = response
    assert data is response.data and data.call_id == CALL_ID
    assert status == 201
    assert headers is response.headers


def test_create_call_without_preload_content_is_raw_and_unread(wire: Wire, api: CallsApi) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, method="POST")
    raw = api.create_call_without_preload_content(ACCOUNT, new_call())
    assert isinstance(raw, urllib3.BaseHTTPResponse)
    assert raw.status == 201
    assert json.loads(raw.read()) == CREATE_CALL_RESPONSE
    raw.release_conn()


# -- get_call_state -------------------------------------------------------------


def test_get_call_state(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, json=CALL_STATE)
    state = api.get_call_state(ACCOUNT, CALL_ID)
    request = wire.last
    assert request.method == "GET"
    assert wire.raw_target(request) == f"/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID}"
    assert request.get_data() == b""
    assert "Content-Type" not in request.headers
    assert_common_headers(request)
    assert isinstance(state, CallState)
    assert state.direction is CallDirectionEnum.OUTBOUND
    assert state.stir_shaken == {"verstat": "TN-Validation-Passed", "attestationIndicator": "A"}
    assert state.end_time == datetime(2022, 6, 16, 13, 15, 18, 314000, tzinfo=timezone.utc)
    assert state.parent_call_id is None


def test_get_call_state_variants(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, json=CALL_STATE, headers={"X-Multi": "1"})
    data, status, headers = api.get_call_state_with_http_info(ACCOUNT, CALL_ID)
    assert (data.call_id, status, headers["x-multi"]) == (CALL_ID, 200, "1")
    raw = api.get_call_state_without_preload_content(ACCOUNT, CALL_ID)
    assert raw.status == 200 and json.loads(raw.read())["callId"] == CALL_ID


def test_path_parameters_cannot_change_the_path(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, json=CALL_STATE)
    api.get_call_state(ACCOUNT, "c/../x")
    assert wire.raw_target(wire.last) == f"/api/v2/accounts/{ACCOUNT}/calls/c%2F..%2Fx"
    api.get_call_state("a b?#", "..")
    assert wire.raw_target(wire.last) == "/api/v2/accounts/a%20b%3F%23/calls/%2E%2E"


# -- list_calls ------------------------------------------------------------------


@pytest.mark.parametrize("number", ["+19195551234", "%2b19195551234", "%2B19195551234"])
def test_list_calls_phone_filters_go_on_the_wire_encoded_once(
    wire: Wire, api: CallsApi, number: str
) -> None:
    wire.answer(200, json=[])
    api.list_calls(ACCOUNT, to=number, var_from=number)
    assert wire.raw_target(wire.last) == (
        f"/api/v2/accounts/{ACCOUNT}/calls?to=%2B19195551234&from=%2B19195551234"
    )


def test_list_calls_every_filter(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, json=[CALL_STATE, {**CALL_STATE, "callId": "c-2"}])
    start = datetime(2022, 6, 21, 19, 13, 21, tzinfo=timezone.utc)
    calls = api.list_calls(
        ACCOUNT,
        to="+19195551234",
        var_from="+19195554321",
        min_start_time=start,
        max_start_time="2022-06-22T19:13:21.5-04:00",
        disconnect_cause="hangup",
        page_size=500,
        page_token="eyJwYWdlVG9rZW4iOiJ0b2tlbiJ9",
    )
    assert wire.raw_target(wire.last) == (
        f"/api/v2/accounts/{ACCOUNT}/calls?to=%2B19195551234&from=%2B19195554321"
        "&minStartTime=2022-06-21T19%3A13%3A21Z&maxStartTime=2022-06-22T19%3A13%3A21.5-04%3A00"
        "&disconnectCause=hangup&pageSize=500&pageToken=eyJwYWdlVG9rZW4iOiJ0b2tlbiJ9"
    )
    assert [c.call_id for c in calls] == [CALL_ID, "c-2"]
    assert all(isinstance(c, CallState) for c in calls)


def test_list_calls_datetimes_are_sent_in_utc(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, json=[])
    eastern = timezone(timedelta(hours=-4))
    api.list_calls(
        ACCOUNT,
        min_start_time=datetime(2022, 6, 21, 15, 13, 21, tzinfo=eastern),
        max_start_time=datetime(2022, 6, 21, 19, 13, 21, 250000),  # naive means UTC
    )
    assert wire.last.args["minStartTime"] == "2022-06-21T19:13:21Z"
    assert wire.last.args["maxStartTime"] == "2022-06-21T19:13:21.250Z"


def test_list_calls_with_http_info_keeps_repeated_link_headers(wire: Wire, api: CallsApi) -> None:
    wire.server.expect_request("/api/v2/accounts/9900000/calls").respond_with_response(
        _response_with_two_links()
    )
    data, status, headers = api.list_calls_with_http_info(ACCOUNT)
    assert data == [] and status == 200
    assert headers.getlist("Link") == ['</a>; rel="prev"', '</b>; rel="next"']


def _response_with_two_links() -> object:
    from werkzeug import Response

    response = Response(b"[]", status=200, content_type="application/json")
    response.headers.add("Link", '</a>; rel="prev"')
    response.headers.add("Link", '</b>; rel="next"')
    return response


def test_list_calls_without_preload_content(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, json=[CALL_STATE])
    raw = api.list_calls_without_preload_content(ACCOUNT, page_size=1)
    assert wire.raw_target(wire.last).endswith("?pageSize=1")
    assert json.loads(raw.read())[0]["callId"] == CALL_ID


# -- update_call -----------------------------------------------------------------


def test_update_call_completed_sends_just_the_state(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, method="POST")
    assert api.update_call(ACCOUNT, CALL_ID, UpdateCall(state="completed")) is None
    request = wire.last
    assert wire.raw_target(request) == f"/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID}"
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/json"
    assert request.get_data() == b'{"state":"completed"}'
    assert_common_headers(request)


def test_update_call_redirect(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, method="POST")
    response = api.update_call_with_http_info(
        ACCOUNT,
        CALL_ID,
        UpdateCall(
            state="active",
            redirect_url="https://myServer.example/bandwidth/webhooks/redirect",
            redirect_method="GET",
            tag="",
        ),
    )
    assert (response.data, response.status_code) == (None, 200)
    assert json.loads(wire.last.get_data()) == {
        "state": "active",
        "redirectUrl": "https://myServer.example/bandwidth/webhooks/redirect",
        "redirectMethod": "GET",
        "tag": "",
    }


def test_update_call_explicit_null_is_sent(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, method="POST")
    api.update_call(ACCOUNT, CALL_ID, UpdateCall(redirect_url="https://a.example/r", tag=None))
    assert wire.last.get_data() == b'{"redirectUrl":"https://a.example/r","tag":null}'


def test_update_call_without_preload_content(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, method="POST")
    raw = api.update_call_without_preload_content(ACCOUNT, CALL_ID, UpdateCall(state="completed"))
    assert raw.status == 200 and raw.read() == b""


# -- update_call_bxml ----------------------------------------------------------------

BXML = '<?xml version="1.0" encoding="UTF-8"?><Bxml><SpeakSentence>Hi ☎</SpeakSentence></Bxml>'


@pytest.mark.parametrize("document", [BXML, BXML.encode("utf-8")])
def test_update_call_bxml_str_or_bytes(wire: Wire, api: CallsApi, document: object) -> None:
    wire.answer(204, method="PUT")
    assert api.update_call_bxml(ACCOUNT, CALL_ID, document) is None
    request = wire.last
    assert request.method == "PUT"
    assert wire.raw_target(request) == f"/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID}/bxml"
    assert request.headers["Content-Type"] == "application/xml"
    assert request.get_data() == BXML.encode("utf-8")
    assert_common_headers(request)


def test_update_call_bxml_accepts_a_bxml_document(wire: Wire, api: CallsApi) -> None:
    from bandwidth.models import Bxml
    from bandwidth.models.bxml import Hangup, SpeakSentence

    wire.answer(204, method="PUT")
    api.update_call_bxml(ACCOUNT, CALL_ID, Bxml([SpeakSentence("Bye <now> & then"), Hangup()]))
    assert wire.last.headers["Content-Type"] == "application/xml"
    assert wire.last.get_data().decode("utf-8") == (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<Bxml><SpeakSentence>Bye &lt;now&gt; &amp; then</SpeakSentence><Hangup /></Bxml>"
    )


def test_update_call_bxml_accepts_an_object_with_to_bxml(wire: Wire, api: CallsApi) -> None:
    class Document:
        def to_bxml(self) -> str:
            return BXML

    wire.answer(204, method="PUT")
    response = api.update_call_bxml_with_http_info(ACCOUNT, CALL_ID, Document())
    assert response.status_code == 204 and response.data is None
    assert wire.last.get_data() == BXML.encode("utf-8")
    raw = api.update_call_bxml_without_preload_content(ACCOUNT, CALL_ID, BXML)
    assert raw.status == 204


# -- extras ----------------------------------------------------------------------------


def test_extras_headers_auth_content_type_host_index(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, method="POST")
    api.update_call(
        ACCOUNT,
        CALL_ID,
        UpdateCall(state="completed"),
        _headers={"X-Request-Id": "42"},
        _request_auth={
            "in": "header",
            "type": "bearer",
            "key": "Authorization",
            "value": "Bearer t",
        },
        _content_type="application/json; charset=utf-8",
        _host_index=0,
        _request_timeout=(1, 2),
    )
    request = wire.last
    assert request.headers["X-Request-Id"] == "42"
    assert request.headers["Authorization"] == "Bearer t"
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"


def test_extras_positionally_in_the_official_order(wire: Wire, api: CallsApi) -> None:
    auth = {"in": "header", "key": "Authorization", "value": "Bearer positional"}
    wire.answer(200, method="POST")
    api.update_call(
        ACCOUNT,
        CALL_ID,
        UpdateCall(state="completed"),
        (1, 2),
        auth,
        "application/json; charset=utf-8",
        {"X-Request-Id": "7"},
        0,
    )
    request = wire.last
    assert request.headers["Authorization"] == "Bearer positional"
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"
    assert request.headers["X-Request-Id"] == "7"

    wire.answer(200, json=CALL_STATE)
    info = api.get_call_state_with_http_info(ACCOUNT, CALL_ID, 5, None, None, {"X-Page": "1"})
    assert info.status_code == 200 and wire.last.headers["X-Page"] == "1"
    with pytest.raises(ApiValueError, match="_host_index"):
        api.list_calls(ACCOUNT, None, None, None, None, None, None, None, None, None, None, None, 1)
    with pytest.raises(ApiTypeError, match="positional argument"):
        api.get_call_state(ACCOUNT, CALL_ID, 5, None, None, None, 0, "one too many")


def test_bearer_token_configuration(wire: Wire) -> None:
    from bandwidth import ApiClient, Configuration

    wire.answer(200, json=CALL_STATE)
    api = CallsApi(ApiClient(Configuration(host=wire.url, access_token="tok-123")))
    api.get_call_state(ACCOUNT, CALL_ID)
    assert wire.last.headers["Authorization"] == "Bearer tok-123"


def test_default_headers_and_user_agent(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, json=CALL_STATE)
    api.api_client.user_agent = "my-app/1.0"
    api.api_client.set_default_header("X-Team", "voice")
    api.get_call_state(ACCOUNT, CALL_ID)
    assert wire.last.headers["User-Agent"] == "my-app/1.0"
    assert wire.last.headers["X-Team"] == "voice"
