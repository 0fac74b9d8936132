"""``<Forward>``: forward an unanswered inbound call."""

from __future__ import annotations

from typing import Optional

from bandwidth.models.bxml._fields import Choice, Flag, Num, Str
from bandwidth.models.bxml.enums import DiversionReason, DiversionTreatment
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import DisplayName, Phone, PhoneOrSip, check_privacy_name

__all__ = ["Forward"]


class _Uui(Str):
    max_length: Optional[int] = 256
    no_control = True


class Forward(Verb):
    """Forward an unanswered inbound call to ``to`` (E.164 or SIP); the app then loses both legs.

    The caller id is ``_from`` (as officially; also readable and settable as
    ``from_``). ``to`` may be left out here, as officially, but Bandwidth needs
    it: ``validate()`` says so.
    """

    _tag = "Forward"

    to: PhoneOrSip = PhoneOrSip(required=True)
    _from: Phone = Phone()
    call_timeout: Num = Num(1, 300)
    diversion_treatment: Choice[DiversionTreatment] = Choice(DiversionTreatment)
    diversion_reason: Choice[DiversionReason] = Choice(DiversionReason)
    uui: _Uui = _Uui()
    privacy: Flag = Flag(xml_after="_from")
    caller_display_name: DisplayName = DisplayName(xml_after="privacy")

    @property
    def from_(self) -> Optional[str]:
        """The caller id (``_from``), under a name that reads as a keyword argument would."""
        return self._from

    @from_.setter
    def from_(self, value: Optional[str]) -> None:
        self._from = value

    def _validate_more(self) -> None:
        check_privacy_name(self._tag, self.privacy, self.caller_display_name, "caller_display_name")
