"""One benchmark measurement for one client, printed as one JSON object.

    python bench/worker.py --client ours|official|raw --measure MEASURE --url http://127.0.0.1:PORT

Run it with the interpreter of the venv whose ``bandwidth`` is to be measured
(both SDKs import as ``bandwidth``, so each lives in its own venv and each
measurement in its own process). ``raw`` is urllib3 + ``json``: the floor.

Measures:

* ``create_call``, ``get_call_state``, ``update_call``, ``update_call_bxml``,
  and one read of each other API class (``get_conference``,
  ``get_call_recording``, ``get_real_time_transcription``,
  ``get_statistics``), and the Messages API's ``create_message`` and
  ``list_messages`` (a 100-message page): ``--iterations`` sequential calls on one keep-alive
  client (after ``--warmup`` calls); value = calls/s.
* ``list_calls``: fetch + decode a ``--page-size`` page ``--iterations``
  times; value = mean ms per fetch.
* ``memory``: peak and retained RSS (and tracemalloc) for one fetch + decode
  of a ``--page-size`` page, in this fresh process; value = peak MiB.
* ``import``: a fresh interpreter times ``import bandwidth; from bandwidth
  import CallsApi`` (raw: ``import urllib3, json``); value = ms.
* ``threads``: ``--threads`` threads share one client, each calling
  get_call_state for ``--duration`` seconds; value = total calls/s.
* ``download``: one ``--media-bytes`` recording (100 MB) downloaded in this
  fresh process: ours streams it to a file (``download_call_recording_to``),
  the official SDK returns it as bytes (its only way, ``download_call_recording``),
  raw urllib3 streams it to a file; value = peak RSS MiB.

Every measure checks what the client decoded against the data the server
serves, and reports ``ok`` (a wrong result is a failed run, not a number).
Standard library + the client under test only; Python >= 3.9.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import subprocess
import sys
import threading
import time
from datetime import datetime
from typing import Any, Callable, Dict, List, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _common

SINGLE_CALLS = (
    "create_call",
    "get_call_state",
    "update_call",
    "update_call_bxml",
    "get_conference",
    "get_call_recording",
    "get_real_time_transcription",
    "get_statistics",
    "create_message",
    "list_messages",
)
MEASURES = (*SINGLE_CALLS, "list_calls", "memory", "import", "threads", "download")

# What a fresh interpreter runs for the import measure. It imports nothing of
# its own before the timed import (sys and time are built in).
IMPORT_SNIPPETS = {
    "sdk": "import bandwidth\nfrom bandwidth import CallsApi\n",
    "raw": "import urllib3, json\n",
}
_IMPORT_PROBE = """\
import sys, time
_before = len(sys.modules)
_t0 = time.perf_counter()
exec(compile({code!r}, "<import>", "exec"))
_elapsed = time.perf_counter() - _t0
_after = len(sys.modules)
sys.stdout.write("%r %d %d\\n" % (_elapsed, _before, _after))
"""


class Failed(Exception):
    """The client got a wrong answer."""


# -- the three clients -------------------------------------------------------


class RawClient:
    """Plain urllib3 + json: the same requests, headers and bodies as the SDKs send."""

    name = "raw"

    def __init__(self, url: str, maxsize: int = 16) -> None:
        import urllib3

        # maxsize: keep one connection per thread (the default of 1 would
        # make the threaded floor churn connections); irrelevant when sequential.
        self.http = urllib3.PoolManager(maxsize=maxsize)
        base = f"{url}/accounts/{_common.ACCOUNT}/calls"
        self.calls_url = base
        self.call_url = f"{base}/{_common.CALL_ID}"
        self.bxml_url = f"{self.call_url}/bxml"
        account = f"{url}/accounts/{_common.ACCOUNT}"
        self.conference_url = f"{account}/conferences/{_common.CONFERENCE_ID}"
        self.recording_url = f"{self.call_url}/recordings/{_common.RECORDING_ID}"
        self.transcription_url = f"{self.call_url}/transcriptions/{_common.TRANSCRIPTION_ID}"
        self.statistics_url = f"{account}/statistics"
        self.messages_url = f"{url}/users/{_common.ACCOUNT}/messages"
        common = {
            "Authorization": _common.BASIC_AUTH,
            "User-Agent": "bench-raw-urllib3",
            "Accept": "application/json",
        }
        self.get_headers = common
        self.json_headers = dict(common, **{"Content-Type": "application/json"})
        self.xml_headers = dict(common, **{"Content-Type": "application/xml"})

    def _fail(self, what: str, response: Any) -> Failed:
        return Failed(f"{what}: HTTP {response.status}: {response.data[:200]!r}")

    def create_call(self) -> Any:
        body = json.dumps(
            {
                "to": "+19195551234",
                "from": "+19195554321",
                "applicationId": _common.APPLICATION_ID,
                "answerUrl": "https://myServer.example/bandwidth/webhooks/answer",
                "answerMethod": "POST",
                "disconnectUrl": "https://myServer.example/bandwidth/webhooks/disconnect",
                "callTimeout": 30,
                "callbackTimeout": 15,
                "tag": "bench",
            }
        ).encode()
        r = self.http.request("POST", self.calls_url, body=body, headers=self.json_headers)
        if r.status != 201:
            raise self._fail("create_call", r)
        return json.loads(r.data)

    def get_call_state(self) -> Any:
        r = self.http.request("GET", self.call_url, headers=self.get_headers)
        if r.status != 200:
            raise self._fail("get_call_state", r)
        return json.loads(r.data)

    def update_call(self) -> Any:
        body = json.dumps({"state": "completed"}).encode()
        r = self.http.request("POST", self.call_url, body=body, headers=self.json_headers)
        if r.status != 200:
            raise self._fail("update_call", r)
        return None

    def update_call_bxml(self) -> Any:
        r = self.http.request(
            "PUT", self.bxml_url, body=_common.BXML.encode(), headers=self.xml_headers
        )
        if r.status != 204:
            raise self._fail("update_call_bxml", r)
        return None

    def list_calls(self, page_size: int) -> Any:
        r = self.http.request(
            "GET", self.calls_url, fields={"pageSize": str(page_size)}, headers=self.get_headers
        )
        if r.status != 200:
            raise self._fail("list_calls", r)
        return json.loads(r.data)

    def _get(self, what: str, url: str) -> Any:
        r = self.http.request("GET", url, headers=self.get_headers)
        if r.status != 200:
            raise self._fail(what, r)
        return json.loads(r.data)

    def get_conference(self) -> Any:
        return self._get("get_conference", self.conference_url)

    def get_call_recording(self) -> Any:
        return self._get("get_call_recording", self.recording_url)

    def get_real_time_transcription(self) -> Any:
        return self._get("get_real_time_transcription", self.transcription_url)

    def get_statistics(self) -> Any:
        return self._get("get_statistics", self.statistics_url)

    def create_message(self) -> Any:
        body = json.dumps(_common.CREATE_MESSAGE_BODY).encode()
        r = self.http.request("POST", self.messages_url, body=body, headers=self.json_headers)
        if r.status != 202:
            raise self._fail("create_message", r)
        return json.loads(r.data)

    def list_messages(self) -> Any:
        r = self.http.request(
            "GET",
            self.messages_url,
            fields={"messageStatus": "DELIVERED", "limit": str(_common.MESSAGES_PAGE)},
            headers=self.get_headers,
        )
        if r.status != 200:
            raise self._fail("list_messages", r)
        return json.loads(r.data)

    def download(self, size: int, path: str) -> int:
        """Stream the media to ``path`` in chunks (what careful urllib3 code does)."""
        url = f"{self.call_url}/recordings/{_common.media_recording_id(size)}/media"
        r = self.http.request("GET", url, headers=self.get_headers, preload_content=False)
        if r.status != 200:
            raise self._fail("download", r)
        written = 0
        with open(path, "wb") as file:
            for chunk in r.stream(256 * 1024):
                file.write(chunk)
                written += len(chunk)
        r.release_conn()
        return written


class SdkClient:
    """This SDK or the official one, through the public API users call."""

    def __init__(self, kind: str, url: str) -> None:
        import bandwidth
        from bandwidth import ApiClient, CallsApi, Configuration, CreateCall, UpdateCall

        self.name = kind
        self.version = getattr(bandwidth, "__version__", "?")
        if kind == "official":
            # The official SDK applies a custom host only with this flag.
            configuration = Configuration(
                host=url,
                username=_common.USERNAME,
                password=_common.PASSWORD,
                ignore_operation_servers=True,
            )
        else:
            configuration = Configuration(
                host=url, username=_common.USERNAME, password=_common.PASSWORD
            )
        if kind == "ours":
            # Opt-in since it changes process-wide state; measured both ways (see run.py).
            configuration.gc_tuning = GC_TUNING
        self.api_client = ApiClient(configuration)
        self.api = CallsApi(self.api_client)
        self.CreateCall = CreateCall
        self.UpdateCall = UpdateCall
        self.kind = kind
        self._apis: Dict[str, Any] = {}
        self._message_request: Any = None

    def _api(self, name: str) -> Any:
        """Another API class on the same client, made on first use (not in import timings)."""
        api = self._apis.get(name)
        if api is None:
            import bandwidth

            api = self._apis[name] = getattr(bandwidth, name)(self.api_client)
        return api

    def create_call(self) -> Any:
        return self.api.create_call(
            _common.ACCOUNT,
            self.CreateCall(
                to="+19195551234",
                var_from="+19195554321",
                application_id=_common.APPLICATION_ID,
                answer_url="https://myServer.example/bandwidth/webhooks/answer",
                answer_method="POST",
                disconnect_url="https://myServer.example/bandwidth/webhooks/disconnect",
                call_timeout=30,
                callback_timeout=15,
                tag="bench",
            ),
        )

    def get_call_state(self) -> Any:
        return self.api.get_call_state(_common.ACCOUNT, _common.CALL_ID)

    def update_call(self) -> Any:
        return self.api.update_call(
            _common.ACCOUNT, _common.CALL_ID, self.UpdateCall(state="completed")
        )

    def update_call_bxml(self) -> Any:
        return self.api.update_call_bxml(_common.ACCOUNT, _common.CALL_ID, _common.BXML)

    def list_calls(self, page_size: int) -> Any:
        return self.api.list_calls(_common.ACCOUNT, page_size=page_size)

    def get_conference(self) -> Any:
        return self._api("ConferencesApi").get_conference(_common.ACCOUNT, _common.CONFERENCE_ID)

    def get_call_recording(self) -> Any:
        return self._api("RecordingsApi").get_call_recording(
            _common.ACCOUNT, _common.CALL_ID, _common.RECORDING_ID
        )

    def get_real_time_transcription(self) -> Any:
        return self._api("TranscriptionsApi").get_real_time_transcription(
            _common.ACCOUNT, _common.CALL_ID, _common.TRANSCRIPTION_ID
        )

    def get_statistics(self) -> Any:
        return self._api("StatisticsApi").get_statistics(_common.ACCOUNT)

    def create_message(self) -> Any:
        if self._message_request is None:
            from bandwidth.models.message_request import MessageRequest

            self._message_request = MessageRequest
        body = _common.CREATE_MESSAGE_BODY
        return self._api("MessagesApi").create_message(
            _common.ACCOUNT,
            self._message_request(
                application_id=body["applicationId"],
                to=body["to"],
                var_from=body["from"],
                text=body["text"],
                tag=body["tag"],
            ),
        )

    def list_messages(self) -> Any:
        return self._api("MessagesApi").list_messages(
            _common.ACCOUNT, message_status="DELIVERED", limit=_common.MESSAGES_PAGE
        )

    def download(self, size: int, path: str) -> int:
        """Ours: streamed to ``path``; the official SDK: the bytes (its only way), then saved."""
        api = self._api("RecordingsApi")
        recording = _common.media_recording_id(size)
        if self.kind == "ours":
            info = api.download_call_recording_to(_common.ACCOUNT, _common.CALL_ID, recording, path)
            return int(info.data)
        media = api.download_call_recording(_common.ACCOUNT, _common.CALL_ID, recording)
        with open(path, "wb") as file:
            file.write(media)
        return len(media)


#: ``--gc-tuning``: our SDK's opt-in ``Configuration.gc_tuning`` (the others ignore it).
GC_TUNING = False


def make_client(kind: str, url: str) -> Any:
    if kind == "raw":
        return RawClient(url)
    if kind in ("ours", "official"):
        return SdkClient(kind, url)
    raise SystemExit(f"unknown client {kind!r}")


# -- checks: the same, correct work --------------------------------------------


def _field(item: Any, wire: str, attr: str) -> Any:
    return item[wire] if isinstance(item, dict) else getattr(item, attr)


def _check_timestamp(kind: str, value: Any, expected: str) -> None:
    if kind == "raw":
        if value != expected:
            raise Failed(f"timestamp {value!r} != {expected!r}")
        return
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise Failed(f"timestamp not decoded to an aware datetime: {value!r}")
    if value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z" != expected:
        raise Failed(f"timestamp {value!r} != {expected!r}")


def check_call_state(kind: str, item: Any, expected: Dict[str, Any]) -> None:
    for wire, attr in (("callId", "call_id"), ("to", "to"), ("from", "var_from")):
        if _field(item, wire, attr) != expected[wire]:
            raise Failed(f"{wire}: {_field(item, wire, attr)!r} != {expected[wire]!r}")
    _check_timestamp(kind, _field(item, "startTime", "start_time"), expected["startTime"])


def check_result(kind: str, measure: str, result: Any, page_size: int = 0) -> None:
    if measure == "create_call":
        if _field(result, "callId", "call_id") != _common.CALL_ID:
            raise Failed(f"create_call returned {result!r}")
    elif measure in ("get_call_state", "threads"):
        check_call_state(kind, result, _common.CALL_STATE)
    elif measure in ("update_call", "update_call_bxml"):
        if result is not None:
            raise Failed(f"{measure} returned {result!r}, expected None")
    elif measure == "get_conference":
        members = _field(result, "activeMembers", "active_members")
        if _field(result, "id", "id") != _common.CONFERENCE_ID or len(members) != 3:
            raise Failed(f"get_conference returned {result!r}")
        if _field(members[2], "mute", "mute") is not True:
            raise Failed(f"get_conference member: {members[2]!r}")
    elif measure == "get_call_recording":
        if _field(result, "recordingId", "recording_id") != _common.RECORDING_ID:
            raise Failed(f"get_call_recording returned {result!r}")
        started = _field(result, "startTime", "start_time")
        _check_timestamp(kind, started, "2024-03-11T13:15:07.160Z")
    elif measure == "get_real_time_transcription":
        tracks = _field(result, "tracks", "tracks")
        if len(tracks) != 2 or _field(tracks[1], "confidence", "confidence") != 0.95:
            raise Failed(f"get_real_time_transcription returned {result!r}")
    elif measure == "get_statistics":
        if _field(result, "maxCallQueueSize", "max_call_queue_size") != 900:
            raise Failed(f"get_statistics returned {result!r}")
    elif measure == "create_message":
        if _field(result, "id", "id") != _common.MESSAGE_ID:
            raise Failed(f"create_message returned {result!r}")
        if _field(result, "to", "to") != ["+19195551234"]:
            raise Failed(f"create_message to: {_field(result, 'to', 'to')!r}")
    elif measure == "list_messages":
        items = _field(result, "messages", "messages")
        if len(items) != _common.MESSAGES_PAGE:
            raise Failed(f"list_messages returned {len(items)} messages")
        info = _field(result, "pageInfo", "page_info")
        if _field(info, "nextPageToken", "next_page_token") != "DLAPE902":
            raise Failed(f"list_messages page info: {info!r}")
        for index in {0, len(items) // 2, len(items) - 1}:
            expected = _common.list_message_item(index)
            if _field(items[index], "messageId", "message_id") != expected["messageId"]:
                raise Failed(f"list_messages item {index}: {items[index]!r}")
            _check_timestamp(
                kind, _field(items[index], "receiveTime", "receive_time"), expected["receiveTime"]
            )
    elif measure in ("list_calls", "memory"):
        if not isinstance(result, list) or len(result) != page_size:
            raise Failed(f"list_calls returned {type(result).__name__} of {len(result)} items")
        for index in {0, page_size // 2, page_size - 1}:
            check_call_state(kind, result[index], _common.call_state(index))


# -- server counters -------------------------------------------------------------


def server_stats(url: str) -> Dict[str, Any]:
    """The bench server's counters (over a connection of its own, counted in ``connections``)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", "/__bench/stats")
        stats: Dict[str, Any] = json.loads(conn.getresponse().read())
        return stats
    finally:
        conn.close()


