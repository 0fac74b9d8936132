# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``SipConnectionMetadata``: the ``sipConnectionMetadata`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictInt, StrictStr

from bandwidth.models._base import ResponseModel
from bandwidth.models.sip_credentials import SipCredentials


class SipConnectionMetadata(ResponseModel):
    """SIP Connection: the ``sipConnectionMetadata`` schema."""

    ip_address: Optional[StrictStr] = Field(
        default=None,
        validation_alias="ipAddress",
        serialization_alias="ipAddress",
        description="The IP address of the SIP connection.",
    )
    port: Optional[StrictInt] = Field(default=None, description="The port of the SIP connection.")
    credentials: Optional[SipCredentials] = Field(default=None)
    uui_header: Optional[StrictStr] = Field(
        default=None,
        validation_alias="uuiHeader",
        serialization_alias="uuiHeader",
        description="The User-to-User Information header for the SIP connection.",
    )
