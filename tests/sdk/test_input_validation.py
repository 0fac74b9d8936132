"""Bad input raises a typed error naming the parameter, and nothing reaches the wire."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from bandwidth import CallsApi, CreateCall, UpdateCall
from bandwidth.exceptions import ApiTypeError, ApiValueError
from tests.support.wire import ACCOUNT, CALL_ID, Wire, new_call

CASES = [
    (lambda api: api.list_calls(ACCOUNT, page_size=0), ApiValueError, "page_size"),
    (lambda api: api.list_calls(ACCOUNT, page_size=10001), ApiValueError, "page_size"),
    (lambda api: api.list_calls(ACCOUNT, page_size="5"), ApiTypeError, "page_size"),
    (lambda api: api.list_calls(ACCOUNT, page_size=True), ApiTypeError, "page_size"),
    (lambda api: api.list_calls(ACCOUNT, to=19195551234), ApiTypeError, "to"),
    (lambda api: api.list_calls(ACCOUNT, var_from=""), ApiValueError, "var_from"),
    (
        lambda api: api.list_calls(ACCOUNT, min_start_time="yesterday"),
        ApiValueError,
        "min_start_time",
    ),
    (lambda api: api.list_calls(ACCOUNT, max_start_time=12), ApiTypeError, "max_start_time"),
    (lambda api: api.list_calls(ACCOUNT, disconnect_cause=5), ApiTypeError, "disconnect_cause"),
    (lambda api: api.list_calls(ACCOUNT, page_token=b"x"), ApiTypeError, "page_token"),
    (lambda api: api.get_call_state(9900000, CALL_ID), ApiTypeError, "account_id"),
    (lambda api: api.get_call_state(ACCOUNT, ""), ApiValueError, "call_id"),
    (lambda api: api.get_call_state(ACCOUNT, None), ApiTypeError, "call_id"),
    (lambda api: api.create_call(ACCOUNT, "not a model"), ApiTypeError, "create_call"),
    (lambda api: api.update_call(ACCOUNT, CALL_ID, None), ApiTypeError, "update_call"),
    (lambda api: api.update_call_bxml(ACCOUNT, CALL_ID, 42), ApiTypeError, "body"),
    (lambda api: api.update_call_bxml(ACCOUNT, CALL_ID, "  "), ApiValueError, "body"),
    (
        lambda api: api.get_call_state(ACCOUNT, CALL_ID, _request_timout=5),
        ApiTypeError,
        "_request_timout",
    ),
    (lambda api: api.get_call_state(ACCOUNT, CALL_ID, _host_index=1), ApiValueError, "_host_index"),
    (
        lambda api: api.get_call_state(ACCOUNT, CALL_ID, _request_timeout=-1),
        ApiValueError,
        "_request_timeout",
    ),
    (
        lambda api: api.get_call_state(ACCOUNT, CALL_ID, _request_timeout="fast"),
        ApiTypeError,
        "_request_timeout",
    ),
    (
        lambda api: api.create_call(ACCOUNT, new_call(), _content_type="text/plain"),
        ApiValueError,
        "_content_type",
    ),
    (
        lambda api: api.get_call_state(ACCOUNT, CALL_ID, _request_auth={"in": "query"}),
        ApiValueError,
        "_request_auth",
    ),
    (lambda api: api.get_call_state(ACCOUNT, CALL_ID, _headers=["x"]), ApiTypeError, "_headers"),
]


@pytest.mark.parametrize(("action", "exc_class", "name"), CASES)
def test_bad_parameter_is_named_and_nothing_is_sent(
    wire: Wire, api: CallsApi, action: Callable[[CallsApi], Any], exc_class: type, name: str
) -> None:
    wire.answer(200, json={})
    with pytest.raises(exc_class) as caught:
        action(api)
    assert name in str(caught.value)
    assert wire.requests == []


def test_dict_bodies_are_validated_strictly(wire: Wire, api: CallsApi) -> None:
    from bandwidth.exceptions import RequestValidationError

    with pytest.raises(RequestValidationError, match="redirect_ur"):
        api.update_call(ACCOUNT, CALL_ID, {"redirect_ur": "https://a.example"})  # type: ignore[arg-type]
    with pytest.raises(RequestValidationError, match="answerUrl"):
        api.create_call(ACCOUNT, {"to": "+19195551234"})  # type: ignore[arg-type]
    assert wire.requests == []


def test_misspelled_keyword_on_a_method_is_a_type_error(api: CallsApi) -> None:
    with pytest.raises(TypeError, match="pagesize"):
        api.list_calls(ACCOUNT, pagesize=5)  # type: ignore[call-arg]


def test_validation_errors_are_value_and_type_errors() -> None:
    assert issubclass(ApiValueError, ValueError)
    assert issubclass(ApiTypeError, TypeError)
    with pytest.raises(ValueError):
        UpdateCall(state="completed", tag="x").check()
    with pytest.raises(ValueError):
        CreateCall(to="+1")  # type: ignore[call-arg]
