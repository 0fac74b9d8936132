# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CreateWebRtcConnectionRequest``: the ``createWebRtcConnectionRequest`` schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Dict, FrozenSet, Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated, Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import http_url, max_length
from bandwidth.models._types import enum_field
from bandwidth.models.endpoint_direction_enum import EndpointDirectionEnum
from bandwidth.models.endpoint_type_enum import EndpointTypeEnum

if TYPE_CHECKING:
    _EndpointTypeChoice = Union[EndpointTypeEnum, Literal["WEBRTC"]]
else:
    _EndpointTypeChoice = enum_field(EndpointTypeEnum)

if TYPE_CHECKING:
    _EndpointDirectionChoice = Union[
        EndpointDirectionEnum, Literal["INBOUND", "OUTBOUND", "BIDIRECTIONAL"]
    ]
else:
    _EndpointDirectionChoice = enum_field(EndpointDirectionEnum)


class CreateWebRtcConnectionRequest(RequestModel):
    """The ``createWebRtcConnectionRequest`` schema. Held by ``CreateEndpointRequest``."""

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset(
        {"event_callback_url", "event_fallback_url", "tag", "connection_metadata"}
    )

    type: _EndpointTypeChoice = Field(description="One of `WEBRTC`.")
    direction: _EndpointDirectionChoice = Field(
        description="One of `INBOUND`, `OUTBOUND`, `BIDIRECTIONAL`."
    )
    event_callback_url: Optional[Annotated[StrictStr, rule(http_url)]] = Field(
        default=None,
        validation_alias="eventCallbackUrl",
        serialization_alias="eventCallbackUrl",
        description="The URL to send event callbacks to.",
    )
    event_fallback_url: Optional[Annotated[StrictStr, rule(http_url)]] = Field(
        default=None,
        validation_alias="eventFallbackUrl",
        serialization_alias="eventFallbackUrl",
        description="The URL to send event fallbacks to.",
    )
    tag: Optional[Annotated[StrictStr, rule(max_length(1024))]] = Field(
        default=None, description="A tag for the endpoint."
    )
    connection_metadata: Optional[Dict[str, Any]] = Field(
        default=None,
        validation_alias="connectionMetadata",
        serialization_alias="connectionMetadata",
    )
