"""Transfer, bridge and refer events."""

from __future__ import annotations

from typing import ClassVar, Optional, Union

from pydantic import Field
from typing_extensions import Annotated

from bandwidth.callbacks._fields import (
    AnswerTime,
    CallEvent,
    CallFields,
    CauseWithErrorId,
    EndTime,
    Tag,
    TransferLeg,
    TransferTarget,
)
from bandwidth.callbacks.base import Int, adapter_safe
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


class TransferAnswerCallback(TransferLeg, CallEvent):
    """A ``<Transfer>`` destination answered; the reply's BXML runs on that leg only.

    ``parent_call_id`` is in the docs but not in the spec schema.
    """

    expects_bxml: ClassVar[bool] = True


class TransferCompleteCallback(CauseWithErrorId, TransferTarget, CallEvent):
    """The transferred leg ended (or never connected); the reply's BXML runs on the A-leg."""

    expects_bxml: ClassVar[bool] = True


class TransferDisconnectCallback(CauseWithErrorId, TransferLeg, CallEvent):
    """One transferred leg ended, for any reason; the reply is ignored."""

    end_time: EndTime = None


class BridgeCompleteCallback(CauseWithErrorId, CallEvent):
    """The bridge target left (or the bridge failed); the reply's BXML runs on this call.

    ``cause`` is ``busy``, ``rejected`` or ``unknown`` when the bridge failed.
    """

    expects_bxml: ClassVar[bool] = True


class BridgeTargetCompleteCallback(CallEvent):
    """The call that ran ``<Bridge>`` left; the reply's BXML runs on the target call."""

    expects_bxml: ClassVar[bool] = True


class ReferCompleteCallback(CallFields):
    """A ``<Refer>`` finished; on failure the reply's BXML runs (on success the call is gone).

    Not in the spec file: fields from the docs and SDK 23.3.1.
    """

    expects_bxml: ClassVar[bool] = True

    # the call base set without enqueuedTime
    answer_time: AnswerTime = None
    tag: Tag = None
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


adapter_safe(globals())
