"""Transfer, bridge and refer events."""

from __future__ import annotations

from typing import ClassVar, Optional, Union

from pydantic import Field
from typing_extensions import Annotated

from bandwidth.callbacks.base import Callback, Direction, Int, Str, Timestamp
from bandwidth.models._enum import ApiEnum
from bandwidth.models._types import LEFT_TO_RIGHT

__all__ = [
    "BridgeCompleteCallback",
    "BridgeTargetCompleteCallback",
    "ReferCallStatusEnum",
    "ReferCompleteCallback",
    "TransferAnswerCallback",
    "TransferCompleteCallback",
    "TransferDisconnectCallback",
]


class ReferCallStatusEnum(ApiEnum):
    """Outcome of a ``<Refer>``."""

    SUCCESS = "success"
    FAILURE = "failure"


ReferStatus = Optional[Annotated[Union[ReferCallStatusEnum, str], LEFT_TO_RIGHT]]


class TransferAnswerCallback(Callback):
    """A ``<Transfer>`` destination answered; the reply's BXML runs on that leg only.

    ``parent_call_id`` is in the docs but not in the spec schema.
    """

    expects_bxml: ClassVar[bool] = True

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    parent_call_id: Str = Field(
        default=None,
        description="On a Transfer's B-leg: the A-leg's call id.",
    )
    transfer_caller_id: Str = Field(default=None, description="The B-leg's caller id.")
    transfer_to: Str = Field(default=None, description="The B-leg's destination.")


class TransferCompleteCallback(Callback):
    """The transferred leg ended (or never connected); the reply's BXML runs on the A-leg."""

    expects_bxml: ClassVar[bool] = True

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    transfer_caller_id: Str = Field(default=None, description="The B-leg's caller id.")
    transfer_to: Str = Field(default=None, description="The B-leg's destination.")
    cause: Str = Field(
        default=None,
        description="The reason, from an open set (hangup, busy, timeout, rejected, error, ...).",
    )
    error_message: Str = Field(default=None, description="Human-readable error text.")
    error_id: Str = Field(default=None, description="Bandwidth's internal id of the error.")


class TransferDisconnectCallback(Callback):
    """One transferred leg ended, for any reason; the reply is ignored."""

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    parent_call_id: Str = Field(
        default=None,
        description="On a Transfer's B-leg: the A-leg's call id.",
    )
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    end_time: Timestamp = Field(default=None, description="When the call, leg or recording ended.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    transfer_caller_id: Str = Field(default=None, description="The B-leg's caller id.")
    transfer_to: Str = Field(default=None, description="The B-leg's destination.")
    cause: Str = Field(
        default=None,
        description="The reason, from an open set (hangup, busy, timeout, rejected, error, ...).",
    )
    error_message: Str = Field(default=None, description="Human-readable error text.")
    error_id: Str = Field(default=None, description="Bandwidth's internal id of the error.")


class BridgeCompleteCallback(Callback):
    """The bridge target left (or the bridge failed); the reply's BXML runs on this call.

    ``cause`` is ``busy``, ``rejected`` or ``unknown`` when the bridge failed.
    """

    expects_bxml: ClassVar[bool] = True

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    cause: Str = Field(
        default=None,
        description="The reason, from an open set (hangup, busy, timeout, rejected, error, ...).",
    )
    error_message: Str = Field(default=None, description="Human-readable error text.")
    error_id: Str = Field(default=None, description="Bandwidth's internal id of the error.")


class BridgeTargetCompleteCallback(Callback):
    """The call that ran ``<Bridge>`` left; the reply's BXML runs on the target call."""

    expects_bxml: ClassVar[bool] = True

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")


class ReferCompleteCallback(Callback):
    """A ``<Refer>`` finished; on failure the reply's BXML runs (on success the call is gone).

    Not in the spec file: fields from the docs and SDK 23.3.1.
    """

    expects_bxml: ClassVar[bool] = True

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    refer_call_status: ReferStatus = Field(
        default=None, description="success or failure of the REFER."
    )
    refer_sip_response_code: Int = Field(
        default=None,
        description="SIP response to the REFER itself (202, 405, 603, ...).",
    )
    notify_sip_response_code: Int = Field(
        default=None,
        description="Final NOTIFY sipfrag status; absent on timeout.",
    )
