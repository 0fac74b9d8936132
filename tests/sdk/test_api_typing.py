"""Type checkers see every variant of every operation with its exact signature.

A user file calls the three variants positionally and by keyword (the
per-call extras too), with the right types, which must check clean under
``mypy --strict`` and pyright, and with wrong ones, each of which both must
report.
"""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys
from typing import List

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

GOOD = """
from datetime import datetime
from typing import List

from urllib3 import BaseHTTPResponse

from bandwidth import (
    AccountStatistics,
    ApiResponse,
    CallsApi,
    CallState,
    CallTranscriptionMetadata,
    Conference,
    ConferencesApi,
    CreateCall,
    CreateCallResponse,
    RecordingsApi,
    StatisticsApi,
    TranscriptionsApi,
    UpdateCall,
    UpdateConferenceMember,
)
from bandwidth.models.bxml import Response, SpeakSentence
from bandwidth import EndpointsApi, MFAApi, PhoneNumberLookupApi, TollFreeVerificationApi
from bandwidth.models.code_request import CodeRequest
from bandwidth.models.endpoints import Endpoints
from bandwidth.models.get_async_bulk_lookup_response import GetAsyncBulkLookupResponse
from bandwidth.models.voice_code_response import VoiceCodeResponse
from uuid import UUID

api = CallsApi()
body = CreateCall(to="+1", var_from="+1", application_id="a", answer_url="https://x")
created: CreateCallResponse = api.create_call("9900000", body)
created = api.create_call(account_id="9900000", create_call={"to": "+1"})
info: ApiResponse[CreateCallResponse] = api.create_call_with_http_info("9900000", body, 5)
raw: BaseHTTPResponse = api.create_call_without_preload_content("9900000", body, (1.0, 2.0))
state: CallState = api.get_call_state("9900000", "c-1", 3.0, None, None, {"X-A": "b"}, 0)
page: List[CallState] = api.list_calls("9900000", "+1", page_size=5, _request_timeout=2)
since: List[CallState] = api.list_calls("9900000", min_start_time=datetime(2024, 1, 1))
api.update_call("a", "c", UpdateCall(state="completed"), _headers={"a": "b"})
nothing: None = api.update_call_bxml("a", "c", Response([SpeakSentence("hi")]))
api.update_call_bxml_with_http_info("a", "c", b"<Bxml/>", _request_auth={"value": "x"})
unbound: CallState = CallsApi.get_call_state(api, "a", "c")
every: List[CallState] = list(api.iter_calls("a", page_size=3, _request_timeout=4))

conferences = ConferencesApi(api.api_client)
room: Conference = conferences.get_conference("a", "conf-1", 2.0)
rooms: List[Conference] = list(conferences.iter_conferences("a", name="standup"))
conferences.update_conference_member("a", "conf-1", "c-1", UpdateConferenceMember(mute=True))
conferences.update_conference_bxml_with_http_info("a", "conf-1", "<Bxml/>", None, None, None, {})
recordings = RecordingsApi()
media: bytes = recordings.download_call_recording("a", "c", "r")
saved: ApiResponse[int] = recordings.download_call_recording_to("a", "c", "r", "call.wav")
with open("call.wav", "wb") as file:
    recordings.download_call_recording_to("a", "c", "r", file, max_bytes=10, _request_timeout=5)
recordings.update_call_recording_state("a", "c", {"state": "paused"})
texts: List[CallTranscriptionMetadata] = TranscriptionsApi().list_real_time_transcriptions("a", "c")
stats: AccountStatistics = StatisticsApi().get_statistics("a", _host_index=0)
code = CodeRequest(to="+1", var_from="+1", application_id="a", message="{CODE}", digits=6)
voice: VoiceCodeResponse = MFAApi().generate_voice_code("a", code)
MFAApi().verify_code_with_http_info("a", {"to": "+1", "code": "1234"}, _request_timeout=3)
lookup = PhoneNumberLookupApi()
bulk: GetAsyncBulkLookupResponse = lookup.get_async_bulk_lookup("a", UUID(int=1))
cases: List[str] = TollFreeVerificationApi().list_toll_free_use_cases(5)
TollFreeVerificationApi().delete_webhook_subscription("a", id="s")
everyone: List[Endpoints] = list(EndpointsApi().iter_endpoints("a", limit=10, _request_timeout=2))
"""

