"""``CallState``: the ``callState`` schema (``get_call_state``, items of ``list_calls``)."""

from __future__ import annotations

from typing import Dict, Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.call_direction_enum import CallDirectionEnum


class CallState(ResponseModel):
    """A call's current state and history.

    The API declares no field required, so every field may be ``None``.
    ``state`` (``queued``, ``initiated``, ``answered``, ``disconnected``, …) and
    ``disconnect_cause`` are open strings; ``direction`` is a
    :class:`CallDirectionEnum` member when known and a plain string otherwise.
    """

    application_id: Optional[StrictStr] = Field(
        default=None,
    )
    account_id: Optional[StrictStr] = Field(
        default=None,
    )
    call_id: Optional[StrictStr] = Field(
        default=None,
    )
    parent_call_id: Optional[StrictStr] = Field(
        default=None, description="A-leg id when this is a transfer's B-leg."
    )
    to: Optional[StrictStr] = None
    var_from: Optional[StrictStr] = Field(
        default=None, validation_alias="from", serialization_alias="from"
    )
    direction: Optional[Annotated[Union[CallDirectionEnum, str], LEFT_TO_RIGHT]] = None
    state: Optional[StrictStr] = None
    stir_shaken: Optional[Dict[str, StrictStr]] = Field(
        default=None,
    )
    identity: Optional[StrictStr] = None
    enqueued_time: Optional[Timestamp] = Field(
        default=None,
    )
    start_time: Optional[Timestamp] = Field(
        default=None,
    )
    answer_time: Optional[Timestamp] = Field(
        default=None,
    )
    end_time: Optional[Timestamp] = Field(
        default=None,
    )
    disconnect_cause: Optional[StrictStr] = Field(
        default=None,
    )
    error_message: Optional[StrictStr] = Field(
        default=None,
    )
    error_id: Optional[StrictStr] = Field(
        default=None,
    )
    last_update: Optional[Timestamp] = Field(
        default=None,
    )
