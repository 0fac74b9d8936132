"""The simulator's memory over a long run: many short calls, the clock moving past retention.

Each call is created through the SDK, answered, runs a one-sentence flow
in-process and hangs up; the simulated clock moves a day every
``--per-day`` calls, so calls pass their 7-day retention as the run goes on.
Prints the calls stored and the Python heap (``tracemalloc``) after each
batch: flat once the first week is behind, not growing with the calls.

    python bench/simulator_memory.py                 # 20000 calls
    python bench/simulator_memory.py --calls 5000
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc
from pathlib import Path
from typing import Any, Callable, Dict, Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bandwidth import ApiClient, CallsApi, CreateCall  # noqa: E402
from bandwidth.testing import VoiceSimulator  # noqa: E402

DOCUMENT = b'<?xml version="1.0"?><Response><SpeakSentence>Hi.</SpeakSentence></Response>'


def app(environ: Dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    start_response("200 OK", [("Content-Type", "application/xml")])
    return [DOCUMENT]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20000, help="calls in all (default 20000)")
    parser.add_argument("--per-day", type=int, default=500, help="calls per simulated day")
    args = parser.parse_args()
    body = CreateCall(
        to="+19195551234",
        var_from="+19195554321",
        application_id="app-1",
        answer_url="https://app.example/answer",
    )
    tracemalloc.start()
    with (
        VoiceSimulator(app=app, record_requests=False) as sim,
        ApiClient(sim.configuration()) as client,
    ):
        api = CallsApi(client)
        for done in range(1, args.calls + 1):
            call_id = api.create_call(sim.account_id, body).call_id
            sim.answer(str(call_id))
            sim.advance(1)
            if done % args.per_day == 0:
                sim.advance(24 * 3600)
            if done % (args.calls // 10 or 1) == 0:
                current, _ = tracemalloc.get_traced_memory()
                print(
                    f"{done:>7} calls: {len(sim.calls):>6} stored, "
                    f"{len(sim.webhooks):>6} webhooks kept, heap {current / 2**20:6.1f} MiB",
                    flush=True,
                )


if __name__ == "__main__":
    main()
