# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CodeRequest``: the ``codeRequest`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, Optional

from pydantic import Field, StrictInt, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import in_range, max_length, pattern


class CodeRequest(RequestModel):
    """
    A one-time code to send, by ``MFAApi.generate_voice_code`` (a call reads it out) or
    ``generate_messaging_code`` (a text); ``message`` must hold ``{CODE}``.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"scope"})

    to: Annotated[StrictStr, rule(pattern(r"^\+[1-9]\d{1,14}$"))] = Field(
        description="The phone number to send the mfa code to."
    )
    var_from: Annotated[StrictStr, rule(max_length(32), pattern(r"^\+[1-9]\d{1,14}$"))] = Field(
        validation_alias="from",
        serialization_alias="from",
        description="The application phone number, the sender of the mfa code.",
    )
    application_id: Annotated[StrictStr, rule(max_length(50))] = Field(
        validation_alias="applicationId",
        serialization_alias="applicationId",
        description="The application unique ID, obtained from Bandwidth.",
    )
    scope: Optional[Annotated[StrictStr, rule(max_length(25))]] = Field(
        default=None,
        description=(
            'What the code is for (at most 25 characters, default "2FA"): codes are kept per '
            "scope, so `verify_code` must pass the same one."
        ),
    )
    message: Annotated[StrictStr, rule(max_length(2048))] = Field(
        description=(
            "The text sent, at most 2048 characters: `{CODE}` (required) becomes the code, "
            "`{NAME}` the MFA application's name and `{SCOPE}` the scope."
        )
    )
    digits: Annotated[StrictInt, rule(in_range(4, 8))] = Field(
        description=(
            "How many digits the code has, 4 to 8 (the API's prose says 2 to 8; the schema "
            "and the server take 4 to 8)."
        )
    )
