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
    """
    Where Bandwidth posts toll-free verification status changes (``create_webhook_subscription``,
    ``update_webhook_subscription``); ``shared_secret_key`` and the basic-auth password are never
    shown in ``repr``.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"basic_authentication"})
    _nested: ClassVar[Tuple[str, ...]] = ("basic_authentication",)

    basic_authentication: Optional[TfvBasicAuthentication] = Field(
        default=None,
        validation_alias="basicAuthentication",
        serialization_alias="basicAuthentication",
    )
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
    ] = Field(
        validation_alias="callbackUrl",
        serialization_alias="callbackUrl",
        description="Callback URL to receive status updates from Bandwidth.",
    )
    shared_secret_key: Optional[
        Annotated[StrictStr, rule(min_length(16), max_length(64), pattern(r"^[ -~]{16,64}$"))]
    ] = Field(
        default=None,
        validation_alias="sharedSecretKey",
        serialization_alias="sharedSecretKey",
        description=(
            "An ASCII string submitted by the user as a shared secret key for generating an "
            "HMAC header for callbacks."
        ),
    )
