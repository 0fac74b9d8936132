"""What the test does to the identity products: seed lookups, read MFA codes.

:class:`IdentityControls` is the part of the test API the facade
(:class:`~bandwidth.testing._identity.test_api.IdentityTestApi`) and the
control routes forward to; it holds no state of its own.
"""

from __future__ import annotations

import copy
import threading
from typing import Any, List, Optional

from bandwidth.testing._identity.code_book import CodeBook, IssuedCode
from bandwidth.testing._identity.code_checks import DEFAULT_SCOPE, MAX_DIGITS, MIN_DIGITS
from bandwidth.testing._identity.lookup_book import LookupBook
from bandwidth.testing._identity.mfa_service import MfaService

__all__ = ["IdentityControls"]


class IdentityControls:
    """Seeding the lookup service and reading the MFA service, under the simulator's lock."""

    def __init__(
        self, lock: threading.Lock, lookups: LookupBook, codes: CodeBook, mfa: MfaService
    ) -> None:
        self._lock = lock
        self._lookups = lookups
        self._codes = codes
        self._mfa = mfa

    # -- lookup --------------------------------------------------------------------------

    def seed_lookup(
        self,
        number: str,
        *,
        found: bool = True,
        carrier_name: Optional[str] = None,
        line_type: Optional[str] = "MOBILE",
        country_code_a3: Optional[str] = "USA",
        **fields: Any,
    ) -> None:
        """What a lookup of ``number`` answers from now on (``create_sync_lookup``, bulk).

        ``carrier_name`` sets both ``messaging_provider`` and ``voice_provider``
        (give either to set it apart); ``line_type`` is ``MOBILE``, ``FIXED``,
        ``VOIP`` or ``VOIP-FIXED``; any other :class:`~bandwidth.models.LookupResult`
        field goes by its Python name (``deactivation_event="DEACTIVATED"``,
        ``rcs_enabled=True``, ...); a field left ``None`` is absent from the
        result. ``found=False``: the number is not in the industry data
        (``NO-MATCH``); no other field then.
        """
        if found:
            values = {"line_type": line_type, "country_code_a3": country_code_a3}
            if carrier_name is not None:
                values["messaging_provider"] = carrier_name
                values["voice_provider"] = carrier_name
            values.update(fields)
        else:
            if carrier_name is not None or fields:
                raise ValueError("a number that is not found has no result fields")
            values = {}
        with self._lock:
            self._lookups.seed(number, found, values)

    def clear_lookups(self) -> None:
        """Forget every seeded number and bulk lookup (unseeded numbers answer the default)."""
        with self._lock:
            self._lookups.clear()

    @property
    def bulk_lookup_seconds(self) -> float:
        """How long a bulk lookup stays ``IN_PROGRESS`` on the simulator's clock (default 5)."""
        return self._lookups.bulk_seconds

    @bulk_lookup_seconds.setter
    def bulk_lookup_seconds(self, seconds: float) -> None:
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, (int, float))
            or not (0 <= seconds < float("inf"))
        ):
            raise ValueError("bulk_lookup_seconds must be a finite number of seconds, at least 0")
        with self._lock:
            self._lookups.bulk_seconds = float(seconds)

    # -- MFA -----------------------------------------------------------------------------

    @property
    def mfa_codes(self) -> List[IssuedCode]:
        """Copies of the codes the MFA service issued that can still verify, oldest first.

        Each one's ``code`` is the value sent; its ``repr`` masks it.
        """
        with self._lock:
            return [copy.copy(issued) for issued in self._codes.codes.values()]

    def mfa_code(self, to: str, scope: str = DEFAULT_SCOPE) -> str:
        """The code last sent to ``to`` for ``scope`` (``KeyError`` if none can still verify)."""
        with self._lock:
            issued = self._codes.latest(to, scope)
        if issued is None:
            raise KeyError(f"no MFA code was sent to {to} for scope {scope!r}")
        return issued.code

    def next_mfa_code(self, code: str) -> None:
        """Send ``code`` as the next code of its length instead of a random one."""
        if not (isinstance(code, str) and code.isdigit() and code.isascii()):
            raise ValueError("an MFA code is made of digits")
        if not MIN_DIGITS <= len(code) <= MAX_DIGITS:
            raise ValueError(f"an MFA code has {MIN_DIGITS} to {MAX_DIGITS} digits")
        with self._lock:
            self._codes.planned.append(code)

    def clear_mfa_codes(self) -> None:
        """Forget every code issued, failed attempt and lock-out."""
        with self._lock:
            self._codes.clear()

    @property
    def mfa_application_name(self) -> str:
        """What ``{NAME}`` in an MFA message becomes (default ``Bandwidth Simulator``)."""
        return self._mfa.application_name

    @mfa_application_name.setter
    def mfa_application_name(self, name: str) -> None:
        if not isinstance(name, str):
            raise TypeError("mfa_application_name must be a string")
        self._mfa.application_name = name
