# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmActionDial``: the ``rbmActionDial`` schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from pydantic import Field, StrictBytes, StrictStr
from typing_extensions import Annotated, Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import e164, max_length
from bandwidth.models._types import LEFT_TO_RIGHT, enum_field
from bandwidth.models.rbm_action_type_enum import RbmActionTypeEnum

if TYPE_CHECKING:
    _RbmActionTypeChoice = Union[
        RbmActionTypeEnum,
        Literal[
            "REPLY",
            "DIAL_PHONE",
            "SHOW_LOCATION",
            "CREATE_CALENDAR_EVENT",
            "OPEN_URL",
            "REQUEST_LOCATION",
        ],
    ]
else:
    _RbmActionTypeChoice = enum_field(RbmActionTypeEnum)


class RbmActionDial(RequestModel):
    """The ``rbmActionDial`` schema. Held by ``MultiChannelAction``."""

    type: _RbmActionTypeChoice = Field(
        description=(
            "One of `REPLY`, `DIAL_PHONE`, `SHOW_LOCATION`, `CREATE_CALENDAR_EVENT`, "
            "`OPEN_URL`, `REQUEST_LOCATION`."
        )
    )
    text: Annotated[StrictStr, rule(max_length(25))] = Field(
        description="Displayed text for user to click."
    )
    postback_data: Annotated[
        Annotated[Union[StrictStr, StrictBytes], LEFT_TO_RIGHT], rule(max_length(2048))
    ] = Field(
        validation_alias="postbackData",
        serialization_alias="postbackData",
        description="Base64 payload the customer receives when the reply is clicked.",
    )
    phone_number: Annotated[StrictStr, rule(e164)] = Field(
        validation_alias="phoneNumber",
        serialization_alias="phoneNumber",
        description="The phone number to dial.",
    )
