"""``ConferenceMember``: the ``conferenceMember`` schema (``get_conference_member``,
items of ``Conference.active_members``)."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class ConferenceMember(ResponseModel):
    """One call in a conference: whether it is muted or on hold, and whom it coaches.

    The API declares no field required, so every field may be ``None``.
    Change a member with :class:`~bandwidth.models.UpdateConferenceMember`.
    """

    call_id: Optional[StrictStr] = Field(default=None, description="The member's call id.")
    conference_id: Optional[StrictStr] = Field(
        default=None, description="The conference's id (`conf-…`)."
    )
    member_url: Optional[StrictStr] = Field(
        default=None, description="This member's URL, to read or update it."
    )
    mute: Optional[bool] = Field(
        default=None, description="Whether the member is muted (it still hears the others)."
    )
    hold: Optional[bool] = Field(
        default=None, description="Whether the member is on hold (neither hears nor is heard)."
    )
    call_ids_to_coach: Optional[List[StrictStr]] = Field(
        default=None, description="The calls this member coaches, if any."
    )
