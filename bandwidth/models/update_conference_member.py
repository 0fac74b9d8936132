"""``UpdateConferenceMember``: the ``updateConferenceMember`` schema
(body of ``update_conference_member``)."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, List, Optional

from pydantic import Field, StrictBool, StrictStr

from bandwidth.models._base import RequestModel


class UpdateConferenceMember(RequestModel):
    """A change to one member of a live conference, for
    ``ConferencesApi.update_conference_member``.

    Every field is optional and a field left out changes nothing:
    ``UpdateConferenceMember(mute=True)`` sends exactly ``{"mute":true}``.
    ``mute`` and ``hold`` cannot be ``null`` on the wire, so setting them to
    ``None`` means "leave unchanged". ``call_ids_to_coach`` replaces the list
    of calls this member coaches; joining those calls to the conference is
    still up to each call's own ``<Conference>`` verb.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"mute", "hold"})

    mute: Optional[StrictBool] = Field(
        default=None,
        description="Mute (`true`) or unmute the member; a muted member still hears the others.",
    )
    hold: Optional[StrictBool] = Field(
        default=None,
        description="Put the member on hold (`true`: neither hears nor is heard) or take it off.",
    )
    call_ids_to_coach: Optional[List[StrictStr]] = Field(
        default=None,
        description="The calls this member coaches (replaces the list set by its "
        "`<Conference>` verb or an earlier update).",
    )
