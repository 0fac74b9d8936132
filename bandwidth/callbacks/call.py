"""Call lifecycle events: initiate, answer, disconnect, redirect, gather, dtmf, AMD."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field
from typing_extensions import Annotated

from bandwidth.callbacks._fields import (
    CallerName,
    CallEvent,
    CallFields,
    CauseWithErrorId,
    EndTime,
    TransferLeg,
)
from bandwidth.callbacks.base import Int, Nested, Str, StrMap, adapter_safe
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

    model_config: ClassVar[ConfigDict] = ConfigDict(defer_build=True)

    value: Str = Field(
        default=None,
        description="answering-machine, human, silence, timeout, error or tone-detected.",
    )
    duration: Str = Field(
        default=None, description="Time taken to decide, as an ISO 8601 duration (PT4.99S)."
    )


class Diversion(ResponseModel):
    """The latest SIP Diversion header of an inbound call (keys and values are open sets)."""

    model_config: ClassVar[ConfigDict] = ConfigDict(defer_build=True)

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

    model_config: ClassVar[ConfigDict] = ConfigDict(defer_build=True)

    verstat: Str = Field(default=None, description="TN-Validation-Passed or TN-Validation-Failed.")
    attestation_indicator: Str = Field(
        default=None,
        description="A (full), B (partial) or C (gateway).",
    )
    originating_id: Str = Field(default=None, description="A unique origination identifier.")


#: shared by answer and machineDetectionComplete
_MachineDetection = Annotated[
    Nested[MachineDetectionResult],
    Field(description="The answering-machine detection outcome."),
]
#: shared by initiate, answer and disconnect
_SipCallId = Annotated[
    Str, Field(description="SIP Call-ID of the call's dialog with Bandwidth's SBC.")
]


class InitiateCallback(CallFields):
    """An inbound call arrived; answer with the BXML to run on it (``initiateCallback``)."""

    expects_bxml: ClassVar[bool] = True

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
    sip_call_id: _SipCallId = None
    sip_headers: StrMap = Field(
        default=None,
        description="Custom X-* headers of the INVITE (lowercase keys).",
    )


class AnswerCallback(CallerName, CallEvent):
    """An outbound call was answered; answer with its first BXML (``answerCallback``).

    ``machine_detection_result`` is set when machine detection ran in sync mode.
    """

    expects_bxml: ClassVar[bool] = True

    machine_detection_result: _MachineDetection = None
    sip_call_id: _SipCallId = None


class DisconnectCallback(CauseWithErrorId, CallEvent):
    """A call ended, for any reason; the reply is ignored (``disconnectCallback``)."""

    end_time: EndTime = None
    sip_call_id: _SipCallId = None
    sip_response_code: Int = Field(
        default=None,
        description="SIP status the SBC rejected an outbound INVITE with.",
    )


class RedirectCallback(TransferLeg, CallEvent):
    """A ``<Redirect>`` (or an updateCall redirect) asks for new BXML (``redirectCallback``)."""

    expects_bxml: ClassVar[bool] = True


class MachineDetectionCompleteCallback(CallEvent):
    """Async answering-machine detection finished (``machineDetectionCompleteCallback``).

    The reply is ignored: act on the result with ``update_call``.
    """

    machine_detection_result: _MachineDetection = None


class GatherCallback(TransferLeg, CallEvent):
    """A ``<Gather>`` collected digits (or timed out); answer with BXML (``gatherCallback``)."""

    expects_bxml: ClassVar[bool] = True

    digits: Str = Field(default=None, description="The digits collected; empty on a timeout.")
    terminating_digit: Str = Field(
        default=None,
        description="The digit that ended the gather; empty if none.",
    )


class DtmfCallback(TransferLeg, CallEvent):
    """One digit pressed after ``<StartGather>``; the reply is ignored (``dtmfCallback``)."""

    digit: Str = Field(default=None, description="The one digit pressed.")


adapter_safe(globals())
