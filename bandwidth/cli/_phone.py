"""``bandwidth phone``: call your voice app from the terminal, through the simulator.

The phone starts a private :class:`~bandwidth.testing.VoiceSimulator` on a
:class:`~bandwidth.testing.ManualClock`, places an inbound call to the app
(over real HTTP to URL, or in-process with ``--app module:attr``) and moves
the clock itself: in real time (what the caller hears appears as it plays),
or ``--fast``, straight from one scheduled step to the next. It answers each
``<Gather>`` from ``--press`` values, lines of stdin, or keys typed on the
terminal, and hangs up on Ctrl-C, SIGTERM, end of input or ``--hangup-after``.
What happened is printed live and as a timeline (text, or ``--json``) at the
end. See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import re
import sys
import time
import traceback
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Callable, List, Mapping, Optional, TextIO, Tuple
from urllib.parse import urljoin, urlsplit

from bandwidth.cli._keys import END, Keypad, stdin_is_terminal
from bandwidth.cli._output import print_data, printable
from bandwidth.cli._parser import CliError, UsageError
from bandwidth.cli._secrets import interactive, password_from_stdin, prompt_password, warn_visible
from bandwidth.cli._signals import StopSignals
from bandwidth.cli._transcript import NORMAL_CAUSES, Transcript
from bandwidth.testing import ManualClock, SimulatedCall, VoiceSimulator, WebhookAppError

__all__ = ["run_phone"]

PROG = "bandwidth phone"
DEFAULT_TO = "+19195551234"
DEFAULT_FROM = "+19195554321"
#: Where a path given with --app is resolved: only its path and query reach the app.
APP_BASE = "http://localhost"
#: How often the real-time loop looks at the keys and the wall clock.
POLL_SECONDS = 0.05
_DTMF = re.compile(r"[0-9*#A-Da-d]*")
#: Wire names in the simulator's refusals -> what the user typed.
_FLAGS = {
    "to": "--to",
    "from": "--from",
    "answerUrl": "URL",
    "answerMethod": "--answer-method",
    "disconnectUrl": "--disconnect-url",
    "callbackTimeout": "--callback-timeout",
    "username": "--username",
    "password": "the webhook password",
}


@dataclass(frozen=True)
class Settings:
    """Everything the command line decided, checked before the simulator starts."""

    url: str
    disconnect_url: str
    username: Optional[str]
    password: Optional[str]
    presses: Optional[List[str]]
    fast: bool
    speed: float


def run_phone(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Place the call, run it to its end, print the timeline; returns the exit status.

    0: the call ended the way calls end (``hangup``, ``rejected``, ...);
    1: it ended because the app failed (``callback-error``, ``invalid-bxml``,
    ...); 2: a bad command line.
    """
    env = os.environ if environ is None else environ
    settings = _settings(args, env)
    app = _load_app(args.app) if args.app else None
    sim = VoiceSimulator(
        app=app,
        deliver_webhooks=None if app is not None else True,
        clock=ManualClock(),
        record_requests=False,
    )
    try:
        sim.start()
    except (OSError, RuntimeError) as exc:
        raise CliError(f"cannot start the simulator: {exc}") from None
    try:
        with StopSignals() as signals:
            return _call(sim, settings, args, signals)
    finally:
        sim.stop()


# -- the command line ----------------------------------------------------------------------


def _settings(args: argparse.Namespace, env: Mapping[str, str]) -> Settings:
    url = args.url
    if args.app:
        url = urljoin(APP_BASE, url or "/")
    if not url:
        raise UsageError("URL is required (or --app MODULE:ATTRIBUTE)", PROG)
    _check_url(url, "URL")
    disconnect = urljoin(url, args.disconnect_url) if args.disconnect_url else url
    _check_url(disconnect, "--disconnect-url")
    presses: Optional[List[str]] = None
    if args.press is not None:
        presses = list(args.press)
        for digits in presses:
            if not _DTMF.fullmatch(digits):
                raise UsageError(
                    f"--press {printable(digits)!r}: keys are 0-9, *, #, A-D ('' presses none)",
                    PROG,
                )
    fast = args.fast if args.fast is not None else presses is not None
    if fast and args.speed != 1.0:
        raise UsageError("--speed paces real time: it does not go with --fast", PROG)
    username, password = _credentials(args, env)
    return Settings(url, disconnect, username, password, presses, fast, args.speed)