#: (a wrong call, what mypy says about it, what pyright says)
BAD = [
    ('api.get_call_state("a", 42)', 'Argument 2 has incompatible type "int"', '"call_id"'),
    ('api.create_call("a", "no")', "Argument 2 has incompatible type", '"create_call"'),
    ('api.list_calls("a", page_size="5")', 'Argument "page_size"', '"page_size"'),
    ('api.get_call_state("a", "c", "slow")', "Argument 3 has incompatible", '"_request_timeout"'),
    ('api.get_call_state_with_http_info("a", "c", _headers=["x"])', '"_headers"', '"_headers"'),
    ('api.update_call_bxml_without_preload_content("a", "c", 12)', "Argument 3", '"body"'),
    ('api.get_call_state("a", "c", _request_timout=5)', '"_request_timout"', '"_request_timout"'),
    ('wrong: str = api.get_call_state("a", "c")', "Incompatible types in assignment", '"str"'),
    ('text: ApiResponse[str] = api.get_call_state_with_http_info("a", "c")', "Incompatible", "str"),
    ('api.update_call("a", "c", UpdateCall(), 1, 2, 3, 4, 5, 6)', "Too many arguments", "Expected"),
    ('api.iter_calls("a", page_sise=3)', '"page_sise"', '"page_sise"'),
    (
        'conferences.get_conference("a")',
        "Too few arguments",
        "conference_id",
    ),
    (
        'conferences.update_conference("a", "c", UpdateCall())',
        '"UpdateCall"',
        '"update_conference"',
    ),
    ('audio: str = recordings.download_call_recording("a", "c", "r")', "Incompatible", '"str"'),
    ('recordings.download_call_recording_to("a", "c", "r", 42)', "Argument 4", '"destination"'),
    ('conferences.iter_conferences("a", max_pages="9")', '"max_pages"', '"max_pages"'),
    ('conferences.iter_conferences("a", page_token="x")', '"page_token"', '"page_token"'),
    ('StatisticsApi().get_statistics("a", _headers=1)', '"_headers"', '"_headers"'),
    ('MFAApi().verify_code("a", code)', '"CodeRequest"', '"verify_code_request"'),
    ('lookup.get_async_bulk_lookup("a", 7)', "Argument 2", '"request_id"'),
    (
        'TollFreeVerificationApi().get_toll_free_verification_status("a", 1)',
        "Argument 2",
        '"phone_number"',
    ),
    ('EndpointsApi().iter_endpoints("a", after_cursor="c")', '"after_cursor"', '"after_cursor"'),
]


def user_file(tmp_path: pathlib.Path) -> pathlib.Path:
    lines = GOOD.strip("\n").splitlines() + [call for call, _, _ in BAD]
    path = tmp_path / "user_code.py"
    path.write_text("\n".join(lines) + "\n")
    return path


def errors_by_line(output: str, pattern: str) -> dict:
    found: dict = {}
    for match in re.finditer(pattern, output, re.MULTILINE):
        found.setdefault(int(match.group(1)), []).append(match.group(2))
    return found


def check(found: dict, column: int) -> None:
    first_bad = len(GOOD.strip("\n").splitlines()) + 1
    assert all(line >= first_bad for line in found), found  # the good calls check clean
    for offset, case in enumerate(BAD):
        messages = " ".join(found.get(first_bad + offset, []))
        assert case[column] in messages, (case[0], messages)
    assert sorted(found) == list(range(first_bad, first_bad + len(BAD)))


def run(command: List[str]) -> str:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    return result.stdout + result.stderr


def test_mypy_strict_checks_every_variant(tmp_path: pathlib.Path) -> None:
    path = user_file(tmp_path)
    output = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)])
    check(errors_by_line(output, r"^.*user_code\.py:(\d+): error: (.*)$"), 1)


def test_pyright_checks_every_variant(tmp_path: pathlib.Path) -> None:
    path = user_file(tmp_path)
    output = run([sys.executable, "-m", "pyright", str(path)])
    if "user_code.py" not in output:
        pytest.fail(f"pyright did not run:\n{output}")
    # pyright prints "path:line:col - error: message" and indented detail lines after it
    found: dict = {}
    current = None
    for line in output.splitlines():
        match = re.match(r"^\s*\S*user_code\.py:(\d+):\d+ - error: (.*)$", line)
        if match:
            current = int(match.group(1))
            found.setdefault(current, []).append(match.group(2))
        elif current is not None and line.startswith("    "):
            found[current].append(line.strip())
        else:
            current = None
    check(found, 2)