def _delta(before: Dict[str, Any], after: Dict[str, Any]) -> Dict[str, Any]:
    return {
        # minus the stats connection of ``after`` itself
        "connections_opened": after["connections"] - before["connections"] - 1,
        "requests": after["requests"] - before["requests"] - 1,
        "server_cpu_s": after["cpu"] - before["cpu"],
    }


# -- measures --------------------------------------------------------------------


def measure_single(
    kind: str, op: str, url: str, iterations: int, warmup: int, client: Any = None
) -> Dict[str, Any]:
    if client is None:
        client = make_client(kind, url)
    call: Callable[[], Any] = getattr(client, op)
    result = None
    for _ in range(warmup):
        result = call()
    before = server_stats(url)
    cpu = time.process_time()
    started = time.perf_counter()
    for _ in range(iterations):
        result = call()
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu
    after = server_stats(url)
    check_result(kind, op, result)
    server = _delta(before, after)
    return {
        "value": iterations / elapsed,
        "unit": "calls/s",
        "us_per_call": elapsed / iterations * 1e6,
        "cpu_us_per_call": cpu / iterations * 1e6,
        "server_cpu_us_per_call": server["server_cpu_s"] / iterations * 1e6,
        **server,
    }


def measure_list(
    kind: str,
    url: str,
    page_size: int,
    iterations: int,
    warmup: int,
    client: Any = None,
    fresh: bool = True,
) -> Dict[str, Any]:
    first: Optional[float] = None
    result = None
    if client is None:
        client = make_client(kind, url)
    if fresh:  # the client's first call: time it (it connects and builds decoders)
        started = time.perf_counter()
        result = client.list_calls(page_size)
        first = time.perf_counter() - started
        warmup -= 1
    for _ in range(max(0, warmup)):
        result = client.list_calls(page_size)
    times: List[float] = []
    cpu = 0.0
    before = server_stats(url)
    for _ in range(iterations):
        result = None  # free the previous page first, as a loop over pages would
        cpu_started = time.process_time()
        started = time.perf_counter()
        result = client.list_calls(page_size)
        times.append(time.perf_counter() - started)
        cpu += time.process_time() - cpu_started
    after = server_stats(url)
    check_result(kind, "list_calls", result, page_size)
    server = _delta(before, after)
    return {
        "value": sum(times) / len(times) * 1e3,
        "unit": "ms",
        "min_ms": min(times) * 1e3,
        "cpu_ms_per_fetch": cpu / iterations * 1e3,
        "first_call_ms": None if first is None else first * 1e3,
        "server_cpu_ms_per_fetch": server["server_cpu_s"] / iterations * 1e3,
        **server,
    }


