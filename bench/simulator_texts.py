"""Text flows per second through the simulator, in-process, and its memory over a long run.

Each flow: ``create_message`` through the SDK, ``advance(1)`` (the
``message-delivered`` callback to the app, the text landing in the
handset), the handset texting back (``message-received`` to the app, which
auto-replies with ``create_message`` from inside the webhook), ``advance(1)``
(the reply's ``message-delivered``, the reply landing in the handset): two
REST requests and three callbacks, each callback met by the app's 401
challenge and sent again with credentials. The app is the repository's
``examples/messaging_app.py``, called as WSGI.

The point it proves: a test suite of hundreds of text flows runs in seconds.
``--memory`` instead runs ``--flows`` flows with the simulated clock moving
three days every 500 and prints the Python heap (tracemalloc) as it goes:
flat once the first 14 days are behind, because messages past their
retention are dropped.

    python bench/simulator_texts.py            # 3 rounds of 300 flows (after 20 warm-up flows)
    python bench/simulator_texts.py --flows 1000
    python bench/simulator_texts.py --memory --flows 5000
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from types import ModuleType
from typing import Any, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bandwidth import ApiClient, MessageRequest, MessagesApi  # noqa: E402
from bandwidth.testing import BandwidthSimulator  # noqa: E402

APP_ID, USER, PASSWORD = "bench-texts", "bench", "bench-password"
OURS, CUSTOMER = "+19195550100", "+15555550100"


def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "messaging_app", ROOT / "examples" / "messaging_app.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def one_flow(sim: BandwidthSimulator, api: MessagesApi, app: Any) -> None:
    handset = sim.handset(CUSTOMER)
    sent = api.create_message(
        sim.account_id,
        MessageRequest(application_id=APP_ID, to=[CUSTOMER], var_from=OURS, text="Reminder"),
    )
    sim.advance(1)
    handset.send(OURS, "thanks")
    sim.advance(1)
    last = handset.texts[-2:]  # (older texts leave the inbox after 14 days)
    assert last == ["Reminder", "Thanks for your message! Reply HELP for help."], last
    assert app.statuses[sent.id or ""][0]["type"] == "message-delivered"


def simulator(example: ModuleType) -> Any:
    holder: List[Any] = []

    def late(environ: Any, start_response: Any) -> Any:
        return holder[0](environ, start_response)

    sim = BandwidthSimulator(app=late, record_requests=False)
    sim.start()
    settings = example.Settings(sim.account_id, APP_ID, USER, PASSWORD)
    app = example.MessagingApp(sim.configuration(), settings)
    holder.append(app)
    sim.add_messaging_application(
        APP_ID, "https://myapp.example/callbacks/messaging", numbers=[OURS],
        username=USER, password=PASSWORD,
    )  # fmt: skip
    return sim, app


def rates(example: ModuleType, flows: int, rounds: int) -> List[float]:
    sim, app = simulator(example)
    try:
        with ApiClient(sim.configuration()) as client:
            api = MessagesApi(client)
            for _ in range(20):  # warm-up: imports, connection, caches
                one_flow(sim, api, app)
            found = []
            for _ in range(rounds):
                sim.clear_messages()
                app.statuses.clear()
                started = time.perf_counter()
                for _ in range(flows):
                    one_flow(sim, api, app)
                found.append(flows / (time.perf_counter() - started))
            return found
    finally:
        sim.stop()


def memory(example: ModuleType, flows: int) -> None:
    sim, app = simulator(example)
    tracemalloc.start()
    try:
        with ApiClient(sim.configuration()) as client:
            api = MessagesApi(client)
            for done in range(1, flows + 1):
                one_flow(sim, api, app)
                if done % 500 == 0:
                    app.statuses.clear()  # the app's own record, not the simulator's
                    sim.advance(3 * 24 * 3600)
                    gc.collect()
                    heap = tracemalloc.get_traced_memory()[0] / 2**20
                    day = 3 * done // 500
                    print(f"  {done:>6} flows  day {day:>3}  heap {heap:6.1f} MiB", flush=True)
    finally:
        tracemalloc.stop()
        sim.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--flows", type=int, default=300, help="flows per round (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--memory", action="store_true", help="the heap over a long run instead")
    args = parser.parse_args()
    example = load_example()
    print(f"text flows, Python {sys.version.split()[0]}")
    if args.memory:
        memory(example, args.flows)
        return 0
    found = rates(example, args.flows, args.rounds)
    median = statistics.median(found)
    print(
        f"  in-process (WSGI app) {median:8.0f} flows/s  "
        f"(rounds of {args.flows}: {', '.join(f'{r:.0f}' for r in found)}; "
        f"{1000 / median:.2f} ms a flow; 500 flows in {500 / median:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
