# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``WebhookSubscriptionRequestSchema``: the ``webhookSubscriptionRequestSchema`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, Optional, Tuple

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import http_url, max_length, min_length, pattern
from bandwidth.models.tfv_basic_authentication import TfvBasicAuthentication


class WebhookSubscriptionRequestSchema(RequestModel):
    """The ``webhookSubscriptionRequestSchema`` schema."""

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"basic_authentication"})
    _nested: ClassVar[Tuple[str, ...]] = ("basic_authentication",)

    basic_authentication: Optional[TfvBasicAuthentication] = Field(default=None)
    callback_url: Optional[
        Annotated[
            StrictStr,
            rule(
                min_length(0),
                max_length(2000),
                pattern(
                    r"^$|(https?:\/\/)?(www\.)?[-a-zA-Z0-9@:%._\+~#=]{1,253}\.[a-z]{2,6}\b([-a-zA-Z0-9@:%_\+.~#()?&//=]*)"
                ),
                http_url,
            ),
        ]
    ] = Field(description="Callback URL to receive status updates from Bandwidth.")
    shared_secret_key: Optional[
        Annotated[StrictStr, rule(min_length(16), max_length(64), pattern(r"^[ -~]{16,64}$"))]
    ] = Field(
        default=None,
        description=(
            "An ASCII string submitted by the user as a shared secret key for generating an "
            "HMAC header for callbacks."
        ),
    )
