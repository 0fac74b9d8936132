# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelChannelListRequestObject``:
the ``multiChannelChannelListRequestObject`` schema (anyOf).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Dict, FrozenSet, Optional, Tuple, Type, Union

from pydantic import BaseModel

from bandwidth.models._union import UnionModel
from bandwidth.models.multi_channel_channel_list_mms_object import MultiChannelChannelListMMSObject
from bandwidth.models.multi_channel_channel_list_rbm_object import MultiChannelChannelListRBMObject
from bandwidth.models.multi_channel_channel_list_sms_object import MultiChannelChannelListSMSObject


class MultiChannelChannelListRequestObject(UnionModel):
    """
    The ``multiChannelChannelListRequestObject`` schema. Held by
    ``MultiChannelMessageRequest.channel_list``.
    """

    if TYPE_CHECKING:  # for type checkers: what the value may be
        actual_instance: Union[
            MultiChannelChannelListRBMObject,
            MultiChannelChannelListSMSObject,
            MultiChannelChannelListMMSObject,
            Dict[str, Any],
            None,
        ]

    any_of_schemas: ClassVar[FrozenSet[str]] = frozenset(
        {
            "MultiChannelChannelListMMSObject",
            "MultiChannelChannelListRBMObject",
            "MultiChannelChannelListSMSObject",
        }
    )
    members: ClassVar[Tuple[Type[BaseModel], ...]] = (
        MultiChannelChannelListRBMObject,
        MultiChannelChannelListSMSObject,
        MultiChannelChannelListMMSObject,
    )
    discriminator: ClassVar[Optional[str]] = "channel"
    mapping: ClassVar[Dict[str, Type[BaseModel]]] = {
        "RBM": MultiChannelChannelListRBMObject,
        "SMS": MultiChannelChannelListSMSObject,
        "MMS": MultiChannelChannelListMMSObject,
    }
