"""``<PhoneNumber>``: a ``<Transfer>`` destination."""

from __future__ import annotations

from typing import ClassVar, Optional

from bandwidth.models.bxml._fields import Str, element_text
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import Method, Phone, TagText, Url

__all__ = ["PhoneNumber"]


class _Uui(Str):
    max_length: Optional[int] = 350
    no_control = True


class PhoneNumber(Verb):
    """An E.164 ``number`` to ring, with optional webhooks for its leg (goes inside ``Transfer``).

    ``uui`` is a comma-separated User-to-User list (350 characters at most).
    """

    _tag = "PhoneNumber"
    _top_level: ClassVar[bool] = False
    _goes_in: ClassVar[str] = "Transfer"

    number: Phone = element_text(Phone())
    transfer_answer_url: Url = Url()
    transfer_answer_method: Method = Method()
    transfer_answer_fallback_url: Url = Url()
    transfer_answer_fallback_method: Method = Method()
    transfer_disconnect_url: Url = Url()
    transfer_disconnect_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    fallback_username: Str = Str()
    fallback_password: Str = Str()
    tag: TagText = TagText()
    uui: _Uui = _Uui()
