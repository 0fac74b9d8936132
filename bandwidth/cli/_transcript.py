"""What ``bandwidth phone`` shows of a call: live lines as it happens, and its timeline.

The phone looks at the call after every step it takes (an instant of the
simulated clock: a press, a verb ending, a timeout) and :meth:`Transcript.observe`
turns what changed into **events**: webhooks, the call answered, what the
caller heard, the keys pressed, the hang-up. Each event carries its simulated
time, and ``at``, the seconds since the call started. Events of one instant
are listed in the order they cause one another: the keys pressed, the
webhooks they set off, the call answered, what was heard, the hang-up, then
the ``disconnect`` webhook.

Live lines are the curated ones (answered, heard, pressed, hang-up, failed
webhooks); with ``verbose`` they are the simulator's own timeline, streamed
(every webhook with its reply, every verb). Text from the app or a server is
printed without terminal controls.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional, TextIO

from bandwidth.cli._output import printable
from bandwidth.testing import SimulatedCall, Webhook
from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.masking import shown_document

__all__ = ["NORMAL_CAUSES", "Transcript"]

#: Disconnect causes of a call that ended the way calls end; any other is a failure.
NORMAL_CAUSES = frozenset({"hangup", "rejected", "busy", "timeout", "cancel"})


def _line(offset: float, text: str) -> str:
    """One timeline line (the simulator's layout), continuation rows indented, made safe."""
    rows = text.splitlines() or [""]
    lines = [f"  {offset:>+9.3f}s  {printable(rows[0])}"]
    lines.extend(f"  {'':>10}     {printable(row)}" for row in rows[1:])
    return "\n".join(lines)


class Transcript:
    """The events of one call, printed live on ``out`` and kept for :meth:`to_json`."""

    def __init__(self, out: TextIO, start: datetime, *, verbose: bool) -> None:
        self.out = out
        self.start = start
        self.verbose = verbose
        self.events: List[Dict[str, Any]] = []
        #: ``"caller"`` once the phone hangs up; ``"app"`` when the call ended otherwise
        self.hung_up_by: Optional[str] = None
        self._webhooks = 0
        self._heard = 0
        self._log = 0
        self._answered = False
        self._ended = False

    # -- events ----------------------------------------------------------------------------

    def _offset(self, when: datetime) -> float:
        return (when - self.start).total_seconds()

    def _event(self, when: datetime, kind: str, **fields: Any) -> None:
        event: Dict[str, Any] = {
            "at": round(self._offset(when), 3),
            "time": format_time(when),
            "type": kind,
        }
        event.update(fields)
        self.events.append(event)

    def show(self, when: datetime, text: str) -> None:
        """Print one live line at simulated time ``when``."""
        self.out.write(_line(self._offset(when), text) + "\n")
        self.out.flush()

    def note(self, when: datetime, text: str) -> None:
        """A line of the phone's own (a hint, a key ignored): printed, not an event."""
        self.show(when, f"({text})")

    def pressed(self, when: datetime, digits: str) -> None:
        """The caller pressed ``digits`` at ``when`` (before the next look at the call)."""
        self._event(when, "pressed", digits=digits)
        if not self.verbose:  # the verbose stream has the simulator's own "pressed" line
            self.show(when, f"pressed {digits}")

    def caller_hangs_up(self) -> None:
        """The caller hangs up now (Ctrl-C, end of input, ``--hangup-after``)."""
        self.hung_up_by = "caller"

    # -- watching the call -----------------------------------------------------------------

    def observe(self, call: SimulatedCall, now: datetime) -> None:
        """Turn what changed on ``call`` since the last look into events (all at ``now``,
        except webhooks, answer and end, which carry their own times)."""
        new_hooks = call.webhooks[self._webhooks :]
        self._webhooks = len(call.webhooks)
        before_end = [w for w in new_hooks if w.event_type != "disconnect"]
        after_end = [w for w in new_hooks if w.event_type == "disconnect"]
        for hook in before_end:
            self._webhook(hook)
        if call.answer_time is not None and not self._answered:
            self._answered = True
            self._event(call.answer_time, "answered")
            if not self.verbose:
                self.show(call.answer_time, "answered")
        for text in call.heard[self._heard :]:
            self._event(now, "heard", text=text)
            if not self.verbose:
                self.show(now, f'heard "{text}"')
        self._heard = len(call.heard)
        if call.end_time is not None and not self._ended:
            self._ended = True
            self._ended_event(call)
        for hook in after_end:
            self._webhook(hook)
        if self.verbose:
            for when, what in call.log[self._log :]:
                self.show(when, what)
        self._log = len(call.log)

    def _webhook(self, hook: Webhook) -> None:
        self._event(
            hook.time,
            "webhook",
            eventType=hook.event_type,
            method=hook.method,
            url=hook.url,
            status=hook.status,
            error=hook.error,
            reply=None if hook.bxml is None else shown_document(hook.bxml),
            payload=hook.payload,
        )
        if not hook.ok and not self.verbose:
            outcome = hook.status if hook.status is not None else f"no answer ({hook.error})"
            where = f"{hook.method} {hook.url}"
            self.show(hook.time, f"webhook {hook.event_type}: {where} -> {outcome}")

    def _ended_event(self, call: SimulatedCall) -> None:
        assert call.end_time is not None
        by = self.hung_up_by or "app"
        self.hung_up_by = by
        cause = call.disconnect_cause or "unknown"
        self._event(call.end_time, "hangup", by=by, cause=cause, errorMessage=call.error_message)
        if self.verbose:
            return
        if by == "caller":
            text = "you hung up"
        elif cause in NORMAL_CAUSES:
            text = f"the app hung up ({cause})"
        else:
            text = f"the call ended: {cause}" + (
                f": {call.error_message}" if call.error_message else ""
            )
        self.show(call.end_time, text)

    # -- the end ---------------------------------------------------------------------------

    def to_json(self, call: SimulatedCall) -> Dict[str, Any]:
        """The whole call as ``bandwidth phone --json`` prints it (see ``docs/cli.md``)."""
        return {
            "callId": call.call_id,
            "from": call.from_,
            "to": call.to,
            "answerUrl": call.request.get("answerUrl"),
            "startTime": format_time(self.start),
            "answerTime": None if call.answer_time is None else format_time(call.answer_time),
            "endTime": None if call.end_time is None else format_time(call.end_time),
            "disconnectCause": call.disconnect_cause,
            "errorMessage": call.error_message,
            "hungUpBy": self.hung_up_by,
            "heard": list(call.heard),
            "pressed": list(call.pressed),
            "events": self.events,
        }
