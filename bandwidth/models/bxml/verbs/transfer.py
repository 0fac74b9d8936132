"""``<Transfer>``: ring one or more destinations and bridge the first to answer."""

from __future__ import annotations

from typing import Union

from bandwidth.models.bxml._fields import Choice, Flag, Num, Str
from bandwidth.models.bxml.enums import DiversionReason, DiversionTreatment
from bandwidth.models.bxml.nestable_verb import Kids, NestableVerb
from bandwidth.models.bxml.verbs._kinds import (
    DisplayName,
    Method,
    Phone,
    TagText,
    Url,
    check_privacy_name,
)
from bandwidth.models.bxml.verbs.phone_number import PhoneNumber
from bandwidth.models.bxml.verbs.sip_uri import SipUri

__all__ = ["MAX_TRANSFER_DESTINATIONS", "Transfer"]

#: A Transfer rings at most this many destinations at once.
MAX_TRANSFER_DESTINATIONS = 8


class Transfer(NestableVerb):
    """Ring 1 to 8 ``PhoneNumber``/``SipUri`` destinations at once; bridge the first to answer.

    ``call_timeout`` is 1 to 300 seconds (Bandwidth's default 30). With
    ``privacy`` true, the display name must be Restricted, Anonymous, Private
    or Unavailable.
    """

    _tag = "Transfer"

    transfer_to: Kids[Union[PhoneNumber, SipUri]] = Kids(
        PhoneNumber, SipUri, required=True, max_count=MAX_TRANSFER_DESTINATIONS
    )
    transfer_caller_id: Phone = Phone()
    transfer_caller_display_name: DisplayName = DisplayName()
    call_timeout: Num = Num(1, 300)
    transfer_complete_url: Url = Url()
    transfer_complete_method: Method = Method()
    transfer_complete_fallback_url: Url = Url()
    transfer_complete_fallback_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    fallback_username: Str = Str()
    fallback_password: Str = Str()
    tag: TagText = TagText()
    diversion_treatment: Choice[DiversionTreatment] = Choice(DiversionTreatment)
    diversion_reason: Choice[DiversionReason] = Choice(DiversionReason)
    privacy: Flag = Flag(xml_after="transfer_caller_id")

    def add_transfer_recipient(self, recipient: Union[PhoneNumber, SipUri]) -> Transfer:
        """Append a destination; same as :meth:`add_verb`."""
        return self.add_verb(recipient)

    def _validate_more(self) -> None:
        check_privacy_name(
            self._tag,
            self.privacy,
            self.transfer_caller_display_name,
            "transfer_caller_display_name",
        )
