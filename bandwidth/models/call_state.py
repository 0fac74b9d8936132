"""``CallState``: the ``callState`` schema (``get_call_state``, items of ``list_calls``)."""

from __future__ import annotations

from typing import Dict, Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.call_direction_enum import CallDirectionEnum

_Direction = Annotated[Union[CallDirectionEnum, str], LEFT_TO_RIGHT]


class CallState(ResponseModel):
    """A call's current state and history.

    The API declares no field required, so every field may be ``None``.
    ``state`` (``queued``, ``initiated``, ``answered``, ``disconnected``, …) and
    ``disconnect_cause`` are open strings; ``direction`` is a
    :class:`CallDirectionEnum` member when known and a plain string otherwise.
    """

    application_id: Optional[StrictStr] = Field(
        default=None, description="The application the call uses."
    )
    account_id: Optional[StrictStr] = Field(
        default=None, description="The account the call belongs to."
    )
    call_id: Optional[StrictStr] = Field(default=None, description="The call's id (`c-…`).")
    parent_call_id: Optional[StrictStr] = Field(
        default=None, description="The A-leg's id when this call is the B-leg of a `<Transfer>`."
    )
    to: Optional[StrictStr] = Field(default=None, description="Called number (E.164) or SIP URI.")
    var_from: Optional[StrictStr] = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="Calling number (E.164). Wire name `from`.",
    )
    direction: Optional[_Direction] = Field(
        default=None, description="`inbound` or `outbound` (an unknown value stays a string)."
    )
    state: Optional[StrictStr] = Field(
        default=None,
        description="`queued`, `initiated`, `answered` or `disconnected`; new values may appear.",
    )
    stir_shaken: Optional[Dict[str, StrictStr]] = Field(
        default=None,
        description="STIR/SHAKEN results of an inbound call "
        "(`verstat`, `attestationIndicator`, `originatingId`).",
    )
    identity: Optional[StrictStr] = Field(
        default=None, description="The inbound call's `Identity` header, if any."
    )
    enqueued_time: Optional[Timestamp] = Field(
        default=None, description="When the call was queued."
    )
    start_time: Optional[Timestamp] = Field(
        default=None, description="When the call started (null while queued)."
    )
    answer_time: Optional[Timestamp] = Field(
        default=None, description="When the call was answered."
    )
    end_time: Optional[Timestamp] = Field(default=None, description="When the call ended.")
    disconnect_cause: Optional[StrictStr] = Field(
        default=None,
        description="Why the call ended: `hangup`, `busy`, `timeout`, `cancel`, `rejected`, "
        "`callback-error`, `invalid-bxml`, `application-error`, `account-limit`, "
        "`node-capacity-exceeded`, `error`, `unknown`, … (not exhaustive).",
    )
    error_message: Optional[StrictStr] = Field(
        default=None, description="What went wrong, when the call ended with an error."
    )
    error_id: Optional[StrictStr] = Field(default=None, description="Bandwidth's id of that error.")
    last_update: Optional[Timestamp] = Field(
        default=None, description="When this record last changed."
    )
