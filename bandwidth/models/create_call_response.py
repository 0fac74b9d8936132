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

    application_id: StrictStr = Field()
    account_id: StrictStr = Field()
    call_id: StrictStr = Field(description="Id for every later operation.")
    to: StrictStr
    var_from: StrictStr = Field(validation_alias="from", serialization_alias="from")
    enqueued_time: Optional[Timestamp] = Field(
        default=None,
    )
    call_url: StrictStr = Field(description="Same value as the Location header.")
    call_timeout: Optional[Union[int, float]] = Field(
        default=None,
    )
    callback_timeout: Optional[Union[int, float]] = Field(
        default=None,
    )
    tag: Optional[StrictStr] = None
    answer_method: Optional[_Method] = Field(
        default=None,
    )
    answer_url: StrictStr = Field()
    answer_fallback_method: Optional[_Method] = Field(
        default=None,
    )
    answer_fallback_url: Optional[StrictStr] = Field(
        default=None,
    )
    disconnect_method: Optional[_Method] = Field(
        default=None,
    )
    disconnect_url: Optional[StrictStr] = Field(
        default=None,
    )
    username: Optional[StrictStr] = None
    password: Optional[StrictStr] = None
    fallback_username: Optional[StrictStr] = Field(
        default=None,
    )
    fallback_password: Optional[StrictStr] = Field(
        default=None,
    )
    priority: Optional[int] = None
