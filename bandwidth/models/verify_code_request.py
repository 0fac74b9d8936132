# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``VerifyCodeRequest``: the ``verifyCodeRequest`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, Optional, Union

from pydantic import Field, StrictFloat, StrictInt, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import in_range, max_length, min_length, pattern


class VerifyCodeRequest(RequestModel):
    """
    A code to check with ``MFAApi.verify_code``: valid if it was sent to ``to`` under the same
    ``scope`` less than ``expiration_time_in_minutes`` ago.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"scope"})

    to: Annotated[StrictStr, rule(pattern(r"^\+[1-9]\d{1,14}$"))] = Field(
        description="The phone number to send the mfa code to."
    )
    scope: Optional[StrictStr] = Field(
        default=None,
        description=(
            'The scope the code was generated with (default "2FA"); a code only verifies '
            "under its own scope."
        ),
    )
    expiration_time_in_minutes: Annotated[Union[StrictFloat, StrictInt], rule(in_range(1, 15))] = (
        Field(
            validation_alias="expirationTimeInMinutes",
            serialization_alias="expirationTimeInMinutes",
            description=(
                "How old a code may be and still verify, in minutes (1 to 15): chosen when "
                "verifying, not when generating."
            ),
        )
    )
    code: Annotated[StrictStr, rule(min_length(4), max_length(8))] = Field(
        description="The generated mfa code to check if valid."
    )
