"""Call flows per second through the simulator: the gather menu, in-process and over HTTP.

Each flow is the one of the call-flows issue: ``create_call`` through the SDK,
``answer`` (the answer webhook and its BXML), ``advance``, ``press`` (the
gather webhook and its BXML), ``advance`` to the hang-up and the disconnect
webhook: four REST requests, three webhooks, two BXML documents parsed and
run. The app is the repository's example webhook app (Basic auth with the
401 challenge, so every webhook is two requests).

* in-process: ``VoiceSimulator(app=WebhookApp(...))``, the app called as WSGI;
* over HTTP: ``VoiceSimulator(deliver_webhooks=True)`` and the same app served
  by the standard library's threaded WSGI server on loopback.

The point it proves: a test suite of hundreds of flows runs in seconds.

    python bench/simulator_flows.py            # 300 flows each way (after 20 warm-up flows)
    python bench/simulator_flows.py --flows 1000
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Callable, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bandwidth import ApiClient, CallsApi, CreateCall  # noqa: E402
from bandwidth.testing import VoiceSimulator  # noqa: E402

USER, PASSWORD = "bench", "bench-password"


def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "webhook_app", ROOT / "examples" / "webhook_app.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def one_flow(sim: VoiceSimulator, api: CallsApi, base: str) -> None:
    created = api.create_call(
        sim.account_id,
        CreateCall(
            to="+19195551234",
            var_from="+19195554321",
            application_id="bench",
            answer_url=f"{base}/answer",
            disconnect_url=f"{base}/bye",
            username=USER,
            password=PASSWORD,
        ),
    )
    sim.answer(created.call_id)
    sim.advance(4)
    sim.press(created.call_id, "1")
    sim.advance(30)
    call = sim.call(created.call_id)
    assert call.heard[-1] == "Connecting you to sales. Goodbye for now.", call.timeline()
    assert call.disconnect_cause == "hangup"


def measure(sim: VoiceSimulator, base: str, flows: int, rounds: int) -> List[float]:
    """Flows per second of each round (``flows`` flows a round)."""
    rates = []
    with ApiClient(sim.configuration()) as client:
        api = CallsApi(client)
        for _ in range(20):  # warm-up: imports, connection, caches
            one_flow(sim, api, base)
        for _ in range(rounds):
            sim.clear_calls()
            started = time.perf_counter()
            for _ in range(flows):
                one_flow(sim, api, base)
            rates.append(flows / (time.perf_counter() - started))
    return rates


def in_process(example: ModuleType, flows: int, rounds: int) -> List[float]:
    app = example.WebhookApp(USER, PASSWORD)
    with VoiceSimulator(app=app, record_requests=False) as sim:
        return measure(sim, "https://myapp.example", flows, rounds)


def over_http(example: ModuleType, flows: int, rounds: int) -> List[float]:
    server = example.make_server("127.0.0.1", 0, username=USER, password=PASSWORD)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        with VoiceSimulator(deliver_webhooks=True, record_requests=False) as sim:
            return measure(sim, f"http://{host}:{port}", flows, rounds)
    finally:
        server.shutdown()
        server.server_close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--flows", type=int, default=300, help="flows per round (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per mode (default 3)")
    args = parser.parse_args()
    example = load_example()
    modes: List[tuple[str, Callable[[ModuleType, int, int], List[float]]]] = [
        ("in-process (WSGI app)", in_process),
        ("over loopback HTTP", over_http),
    ]
    print(
        f"gather-menu call flows, {args.flows} per round, {args.rounds} rounds, "
        f"Python {sys.version.split()[0]}"
    )
    for name, run in modes:
        rates = run(example, args.flows, args.rounds)
        median = statistics.median(rates)
        print(
            f"  {name:<24} {median:8.0f} flows/s  (rounds: {', '.join(f'{r:.0f}' for r in rates)};"
            f" {1000 / median:.2f} ms a flow; 500 flows in {500 / median:.1f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
