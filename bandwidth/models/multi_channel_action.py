# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelAction``: the ``multiChannelAction`` schema (anyOf)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Dict, FrozenSet, Optional, Tuple, Type, Union

from pydantic import BaseModel

from bandwidth.models._union import UnionModel
from bandwidth.models.multi_channel_action_calendar_event import MultiChannelActionCalendarEvent
from bandwidth.models.rbm_action_base import RbmActionBase
from bandwidth.models.rbm_action_dial import RbmActionDial
from bandwidth.models.rbm_action_open_url import RbmActionOpenUrl
from bandwidth.models.rbm_action_view_location import RbmActionViewLocation


class MultiChannelAction(UnionModel):
    """
    The ``multiChannelAction`` schema. Held by ``RbmMessageContentText.suggestions``,
    ``RbmMessageMedia.suggestions``, ``RbmCardContent.suggestions`` and 2 more.
    """

    if TYPE_CHECKING:  # for type checkers: what the value may be
        actual_instance: Union[
            RbmActionBase,
            RbmActionDial,
            RbmActionViewLocation,
            MultiChannelActionCalendarEvent,
            RbmActionOpenUrl,
            Dict[str, Any],
            None,
        ]

    any_of_schemas: ClassVar[FrozenSet[str]] = frozenset(
        {
            "MultiChannelActionCalendarEvent",
            "RbmActionBase",
            "RbmActionDial",
            "RbmActionOpenUrl",
            "RbmActionViewLocation",
        }
    )
    members: ClassVar[Tuple[Type[BaseModel], ...]] = (
        RbmActionBase,
        RbmActionDial,
        RbmActionViewLocation,
        MultiChannelActionCalendarEvent,
        RbmActionOpenUrl,
    )
    discriminator: ClassVar[Optional[str]] = "type"
    mapping: ClassVar[Dict[str, Type[BaseModel]]] = {
        "REPLY": RbmActionBase,
        "DIAL_PHONE": RbmActionDial,
        "SHOW_LOCATION": RbmActionViewLocation,
        "CREATE_CALENDAR_EVENT": MultiChannelActionCalendarEvent,
        "OPEN_URL": RbmActionOpenUrl,
        "REQUEST_LOCATION": RbmActionBase,
    }
