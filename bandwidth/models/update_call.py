"""``UpdateCall``: the ``updateCall`` schema (body of ``update_call``)."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from bandwidth.models._base import RequestModel
from bandwidth.models._redirect import state_rules
from bandwidth.models._types import CallStateTarget, HttpUrl, RedirectMethod, Str1024, Str4096
from bandwidth.models.call_state_enum import CallStateEnum
from bandwidth.models.redirect_method_enum import RedirectMethodEnum

#: fields the API does not allow with ``state="completed"`` (Python name, wire name)
_NOT_WITH_COMPLETED = (("redirect_url", "redirectUrl"), ("tag", "tag"))


class UpdateCall(RequestModel):
    """A change to a live call, for :meth:`~bandwidth.CallsApi.update_call`.

    ``UpdateCall(state="completed")`` hangs up (and sends exactly
    ``{"state":"completed"}``); ``UpdateCall(redirect_url=...)`` redirects the
    call to new BXML. As the API requires, ``state="active"`` needs a
    ``redirect_url``, and ``state="completed"`` takes no ``redirect_url`` or
    ``tag``: :meth:`check`, which ``update_call`` runs before sending, says
    so (building checks only the Python types, as the generated SDK does).
    """

    state: Optional[CallStateTarget] = Field(
        default=CallStateEnum.ACTIVE,
        description="`active` redirects the call; `completed` hangs up an answered call, "
        "cancels an unanswered outbound one, or rejects an unanswered inbound one.",
    )
    redirect_url: Optional[HttpUrl] = Field(
        default=None, description="Where to fetch the call's new BXML (required with `active`)."
    )
    redirect_method: Optional[RedirectMethod] = Field(
        default=RedirectMethodEnum.POST, description="Method used to fetch `redirect_url`."
    )
    username: Optional[Str1024] = Field(
        default=None, description="Basic-auth user for `redirect_url`."
    )
    password: Optional[Str1024] = Field(
        default=None, description="Basic-auth password for `redirect_url`."
    )
    redirect_fallback_url: Optional[HttpUrl] = Field(
        default=None, description="Used when `redirect_url` fails."
    )
    redirect_fallback_method: Optional[RedirectMethod] = Field(
        default=RedirectMethodEnum.POST, description="Method used to fetch `redirect_fallback_url`."
    )
    fallback_username: Optional[Str1024] = Field(
        default=None, description="Basic-auth user for `redirect_fallback_url`."
    )
    fallback_password: Optional[Str1024] = Field(
        default=None, description="Basic-auth password for `redirect_fallback_url`."
    )
    tag: Optional[Str4096] = Field(
        default=None,
        description='Your own text (≤4096; "" clears it). Not allowed with `completed`.',
    )

    def _rules(self) -> List[str]:
        return state_rules(self, "state", _NOT_WITH_COMPLETED)