def _status_kib(field: str) -> Optional[int]:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) for this process (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
        return True
    except OSError:
        return False


def measure_memory(kind: str, url: str, page_size: int) -> Dict[str, Any]:
    import resource
    import tracemalloc

    client = make_client(kind, url)
    check_result(kind, "list_calls", client.list_calls(10), 10)  # connect, build decoders
    gc.collect()
    base = _rss_bytes()
    maxrss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    hwm_reset = _reset_peak()
    result = client.list_calls(page_size)
    hwm = _status_kib("VmHWM")
    if hwm_reset and hwm is not None:
        peak = hwm * 1024 - base
        method = "VmHWM after resetting it (clear_refs 5)"
    else:  # ru_maxrss is a lifetime high-water mark: only growth past it shows
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - max(base, maxrss_before)
        method = "ru_maxrss delta"
    gc.collect()
    retained = _rss_bytes() - base
    check_result(kind, "memory", result, page_size)
    del result
    gc.collect()
    tracemalloc.start()
    result = client.list_calls(page_size)
    gc.collect()
    tm_current, tm_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    check_result(kind, "memory", result, page_size)
    mib = 1024 * 1024
    return {
        "value": peak / mib,
        "unit": "MiB",
        "peak_mib": peak / mib,
        "retained_mib": retained / mib,
        "tracemalloc_peak_mib": tm_peak / mib,
        "tracemalloc_retained_mib": tm_current / mib,
        "baseline_rss_mib": base / mib,
        "peak_method": method,
    }


def _check_media(path: str, size: int) -> None:
    """The file holds the media the server sent: its size, its first and last blocks.

    Byte ``i`` of the media is ``MEDIA_BLOCK[i % len(MEDIA_BLOCK)]``.
    """
    block = _common.MEDIA_BLOCK
    if os.path.getsize(path) != size:
        raise Failed(f"downloaded {os.path.getsize(path)} bytes, expected {size}")
    n = min(size, len(block))
    with open(path, "rb") as file:
        first = file.read(n)
        file.seek(size - n)
        last = file.read(n)
    start = (size - n) % len(block)
    if first != block[:n] or last != (block * 2)[start : start + n]:
        raise Failed("the downloaded media differs from what the server sent")


def measure_download(kind: str, url: str, size: int) -> Dict[str, Any]:
    import tempfile
    import tracemalloc

    client = make_client(kind, url)
    with tempfile.TemporaryDirectory(prefix="bench-media-") as folder:
        path = os.path.join(folder, "recording.wav")
        client.download(len(_common.MEDIA_BLOCK), path)  # connect, import, warm up
        os.unlink(path)  # every download writes a new file (replacing one costs its blocks)
        gc.collect()
        base = _rss_bytes()
        hwm_reset = _reset_peak()
        started = time.perf_counter()
        written = client.download(size, path)
        elapsed = time.perf_counter() - started
        hwm = _status_kib("VmHWM")
        if not hwm_reset or hwm is None:
            raise Failed("cannot reset the peak-RSS mark here (Linux /proc/self/clear_refs)")
        peak = hwm * 1024 - base
        if written != size:
            raise Failed(f"download reported {written} bytes, expected {size}")
        _check_media(path, size)
        os.unlink(path)
        gc.collect()
        tracemalloc.start()
        client.download(size, path)
        _, tm_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        _check_media(path, size)
    mib = 1024 * 1024
    return {
        "value": peak / mib,
        "unit": "MiB",
        "peak_mib": peak / mib,
        "tracemalloc_peak_mib": tm_peak / mib,
        "seconds": elapsed,
        "mb_per_s": size / elapsed / 1e6,
        "media_bytes": size,
        "baseline_rss_mib": base / mib,
    }


def measure_import(kind: str) -> Dict[str, Any]:
    code = IMPORT_SNIPPETS["raw" if kind == "raw" else "sdk"]
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE.format(code=code)],
        check=True,
        stdout=subprocess.PIPE,
        cwd=os.path.expanduser("~"),  # not the repo: the import must come from the venv
    ).stdout.split()
    elapsed, before, after = float(out[0]), int(out[1]), int(out[2])
    return {
        "value": elapsed * 1e3,
        "unit": "ms",
        "modules": after - before,
        "modules_before": before,
        "code": code.strip(),
    }


