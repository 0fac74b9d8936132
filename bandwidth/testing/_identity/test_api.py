"""The identity products' part of the simulator's test API: lookups and MFA codes.

:class:`IdentityTestApi` is a base of :class:`~bandwidth.testing.VoiceSimulator`
beside :class:`~bandwidth.testing._facade.SimulatorTestApi`; each method
forwards to :class:`~bandwidth.testing._identity.identity_controls.IdentityControls`
(attached by ``_attach_identity``), whose docstring it shows.
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, TypeVar

from bandwidth.testing._identity.code_book import IssuedCode
from bandwidth.testing._identity.code_checks import DEFAULT_SCOPE
from bandwidth.testing._identity.identity_controls import IdentityControls

__all__ = ["IdentityTestApi"]

_F = TypeVar("_F", bound=Callable[..., Any])


def _doc(source: Any) -> Callable[[_F], _F]:
    def apply(method: _F) -> _F:
        method.__doc__ = source.__doc__
        return method

    return apply


class IdentityTestApi:
    """Seed the number lookup service; read (or choose) the MFA codes sent."""

    def _attach_identity(self, controls: IdentityControls) -> None:
        self._identity = controls

    @_doc(IdentityControls.seed_lookup)
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
        self._identity.seed_lookup(
            number,
            found=found,
            carrier_name=carrier_name,
            line_type=line_type,
            country_code_a3=country_code_a3,
            **fields,
        )

    @_doc(IdentityControls.clear_lookups)
    def clear_lookups(self) -> None:
        self._identity.clear_lookups()

    @property
    @_doc(IdentityControls.bulk_lookup_seconds)
    def bulk_lookup_seconds(self) -> float:
        return self._identity.bulk_lookup_seconds

    @bulk_lookup_seconds.setter
    def bulk_lookup_seconds(self, seconds: float) -> None:
        self._identity.bulk_lookup_seconds = seconds

    @property
    @_doc(IdentityControls.mfa_codes)
    def mfa_codes(self) -> List[IssuedCode]:
        return self._identity.mfa_codes

    @_doc(IdentityControls.mfa_code)
    def mfa_code(self, to: str, scope: str = DEFAULT_SCOPE) -> str:
        return self._identity.mfa_code(to, scope)

    @_doc(IdentityControls.next_mfa_code)
    def next_mfa_code(self, code: str) -> None:
        self._identity.next_mfa_code(code)

    @_doc(IdentityControls.clear_mfa_codes)
    def clear_mfa_codes(self) -> None:
        self._identity.clear_mfa_codes()

    @property
    @_doc(IdentityControls.mfa_application_name)
    def mfa_application_name(self) -> str:
        return self._identity.mfa_application_name

    @mfa_application_name.setter
    def mfa_application_name(self, name: str) -> None:
        self._identity.mfa_application_name = name
