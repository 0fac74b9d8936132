"""Where does our SDK spend its time? cProfile (and pyinstrument) on each hot path.

    python bench/run.py --profile            # sets up .cache/bench/ours, starts the server
    .cache/bench/ours/bin/python bench/profile_sdk.py [--url http://127.0.0.1:PORT] [--only PATH]

For each path (the four single calls, ``create_message``, ``list_messages``
(a 100-message page), and ``list_calls`` fetch + decode of a 1000- and a
10000-call page) it prints:

* wall time per call for ours and for raw urllib3 + json, unprofiled (and the
  time the cyclic garbage collector paused the thread);
* time per call by layer (our SDK's code, pydantic, urllib3, http.client,
  sockets, json, ...), profiled, for ours and raw side by side: cProfile
  inflates Python-heavy layers, so read the split, not the totals;
* our top functions by own time (cProfile), and, when pyinstrument is
  installed, its call tree for the path.

Runs in the venv whose ``bandwidth`` it profiles (standard library +
urllib3 + the SDK; pyinstrument optional).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List, Optional, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import worker

PATHS: Dict[str, Tuple[str, int, int]] = {
    # name: (client method, page size or 0, calls profiled)
    "create_call": ("create_call", 0, 2000),
    "get_call_state": ("get_call_state", 0, 2000),
    "update_call": ("update_call", 0, 2000),
    "update_call_bxml": ("update_call_bxml", 0, 2000),
    "create_message": ("create_message", 0, 2000),
    "list_messages": ("list_messages", 0, 500),
    "list_1000": ("list_calls", 1000, 30),
    "list_10000": ("list_calls", 10000, 4),
}

LAYERS = (
    ("our SDK (bandwidth)", ("/bandwidth/",)),
    ("pydantic", ("pydantic", "pydantic_core")),
    ("urllib3", ("/urllib3/",)),
    ("http.client + email", ("/http/client.py", "/email/", "http.client")),
    ("sockets/selectors", ("socket", "selectors", "select", "ssl")),
    ("json", ("/json/", "_json")),
    ("bench harness", ("/bench/",)),
)


def layer_of(key: Tuple[str, int, str]) -> str:
    filename, _, name = key
    text = filename if filename != "~" else name
    text = text.replace(os.sep, "/")
    for label, needles in LAYERS:
        if any(needle in text for needle in needles):
            return label
    if filename == "~":
        return "other builtins (C)"
    return "other stdlib"


def caller(client: Any, method: str, size: int) -> Callable[[], Any]:
    call = getattr(client, method)
    if size:
        return lambda: call(size)
    return call


class GcTimer:
    """Time the thread spends in the cyclic garbage collector."""

    def __init__(self) -> None:
        self.total = 0.0
        self.collections = 0
        self._started = 0.0

    def __call__(self, phase: str, info: Dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._started
            self.collections += 1

    def __enter__(self) -> GcTimer:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


def interleaved_wall(
    calls: Dict[str, Callable[[], Any]], n: int, chunks: int = 10
) -> Dict[str, Tuple[float, float, int]]:
    """Per client: seconds per call, GC seconds per call, collections (chunks alternate)."""
    per = max(1, n // chunks)
    for call in calls.values():
        for _ in range(max(2, per // 5)):
            call()
    spent = {name: [0.0, 0.0, 0] for name in calls}
    for _ in range(chunks):
        for name, call in calls.items():
            gc.collect()
            with GcTimer() as timer:
                started = time.perf_counter()
                for _ in range(per):
                    call()
                spent[name][0] += time.perf_counter() - started
            spent[name][1] += timer.total
            spent[name][2] += timer.collections
    total = per * chunks
    return {name: (v[0] / total, v[1] / total, int(v[2])) for name, v in spent.items()}


def interleaved_profile(
    calls: Dict[str, Callable[[], Any]], n: int, chunks: int = 10
) -> Tuple[Dict[str, pstats.Stats], int]:
    per = max(1, n // chunks)
    profilers = {name: cProfile.Profile() for name in calls}
    for _ in range(chunks):
        for name, call in calls.items():
            profiler = profilers[name]
            profiler.enable()
            for _ in range(per):
                call()
            profiler.disable()
    return {name: pstats.Stats(p) for name, p in profilers.items()}, per * chunks


def by_layer(stats: pstats.Stats, column: int = 2) -> Dict[str, float]:
    """Per layer, the sum of one pstats column: 2 own time (the default), 1 calls."""
    layers: Dict[str, float] = {}
    for key, row in stats.stats.items():  # type: ignore[attr-defined]
        label = layer_of(key)
        layers[label] = layers.get(label, 0) + row[column]
    return layers


def short(key: Tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":
        return name
    parts = filename.replace(os.sep, "/").split("/")
    for anchor in ("bandwidth", "pydantic", "urllib3", "http", "json", "email", "bench"):
        if anchor in parts:
            parts = parts[parts.index(anchor) :]
            break
    else:
        parts = parts[-1:]
    return f"{'/'.join(parts)}:{line}({name})"


def top_functions(stats: pstats.Stats, calls: int, limit: int = 14, only: str = "") -> List[str]:
    items = stats.stats.items()  # type: ignore[attr-defined]
    rows = sorted(
        (item for item in items if only in item[0][0].replace(os.sep, "/")),
        key=lambda item: -item[1][2],
    )
    lines = [f"    {'own µs/call':>11} {'cum µs/call':>11} {'calls/call':>10}  function"]
    for key, (_, ncalls, own, cumulative, _) in rows[:limit]:
        lines.append(
            f"    {own / calls * 1e6:11.1f} {cumulative / calls * 1e6:11.1f} "
            f"{ncalls / calls:10.1f}  {short(key)}"
        )
    return lines


def pyinstrument_tree(call: Callable[[], Any], n: int, max_lines: int) -> Optional[List[str]]:
    try:
        from pyinstrument import Profiler
    except ImportError:
        return None
    call()
    profiler = Profiler(interval=0.0002)
    profiler.start()
    for _ in range(n):
        call()
    profiler.stop()
    text = profiler.output_text(
        unicode=True,
        color=False,
        show_all=False,
        time="percent_of_total",
        processor_options={
            "show_regex": r".*(/bandwidth/|/urllib3/|/pydantic/|http/client).*",
            "filter_threshold": 0.02,
        },
    )
    lines = [line for line in text.splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if "SdkClient" in line), 0)
    body = lines[start:]
    cut = len(body) - max_lines
    return ["    " + line for line in body[:max_lines]] + (
        [f"    ... ({cut} more lines)"] if cut > 0 else []
    )


def profile_path(name: str, ours: Any, raw: Any, tree_lines: int) -> Tuple[List[str], str]:
    method, size, n = PATHS[name]
    calls = {"ours": caller(ours, method, size), "raw": caller(raw, method, size)}
    timed = interleaved_wall(calls, n)
    (ours_wall, ours_gc, ours_gcn), (raw_wall, raw_gc, raw_gcn) = timed["ours"], timed["raw"]
    summary = (
        f"| {name} | {ours_wall * 1e6:,.0f} | {raw_wall * 1e6:,.0f} | "
        f"{(ours_wall - raw_wall) * 1e6:+,.0f} | {ours_wall / raw_wall:.2f}x | "
        f"{ours_gc * 1e6:,.0f} / {raw_gc * 1e6:,.0f} |"
    )
    out = [
        f"== {name} " + "=" * (70 - len(name)),
        f"  unprofiled wall per call: ours {ours_wall * 1e6:,.0f} µs, raw {raw_wall * 1e6:,.0f} µs "
        f"(ours - raw = {(ours_wall - raw_wall) * 1e6:+,.0f} µs, "
        f"ours÷raw {ours_wall / raw_wall:.2f}x)",
        f"  GC pauses per call: ours {ours_gc * 1e6:,.0f} µs ({ours_gcn} collections), "
        f"raw {raw_gc * 1e6:,.0f} µs ({raw_gcn})",
    ]
    stats, n = interleaved_profile(calls, n)
    ours_layers, raw_layers = by_layer(stats["ours"]), by_layer(stats["raw"])
    ours_total, raw_total = sum(ours_layers.values()), sum(raw_layers.values())
    out.append("  profiled own time per call, by layer (µs):      ours     raw   ours-raw")
    labels = sorted(set(ours_layers) | set(raw_layers), key=lambda k: -ours_layers.get(k, 0.0))
    for label in labels:
        a, b = ours_layers.get(label, 0.0) / n * 1e6, raw_layers.get(label, 0.0) / n * 1e6
        out.append(f"    {label:<42} {a:8.1f} {b:7.1f} {a - b:+9.1f}")
    out.append(
        f"    {'total (profiled)':<42} {ours_total / n * 1e6:8.1f} {raw_total / n * 1e6:7.1f} "
        f"{(ours_total - raw_total) / n * 1e6:+9.1f}"
    )
    # Function calls per request: exact and repeatable, unlike time on a busy machine.
    ours_calls, raw_calls = by_layer(stats["ours"], 1), by_layer(stats["raw"], 1)
    out.append("  function calls per call, by layer:                ours     raw   ours-raw")
    for label in sorted(set(ours_calls) | set(raw_calls), key=lambda k: -ours_calls.get(k, 0)):
        a, b = ours_calls.get(label, 0) / n, raw_calls.get(label, 0) / n
        out.append(f"    {label:<42} {a:8.1f} {b:7.1f} {a - b:+9.1f}")
    a, b = sum(ours_calls.values()) / n, sum(raw_calls.values()) / n
    out.append(f"    {'total':<42} {a:8.1f} {b:7.1f} {a - b:+9.1f}")
    out.append("  ours, top functions by own time (cProfile):")
    out += top_functions(stats["ours"], n)
    out.append("  ours, our SDK's own functions (cProfile):")
    out += top_functions(stats["ours"], n, limit=8, only="/bandwidth/")
    tree = pyinstrument_tree(calls["ours"], PATHS[name][2], tree_lines)
    if tree is not None:
        out.append("  ours, pyinstrument call tree (% of total; under 2% hidden):")
        out += tree
    return out, summary


def start_server() -> Tuple[subprocess.Popen[str], str]:
    here = os.path.dirname(os.path.abspath(__file__))
    proc = subprocess.Popen(
        [sys.executable, os.path.join(here, "server.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("PORT "):
        raise SystemExit(f"bench server did not start: {line!r}")
    return proc, f"http://127.0.0.1:{line.split()[1]}"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Profile our SDK's hot paths against raw urllib3.")
    parser.add_argument("--url", help="a running bench server (default: start one)")
    parser.add_argument("--only", action="append", choices=sorted(PATHS), default=[])
    parser.add_argument("--tree-lines", type=int, default=40, help="pyinstrument lines per path")
    args = parser.parse_args(argv)
    proc = None
    url = args.url
    if not url:
        proc, url = start_server()
    try:
        import bandwidth

        ours = worker.make_client("ours", url)
        raw = worker.make_client("raw", url)
        print(
            f"Profiling bandwidth {getattr(bandwidth, '__version__', '?')} from "
            f"{os.path.dirname(bandwidth.__file__)} on Python {sys.version.split()[0]}"
        )
        summary = [
            "| path | ours µs/call | raw µs/call | ours - raw | ours÷raw | GC µs/call ours / raw |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name in args.only or list(PATHS):
            gc.collect()
            lines, row = profile_path(name, ours, raw, args.tree_lines)
            summary.append(row)
            print("\n".join(lines))
            sys.stdout.flush()
        print("\nSummary (unprofiled, ours and raw interleaved in chunks):\n")
        print("\n".join(summary))
    finally:
        if proc is not None:
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
