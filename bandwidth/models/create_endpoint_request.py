# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CreateEndpointRequest``: the ``createEndpointRequest`` schema (oneOf)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Dict, FrozenSet, Optional, Tuple, Type, Union

from pydantic import BaseModel

from bandwidth.models._union import UnionModel
from bandwidth.models.create_web_rtc_connection_request import CreateWebRtcConnectionRequest


class CreateEndpointRequest(UnionModel):
    """
    The body of ``EndpointsApi.create_endpoint``: one of its members (today only
    ``CreateWebRtcConnectionRequest``), chosen by ``type``.
    """

    if TYPE_CHECKING:  # for type checkers: what the value may be
        actual_instance: Union[CreateWebRtcConnectionRequest, Dict[str, Any], None]

    one_of_schemas: ClassVar[FrozenSet[str]] = frozenset({"CreateWebRtcConnectionRequest"})
    members: ClassVar[Tuple[Type[BaseModel], ...]] = (CreateWebRtcConnectionRequest,)
    discriminator: ClassVar[Optional[str]] = "type"
    mapping: ClassVar[Dict[str, Type[BaseModel]]] = {"WEBRTC": CreateWebRtcConnectionRequest}