def _check_url(url: str, name: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{name}: must be an absolute http or https URL", PROG)


def _credentials(
    args: argparse.Namespace, env: Mapping[str, str]
) -> Tuple[Optional[str], Optional[str]]:
    """The webhook user and password: flags, else BW_WEBHOOK_USERNAME/BW_WEBHOOK_PASSWORD."""
    username = args.username or env.get("BW_WEBHOOK_USERNAME") or None
    password: Optional[str] = None
    if args.password is not None:
        warn_visible("--password", "use BW_WEBHOOK_PASSWORD, the prompt or --password-stdin")
        if args.password_stdin:
            raise UsageError("give --password or --password-stdin, not both", PROG)
        password = args.password
    elif args.password_stdin:
        password = password_from_stdin(PROG)
    else:
        password = env.get("BW_WEBHOOK_PASSWORD") or None
    if password is not None and username is None:
        raise UsageError("a webhook password needs a user: --username or BW_WEBHOOK_USERNAME", PROG)
    if username is not None and password is None:
        if not interactive():
            raise UsageError(
                "missing the webhook password for --username: BW_WEBHOOK_PASSWORD or "
                "--password-stdin",
                PROG,
            )
        password = prompt_password("webhook", username, PROG)
    return username, password


def _load_app(spec: str) -> Callable[..., Any]:
    """``module:attribute`` imported from the current directory (as uvicorn and flask do)."""
    module_name, colon, attribute = spec.partition(":")
    if not colon or not module_name or not attribute:
        raise UsageError("--app: expected MODULE:ATTRIBUTE, e.g. myapp:app", PROG)
    here = os.getcwd()
    if here not in sys.path:
        sys.path.insert(0, here)
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if not (exc.name and module_name.startswith(exc.name)):
            _print_app_traceback(exc, f"importing {module_name}")
            raise CliError(f"--app: importing {module_name} raised {exc}") from None
        raise UsageError(f"--app: no module named {module_name!r} in {here}", PROG) from None
    except Exception as exc:
        _print_app_traceback(exc, f"importing {module_name}")
        raise CliError(
            f"--app: importing {module_name} raised {type(exc).__name__}: {exc}"
        ) from None
    found: Any = module
    for part in attribute.split("."):
        try:
            found = getattr(found, part)
        except AttributeError:
            raise UsageError(f"--app: {module_name} has no attribute {attribute!r}", PROG) from None
    if not callable(found):
        raise UsageError(f"--app: {spec} is not a WSGI or ASGI app (not callable)", PROG)
    return found  # type: ignore[no-any-return]


def _print_app_traceback(exc: BaseException, doing: str) -> None:
    """The app's own traceback on stderr: it is the user's code, and theirs to debug."""
    sys.stderr.write(f"the app raised {type(exc).__name__} while {doing}:\n")
    for line in traceback.format_exception(type(exc), exc, exc.__traceback__):
        for row in line.rstrip("\n").splitlines():
            sys.stderr.write(printable(row) + "\n")
    sys.stderr.flush()


# -- the call ------------------------------------------------------------------------------


def _call(
    sim: VoiceSimulator, settings: Settings, args: argparse.Namespace, signals: StopSignals
) -> int:
    live: TextIO = sys.stderr if args.json else sys.stdout
    keypad: Optional[Keypad] = None
    if settings.presses is None:
        keypad = Keypad(sys.stdin, single_keys=not settings.fast and stdin_is_terminal())
    transcript = Transcript(live, sim.now(), verbose=args.verbose)
    phone = Phone(sim, transcript, settings, keypad, signals, args.hangup_after)
    fields = {
        "disconnect_url": settings.disconnect_url,
        "username": settings.username,
        "password": settings.password,
        "callback_timeout": args.callback_timeout,
    }
    with contextlib.ExitStack() as stack:
        if keypad is not None:
            stack.enter_context(keypad)  # the terminal's settings come back on the way out
        # Placing checks the call's fields first (a bad --to is a usage error, nothing
        # printed), then delivers the initiate webhook; what it set off prints below.
        phone.place(args.to, args.from_, settings.url, args.answer_method, fields)
        how = "" if settings.presses is not None else _how_to_type(keypad)
        live.write(
            f"calling {printable(settings.url)} from {printable(args.from_)} to "
            f"{printable(args.to)}{how}\n"
        )
        live.flush()
        phone.run()
    call = phone.final()
    if args.json:
        print_data(transcript.to_json(call))
    elif not args.verbose:
        sys.stdout.write("\n")
        for row in call.timeline().splitlines():
            sys.stdout.write(printable(row) + "\n")
    cause = call.disconnect_cause or "unknown"
    if transcript.hung_up_by != "caller" and cause not in NORMAL_CAUSES:
        detail = f": {call.error_message}" if call.error_message else ""
        raise CliError(f"the call ended with {cause}{detail}")
    if phone.app_failed:
        raise CliError("the app raised an exception while handling a webhook (see above)")
    return 0


def _how_to_type(keypad: Optional[Keypad]) -> str:
    if keypad is None:
        return ""
    if keypad.single_keys:
        return " (type keys 0-9 * # A-D as you hear; Ctrl-D or Ctrl-C hangs up)"
    return " (Ctrl-C hangs up)"


class Phone:
    """Drives one call on the simulator's manual clock, in real time or fast."""

    def __init__(
        self,
        sim: VoiceSimulator,
        transcript: Transcript,
        settings: Settings,
        keypad: Optional[Keypad],
        signals: StopSignals,
        hangup_after: float,
    ) -> None:
        self.sim = sim
        self.transcript = transcript
        self.settings = settings
        self.presses = None if settings.presses is None else list(settings.presses)
        self.keypad = keypad
        self.signals = signals
        self.deadline = sim.now() + timedelta(seconds=hangup_after)
        self.call_id = ""
        self.app_failed = False
        #: the current gather was given its answer (silence included): do not ask again
        self._answered_gather = False
        self._prompted = False
        self._wall = time.monotonic()
        self._base = sim.now()

    # -- simulator calls, with the app's exceptions reported ---------------------------------

    def _guard(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except WebhookAppError as exc:
            self.app_failed = True
            cause = exc.__cause__ or exc
            _print_app_traceback(cause, "handling a webhook")
            return None

    def place(self, to: str, sender: str, url: str, method: str, fields: Mapping[str, Any]) -> None:
        """Place the inbound call (its ``initiate`` webhook goes to ``url``)."""
        try:
            self.call_id = self.sim.inbound_call(
                to, sender, answer_url=url, answer_method=method, **fields
            )
        except WebhookAppError as exc:
            self.app_failed = True
            _print_app_traceback(exc.__cause__ or exc, "handling a webhook")
            self.call_id = self.sim.calls[-1].call_id
        except ValueError as exc:
            raise UsageError(_flag_names(str(exc)), PROG) from None

    def final(self) -> SimulatedCall:
        """The call as it ended."""
        return self._look()

    def _look(self) -> SimulatedCall:
        call = self._guard(lambda: self.sim.call(self.call_id))
        return call if call is not None else self.sim.call(self.call_id)

    # -- the loop ----------------------------------------------------------------------------

    def run(self) -> None:
        """Run the call until it ends, one simulated instant at a time."""
        sim = self.sim
        while True:
            call = self._look()
            self.transcript.observe(call, sim.now())
            if call.state == "disconnected":
                return
            if self.signals.received or sim.now() >= self.deadline:
                self._hang_up()
                continue
            if self._live_keys(call):
                continue
            answered = self._answer_gather()
            if answered == "acted":
                continue
            if answered == "waiting":  # --fast: time stands still until the caller types
                self.signals.wait(POLL_SECONDS)
                continue
            self._step()

    def _hang_up(self) -> None:
        self.transcript.caller_hangs_up()
        try:
            self._guard(lambda: self.sim.hangup(self.call_id))
        except ValueError:  # it ended meanwhile, on its own
            self.transcript.hung_up_by = None

    def _press(self, digits: str) -> None:
        now = self.sim.now()
        try:
            self._guard(lambda: self.sim.press(self.call_id, digits))
        except ValueError:
            self.transcript.note(now, f"keys {digits} not sent: the call is not answered yet")
            return
        self.transcript.pressed(now, digits)

    def _live_keys(self, call: SimulatedCall) -> bool:
        """Single-key mode: press what was typed; ``True`` if anything happened."""
        keypad = self.keypad
        if keypad is None or not keypad.single_keys:
            return False
        if self._awaiting() and not self._prompted:
            self._prompted = True
            self.transcript.note(self.sim.now(), "the app waits for keys")
        acted = False
        while True:
            typed = keypad.take(0)
            if typed is None:
                return acted
            if typed is END:
                self._hang_up()
                return True
            assert isinstance(typed, str)
            if typed and _DTMF.fullmatch(typed):
                self._press(typed)
                acted = True

    def _awaiting(self) -> bool:
        awaiting = bool(self._guard(lambda: self.sim.awaiting_digits(self.call_id)))
        if not awaiting:
            self._answered_gather = False
            self._prompted = False
        return awaiting

    def _answer_gather(self) -> str:
        """Answer a waiting ``<Gather>`` from ``--press`` or a line: ``acted``, ``waiting``
        (for a line, in fast mode) or ``none``."""
        if self.keypad is not None and self.keypad.single_keys:
            return "none"
        if not self._awaiting() or self._answered_gather:
            return "none"
        if self.presses is not None:
            self._answered_gather = True
            digits = self.presses.pop(0) if self.presses else ""
            if digits:
                self._press(digits)
            return "acted"
        assert self.keypad is not None
        if not self._prompted and sys.stdin.isatty():
            self._prompted = True
            sys.stderr.write("keys for this gather (0-9 * # A-D, Enter; empty: none)> ")
            sys.stderr.flush()
        typed = self.keypad.take(0)
        if typed is None:
            return "waiting" if self.settings.fast else "none"
        if typed is END:
            self._hang_up()
            return "acted"
        assert isinstance(typed, str)
        digits = "".join(typed.split())
        if not _DTMF.fullmatch(digits):
            self.transcript.note(self.sim.now(), f"ignored {typed!r}: keys are 0-9 * # A-D")
            self._prompted = False
            return "acted"
        self._answered_gather = True
        if digits:
            self._press(digits)
        return "acted"

    def _step(self) -> None:
        """Move the clock: to the next step due (fast), or with the wall clock (real time)."""
        sim = self.sim
        now = sim.now()
        due = sim.next_due()
        limit = self.deadline if due is None or due > self.deadline else due
        if self.settings.fast:
            self._advance(limit - now)
            return
        elapsed = (time.monotonic() - self._wall) * self.settings.speed
        wall = self._base + timedelta(seconds=elapsed)
        if limit <= wall:
            self._advance(limit - now)
            return
        if wall > now:
            self._advance(wall - now)  # nothing is due before: only time passes
        pause = min(POLL_SECONDS, (limit - wall).total_seconds() / self.settings.speed)
        self.signals.wait(pause)

    def _advance(self, delta: timedelta) -> None:
        seconds = max(0.0, delta.total_seconds())
        self._guard(lambda: self.sim.advance(seconds))


def _flag_names(message: str) -> str:
    """``Invalid to: ...`` (the simulator's words) as ``--to: ...`` (the user's)."""
    match = re.match(r"Invalid (\w+): (.*)", message)
    if match is None or match.group(1) not in _FLAGS:
        return message
    return f"{_FLAGS[match.group(1)]}: {match.group(2)}"
