"""The MFA service's memory: the codes it issued, and the verification attempts per number.

A code is kept per ``(to, scope)``: generating another for the same pair
replaces it (the last code sent is the one the user has). ``verify``
answers ``valid`` once for the right code issued within the request's
``expirationTimeInMinutes`` (the expiry is the verify call's, not the
generate call's), and the code is used up. A wrong, expired or unknown
code counts as a failed attempt for the number; after
:data:`MAX_FAILED_ATTEMPTS` in a row the number is locked for
:data:`LOCKOUT` (429, even for the right code); a valid verify resets the
count. Codes older than the longest expiry (15 minutes) can never verify,
and are forgotten as new ones are issued, so a long run stays flat.

Not thread-safe on its own: callers hold the simulator's lock.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Dict, List, Optional, Tuple

from bandwidth.testing._core.masking import MASK

__all__ = [
    "LOCKOUT",
    "MAX_EXPIRY",
    "MAX_FAILED_ATTEMPTS",
    "CodeBook",
    "IssuedCode",
    "Verdict",
]

#: Failed verifications in a row that lock a number (the platform does not publish its count).
MAX_FAILED_ATTEMPTS = 5
#: How long a locked number answers 429 (what the platform's message says: 2 minutes).
LOCKOUT = timedelta(minutes=2)
#: The longest ``expirationTimeInMinutes``: a code older than this can never verify.
MAX_EXPIRY = timedelta(minutes=15)


@dataclass
class IssuedCode:
    """One code the MFA service sent: to whom, for which scope, how, and when.

    ``code`` is the value itself (read it to type it in a test); ``repr``
    masks it. ``channel`` is ``"voice"`` or ``"messaging"``; ``sent_id`` the
    call id or message id the generate call answered; ``used`` whether a
    verify accepted it.
    """

    to: str
    scope: str
    code: str = field(repr=False)
    channel: str
    sent_id: str
    issued_at: datetime
    used: bool = False

    def __repr__(self) -> str:
        return (
            f"IssuedCode(to={self.to!r}, scope={self.scope!r}, code={MASK!r}, "
            f"channel={self.channel!r}, sent_id={self.sent_id!r}, "
            f"issued_at={self.issued_at!r}, used={self.used!r})"
        )


@dataclass(frozen=True)
class Verdict:
    """What a verify comes to: ``valid``, or ``locked`` (429) with why."""

    valid: bool
    locked: bool = False


class CodeBook:
    """Every code still able to verify, and the failed attempts per number."""

    def __init__(self) -> None:
        #: ``(to, scope)`` -> the code last issued for it, oldest issue first
        self.codes: OrderedDict[Tuple[str, str], IssuedCode] = OrderedDict()
        #: number -> (failed attempts in a row, when the last failed), oldest failure first
        self._failures: OrderedDict[str, Tuple[int, datetime]] = OrderedDict()
        #: number -> until when it is locked
        self._locked: Dict[str, datetime] = {}
        #: codes the test asked for (``sim.next_mfa_code``), used before random ones
        self.planned: List[str] = []

    def new_value(self, digits: int) -> str:
        """The value of the next code of ``digits`` digits: one the test planned, else random."""
        for index, planned in enumerate(self.planned):
            if len(planned) == digits:
                return self.planned.pop(index)
        return f"{secrets.randbelow(10**digits):0{digits}d}"

    def issue(
        self, to: str, scope: str, code: str, channel: str, sent_id: str, now: datetime
    ) -> IssuedCode:
        """``code`` went to ``(to, scope)`` (by call or text ``sent_id``), replacing the last."""
        self.forget_expired(now)
        issued = IssuedCode(to, scope, code, channel, sent_id, now)
        self.codes.pop((to, scope), None)
        self.codes[(to, scope)] = issued  # the newest last
        return issued

    def verify(self, to: str, scope: str, code: str, expiry: timedelta, now: datetime) -> Verdict:
        """Check ``code`` for ``(to, scope)`` at ``now``, the code issued within ``expiry``."""
        self.forget_expired(now)
        until = self._locked.get(to)
        if until is not None:
            if now < until:
                return Verdict(False, locked=True)
            del self._locked[to]
        issued = self.codes.get((to, scope))
        if (
            issued is not None
            and not issued.used
            and now - issued.issued_at <= expiry
            and secrets.compare_digest(issued.code.encode(), code.encode())
        ):
            issued.used = True
            self._failures.pop(to, None)
            return Verdict(True)
        failures = self._failures.pop(to, (0, now))[0] + 1
        if failures >= MAX_FAILED_ATTEMPTS:
            self._locked[to] = now + LOCKOUT
        else:
            self._failures[to] = (failures, now)  # the newest last
        return Verdict(False)

    def latest(self, to: str, scope: str) -> Optional[IssuedCode]:
        """The code last issued for ``(to, scope)``, if it is still kept."""
        return self.codes.get((to, scope))

    def forget_expired(self, now: datetime) -> None:
        """Drop codes that can no longer verify, stale failure counts and locks that ran out."""
        codes, failures = self.codes, self._failures
        while codes and now - next(iter(codes.values())).issued_at > MAX_EXPIRY:
            codes.popitem(last=False)
        while failures and now - next(iter(failures.values()))[1] > MAX_EXPIRY:
            failures.popitem(last=False)
        if self._locked:  # only the numbers locked in the last two minutes
            for number in [n for n, until in self._locked.items() if now >= until]:
                del self._locked[number]

    def clear(self) -> None:
        """Forget every code, attempt and lock."""
        self.codes.clear()
        self._failures.clear()
        self._locked.clear()
        self.planned.clear()
