"""Call lifecycle events: initiate, answer, disconnect, redirect, gather, dtmf, AMD."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from bandwidth.callbacks.base import (
    Bool,
    Callback,
    Direction,
    Int,
    Nested,
    Str,
    StrMap,
    Timestamp,
)
from bandwidth.models._base import ResponseModel

__all__ = [
    "AnswerCallback",
    "DisconnectCallback",
    "Diversion",
    "DtmfCallback",
    "GatherCallback",
    "InitiateCallback",
    "MachineDetectionCompleteCallback",
    "MachineDetectionResult",
    "RedirectCallback",
    "StirShaken",
]


class MachineDetectionResult(ResponseModel):
    """What answering-machine detection decided, and how long it took."""

    model_config = ConfigDict(defer_build=True)

    value: Str = Field(
        default=None,
        description="answering-machine, human, silence, timeout, error or tone-detected.",
    )
    duration: Str = Field(
        default=None, description="Time taken to decide, as an ISO 8601 duration (PT4.99S)."
    )


class Diversion(ResponseModel):
    """The latest SIP Diversion header of an inbound call (keys and values are open sets)."""

    model_config = ConfigDict(defer_build=True)

    reason: Str = Field(
        default=None, description="Why it was diverted: unavailable, user-busy, ..."
    )
    privacy: Str = Field(default=None, description="off or full.")
    screen: Str = Field(
        default=None, description="yes if the network provided the number, else no."
    )
    counter: Str = Field(default=None, description="How many diversions happened.")
    limit: Str = Field(default=None, description="How many diversions are allowed.")
    unknown: Str = Field(default=None, description="An unlisted key the spec uses as an example.")
    orig_to: Str = Field(default=None, description="The number the call was last diverted from.")


class StirShaken(ResponseModel):
    """STIR/SHAKEN verification of an inbound call."""

    model_config = ConfigDict(defer_build=True)

    verstat: Str = Field(default=None, description="TN-Validation-Passed or TN-Validation-Failed.")
    attestation_indicator: Str = Field(
        default=None,
        description="A (full), B (partial) or C (gateway).",
    )
    originating_id: Str = Field(default=None, description="A unique origination identifier.")


class InitiateCallback(Callback):
    """An inbound call arrived; answer with the BXML to run on it (``initiateCallback``)."""

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
    diversion: Nested[Diversion] = Field(
        default=None, description="The latest Diversion header of the inbound call."
    )
    stir_shaken: Nested[StirShaken] = Field(
        default=None,
        description="STIR/SHAKEN verification of the inbound call.",
    )
    uui: Str = Field(
        default=None, description="User-to-User value of the INVITE, with its encoding parameter."
    )
    sip_call_id: Str = Field(
        default=None,
        description="SIP Call-ID of the call's dialog with Bandwidth's SBC.",
    )
    sip_headers: StrMap = Field(
        default=None,
        description="Custom X-* headers of the INVITE (lowercase keys).",
    )


class AnswerCallback(Callback):
    """An outbound call was answered; answer with its first BXML (``answerCallback``).

    ``machine_detection_result`` is set when machine detection ran in sync mode.
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
    machine_detection_result: Nested[MachineDetectionResult] = Field(
        default=None,
        description="The answering-machine detection outcome.",
    )
    sip_call_id: Str = Field(
        default=None,
        description="SIP Call-ID of the call's dialog with Bandwidth's SBC.",
    )
    privacy: Bool = Field(
        default=None, description="Whether the caller asked for privacy (current docs only)."
    )
    caller_display_name: Str = Field(
        default=None,
        description="The caller's display name (current docs only).",
    )


class DisconnectCallback(Callback):
    """A call ended, for any reason; the reply is ignored (``disconnectCallback``)."""

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
    call_id: Str = Field(default=None, description="The call's id.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    end_time: Timestamp = Field(default=None, description="When the call, leg or recording ended.")
    cause: Str = Field(
        default=None,
        description="The reason, from an open set (hangup, busy, timeout, rejected, error, ...).",
    )
    error_message: Str = Field(default=None, description="Human-readable error text.")
    error_id: Str = Field(default=None, description="Bandwidth's internal id of the error.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    sip_call_id: Str = Field(
        default=None,
        description="SIP Call-ID of the call's dialog with Bandwidth's SBC.",
    )
    sip_response_code: Int = Field(
        default=None,
        description="SIP status the SBC rejected an outbound INVITE with.",
    )


class RedirectCallback(Callback):
    """A ``<Redirect>`` (or an updateCall redirect) asks for new BXML (``redirectCallback``)."""

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
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    transfer_caller_id: Str = Field(default=None, description="The B-leg's caller id.")
    transfer_to: Str = Field(default=None, description="The B-leg's destination.")


class MachineDetectionCompleteCallback(Callback):
    """Async answering-machine detection finished (``machineDetectionCompleteCallback``).

    The reply is ignored: act on the result with ``update_call``.
    """

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
    machine_detection_result: Nested[MachineDetectionResult] = Field(
        default=None,
        description="The answering-machine detection outcome.",
    )


class GatherCallback(Callback):
    """A ``<Gather>`` collected digits (or timed out); answer with BXML (``gatherCallback``)."""

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
    digits: Str = Field(default=None, description="The digits collected; empty on a timeout.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    parent_call_id: Str = Field(
        default=None,
        description="On a Transfer's B-leg: the A-leg's call id.",
    )
    terminating_digit: Str = Field(
        default=None,
        description="The digit that ended the gather; empty if none.",
    )
    transfer_caller_id: Str = Field(default=None, description="The B-leg's caller id.")
    transfer_to: Str = Field(default=None, description="The B-leg's destination.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")


class DtmfCallback(Callback):
    """One digit pressed after ``<StartGather>``; the reply is ignored (``dtmfCallback``)."""

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
    call_id: Str = Field(default=None, description="The call's id.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    digit: Str = Field(default=None, description="The one digit pressed.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    parent_call_id: Str = Field(
        default=None,
        description="On a Transfer's B-leg: the A-leg's call id.",
    )
    transfer_caller_id: Str = Field(default=None, description="The B-leg's caller id.")
    transfer_to: Str = Field(default=None, description="The B-leg's destination.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
