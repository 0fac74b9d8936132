#!/usr/bin/env python3
"""Benchmark this SDK against the official ``bandwidth-sdk`` and raw urllib3 + json.

    python bench/run.py                  # full run (~10 min); writes bench/results.md
    python bench/run.py --quick          # smoke run (~1-2 min)
    python bench/run.py --only list_1000 --only memory
    python bench/run.py --profile        # where our SDK spends its time (bench/profile_sdk.py)

Run from anywhere with any Python >= 3.9 (standard library only). It keeps
two venvs under ``.cache/bench/`` (built with the Python running this script):

* ``official``: ``bandwidth-sdk==23.3.1`` from PyPI, plus urllib3;
* ``ours``: this working tree's SDK installed like a user gets it (a copy of
  the source, ``pip install``-ed, not editable; reinstalled whenever the
  source changes), plus urllib3 (the raw floor runs here) and pyinstrument.

Both SDKs import as ``bandwidth``, so every measurement runs in a fresh
subprocess (``bench/worker.py``) against one loopback server
(``bench/server.py``, a separate process). Rounds are interleaved (ours,
official, raw, ours, ...); the table shows the median of the rounds and the
ratios are medians of the per-round ratios (each round's three runs are
adjacent in time, so drift on a noisy machine cancels out).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CACHE = os.path.join(ROOT, ".cache", "bench")
OFFICIAL_REQUIREMENT = "bandwidth-sdk==23.3.1"
CLIENTS = ("ours", "official", "raw")
X = "\u00d7"  # the multiplication sign of ratios
THREAD_COUNTS = (1, 4, 16)

sys.path.insert(0, HERE)

import _common  # noqa: E402

# -- venvs -------------------------------------------------------------------


def _log(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _run_quiet(cmd: Sequence[str], what: str) -> None:
    proc = subprocess.run(
        list(cmd), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=CACHE
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:])
        raise SystemExit(f"bench setup failed: {what} (exit {proc.returncode})")


def _venv_python(venv: str) -> str:
    return os.path.join(venv, "Scripts" if os.name == "nt" else "bin", "python")


def _read(path: str) -> str:
    try:
        with open(path) as handle:
            return handle.read()
    except OSError:
        return ""


def _write(path: str, text: str) -> None:
    with open(path, "w") as handle:
        handle.write(text)


def _pip(python: str, *args: str, what: str) -> None:
    _run_quiet([python, "-m", "pip", "-q", "--disable-pip-version-check", *args], what)


def _fresh_venv(venv: str, python: str) -> str:
    if os.path.exists(venv):
        shutil.rmtree(venv)
    _run_quiet([python, "-m", "venv", venv], f"create {venv}")
    return _venv_python(venv)


def ensure_official(python: str, python_id: str) -> str:
    venv = os.path.join(CACHE, "official")
    marker = os.path.join(venv, ".bench-ready")
    want = f"{python_id}\n{OFFICIAL_REQUIREMENT} urllib3\n"
    if _read(marker) != want:
        _log(f"setup: creating {venv} with {OFFICIAL_REQUIREMENT} from PyPI")
        vpython = _fresh_venv(venv, python)
        _pip(vpython, "install", OFFICIAL_REQUIREMENT, "urllib3", what=OFFICIAL_REQUIREMENT)
        _write(marker, want)
    return _venv_python(venv)


def _source_files() -> List[str]:
    files = [
        name
        for name in ("pyproject.toml", "README.md", "LICENSE")
        if os.path.exists(os.path.join(ROOT, name))
    ]
    for folder, dirs, names in os.walk(os.path.join(ROOT, "bandwidth")):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if not name.endswith((".pyc", ".pyo")):
                files.append(os.path.relpath(os.path.join(folder, name), ROOT))
    return files


def _digest(files: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0")
        with open(os.path.join(ROOT, name), "rb") as handle:
            digest.update(handle.read() + b"\0")
    return digest.hexdigest()


def ensure_ours(python: str, python_id: str) -> str:
    """This working tree's SDK, installed non-editable from a copy of its source."""
    venv = os.path.join(CACHE, "ours")
    base_marker = os.path.join(venv, ".bench-base")
    source_marker = os.path.join(venv, ".bench-source")
    want = f"{python_id}\nurllib3 setuptools>=77 wheel pyinstrument\n"
    if _read(base_marker) != want:
        _log(f"setup: creating {venv}")
        vpython = _fresh_venv(venv, python)
        _pip(vpython, "install", "urllib3", "setuptools>=77", "wheel", what="base packages")
        try:  # only bench/profile_sdk.py uses it; the benchmark runs without it
            _pip(vpython, "install", "pyinstrument", what="pyinstrument")
        except SystemExit:
            _log("setup: pyinstrument not installed; profile_sdk.py will use cProfile only")
        _write(base_marker, want)
    vpython = _venv_python(venv)
    files = _source_files()
    digest = _digest(files)
    if _read(source_marker) != digest:
        _log("setup: installing this SDK (non-editable) from a copy of the working tree")
        src = os.path.join(CACHE, "src")
        if os.path.exists(src):
            shutil.rmtree(src)
        for name in files:
            target = os.path.join(src, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(os.path.join(ROOT, name), target)
        subprocess.run(
            [vpython, "-m", "pip", "-q", "uninstall", "-y", "bandwidth-sdk"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=CACHE,
        )
        _pip(vpython, "install", "--no-build-isolation", src, what="install this SDK")
        _write(source_marker, digest)
    where = subprocess.run(
        [vpython, "-c", "import bandwidth; print(bandwidth.__file__)"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=CACHE,
        check=True,
    ).stdout.strip()
    if not os.path.realpath(where).startswith(os.path.realpath(venv)):
        raise SystemExit(f"bench setup: ours imports bandwidth from {where}, not from {venv}")
    return vpython


# -- the server ----------------------------------------------------------------


class Server:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "server.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("PORT "):
            self.close()
            raise SystemExit(f"bench server did not start: {line!r}")
        self.port = int(line.split()[1])
        self.url = f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()  # the server exits at EOF
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _recv_response(sock: socket.socket, pending: bytes) -> Tuple[bytes, bytes]:
    """One HTTP response (headers + Content-Length body) and the bytes after it."""
    data = pending
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    end = data.index(b"\r\n\r\n") + 4
    length = 0
    for line in data[:end].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    while len(data) < end + length:
        data += sock.recv(1 << 20)
    return data[: end + length], data[end + length :]


def server_capacity(port: int, seconds: float) -> Dict[str, float]:
    """How fast the server answers a raw-socket client that does no HTTP work of its own."""
    request = (
        f"GET /accounts/{_common.ACCOUNT}/calls/{_common.CALL_ID} HTTP/1.1\r\n"
        f"Host: 127.0.0.1\r\nAuthorization: {_common.BASIC_AUTH}\r\n\r\n"
    ).encode()
    page = (
        f"GET /accounts/{_common.ACCOUNT}/calls?pageSize=10000 HTTP/1.1\r\n"
        f"Host: 127.0.0.1\r\nAuthorization: {_common.BASIC_AUTH}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        rest = b""
        sequential = 0
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            sock.sendall(request)
            _, rest = _recv_response(sock, rest)
            sequential += 1
        batch = 64
        pipelined = 0
        started = time.perf_counter()
        end = started + seconds
        while time.perf_counter() < end:
            sock.sendall(request * batch)
            for _ in range(batch):
                _, rest = _recv_response(sock, rest)
            pipelined += batch
        pipelined_elapsed = time.perf_counter() - started
        page_times = []
        for _ in range(5):
            started = time.perf_counter()
            sock.sendall(page)
            _, rest = _recv_response(sock, rest)
            page_times.append(time.perf_counter() - started)
    return {
        "sequential_rps": sequential / seconds,
        "pipelined_rps": pipelined / pipelined_elapsed,
        "page_10000_ms": statistics.median(page_times) * 1e3,
    }


# -- the plan -------------------------------------------------------------------


@dataclass
class Row:
    key: str
    label: str
    unit: str
    higher_is_better: bool
    #: (against, "<=" or ">=", threshold) for ours ÷ against
    targets: List[Tuple[str, str, float]] = field(default_factory=list)
    decimals: int = 0


ROWS = [
    Row(
        "create_call",
        "`create_call` sequential",
        "calls/s",
        True,
        [("raw", ">=", 0.95), ("official", ">=", 1.15)],
    ),
    Row("get_call_state", "`get_call_state` sequential", "calls/s", True, [("raw", ">=", 0.95)]),
    Row("update_call", "`update_call` sequential", "calls/s", True, [("raw", ">=", 0.95)]),
    Row(
        "update_call_bxml", "`update_call_bxml` sequential", "calls/s", True, [("raw", ">=", 0.95)]
    ),
    Row(
        "list_1000",
        "`list_calls` 1000-call page, fetch + decode",
        "ms",
        False,
        [("raw", "<=", 1.25), ("official", "<=", 0.30)],
        1,
    ),
    Row(
        "list_10000",
        "`list_calls` 10000-call page, fetch + decode",
        "ms",
        False,
        [("raw", "<=", 1.40)],
        1,
    ),
    Row("list_1000_first", "`list_calls` 1000, first call in a fresh process", "ms", False, [], 1),
    Row(
        "mem_peak",
        "peak memory, 10000-call page (RSS)",
        "MiB",
        False,
        [("official", "<=", 0.85)],
        1,
    ),
    Row("mem_retained", "retained memory, 10000-call page (RSS)", "MiB", False, [], 1),
    Row("mem_tm_peak", "peak, 10000-call page (tracemalloc)", "MiB", False, [], 1),
    Row("mem_tm_retained", "retained, 10000-call page (tracemalloc)", "MiB", False, [], 1),
    Row(
        "import_time",
        "cold `import bandwidth` + `CallsApi`",
        "ms",
        False,
        [("official", "<=", 0.30)],
        0,
    ),
    Row("import_modules", "modules imported", "modules", False, [("official", "<=", 0.55)]),
    Row("threads_1", "1 thread, shared client (`get_call_state`)", "calls/s", True),
    Row("threads_4", "4 threads, shared client", "calls/s", True),
    Row("threads_16", "16 threads, shared client", "calls/s", True),
]
ROW_BY_KEY = {row.key: row for row in ROWS}

PROFILED = (
    "create_call",
    "get_call_state",
    "update_call",
    "update_call_bxml",
    "list_1000",
    "list_10000",
)
MEASURES = (
    "create_call",
    "get_call_state",
    "update_call",
    "update_call_bxml",
    "list_1000",
    "list_10000",
    "memory",
    "import",
    "threads",
)


@dataclass
class Settings:
    rounds: int
    import_rounds: int
    thread_rounds: int
    single_iterations: int
    single_warmup: int
    list_iterations: Dict[int, int]
    thread_seconds: float


FULL = Settings(7, 9, 5, 2000, 200, {1000: 10, 10000: 3}, 2.0)
QUICK = Settings(2, 3, 1, 200, 20, {1000: 2, 10000: 1}, 0.5)


@dataclass
class Job:
    """One worker invocation per client per round, and how to read its result."""

    measure: str
    args: List[str]
    rounds: int
    #: row key -> function of the worker's JSON
    reads: Dict[str, Callable[[Dict[str, Any]], float]]


def plan(measures: Sequence[str], s: Settings) -> List[Job]:
    jobs: List[Job] = []
    value: Callable[[Dict[str, Any]], float] = lambda r: float(r["value"])  # noqa: E731
    for m in measures:
        if m in ("create_call", "get_call_state", "update_call", "update_call_bxml"):
            args = [
                "--measure",
                m,
                "--iterations",
                str(s.single_iterations),
                "--warmup",
                str(s.single_warmup),
            ]
            jobs.append(Job(m, args, s.rounds, {m: value}))
        elif m in ("list_1000", "list_10000"):
            size = int(m.split("_")[1])
            args = [
                "--measure",
                "list_calls",
                "--page-size",
                str(size),
                "--iterations",
                str(s.list_iterations[size]),
                "--warmup",
                "2",
            ]
            reads = {m: value}
            if size == 1000:
                reads["list_1000_first"] = lambda r: float(r["first_call_ms"])
            jobs.append(Job(m, args, s.rounds, reads))
        elif m == "memory":
            args = ["--measure", "memory", "--page-size", "10000"]
            jobs.append(
                Job(
                    m,
                    args,
                    s.rounds,
                    {
                        "mem_peak": lambda r: float(r["peak_mib"]),
                        "mem_retained": lambda r: float(r["retained_mib"]),
                        "mem_tm_peak": lambda r: float(r["tracemalloc_peak_mib"]),
                        "mem_tm_retained": lambda r: float(r["tracemalloc_retained_mib"]),
                    },
                )
            )
        elif m == "import":
            jobs.append(
                Job(
                    m,
                    ["--measure", "import"],
                    s.import_rounds,
                    {
                        "import_time": value,
                        "import_modules": lambda r: float(r["modules"]),
                    },
                )
            )
        elif m == "threads":
            for n in THREAD_COUNTS:
                args = [
                    "--measure",
                    "threads",
                    "--threads",
                    str(n),
                    "--duration",
                    str(s.thread_seconds),
                ]
                jobs.append(Job(f"threads_{n}", args, s.thread_rounds, {f"threads_{n}": value}))
        else:
            raise SystemExit(f"unknown measure {m!r}; choose from {', '.join(MEASURES)}")
    return jobs


# -- running ----------------------------------------------------------------------

Results = Dict[str, Dict[str, List[Optional[float]]]]  # row -> client -> per-round value


def run_worker(python: str, client: str, job: Job, url: str) -> Dict[str, Any]:
    cmd = [python, os.path.join(HERE, "worker.py"), "--client", client, "--url", url, *job.args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=CACHE, env=env, timeout=900)
    try:
        report: Dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        report = {"ok": False, "error": (proc.stderr or proc.stdout)[-1500:]}
    if proc.returncode != 0 and report.get("ok", False):
        report = {"ok": False, "error": proc.stderr[-1500:]}
    return report


def _fmt(value: Optional[float], decimals: int) -> str:
    if value is None:
        return "—"
    return f"{value:,.{decimals}f}"


def collect(jobs: List[Job], pythons: Dict[str, str], url: str) -> Tuple[Results, Dict[str, Any]]:
    results: Results = {}
    details: Dict[str, List[Dict[str, Any]]] = {}
    failures: List[str] = []
    for job in jobs:
        for key in job.reads:
            results[key] = {c: [] for c in CLIENTS}
    most = max(job.rounds for job in jobs)
    for round_no in range(most):
        for job in jobs:
            if round_no >= job.rounds:
                continue
            shown = []
            for client in CLIENTS:
                report = run_worker(pythons[client], client, job, url)
                details.setdefault(f"{job.measure}/{client}", []).append(report)
                if not report.get("ok"):
                    failures.append(f"{job.measure} {client}: {report.get('error')}")
                for key, read in job.reads.items():
                    results[key][client].append(read(report) if report.get("ok") else None)
                first = next(iter(job.reads))
                got = results[first][client][-1]
                shown.append(f"{client} {_fmt(got, ROW_BY_KEY[first].decimals)}")
            _log(f"round {round_no + 1}/{job.rounds} {job.measure:<17} " + "  ".join(shown))
    return results, {"details": details, "failures": failures}


# -- the table --------------------------------------------------------------------


def _median(values: List[Optional[float]]) -> Optional[float]:
    got = [v for v in values if v is not None]
    return statistics.median(got) if got else None


def _spread(values: List[Optional[float]]) -> Optional[float]:
    """Median absolute deviation, as a fraction of the median."""
    got = [v for v in values if v is not None]
    if len(got) < 3:
        return None
    mid = statistics.median(got)
    return statistics.median(abs(v - mid) for v in got) / mid if mid else None


def paired_ratio(results: Results, key: str, other: str) -> Optional[float]:
    ours, theirs = results[key]["ours"], results[key][other]
    ratios = [a / b for a, b in zip(ours, theirs) if a is not None and b]
    return statistics.median(ratios) if ratios else None


def _check(ratio: Optional[float], op: str, threshold: float) -> Optional[bool]:
    if ratio is None:
        return None
    return ratio >= threshold if op == ">=" else ratio <= threshold


def thread_verdict(
    results: Results, extra: Dict[str, Any]
) -> Tuple[str, Optional[bool], List[str]]:
    """The 16-thread target: no errors, no connection churn, no loss vs raw from 1 to 16 threads."""
    notes: List[str] = []
    reports = extra["details"].get("threads_16/ours", [])
    if not reports or "threads_16" not in results or "threads_1" not in results:
        return "", None, notes
    errors = sum(int(r.get("errors", 0)) for r in reports if r.get("ok"))
    churn = max((int(r.get("connections_opened", 0)) for r in reports if r.get("ok")), default=0)
    pool_full = sum(int(r.get("pool_full_warnings", 0)) for r in reports if r.get("ok"))
    one = paired_ratio(results, "threads_1", "raw")
    sixteen = paired_ratio(results, "threads_16", "raw")
    keeps_up = one is not None and sixteen is not None and sixteen >= 0.9 * one
    ok = (
        errors == 0
        and pool_full == 0
        and churn <= 16
        and keeps_up
        and all(r.get("ok") for r in reports)
    )
    if errors:
        notes.append(f"{errors} errors")
    if pool_full:
        notes.append(f"{pool_full} pool-full discards")
    if not keeps_up and one is not None and sixteen is not None:
        notes.append(f"÷raw fell from {one:.2f}{X} (1 thread) to {sixteen:.2f}{X}")
    return f"0 errors, no pool churn, ÷raw at 16 ≥ 0.9{X} ÷raw at 1", ok, notes


def render(results: Results, extra: Dict[str, Any], meta: Dict[str, Any]) -> str:
    lines = [
        "| measure | ours | official | raw urllib3 | ours÷raw | ours÷official | target | met? |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    missed: List[str] = []
    for row in ROWS:
        if row.key not in results:
            continue
        cells = []
        for client in CLIENTS:
            values = results[row.key][client]
            med, spread = _median(values), _spread(values)
            text = _fmt(med, row.decimals)
            if spread is not None and spread >= 0.005:
                text += f" ±{spread * 100:.0f}%"
            cells.append(text)
        ratios = {c: paired_ratio(results, row.key, c) for c in ("raw", "official")}
        ratio_cells = [
            f"{ratios[c]:.2f}{X}" if ratios[c] is not None else "—" for c in ("raw", "official")
        ]
        target_parts: List[str] = []
        met_parts: List[str] = []
        for against, op, threshold in row.targets:
            target_parts.append(
                f"{op.replace('>=', '≥').replace('<=', '≤')} {threshold:.2f}{X} "
                f"{'raw' if against == 'raw' else 'official'}"
            )
            ok = _check(ratios[against], op, threshold)
            met_parts.append("?" if ok is None else "yes" if ok else "**NO**")
            if ok is False:
                missed.append(
                    f"{row.label} vs {against}: {ratios[against]:.2f}{X} "
                    f"(target {op} {threshold:.2f}{X})"
                )
        if row.key == "threads_16":
            target, ok, notes = thread_verdict(results, extra)
            if target:
                target_parts.append(target)
                met_parts.append(
                    ("?" if ok is None else "yes" if ok else "**NO**")
                    + (f" ({'; '.join(notes)})" if notes else "")
                )
                if ok is False:
                    missed.append(f"16 threads: {'; '.join(notes) or 'see thread table'}")
        label = f"{row.label} ({row.unit})"
        lines.append(
            f"| {label} | {' | '.join(cells)} | {' | '.join(ratio_cells)} | "
            f"{'; '.join(target_parts)} | {' / '.join(met_parts)} |"
        )
    out = [
        "# Benchmark: this SDK vs the official `bandwidth-sdk` vs raw urllib3 + json",
        "",
        f"Command: `{meta['command']}`  ",
        f"Date: {meta['date']}; wall time {meta['wall_s']:.0f} s  ",
        f"Machine: {meta['cpu']}, {meta['cores']} cores, {meta['os']}; "
        f"load average {meta['load_before']} before, {meta['load_after']} after  ",
        f"Python {meta['python']}; ours = bandwidth-sdk {meta['ours_version']} "
        f"(pydantic {meta['ours_pydantic']}), official = bandwidth-sdk {meta['official_version']} "
        f"(pydantic {meta['official_pydantic']}); urllib3 {meta['urllib3']}  ",
        f"Rounds: {meta['rounds']}",
        "",
        *lines,
        "",
    ]
    out += thread_table(extra)
    out += server_lines(meta, extra)
    if missed:
        out += ["**Targets missed:**", ""] + [f"- {m}" for m in missed] + [""]
    if extra["failures"]:
        out += ["**Failed runs:**", ""] + [f"- {f[:300]}" for f in extra["failures"][:10]] + [""]
    out += FOOTNOTES
    return "\n".join(out) + "\n"


def thread_table(extra: Dict[str, Any]) -> List[str]:
    details = extra["details"]
    if not any(key.startswith("threads_") for key in details):
        return []
    lines = [
        "Threads sharing one client (all rounds): errors, connections the server saw opened,",
        'urllib3 "pool is full" discards, and the fewest/most calls one thread made in a run.',
        "",
        "| threads | client | errors | connections opened (max) | pool-full discards "
        "| calls per thread (min-max) |",
        "|---:|---|---:|---:|---:|---|",
    ]
    for n in THREAD_COUNTS:
        for client in CLIENTS:
            reports = [r for r in details.get(f"threads_{n}/{client}", []) if r.get("ok")]
            if not reports:
                continue
            lines.append(
                f"| {n} | {client} | {sum(r['errors'] for r in reports)} | "
                f"{max(r['connections_opened'] for r in reports)} | "
                f"{sum(r['pool_full_warnings'] for r in reports)} | "
                f"{min(r['min_thread_calls'] for r in reports)}-"
                f"{max(r['max_thread_calls'] for r in reports)} |"
            )
    return [*lines, ""]


def server_lines(meta: Dict[str, Any], extra: Dict[str, Any]) -> List[str]:
    cap = meta["server"]
    lines = [
        f"Server (`bench/server.py`, its own process): {cap['sequential_rps']:,.0f} req/s to a "
        f"sequential raw-socket client, {cap['pipelined_rps']:,.0f} req/s pipelined (its own "
        f"capacity); 10000-call page served in {cap['page_10000_ms']:.1f} ms.",
    ]
    worst = []
    for measure in ("create_call", "get_call_state", "update_call", "update_call_bxml"):
        reports = [
            r for c in CLIENTS for r in extra["details"].get(f"{measure}/{c}", []) if r.get("ok")
        ]
        if reports:
            server_us = statistics.median(r["server_cpu_us_per_call"] for r in reports)
            fastest = min(r["us_per_call"] for r in reports)
            worst.append(
                f"{measure} {server_us:.0f} µs CPU per request vs ≥ {fastest:.0f} µs "
                f"per call for the fastest client"
            )
    if worst:
        lines[0] += " During the runs: " + "; ".join(worst) + "."
    fastest_client = max(
        (
            v
            for row in ("create_call", "get_call_state", "update_call", "update_call_bxml")
            for c in CLIENTS
            for v in meta["results"].get(row, {}).get(c, [])
            if v is not None
        ),
        default=0.0,
    )
    if fastest_client:
        verdict = (
            "faster than every client"
            if cap["sequential_rps"] > fastest_client
            else "**NOT faster than every client: numbers are server-bound**"
        )
        lines[0] += (
            f" Fastest client run: {fastest_client:,.0f} calls/s, so the server is {verdict}."
        )
    return [*lines, ""]


FOOTNOTES = [
    "Method:",
    "",
    "- Every cell is the median of the rounds (±: median absolute deviation across rounds); "
    "ratios are medians of per-round ratios, each round running ours, official and raw back to "
    "back, every run in a fresh process against the same loopback server (HTTP/1.1 keep-alive, "
    "canned responses; it checks auth, content types and bodies, so all clients do the same "
    "work). Timing is with `time.perf_counter`; no timed assertions exist anywhere.",
    "- Single calls: one client, warm-up calls, then N sequential calls on one keep-alive "
    'connection; the SDKs build `CreateCall(...)` / `UpdateCall(state="completed")` per call '
    "and raw builds the same dict and `json.dumps` it, as user code would. Each SDK runs with "
    "its defaults (retries, timeouts, pool size); only host and Basic credentials are set.",
    "- `list_calls`: mean time per fetch + decode (SDKs: list of `CallState` models with "
    "datetimes; raw: `json.loads` to dicts) after warm-up; the first call in a fresh process "
    "is reported on its own row (it includes building decoders).",
    "- Memory: fresh process per client; after a warm-up fetch of a 10-call page and "
    "`gc.collect()`, the kernel's peak-RSS mark is reset (`/proc/self/clear_refs` 5; falls back "
    "to a `ru_maxrss` delta), one 10000-call page is fetched and decoded, peak = VmHWM - RSS "
    "before, retained = RSS after `gc.collect()` with the result still referenced - RSS before "
    "(`/proc/self/statm`). RSS sees memory pydantic-core (Rust) allocates outside Python objects "
    "and memory the allocator keeps after freeing; tracemalloc (a second fetch) sees only "
    "Python allocations.",
    "- Import: a fresh interpreter of the client's venv (not the repo as cwd) times "
    "`import bandwidth; from bandwidth import CallsApi` (raw: `import urllib3, json`) with "
    "`perf_counter`; modules = growth of `sys.modules`. Bytecode is already compiled (pip does "
    "that), as for users.",
    "- Threads: N threads share one `ApiClient` (raw: one `PoolManager(maxsize=16)`), each "
    "calling `get_call_state` for a fixed time; value = total calls/s. With the GIL and 2 cores "
    "no client can scale linearly: the target is that ours keeps its ratio to raw as threads "
    "grow, with no errors and no connection churn.",
    "- The raw floor runs in the `ours` venv (same urllib3). `python bench/run.py --profile` "
    "shows where our SDK spends its time.",
]


def machine() -> Dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "os": platform.platform(terse=True)}


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark this SDK against the official SDK and raw urllib3.",
        epilog=f"measures: {', '.join(MEASURES)}",
    )
    parser.add_argument("--quick", action="store_true", help="fewer rounds and iterations")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="MEASURE",
        help="run only this measure (repeatable, or comma-separated)",
    )
    parser.add_argument("--rounds", type=int, help="rounds per measure (default 7; quick 2)")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile our SDK's hot paths (bench/profile_sdk.py) instead",
    )
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="interpreter for the bench venvs (default: this one)",
    )
    parser.add_argument(
        "--output",
        help="markdown file to write (default: bench/results.md "
        "for a full run, .cache/bench/last-results.md otherwise)",
    )
    args = parser.parse_args(argv)
    measures = [m for item in args.only for m in item.split(",") if m] or list(MEASURES)
    settings = QUICK if args.quick else FULL
    if args.rounds:
        settings = Settings(
            **{
                **settings.__dict__,
                "rounds": args.rounds,
                "import_rounds": max(args.rounds, settings.import_rounds),
                "thread_rounds": args.rounds,
            }
        )
    jobs = plan(measures, settings)  # reject bad names before any setup

    os.makedirs(CACHE, exist_ok=True)
    started = time.time()
    python_id = subprocess.run(
        [args.python, "-c", "import sys; print(sys.version.split()[0], sys.platform)"],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    ).stdout.strip()
    ours = ensure_ours(args.python, python_id)
    pythons = {"ours": ours, "raw": ours}
    if not args.profile:
        pythons["official"] = ensure_official(args.python, python_id)

    server = Server()
    try:
        if args.profile:
            env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
            cmd = [ours, os.path.join(HERE, "profile_sdk.py"), "--url", server.url]
            for name in measures if args.only else []:
                if name in PROFILED:
                    cmd += ["--only", name]
            return subprocess.run(cmd, cwd=CACHE, env=env).returncode
        load_before = _load()
        capacity = server_capacity(server.port, 0.5 if args.quick else 1.0)
        _log(
            f"server: {capacity['sequential_rps']:,.0f} req/s sequential, "
            f"{capacity['pipelined_rps']:,.0f} pipelined"
        )
        results, extra = collect(jobs, pythons, server.url)
    finally:
        server.close()

    envs = {
        c: next(
            (
                r["env"]
                for k, rs in extra["details"].items()
                if k.endswith("/" + c)
                for r in rs
                if "env" in r
            ),
            {},
        )
        for c in CLIENTS
    }
    command = shlex.join(["python", "bench/run.py", *(argv if argv is not None else sys.argv[1:])])
    meta = {
        **machine(),
        "command": command,
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "wall_s": time.time() - started,
        "load_before": load_before,
        "load_after": _load(),
        "python": envs["ours"].get("python", python_id),
        "ours_version": envs["ours"].get("bandwidth-sdk", "?"),
        "ours_pydantic": envs["ours"].get("pydantic", "?"),
        "official_version": envs["official"].get("bandwidth-sdk", "?"),
        "official_pydantic": envs["official"].get("pydantic", "?"),
        "urllib3": envs["raw"].get("urllib3", "?"),
        "rounds": (
            f"{settings.rounds} (import {settings.import_rounds}, threads "
            f"{settings.thread_rounds}); single calls {settings.single_iterations} calls "
            f"per run; list pages {settings.list_iterations[1000]}{X} (1000) and "
            f"{settings.list_iterations[10000]}{X} (10000) per run; threads "
            f"{settings.thread_seconds:g} s per run"
        ),
        "server": capacity,
        "results": results,
    }
    report = render(results, extra, meta)
    sys.stdout.write("\n" + report)
    full = not args.quick and not args.only
    output = args.output or (
        os.path.join(HERE, "results.md") if full else os.path.join(CACHE, "last-results.md")
    )
    _write(output, report)
    _log(f"\nwrote {os.path.relpath(output, os.getcwd())}")
    with open(os.path.join(CACHE, "last-results.json"), "w") as handle:
        json.dump(
            {
                "meta": {k: v for k, v in meta.items() if k != "results"},
                "results": results,
                "details": extra["details"],
            },
            handle,
            indent=1,
        )
    return 1 if extra["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
