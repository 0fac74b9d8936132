"""``bandwidth simulator``: the Voice API simulator in the foreground."""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
import threading
from datetime import datetime, timezone
from types import FrameType
from typing import Any, Optional

from bandwidth.cli._parser import CliError

__all__ = ["run_simulator"]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def run_simulator(args: argparse.Namespace, stop: Optional[threading.Event] = None) -> int:
    """Serve until Ctrl-C, SIGTERM or ``stop`` is set; returns the exit status.

    The simulator runs on the real clock (it is not a test here), with
    automatic call progress unless ``--no-auto-progress``.
    """
    from bandwidth.testing import AutoProgress, VoiceSimulator

    stop = stop if stop is not None else threading.Event()
    sim = VoiceSimulator(
        host=args.bind,
        port=args.port,
        account_id=args.account_id,
        username=args.username,
        password=args.password,
        access_token=args.access_token,
        client_id=args.client_id,
        client_secret=args.client_secret,
        clock=_utc_now,
        auto_progress=AutoProgress() if args.auto_progress else False,
        record_requests=False,  # nobody can read them here; keep memory flat
    )
    for name, password in args.user:
        sim.add_user(name, password)
    for name, password in args.forbidden_user:
        sim.add_user(name, password, voice=False)
    try:
        sim.start()
    except OSError as exc:
        raise CliError(f"cannot listen on {args.bind}:{args.port}: {exc.strerror or exc}") from None

    def on_sigterm(signum: int, frame: Optional[FrameType]) -> None:
        stop.set()

    previous: Any = None
    in_main_thread = threading.current_thread() is threading.main_thread()
    if in_main_thread:
        previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        # The banner is inside the try: a Ctrl-C right after it is printed still stops cleanly.
        _print_banner(sim, args.auto_progress)
        while not stop.wait(0.25):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
    sys.stdout.write("simulator stopped\n")
    sys.stdout.flush()
    return 0


def _print_banner(sim: Any, auto_progress: bool) -> None:
    progress = (
        "calls ring at once and are answered after 1 s"
        if auto_progress
        else "calls stay queued (no auto progress)"
    )
    out = sys.stdout
    out.write(
        f"Bandwidth Voice API simulator listening on {sim.url}\n"
        f"  account id: {sim.account_id}\n"
        f"  username:   {sim.username}\n"
        f"  password:   {sim.password}\n"
        f"  {progress}\n"
        "\n"
        "Point the CLI (or your app) at it from another shell:\n"
        f"  export BW_VOICE_HOST={shlex.quote(sim.url)}\n"
        f"  export BW_ACCOUNT_ID={shlex.quote(sim.account_id)}\n"
        f"  export BW_USERNAME={shlex.quote(sim.username)}\n"
        f"  export BW_PASSWORD={shlex.quote(sim.password)}\n"
        "\n"
        "Press Ctrl-C to stop.\n"
    )
    out.flush()
