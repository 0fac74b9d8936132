# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``SipCredentials``: the ``sipCredentials`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class SipCredentials(ResponseModel):
    """The ``sipCredentials`` schema. Held by ``SipConnectionMetadata.credentials``."""

    username: Optional[StrictStr] = Field(
        default=None, description="The username for the SIP connection."
    )
    password: Optional[StrictStr] = Field(
        default=None, description="The password for the SIP connection."
    )
