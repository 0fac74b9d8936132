"""Every error status becomes its own ApiException subclass, carrying the server's answer."""

from __future__ import annotations

import json
from typing import Type

import pytest

from bandwidth import CallsApi, UpdateCall, VoiceApiError
from bandwidth.exceptions import (
    ApiException,
    BadRequestException,
    ConflictException,
    ForbiddenException,
    InvalidResponseException,
    MethodNotAllowedException,
    NotFoundException,
    ServiceException,
    TooManyRequestsException,
    UnauthorizedException,
    UnprocessableEntityException,
    UnsupportedMediaTypeException,
)
from bandwidth.rest import ApiException as RestApiException
from tests.support.wire import ACCOUNT, CALL_ID, Wire

ERROR = {
    "type": "validation",
    "description": "Invalid answerUrl: only http and https are allowed.",
    "id": "e-1",
}


@pytest.mark.parametrize(
    ("status", "exc_class"),
    [
        (400, BadRequestException),
        (401, UnauthorizedException),
        (403, ForbiddenException),
        (404, NotFoundException),
        (405, MethodNotAllowedException),
        (409, ConflictException),
        (415, UnsupportedMediaTypeException),
        (422, UnprocessableEntityException),
        (429, TooManyRequestsException),
        (500, ServiceException),
        (502, ServiceException),
        (503, ServiceException),
        (504, ServiceException),
        (418, ApiException),
        (302, ApiException),
    ],
)
def test_status_maps_to_class(
    wire: Wire, api: CallsApi, status: int, exc_class: Type[ApiException]
) -> None:
    wire.answer(status, json=ERROR, headers={"X-Error": "yes"})
    with pytest.raises(exc_class) as caught:
        api.get_call_state(ACCOUNT, CALL_ID)
    exc = caught.value
    assert type(exc) is exc_class
    assert exc.status == status
    assert exc.headers is not None and exc.headers["x-error"] == "yes"
    assert exc.body == json.dumps(ERROR)
    assert isinstance(exc.data, VoiceApiError)
    assert exc.data.description == ERROR["description"] and exc.data.id == "e-1"
    first_line = str(exc).splitlines()[0]
    assert first_line.startswith(f"({status}) ")
    assert first_line.endswith(": Invalid answerUrl: only http and https are allowed.")
    assert isinstance(exc, RestApiException)


def test_update_call_on_ended_call_is_conflict(wire: Wire, api: CallsApi) -> None:
    wire.answer(409, json={"type": "conflict", "description": "Call has ended"}, method="POST")
    with pytest.raises(ConflictException) as caught:
        api.update_call(ACCOUNT, CALL_ID, UpdateCall(state="completed"))
    assert caught.value.summary() == "(409) CONFLICT: Call has ended"


def test_error_body_that_is_not_json(wire: Wire, api: CallsApi) -> None:
    wire.answer(502, body=b"<html>Bad gateway</html>", content_type="text/html")
    with pytest.raises(ServiceException) as caught:
        api.get_call_state(ACCOUNT, CALL_ID)
    assert caught.value.data is None
    assert caught.value.body == "<html>Bad gateway</html>"
    assert str(caught.value).splitlines()[0] == "(502) BAD GATEWAY"


def test_error_body_with_unknown_fields_is_kept(wire: Wire, api: CallsApi) -> None:
    wire.answer(400, json={**ERROR, "errors": [{"field": "to"}]})
    with pytest.raises(BadRequestException) as caught:
        api.get_call_state(ACCOUNT, CALL_ID)
    assert caught.value.data.additional_properties == {"errors": [{"field": "to"}]}


@pytest.mark.parametrize(
    ("header", "expected"),
    [("7", 7.0), ("0", 0.0), ("string", None), ("-3", None), ("", None), (None, None)],
)
def test_too_many_requests_retry_after(
    wire: Wire, api: CallsApi, header: object, expected: object
) -> None:
    headers = {"Retry-After": header} if header is not None else {}
    wire.answer(429, json=ERROR, headers=headers)  # type: ignore[arg-type]
    with pytest.raises(TooManyRequestsException) as caught:
        api.get_call_state(ACCOUNT, CALL_ID)
    assert caught.value.retry_after == expected


def test_too_many_requests_retry_after_http_date(wire: Wire, api: CallsApi) -> None:
    wire.answer(429, json=ERROR, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    with pytest.raises(TooManyRequestsException) as caught:
        api.get_call_state(ACCOUNT, CALL_ID)
    assert caught.value.retry_after == 0.0  # a date in the past means "now"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"{not json", "unreadable body"),
        (b'{"callId": 42}', "unreadable body"),
        (b"[1, 2]", "unreadable body"),
        (b"", "empty body"),
    ],
)
def test_2xx_that_does_not_decode(wire: Wire, api: CallsApi, body: bytes, fragment: str) -> None:
    wire.answer(200, body=body, content_type="application/json")
    with pytest.raises(InvalidResponseException) as caught:
        api.get_call_state(ACCOUNT, CALL_ID)
    exc = caught.value
    assert exc.status == 200
    assert exc.body == body.decode()
    assert fragment in str(exc).splitlines()[0]
    assert "get_call_state" in str(exc)


def test_list_calls_with_a_bad_item_is_invalid_response(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, json=[{"callId": "c-1"}, {"startTime": "yesterday"}])
    with pytest.raises(InvalidResponseException) as caught:
        api.list_calls(ACCOUNT)
    assert "1.startTime" in str(caught.value).splitlines()[0]


def test_create_call_2xx_missing_required_field(wire: Wire, api: CallsApi) -> None:
    from tests.support.wire import new_call

    wire.answer(201, json={"callId": "c-1"}, method="POST")
    with pytest.raises(InvalidResponseException):
        api.create_call(ACCOUNT, new_call())


def test_exception_repr_and_pickle_friendly_attributes() -> None:
    exc = NotFoundException(404, "Not Found", body="{}")
    assert repr(exc) == "NotFoundException(status=404, reason='Not Found')"
    assert str(exc) == "(404) Not Found\nHTTP response body: {}"