def measure_threads(kind: str, url: str, threads: int, duration: float) -> Dict[str, Any]:
    client = make_client(kind, url)
    check_result(kind, "threads", client.get_call_state())

    pool_full = [0]

    class PoolFull(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "pool is full" in record.getMessage():
                pool_full[0] += 1

    logger = logging.getLogger("urllib3.connectionpool")
    logger.addHandler(PoolFull(logging.WARNING))
    logger.propagate = False  # count, don't print
    counts = [0] * threads
    errors = [0] * threads
    first_error: List[str] = []
    start = threading.Barrier(threads + 1)
    deadline = [0.0]

    def run(slot: int) -> None:
        call = client.get_call_state
        start.wait()
        end = deadline[0]
        done = failed = 0
        result = None
        while time.perf_counter() < end:
            try:
                result = call()
                done += 1
            except Exception as exc:
                failed += 1
                if not first_error:
                    first_error.append(repr(exc)[:300])
        if result is not None:
            try:
                check_result(kind, "threads", result)
            except Failed as exc:
                failed += 1
                first_error.append(str(exc))
        counts[slot] = done
        errors[slot] = failed

    workers = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(threads)]
    for worker in workers:
        worker.start()
    before = server_stats(url)
    cpu = time.process_time()
    began = time.perf_counter()
    deadline[0] = began + duration
    start.wait()
    for worker in workers:
        worker.join(duration + 60)
    elapsed = time.perf_counter() - began
    cpu = time.process_time() - cpu
    after = server_stats(url)
    total = sum(counts)
    return {
        "value": total / elapsed,
        "unit": "calls/s",
        "threads": threads,
        "calls": total,
        "cpu_us_per_call": cpu / max(total, 1) * 1e6,
        "errors": sum(errors),
        "first_error": first_error[0] if first_error else None,
        "pool_full_warnings": pool_full[0],
        "min_thread_calls": min(counts),
        "max_thread_calls": max(counts),
        **_delta(before, after),
    }


