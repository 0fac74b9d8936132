# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Callback``: the ``callback`` schema (oneOf)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Dict, FrozenSet, Optional, Tuple, Type, Union

from pydantic import BaseModel

from bandwidth.models._union import UnionModel
from bandwidth.models.inbound_callback import InboundCallback
from bandwidth.models.status_callback import StatusCallback


class Callback(UnionModel):
    """
    A messaging webhook event: a ``StatusCallback`` (``message-sending``, ``message-delivered``,
    ``message-failed``, ...) about a message you sent, or an ``InboundCallback``
    (``message-received``, ...) about one sent to you.
    """

    if TYPE_CHECKING:  # for type checkers: what the value may be
        actual_instance: Union[StatusCallback, InboundCallback, Dict[str, Any], None]

    one_of_schemas: ClassVar[FrozenSet[str]] = frozenset({"InboundCallback", "StatusCallback"})
    members: ClassVar[Tuple[Type[BaseModel], ...]] = (
        StatusCallback,
        InboundCallback,
    )
    discriminator: ClassVar[Optional[str]] = "type"
    mapping: ClassVar[Dict[str, Type[BaseModel]]] = {
        "message-sending": StatusCallback,
        "message-sent": StatusCallback,
        "message-delivered": StatusCallback,
        "message-failed": StatusCallback,
        "message-read": StatusCallback,
        "message-received": InboundCallback,
        "requested-location-response": InboundCallback,
        "suggestion-response": InboundCallback,
    }
