"""The benchmark harness still runs: bench/worker.py against bench/server.py, our SDK only.

A handful of iterations per measure; each run must finish and report that
every result matched what the server sent. No timing is asserted (the
benchmark reports ratios; see bench/run.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def bench_url() -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, str(BENCH / "server.py"), "--max-seconds", "300"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("PORT "), f"bench server did not start: {line!r}"
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        assert proc.stdin is not None
        proc.stdin.close()  # the server exits when its stdin closes
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:  # pragma: no cover - only if the server hangs
            proc.kill()
            proc.wait()


def expect_worker_report(tmp_path: Path, *args: str) -> Dict[str, Any]:
    """Run the bench worker on our client; assert it succeeded and return its report."""
    proc = subprocess.run(
        [sys.executable, str(BENCH / "worker.py"), "--client", "ours", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:] or proc.stdout[-3000:]
    report: Dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["ok"] is True, report
    assert report["client"] == "ours"
    assert report["value"] > 0
    return report


@pytest.mark.parametrize(
    "measure",
    [
        "create_call",
        "get_call_state",
        "update_call",
        "update_call_bxml",
        "get_conference",
        "get_call_recording",
        "get_real_time_transcription",
        "get_statistics",
    ],
)
def test_single_calls(bench_url: str, tmp_path: Path, measure: str) -> None:
    report = expect_worker_report(
        tmp_path, "--measure", measure, "--url", bench_url, "--iterations", "5", "--warmup", "1"
    )
    assert report["requests"] == 5  # every call reached the server, none was retried
    assert report["connections_opened"] == 0  # the warm-up connection was kept alive


@pytest.mark.parametrize("page_size", [1, 1000])
def test_list_calls(bench_url: str, tmp_path: Path, page_size: int) -> None:
    report = expect_worker_report(
        tmp_path,
        "--measure",
        "list_calls",
        "--url",
        bench_url,
        "--page-size",
        str(page_size),
        "--iterations",
        "2",
        "--warmup",
        "1",
    )
    assert report["requests"] == 2


def test_memory(bench_url: str, tmp_path: Path) -> None:
    report = expect_worker_report(
        tmp_path, "--measure", "memory", "--url", bench_url, "--page-size", "1000"
    )
    assert report["tracemalloc_peak_mib"] > 0


def test_download(bench_url: str, tmp_path: Path) -> None:
    size = 3 * 1024 * 1024 + 5  # not a whole number of the server's blocks
    report = expect_worker_report(
        tmp_path, "--measure", "download", "--url", bench_url, "--media-bytes", str(size)
    )
    assert report["media_bytes"] == size and report["seconds"] > 0


def test_import(tmp_path: Path) -> None:
    report = expect_worker_report(tmp_path, "--measure", "import")
    assert report["modules"] > 0


def test_threads_share_one_client(bench_url: str, tmp_path: Path) -> None:
    report = expect_worker_report(
        tmp_path,
        "--measure",
        "threads",
        "--url",
        bench_url,
        "--threads",
        "4",
        "--duration",
        "0.3",
    )
    assert report["errors"] == 0, report["first_error"]
    assert report["pool_full_warnings"] == 0
    assert report["min_thread_calls"] > 0  # every thread got through
    assert report["connections_opened"] <= 4


def test_server_rejects_what_the_api_would(bench_url: str) -> None:
    """The bench server checks requests, so a client that sends the wrong thing fails the bench."""
    import urllib3

    sys.path.insert(0, str(BENCH))
    try:
        import _common
    finally:
        sys.path.remove(str(BENCH))
    http = urllib3.PoolManager(retries=False)
    calls = f"{bench_url}/accounts/{_common.ACCOUNT}/calls"
    auth = {"Authorization": _common.BASIC_AUTH}
    assert http.request("GET", f"{calls}/{_common.CALL_ID}").status == 401
    assert http.request("POST", calls, body=b"{}", headers=auth).status == 415
    json_auth = dict(auth, **{"Content-Type": "application/json"})
    assert http.request("POST", calls, body=b'{"to": "+1"}', headers=json_auth).status == 400
    ok = http.request(
        "POST", f"{calls}/{_common.CALL_ID}", body=b'{"state":"completed"}', headers=json_auth
    )
    assert ok.status == 200
    page = http.request("GET", calls, fields={"pageSize": "3"}, headers=auth)
    assert page.status == 200
    assert [item["callId"] for item in json.loads(page.data)] == [
        _common.page_call_id(i) for i in range(3)
    ]


def test_served_worker_keeps_its_client(bench_url: str, tmp_path: Path) -> None:
    """``worker.py --serve`` (run.py alternates bursts between these) keeps one client."""
    proc = subprocess.Popen(
        [
            sys.executable,
            str(BENCH / "worker.py"),
            "--client",
            "ours",
            "--measure",
            "list_calls",
            "--page-size",
            "10",
            "--url",
            bench_url,
            "--serve",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        out, _ = proc.communicate('{"iterations": 1, "warmup": 1}\n{"iterations": 2}\n', timeout=60)
    finally:
        if proc.poll() is None:  # pragma: no cover - only if the worker hangs
            proc.kill()
    assert proc.returncode == 0
    first, second = (json.loads(line) for line in out.strip().splitlines())
    assert first["ok"] and second["ok"], (first, second)
    assert first["first_call_ms"] is not None  # the client was built by the first command
    assert second["first_call_ms"] is None  # and kept for the second
    assert second["requests"] == 2
    assert second["connections_opened"] == 0
