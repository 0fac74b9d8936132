"""``bandwidth simulator``: the simulator of every product, in the foreground."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import shlex
import sys
import threading
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Iterator, Mapping, Optional

from bandwidth.cli._parser import CliError
from bandwidth.cli._serve_secrets import simulator_secrets, warn_if_exposed
from bandwidth.cli._signals import StopSignals

if TYPE_CHECKING:
    from bandwidth.testing import VoiceSimulator

__all__ = ["run_simulator"]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def run_simulator(
    args: argparse.Namespace,
    stop: Optional[threading.Event] = None,
    environ: Optional[Mapping[str, str]] = None,
) -> int:
    """Serve until SIGINT (Ctrl-C), SIGTERM or ``stop`` is set; returns the exit status.

    The simulator runs on the real clock (it is not a test here), with
    automatic call progress unless ``--no-auto-progress``.
    """
    stop = stop if stop is not None else threading.Event()
    password, client_secret = simulator_secrets(args, os.environ if environ is None else environ)
    warn_if_exposed(args.bind)
    with StopSignals() as signals:
        from bandwidth.testing import AutoProgress, ManualClock, VoiceSimulator

        sim = VoiceSimulator(
            host=args.bind,
            port=args.port,
            account_id=args.account_id,
            username=args.username,
            password=password,
            access_token=args.access_token,
            client_id=args.client_id,
            client_secret=client_secret,
            clock=ManualClock() if args.manual_clock else _utc_now,
            auto_progress=AutoProgress() if args.auto_progress else False,
            # Off unless asked: only GET /_control/requests reads them, and memory stays flat.
            record_requests=args.record_requests,
            deliver_webhooks=args.deliver_webhooks,
        )
        for name, password in args.user:
            sim.add_user(name, password)
        for name, password in args.forbidden_user:
            sim.add_user(name, password, voice=False)
        try:
            sim.start()
        except OSError as exc:
            raise CliError(
                f"cannot listen on {args.bind}:{args.port}: {exc.strerror or exc}"
            ) from None
        try:
            _print_banner(sim, args)
            requests_shown = contextlib.nullcontext() if args.quiet else _request_lines()
            with requests_shown:
                while not signals.received and not stop.is_set():
                    # At once on a signal; the timeout is for ``stop`` and for the flows'
                    # next step, which on the real clock nobody else may be there to run.
                    signals.wait(_pause(sim))
                    sim.run_due()
        finally:
            sim.stop()
    sys.stdout.write("simulator stopped\n")
    sys.stdout.flush()
    return 0


@contextlib.contextmanager
def _request_lines() -> Iterator[None]:
    """Print the simulator's line per request (``bandwidth.simulator``, INFO) on stdout."""
    logger = logging.getLogger("bandwidth.simulator")
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


#: The longest the serve loop sleeps: how soon it sees ``stop`` (signals wake it at once).
_POLL_SECONDS = 0.25


def _pause(sim: VoiceSimulator) -> float:
    """How long to sleep before the next step of a call flow falls due (on the real clock)."""
    due = sim.next_due()
    if due is None:
        return _POLL_SECONDS
    return min(_POLL_SECONDS, max(0.0, (due - sim.now()).total_seconds()))


# -- the banner ------------------------------------------------------------------------


def _print_banner(sim: VoiceSimulator, args: argparse.Namespace) -> None:
    from bandwidth.testing._control_client import control_url

    progress = (
        "calls ring at once and are answered after 1 s"
        if args.auto_progress
        else "calls stay queued (no auto progress)"
    )
    modes = "".join(
        f"  {line}\n"
        for on, line in (
            (args.deliver_webhooks, "webhooks go over HTTP to the URLs calls give"),
            (args.manual_clock, "the clock stands still until POST /_control/advance"),
            (args.record_requests, "requests are recorded (GET /_control/requests)"),
        )
        if on
    )
    settings = ", ".join(
        f"{name}={json.dumps(value)}"
        for name, value in (
            ("host", sim.url),
            ("username", sim.username),
            ("password", sim.password),
        )
    )
    out = sys.stdout
    out.write(
        f"Bandwidth simulator (every product) listening on {sim.url}\n"
        f"  account id: {sim.account_id}\n"
        f"  username:   {sim.username}\n"
        f"  password:   {sim.password}\n"
        f"  {progress}\n"
        f"{modes}"
        f"  control:    {control_url(sim.url)} (the same credentials)\n"
        "\n"
        "Point an unmodified app (and the bandwidth CLI) at it from another shell:\n"
        f"  export BW_BASE_URL={shlex.quote(sim.origin)}\n"
        f"  export BW_VOICE_HOST={shlex.quote(sim.url)}\n"
        f"  export BW_ACCOUNT_ID={shlex.quote(sim.account_id)}\n"
        f"  export BW_USERNAME={shlex.quote(sim.username)}\n"
        f"  export BW_PASSWORD={shlex.quote(sim.password)}\n"
        "\n"
        "In Python, Configuration.from_env() reads those (a Configuration made without\n"
        "host reads BW_BASE_URL), or pass the same settings:\n"
        f"  Configuration({settings})\n"
        "\n"
        "Press Ctrl-C to stop.\n"
    )
    out.flush()
