"""``CreateCallResponse``: the ``createCallResponse`` schema (201 body of ``create_call``)."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.callback_method_enum import CallbackMethodEnum

_Method = Annotated[Union[CallbackMethodEnum, str], LEFT_TO_RIGHT]


class CreateCallResponse(ResponseModel):
    """The call Bandwidth created: its id, URL and the settings it will use.

    Passwords come back masked by the server (``"*****"``). Unknown fields go
    to ``additional_properties``; an unknown method value stays a string.
    """

    application_id: StrictStr = Field(description="The application the call uses.")
    account_id: StrictStr = Field(description="The account the call belongs to.")
    call_id: StrictStr = Field(description="The new call's id, for every later operation.")
    to: StrictStr = Field(description="Called number (E.164) or SIP URI.")
    var_from: StrictStr = Field(
        validation_alias="from",
        serialization_alias="from",
        description="Calling number (E.164). Wire name `from`.",
    )
    enqueued_time: Optional[Timestamp] = Field(
        default=None, description="When the call was queued."
    )
    call_url: StrictStr = Field(description="The call's URL; the same as the `Location` header.")
    call_timeout: Optional[Union[int, float]] = Field(
        default=None, description="Seconds it will ring before giving up."
    )
    callback_timeout: Optional[Union[int, float]] = Field(
        default=None, description="Seconds Bandwidth waits for a webhook to answer."
    )
    tag: Optional[StrictStr] = Field(default=None, description="Your tag, echoed in callbacks.")
    answer_method: Optional[_Method] = Field(
        default=None, description="Method of the answer webhook."
    )
    answer_url: StrictStr = Field(description="Webhook that returns the call's first BXML.")
    answer_fallback_method: Optional[_Method] = Field(
        default=CallbackMethodEnum.POST,  # the spec's default, shown when absent (as official)
        description="Method of the answer fallback webhook.",
    )
    answer_fallback_url: Optional[StrictStr] = Field(
        default=None, description="Used when the answer webhook fails."
    )
    disconnect_method: Optional[_Method] = Field(
        default=None, description="Method of the disconnect webhook."
    )
    disconnect_url: Optional[StrictStr] = Field(
        default=None, description="Webhook told when the call ends."
    )
    username: Optional[StrictStr] = Field(
        default=None, description="Basic-auth user for the webhooks."
    )
    password: Optional[StrictStr] = Field(
        default=None, description="Masked by the server (`*****`)."
    )
    fallback_username: Optional[StrictStr] = Field(
        default=None, description="Basic-auth user for the fallback webhook."
    )
    fallback_password: Optional[StrictStr] = Field(
        default=None, description="Masked by the server (`*****`)."
    )
    priority: Optional[int] = Field(default=None, description="1 (highest) to 5 (lowest).")
