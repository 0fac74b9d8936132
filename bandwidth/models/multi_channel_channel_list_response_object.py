# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelChannelListResponseObject``:
the ``multiChannelChannelListResponseObject`` schema (anyOf).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Dict, FrozenSet, Optional, Tuple, Type, Union

from pydantic import BaseModel

from bandwidth.models._union import UnionModel
from bandwidth.models.multi_channel_channel_list_mms_response_object import (
    MultiChannelChannelListMMSResponseObject,
)
from bandwidth.models.multi_channel_channel_list_rbm_response_object import (
    MultiChannelChannelListRBMResponseObject,
)
from bandwidth.models.multi_channel_channel_list_sms_response_object import (
    MultiChannelChannelListSMSResponseObject,
)


class MultiChannelChannelListResponseObject(UnionModel):
    """
    The ``multiChannelChannelListResponseObject`` schema. Held by
    ``MultiChannelMessageResponseData.channel_list``.
    """

    if TYPE_CHECKING:  # for type checkers: what the value may be
        actual_instance: Union[
            MultiChannelChannelListRBMResponseObject,
            MultiChannelChannelListSMSResponseObject,
            MultiChannelChannelListMMSResponseObject,
            Dict[str, Any],
            None,
        ]

    any_of_schemas: ClassVar[FrozenSet[str]] = frozenset(
        {
            "MultiChannelChannelListMMSResponseObject",
            "MultiChannelChannelListRBMResponseObject",
            "MultiChannelChannelListSMSResponseObject",
        }
    )
    members: ClassVar[Tuple[Type[BaseModel], ...]] = (
        MultiChannelChannelListRBMResponseObject,
        MultiChannelChannelListSMSResponseObject,
        MultiChannelChannelListMMSResponseObject,
    )
    discriminator: ClassVar[Optional[str]] = "channel"
    mapping: ClassVar[Dict[str, Type[BaseModel]]] = {
        "RBM": MultiChannelChannelListRBMResponseObject,
        "SMS": MultiChannelChannelListSMSResponseObject,
        "MMS": MultiChannelChannelListMMSResponseObject,
    }
