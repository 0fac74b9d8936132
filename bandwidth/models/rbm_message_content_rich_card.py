# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmMessageContentRichCard``: the ``rbmMessageContentRichCard`` schema (oneOf)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Dict, FrozenSet, Optional, Tuple, Type, Union

from pydantic import BaseModel

from bandwidth.models._union import UnionModel
from bandwidth.models.rbm_message_carousel_card import RbmMessageCarouselCard
from bandwidth.models.rbm_standalone_card import RbmStandaloneCard


class RbmMessageContentRichCard(UnionModel):
    """
    RBM Rich Card: the ``rbmMessageContentRichCard`` schema. Held by
    ``MultiChannelChannelListRBMObjectAllOfContent``.
    """

    if TYPE_CHECKING:  # for type checkers: what the value may be
        actual_instance: Union[RbmStandaloneCard, RbmMessageCarouselCard, Dict[str, Any], None]

    one_of_schemas: ClassVar[FrozenSet[str]] = frozenset(
        {"RbmMessageCarouselCard", "RbmStandaloneCard"}
    )
    members: ClassVar[Tuple[Type[BaseModel], ...]] = (
        RbmStandaloneCard,
        RbmMessageCarouselCard,
    )
    discriminator: ClassVar[Optional[str]] = None
    mapping: ClassVar[Dict[str, Type[BaseModel]]] = {}
