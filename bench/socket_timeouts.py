#!/usr/bin/env python3
"""What a socket timeout costs threads: raw urllib3 with and without one.

    python bench/socket_timeouts.py [--rounds 5] [--seconds 1.5]

Why this exists: our SDK always gives its sockets a timeout (the per-attempt
deadline, ``Configuration.deadline``, must be able to interrupt a read), and
CPython waits in ``poll()`` before every ``send``/``recv`` on a socket that
has one: two more system calls per call that release the GIL. The main bench's
raw floor, like the official SDK by default, runs with no timeout at all. This
script measures the same raw client both ways on the bench server, in
alternating rounds, so the cost of the timeout alone is visible (it is what
separates ours from raw at 4 and 16 threads in ``results.md``). Prints medians
of calls/s and client CPU per call; no targets.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from typing import Dict, List, Optional, Tuple

import urllib3
from _common import ACCOUNT, BASIC_AUTH, CALL_ID
from run import Server

HEADERS = {"Authorization": BASIC_AUTH, "Accept": "application/json"}
SETTINGS: Dict[str, Optional[urllib3.Timeout]] = {
    "no timeout": None,
    "timeout (10, 30)": urllib3.Timeout(connect=10, read=30),
}


def one_run(
    url: str, timeout: Optional[urllib3.Timeout], threads: int, seconds: float
) -> Tuple[float, float]:
    """(calls/s, client CPU µs per call) of ``threads`` threads sharing one pool."""
    pool = urllib3.PoolManager(maxsize=16, timeout=timeout)
    counts = [0] * threads
    stop = time.perf_counter() + seconds

    def work(index: int) -> None:
        while time.perf_counter() < stop:
            json.loads(pool.request("GET", url, headers=HEADERS).data)
            counts[index] += 1

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    cpu, wall = time.process_time(), time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    pool.clear()
    return sum(counts) / wall, cpu / sum(counts) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=1.5)
    args = parser.parse_args()
    server = Server()
    try:
        url = f"{server.url}/accounts/{ACCOUNT}/calls/{CALL_ID}"
        print("| threads | raw urllib3 | calls/s | CPU per call (µs) |")
        print("|---:|---|---:|---:|")
        for threads in (1, 4, 16):
            got: Dict[str, List[Tuple[float, float]]] = {name: [] for name in SETTINGS}
            for round_no in range(args.rounds):
                names = list(SETTINGS)[:: 1 if round_no % 2 == 0 else -1]
                for name in names:
                    got[name].append(one_run(url, SETTINGS[name], threads, args.seconds))
            for name, runs in got.items():
                rate = statistics.median(r for r, _ in runs)
                cpu = statistics.median(c for _, c in runs)
                print(f"| {threads} | {name} | {rate:,.0f} | {cpu:,.0f} |")
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
