"""``UpdateConference``: the ``updateConference`` schema (body of ``update_conference``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Union

from pydantic import Field
from typing_extensions import Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._redirect import state_rules
from bandwidth.models._types import HttpUrl, RedirectMethod, Str1024, enum_field
from bandwidth.models.conference_state_enum import ConferenceStateEnum
from bandwidth.models.redirect_method_enum import RedirectMethodEnum

#: fields the API does not allow with ``status="completed"`` (Python name, wire name)
_NOT_WITH_COMPLETED = (
    ("redirect_url", "redirectUrl"),
    ("redirect_fallback_url", "redirectFallbackUrl"),
)


# A known value becomes the enum member; type checkers also accept the plain strings.
if TYPE_CHECKING:
    ConferenceStatus = Union[ConferenceStateEnum, Literal["active", "completed"]]
else:
    ConferenceStatus = enum_field(ConferenceStateEnum)


class UpdateConference(RequestModel):
    """A change to a live conference, for ``ConferencesApi.update_conference``.

    ``UpdateConference(status="completed")`` ends the conference and ejects
    every member (and sends exactly ``{"status":"completed"}``);
    ``UpdateConference(redirect_url=...)`` has Bandwidth fetch new BXML for
    the conference from ``redirect_url`` (a ``conferenceRedirect`` event). As
    the API requires, ``status="active"`` needs a ``redirect_url``, and
    ``status="completed"`` takes no ``redirect_url`` or
    ``redirect_fallback_url``: :meth:`check`, run before sending, says so
    (building checks only the Python types, as the generated SDK does).

    The field is ``status`` on the wire and in Python, as in the generated
    SDK; the API's prose calls it "state".
    """

    status: Optional[ConferenceStatus] = Field(
        default=ConferenceStateEnum.ACTIVE,
        description="`active` redirects the conference to new BXML; `completed` ends it "
        "and ejects every member.",
    )
    redirect_url: Optional[HttpUrl] = Field(
        default=None,
        description="Where the `conferenceRedirect` event goes to fetch new BXML "
        "(required with `active`, not allowed with `completed`).",
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
        default=None,
        description="Used when `redirect_url` fails (not allowed with `completed`).",
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

    def _rules(self) -> List[str]:
        return state_rules(self, "status", _NOT_WITH_COMPLETED)
