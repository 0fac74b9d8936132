"""The fields several callbacks share, each declared once, and the groups they come in.

Like the spec (whose ``*Callback`` schemas ``$ref`` one shared schema per
field), every field is declared once: in the group that carries it or, when
several groups or models carry it, as an ``Annotated`` type (its type, wire
alias and description) that they all use. The groups follow how the API sends
them:

* :class:`CallFields`: what every call event carries (``initiate`` carries no more);
* :class:`CallEvent`: the *call base set*, ``CallFields`` plus ``enqueuedTime``,
  ``answerTime`` and ``tag``, carried by nearly every call event;
* :class:`TransferTarget` / :class:`TransferLeg`: the B-leg of a ``<Transfer>``;
* :class:`Cause` / :class:`CauseWithErrorId`: why a call, leg or stream ended;
* :class:`CallerName`: the current docs' ``privacy``/``callerDisplayName``;
* ``RecordingFile`` (in ``_recording_fields``, so that importing the call,
  transfer or stream events does not create it): the recording an event is about.

An event model inherits the groups it carries (mixins first, its main base
last, so the main base's fields come first) and declares only its own fields.
None of these classes is an event: ``parse_callback`` never returns them.
"""

from typing import ClassVar

from pydantic import ConfigDict, Field
from typing_extensions import Annotated

from bandwidth.callbacks.base import Bool, Callback, Direction, Str, Timestamp
from bandwidth.models._base import ResponseModel

__all__ = [
    "AccountId",
    "AnswerTime",
    "CallEvent",
    "CallFields",
    "CallId",
    "CallerName",
    "Cause",
    "CauseWithErrorId",
    "EndTime",
    "EnqueuedTime",
    "From",
    "Group",
    "StartTime",
    "Tag",
    "To",
    "TransferLeg",
    "TransferTarget",
]

# -- fields used by more than one group or model ------------------------------------

AccountId = Annotated[Str, Field(description="Your account id.")]
From = Annotated[
    Str,
    Field(
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    ),
]
To = Annotated[Str, Field(description="The called number (E.164) or SIP URI.")]
CallId = Annotated[Str, Field(description="The call's id.")]
EnqueuedTime = Annotated[Timestamp, Field(description="When a queued outbound call was queued.")]
StartTime = Annotated[
    Timestamp,
    Field(description="When the call (or, on recording events, the recording) started."),
]
AnswerTime = Annotated[Timestamp, Field(description="When the call was answered.")]
EndTime = Annotated[Timestamp, Field(description="When the call, leg or recording ended.")]
Tag = Annotated[Str, Field(description="The call's current tag; absent when none is set.")]

# -- groups ----------------------------------------------------------------------------


class Group(ResponseModel):
    """Base of the groups mixed into an event beside its :class:`CallEvent`-like base.

    Not a :class:`Callback`: a mixin carries only its own fields, which keeps
    class creation (and so the first import of an event module) cheap.
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(defer_build=True)


class CallFields(Callback):
    """What every call event carries; ``initiate`` carries no more of the base set."""

    # Callback's own went in adapter_safe
    model_config: ClassVar[ConfigDict] = ConfigDict(defer_build=True)

    account_id: AccountId = None
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: From = None
    to: To = None
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: CallId = None
    call_url: Str = Field(default=None, description="The call's REST URL.")
    start_time: StartTime = None


class CallEvent(CallFields):
    """The call base set: :class:`CallFields` plus the queue, answer and tag fields."""

    enqueued_time: EnqueuedTime = None
    answer_time: AnswerTime = None
    tag: Tag = None


class TransferTarget(Group):
    """The leg a ``<Transfer>`` rang: its caller id and destination."""

    transfer_caller_id: Str = Field(default=None, description="The B-leg's caller id.")
    transfer_to: Str = Field(default=None, description="The B-leg's destination.")


class TransferLeg(TransferTarget):
    """An event that may happen on a transfer's B-leg: :class:`TransferTarget` plus the A-leg."""

    parent_call_id: Str = Field(
        default=None,
        description="On a Transfer's B-leg: the A-leg's call id.",
    )


class Cause(Group):
    """Why a call, leg or stream ended (or never started)."""

    cause: Str = Field(
        default=None,
        description="The reason, from an open set (hangup, busy, timeout, rejected, error, ...).",
    )
    error_message: Str = Field(default=None, description="Human-readable error text.")


class CauseWithErrorId(Cause):
    """:class:`Cause` plus Bandwidth's id of the error (call-level end events)."""

    error_id: Str = Field(default=None, description="Bandwidth's internal id of the error.")


class CallerName(Group):
    """The caller's privacy request and display name (current docs, not the spec)."""

    privacy: Bool = Field(
        default=None, description="Whether the caller asked for privacy (current docs only)."
    )
    caller_display_name: Str = Field(
        default=None,
        description="The caller's display name (current docs only).",
    )
