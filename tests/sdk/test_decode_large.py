"""Large list pages: decoded in slices (same result), with the GC paused and resumed."""

from __future__ import annotations

import gc
import json
from typing import Any, Dict, List

import pytest

from bandwidth import CallsApi, CallState
from bandwidth._decode import CHUNK_BYTES, _decode_array_in_slices, decoder_for
from bandwidth.api.calls_api import LIST_CALLS
from bandwidth.exceptions import InvalidResponseException
from tests.support.wire import ACCOUNT, CALL_STATE, Wire


def page(count: int, **overrides: Any) -> List[Dict[str, Any]]:
    return [{**CALL_STATE, "callId": f"c-{i}", **overrides} for i in range(count)]


def body_of(items: List[Dict[str, Any]], **dumps: Any) -> bytes:
    return json.dumps(items, **dumps).encode()


@pytest.mark.parametrize("dumps", [{}, {"indent": 2}, {"separators": (",", ":")}])
def test_sliced_decode_equals_whole_decode(dumps: Dict[str, Any]) -> None:
    raw = body_of(page(600), **dumps)
    assert len(raw) > 3 * CHUNK_BYTES
    from pydantic import TypeAdapter

    adapter = TypeAdapter(List[CallState])
    sliced = _decode_array_in_slices(adapter.validate_json, raw)
    assert sliced is not None  # the sliced path really ran
    assert sliced == adapter.validate_json(raw) == decoder_for(LIST_CALLS.response_type)(raw)
    assert [c.call_id for c in sliced] == [f"c-{i}" for i in range(600)]


def test_separator_inside_strings_falls_back_to_a_whole_decode() -> None:
    items = page(600, errorMessage='tricky "},{" text', brandNew=[{"a": 1}, {"b": 2}])
    raw = body_of(items)
    from pydantic import TypeAdapter

    adapter = TypeAdapter(List[CallState])
    # Cut points landing in the string or the nested array make a slice invalid;
    # the helper then gives up and the whole body is decoded instead.
    result = decoder_for(LIST_CALLS.response_type)(raw)
    assert result == adapter.validate_json(raw)
    assert result[599].error_message == 'tricky "},{" text'
    assert result[0].additional_properties == {"brandNew": [{"a": 1}, {"b": 2}]}
    cut_in_a_string = b'[{"errorMessage":"' + b"x" * CHUNK_BYTES + b'},{"}, {}]'
    assert _decode_array_in_slices(adapter.validate_json, cut_in_a_string) is None


def test_a_bad_item_in_a_large_page_names_its_true_index(wire: Wire, api: CallsApi) -> None:
    items = page(700)
    items[650]["startTime"] = "yesterday"
    wire.answer(200, body=body_of(items), content_type="application/json")
    with pytest.raises(InvalidResponseException) as caught:
        api.list_calls(ACCOUNT)
    assert "650.startTime" in str(caught.value).splitlines()[0]


def test_gc_state_is_restored(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, body=body_of(page(600)), content_type="application/json")
    assert gc.isenabled()
    assert len(api.list_calls(ACCOUNT)) == 600
    assert gc.isenabled()
    gc.disable()
    try:
        api.list_calls(ACCOUNT)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_not_an_array_is_left_to_the_whole_decode() -> None:
    from pydantic import TypeAdapter

    adapter = TypeAdapter(List[CallState])
    assert _decode_array_in_slices(adapter.validate_json, b'{"a": 1}' + b" " * CHUNK_BYTES) is None
    assert _decode_array_in_slices(adapter.validate_json, b"x[" + b" " * CHUNK_BYTES + b"]") is None
