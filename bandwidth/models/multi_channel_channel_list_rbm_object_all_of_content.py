# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelChannelListRBMObjectAllOfContent``:
the ``MultiChannelChannelListRBMObjectAllOf.content`` schema (oneOf).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Dict, FrozenSet, Optional, Tuple, Type, Union

from pydantic import BaseModel

from bandwidth.models._union import UnionModel
from bandwidth.models.rbm_message_content_rich_card import RbmMessageContentRichCard
from bandwidth.models.rbm_message_content_text import RbmMessageContentText
from bandwidth.models.rbm_message_media import RbmMessageMedia


class MultiChannelChannelListRBMObjectAllOfContent(UnionModel):
    """
    The content of the message. Held by ``MultiChannelChannelListRBMObject.content`` and
    ``MultiChannelChannelListRBMResponseObject.content``.
    """

    if TYPE_CHECKING:  # for type checkers: what the value may be
        actual_instance: Union[
            RbmMessageContentText, RbmMessageMedia, RbmMessageContentRichCard, Dict[str, Any], None
        ]

    one_of_schemas: ClassVar[FrozenSet[str]] = frozenset(
        {"RbmMessageContentRichCard", "RbmMessageContentText", "RbmMessageMedia"}
    )
    members: ClassVar[Tuple[Type[BaseModel], ...]] = (
        RbmMessageContentText,
        RbmMessageMedia,
        RbmMessageContentRichCard,
    )
    discriminator: ClassVar[Optional[str]] = None
    mapping: ClassVar[Dict[str, Type[BaseModel]]] = {}
