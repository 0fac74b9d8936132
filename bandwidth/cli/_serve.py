"""``bandwidth simulator``: the Voice API simulator in the foreground."""

from __future__ import annotations

import argparse
import contextlib
import json
import select
import shlex
import signal
import socket
import sys
import threading
import time
from datetime import datetime, timezone
from types import FrameType
from typing import TYPE_CHECKING, Any, Dict, Optional

from bandwidth.cli._parser import CliError

if TYPE_CHECKING:
    from bandwidth.testing import VoiceSimulator

__all__ = ["run_simulator"]

#: The signals that stop the simulator: Ctrl-C and ``kill``'s default.
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def run_simulator(args: argparse.Namespace, stop: Optional[threading.Event] = None) -> int:
    """Serve until SIGINT (Ctrl-C), SIGTERM or ``stop`` is set; returns the exit status.

    The simulator runs on the real clock (it is not a test here), with
    automatic call progress unless ``--no-auto-progress``.
    """
    stop = stop if stop is not None else threading.Event()
    with _StopSignals() as signals:
        from bandwidth.testing import AutoProgress, ManualClock, VoiceSimulator

        sim = VoiceSimulator(
            host=args.bind,
            port=args.port,
            account_id=args.account_id,
            username=args.username,
            password=args.password,
            access_token=args.access_token,
            client_id=args.client_id,
            client_secret=args.client_secret,
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


#: The longest the serve loop sleeps: how soon it sees ``stop`` (signals wake it at once).
_POLL_SECONDS = 0.25


def _pause(sim: VoiceSimulator) -> float:
    """How long to sleep before the next step of a call flow falls due (on the real clock)."""
    due = sim.next_due()
    if due is None:
        return _POLL_SECONDS
    return min(_POLL_SECONDS, max(0.0, (due - sim.now()).total_seconds()))


class _StopSignals:
    """Record SIGINT and SIGTERM while in use, and wake :meth:`wait` when one arrives.

    The handler only records the signal. A handler runs in the main thread
    between two bytecodes, so one that took a lock (``threading.Event.set``)
    could find that very thread holding it inside ``Event.wait`` and deadlock,
    and one that raised (``KeyboardInterrupt``) could unwind through
    ``Condition.wait`` half-way. The wake-up file descriptor makes a waiting
    ``select`` return at once whichever thread the kernel delivered the signal to.

    Both signals are handled even if the process started with SIGINT ignored: a
    background job of a non-interactive shell inherits SIG_IGN for it, and the
    command promises to stop on Ctrl-C and on ``kill -INT`` from the script that
    started it. Outside the main thread, where handlers cannot be set, nothing
    is installed and :meth:`wait` just sleeps.
    """

    def __init__(self) -> None:
        self.received: Optional[int] = None
        self._reader: Optional[socket.socket] = None
        self._writer: Optional[socket.socket] = None
        self._previous: Dict[int, Any] = {}
        self._previous_fd = -1

    def _on_signal(self, signum: int, frame: Optional[FrameType]) -> None:
        self.received = signum

    def __enter__(self) -> _StopSignals:
        if threading.current_thread() is not threading.main_thread():
            return self
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for signum in _STOP_SIGNALS:
            self._previous[signum] = signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        self._previous.clear()
        if self._reader is not None and self._writer is not None:
            signal.set_wakeup_fd(self._previous_fd)
            self._reader.close()
            self._writer.close()
            self._reader = self._writer = None

    def wait(self, timeout: float) -> None:
        """Return when a signal arrives, or after ``timeout`` seconds."""
        if self._reader is None:
            time.sleep(timeout)
            return
        ready, _, _ = select.select([self._reader], [], [], timeout)
        if ready:
            with contextlib.suppress(OSError):
                self._reader.recv(4096)  # drain: another signal's byte must not spin the loop


# -- the banner ------------------------------------------------------------------------


def _print_banner(sim: VoiceSimulator, args: argparse.Namespace) -> None:
    from bandwidth.testing._control import control_url

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
        f"Bandwidth Voice API simulator listening on {sim.url}\n"
        f"  account id: {sim.account_id}\n"
        f"  username:   {sim.username}\n"
        f"  password:   {sim.password}\n"
        f"  {progress}\n"
        f"{modes}"
        f"  control:    {control_url(sim.url)} (the same credentials)\n"
        "\n"
        "Point the bandwidth CLI at it from another shell:\n"
        f"  export BW_VOICE_HOST={shlex.quote(sim.url)}\n"
        f"  export BW_ACCOUNT_ID={shlex.quote(sim.account_id)}\n"
        f"  export BW_USERNAME={shlex.quote(sim.username)}\n"
        f"  export BW_PASSWORD={shlex.quote(sim.password)}\n"
        "\n"
        "The SDK reads no environment variables; in Python, pass the same settings:\n"
        f"  Configuration({settings})\n"
        "\n"
        "Press Ctrl-C to stop.\n"
    )
    out.flush()
