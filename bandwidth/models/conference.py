"""``Conference``: the ``conference`` schema (``get_conference``, items of
``list_conferences``)."""

from __future__ import annotations

from typing import List, Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.callback_method_enum import CallbackMethodEnum
from bandwidth.models.conference_member import ConferenceMember

_Method = Annotated[Union[CallbackMethodEnum, str], LEFT_TO_RIGHT]


class Conference(ResponseModel):
    """A conference: its id and name, when it began and ended, where its events go,
    and (from ``get_conference``) its active members.

    The API declares no field required, so every field may be ``None``,
    except ``conference_event_method``, which reads ``POST`` (the API's
    default) when the server leaves it out, as in the generated SDK.
    ``list_conferences`` leaves out ``active_members``.
    """

    id: Optional[StrictStr] = Field(default=None, description="The conference's id (`conf-…`).")
    name: Optional[StrictStr] = Field(
        default=None, description="The name your application gave the conference."
    )
    created_time: Optional[Timestamp] = Field(
        default=None, description="When the conference began."
    )
    completed_time: Optional[Timestamp] = Field(
        default=None, description="When the conference ended (`None` while it runs)."
    )
    conference_event_url: Optional[StrictStr] = Field(
        default=None, description="Where the conference's events go."
    )
    conference_event_method: Optional[_Method] = Field(
        default=CallbackMethodEnum.POST,
        description="Method of the conference's events (an unknown value stays a string).",
    )
    tag: Optional[StrictStr] = Field(
        default=None, description="Your tag, sent with the conference's events."
    )
    active_members: Optional[List[ConferenceMember]] = Field(
        default=None,
        description="The members in the conference now (left out by `list_conferences`).",
    )
