# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``TfvBasicAuthentication``: the ``tfvBasicAuthentication`` schema."""

from __future__ import annotations

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import max_length


class TfvBasicAuthentication(RequestModel):
    """
    The ``tfvBasicAuthentication`` schema. Held by
    ``WebhookSubscriptionRequestSchema.basic_authentication``.
    """

    username: Annotated[StrictStr, rule(max_length(100))] = Field()
    password: Annotated[StrictStr, rule(max_length(200))] = Field()
