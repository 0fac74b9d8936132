"""``bandwidth demo``: one call's whole life, with the SDK, on an embedded simulator."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Optional
from urllib.parse import urlsplit

__all__ = ["run_demo"]

TO = "+19195551234"
FROM = "+19195554321"
APPLICATION_ID = "demo-application"
ANSWER_URL = "https://example.com/webhooks/answer"
REDIRECT_URL = "https://example.com/webhooks/next-step"


class _Printer:
    def __init__(self) -> None:
        self.step = 0
        self.out = sys.stdout

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def title(self, text: str) -> None:
        self.step += 1
        self.line()
        self.line(f"[{self.step}] {text}")

    def code(self, text: str) -> None:
        for i, row in enumerate(text.splitlines()):
            self.line(("    >>> " if i == 0 else "    ... ") + row)

    def result(self, text: str) -> None:
        for row in text.splitlines():
            self.line("    " + row)

    def note(self, text: str) -> None:
        self.line(f"    ({text})")


def _call_summary(call: Any) -> str:
    state = call.state
    parts = [f"state={state}"]
    if call.disconnect_cause:
        parts.append(f"disconnectCause={call.disconnect_cause}")
    parts.append(f"{call.var_from} -> {call.to}")
    return "  ".join(parts)


def _time(value: Optional[Any]) -> str:
    return "-" if value is None else value.strftime("%H:%M:%S UTC")


def run_demo() -> int:
    """Start a private simulator and drive one call through its life; returns 0."""
    from bandwidth import ApiClient, CallsApi, CreateCall, UpdateCall
    from bandwidth.models.bxml import Bxml, Hangup, Pause, SpeakSentence
    from bandwidth.testing import VoiceSimulator

    p = _Printer()
    p.line("bandwidth demo: one call, start to finish, with the Python SDK")
    p.line("No Bandwidth account or network needed: the SDK talks real HTTP to a Voice API")
    p.line("simulator started just for this demo on 127.0.0.1.")

    # The REST steps use made-up webhook URLs: no app behind them, so no webhooks here.
    with VoiceSimulator(deliver_webhooks=False) as sim, ApiClient(sim.configuration()) as client:
        api = CallsApi(client)
        account = sim.account_id
        p.line()
        p.line(f"simulator  {sim.url}")
        p.line(f"account    {account}   (user {sim.username!r})")

        p.title("Create an outbound call")
        p.code(
            "api.create_call(account_id, CreateCall(\n"
            f'    to="{TO}", var_from="{FROM}",\n'
            f'    application_id="{APPLICATION_ID}",\n'
            f'    answer_url="{ANSWER_URL}", tag="demo"))'
        )
        created = api.create_call_with_http_info(
            account,
            CreateCall(
                to=TO,
                var_from=FROM,
                application_id=APPLICATION_ID,
                answer_url=ANSWER_URL,
                tag="demo",
            ),
        )
        call = created.data
        call_id = call.call_id
        p.result(f"-> {created.status_code} Created  callId={call_id}")
        p.result(f"   callUrl={call.call_url}")

        p.title("Read its state")
        p.code("api.get_call_state(account_id, call_id)")
        state = api.get_call_state(account, call_id)
        p.result(f"-> {_call_summary(state)}  enqueued {_time(state.enqueued_time)}")

        sim.advance(1)
        sim.initiate(call_id)
        sim.advance(4)
        sim.answer(call_id)
        p.note("4 s later the callee picks up: the simulator plays the phone network")
        state = api.get_call_state(account, call_id)
        p.result(f"-> {_call_summary(state)}  answered {_time(state.answer_time)}")

        p.title("List the account's calls")
        p.code(f'api.list_calls(account_id, to="{TO}")')
        calls = api.list_calls(account, to=TO)
        p.result(f"-> {len(calls)} call(s)")
        for item in calls:
            p.result(f"   {item.call_id}  {_call_summary(item)}")

        sim.advance(3)
        p.title("Replace the call's BXML (built with bandwidth.models.bxml)")
        document = Bxml(
            [
                SpeakSentence("Hello from the Bandwidth Python SDK demo.", voice="julie"),
                Pause(1),
                SpeakSentence("Goodbye."),
                Hangup(),
            ]
        )
        p.code(
            "api.update_call_bxml(account_id, call_id, Bxml([\n"
            '    SpeakSentence("Hello from the Bandwidth Python SDK demo.", voice="julie"),\n'
            '    Pause(1), SpeakSentence("Goodbye."), Hangup()]))'
        )
        replaced = api.update_call_bxml_with_http_info(account, call_id, document)
        p.result(f"-> {replaced.status_code} No Content")

        sim.advance(5)
        p.title("Redirect the call to another webhook")
        p.code(
            "api.update_call(account_id, call_id,\n"
            f'    UpdateCall(redirect_url="{REDIRECT_URL}", tag="redirected"))'
        )
        redirected = api.update_call_with_http_info(
            account, call_id, UpdateCall(redirect_url=REDIRECT_URL, tag="redirected")
        )
        p.result(f"-> {redirected.status_code} OK")

        sim.advance(6)
        p.title("Hang up")
        p.code('api.update_call(account_id, call_id, UpdateCall(state="completed"))')
        hung_up = api.update_call_with_http_info(account, call_id, UpdateCall(state="completed"))
        p.result(f"-> {hung_up.status_code} OK")

        p.title("Final state")
        p.code("api.get_call_state(account_id, call_id)")
        final = api.get_call_state(account, call_id)
        p.result(f"-> {_call_summary(final)}")
        duration = (
            (final.end_time - final.answer_time).total_seconds()
            if final.end_time is not None and final.answer_time is not None
            else None
        )
        p.result(
            f"   answered {_time(final.answer_time)}, ended {_time(final.end_time)}"
            + (f", talked {duration:g} s" if duration is not None else "")
        )

        p.title("What the simulator received (sim.requests, sim.call(call_id))")
        base_path = urlsplit(sim.url).path
        for request in sim.requests:
            path = request.path
            if path.startswith(base_path):
                path = path[len(base_path) :]
            path = path.replace(call_id, "{callId}") + _query(request.query_string)
            p.result(f"{request.method:<4} {path:<42} {request.operation}")
            if request.headers.get("content-type", "").startswith("application/json"):
                p.result(f"     {request.text}")
        recorded = sim.call(call_id)
        p.result(f"BXML documents on the call: {len(recorded.bxml)}")
        for text in recorded.bxml:
            p.result("  " + text.replace("\n", "\n  "))
        p.result(f"redirects on the call: {len(recorded.redirects)}")
        for body in recorded.redirects:
            p.result("  " + json.dumps(body))
        p.result(f"tag now: {recorded.tag!r}")

    _call_flow(p)

    p.line()
    p.line("Done. The same code runs against the real API: build ApiClient(Configuration(")
    p.line("username=..., password=...)) and drop the simulator. CLI: bandwidth calls --help")
    return 0


#: The example app of a source checkout (it is not part of the installed package).
EXAMPLE_APP = Path(__file__).resolve().parents[2] / "examples" / "webhook_app.py"
FLOW_USER, FLOW_PASSWORD = "demo-webhooks", "demo-password"


def _load_example() -> Optional[ModuleType]:
    if not EXAMPLE_APP.is_file():
        return None
    spec = importlib.util.spec_from_file_location("bandwidth_demo_webhook_app", EXAMPLE_APP)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py file always has one
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _call_flow(p: _Printer) -> None:
    """One call through the example webhook app: webhooks, BXML, a key pressed."""
    from bandwidth import ApiClient, CallsApi, CreateCall
    from bandwidth.testing import VoiceSimulator

    p.title("A whole call through your webhook app (examples/webhook_app.py)")
    example = _load_example()
    if example is None:
        p.note(
            "examples/webhook_app.py comes with the source checkout, not the installed "
            "package: run `make demo` there to see this step"
        )
        return
    p.result("Bandwidth drives a call with webhooks: it POSTs an event to your app, plays the")
    p.result("BXML your app answers with, collects the caller's keys, POSTs the next event.")
    p.result("Here the simulator plays Bandwidth and the caller, calling the app in-process:")
    p.result("no server, no tunnel, no account, and a simulated clock (nothing sleeps).")
    p.code(
        "app = WebhookApp(username, password)       # the example's WSGI app\n"
        "with VoiceSimulator(app=app) as sim:\n"
        '    call_id = create_call(..., answer_url="https://myapp.example/answer",\n'
        '                          disconnect_url="https://myapp.example/bye")\n'
        "    sim.answer(call_id)        # the callee picks up: the answer webhook\n"
        "    sim.advance(4)             # 4 simulated seconds: the menu plays\n"
        '    sim.press(call_id, "1")    # the caller presses 1: the gather webhook\n'
        "    sim.advance(30)\n"
        "    print(sim.call(call_id).timeline())"
    )
    app = example.WebhookApp(FLOW_USER, FLOW_PASSWORD)
    with VoiceSimulator(app=app) as sim, ApiClient(sim.configuration()) as client:
        created = CallsApi(client).create_call(
            sim.account_id,
            CreateCall(
                to=TO,
                var_from=FROM,
                application_id=APPLICATION_ID,
                answer_url="https://myapp.example/answer",
                disconnect_url="https://myapp.example/bye",
                username=FLOW_USER,
                password=FLOW_PASSWORD,
            ),
        )
        call_id = created.call_id
        sim.answer(call_id)
        sim.advance(4)
        sim.press(call_id, "1")
        sim.advance(30)
        call = sim.call(call_id)
        p.line()
        p.result("Seconds since the call was created, and what happened (passwords masked):")
        for row in call.timeline().splitlines()[1:]:
            p.result(row)
        p.line()
        p.result(f"the caller heard:   {' / '.join(call.heard)}")
        p.result(f"keys pressed:       {', '.join(call.pressed)}")
        hooks = ", ".join(f"{w.event_type} ({w.status})" for w in sim.webhooks)
        p.result(f"webhooks:           {hooks}")
        p.result(f"the call ended:     {call.state}, disconnectCause={call.disconnect_cause}")
        p.note(
            "each webhook was first sent without credentials; the app's 401 challenge "
            "made the simulator send them, as Bandwidth does"
        )


def _query(query_string: str) -> str:
    return f"?{query_string}" if query_string else ""