def run(args: argparse.Namespace) -> Dict[str, Any]:
    kind, measure, url = args.client, args.measure, args.url
    if measure in SINGLE_CALLS:
        return measure_single(kind, measure, url, args.iterations, args.warmup)
    if measure == "list_calls":
        return measure_list(kind, url, args.page_size, args.iterations, args.warmup)
    if measure == "memory":
        return measure_memory(kind, url, args.page_size)
    if measure == "import":
        return measure_import(kind)
    if measure == "threads":
        return measure_threads(kind, url, args.threads, args.duration)
    if measure == "download":
        return measure_download(kind, url, args.media_bytes)
    raise SystemExit(f"unknown measure {measure!r}")


def describe_client(kind: str) -> Dict[str, Any]:
    import urllib3

    info: Dict[str, Any] = {"python": sys.version.split()[0], "urllib3": urllib3.__version__}
    if kind != "raw":
        try:
            from importlib.metadata import version

            info["bandwidth-sdk"] = version("bandwidth-sdk")
            info["pydantic"] = version("pydantic")
        except Exception:  # pragma: no cover - metadata missing
            pass
    return info


def serve(args: argparse.Namespace) -> int:
    """Keep one client and run the measure once per line read on stdin, answering a JSON line.

    Each stdin line is ``{"iterations": N, "warmup": W}``. ``run.py`` keeps one
    such process per client and alternates short bursts between them, so all
    clients see the same moments of a noisy machine.
    """
    kind, measure = args.client, args.measure
    if measure not in (*SINGLE_CALLS, "list_calls"):
        raise SystemExit("--serve supports the single calls and list_calls")
    client = None
    for line in sys.stdin:
        command = json.loads(line)
        iterations, warmup = int(command["iterations"]), int(command.get("warmup", 0))
        report: Dict[str, Any] = {"client": kind, "measure": measure}
        try:
            if measure == "list_calls":
                fresh = client is None
                if client is None:
                    client = make_client(kind, args.url)
                report.update(
                    measure_list(kind, args.url, args.page_size, iterations, warmup, client, fresh)
                )
            else:
                if client is None:
                    client = make_client(kind, args.url)
                report.update(measure_single(kind, measure, args.url, iterations, warmup, client))
            report["ok"] = True
        except Failed as exc:
            report.update(ok=False, error=str(exc))
        report["env"] = describe_client(kind)
        sys.stdout.write(json.dumps(report) + "\n")
        sys.stdout.flush()
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="One benchmark measurement, as JSON.")
    parser.add_argument("--client", required=True, choices=("ours", "official", "raw"))
    parser.add_argument("--measure", required=True, choices=MEASURES)
    parser.add_argument("--url", default="", help="the bench server, http://127.0.0.1:PORT")
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--duration", type=float, default=2.0)
    parser.add_argument("--media-bytes", type=int, default=_common.MEDIA_BYTES)
    parser.add_argument(
        "--serve", action="store_true", help="keep the client; run once per stdin line"
    )
    parser.add_argument(
        "--gc-tuning", action="store_true", help="ours: Configuration.gc_tuning = True (opt-in)"
    )
    args = parser.parse_args(argv)
    global GC_TUNING
    GC_TUNING = args.gc_tuning
    if args.measure != "import" and not args.url:
        parser.error("--url is required")
    if args.serve:
        return serve(args)
    report: Dict[str, Any] = {"client": args.client, "measure": args.measure}
    try:
        report.update(run(args))
        report["ok"] = True
    except Failed as exc:
        report.update(ok=False, error=str(exc))
    report["env"] = describe_client(args.client)
    sys.stdout.write(json.dumps(report) + "\n")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
