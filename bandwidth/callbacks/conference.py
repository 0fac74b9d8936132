"""Conference events (sent to the creating ``<Conference>``'s ``conferenceEventUrl``).

Replies to created/redirect/member events may carry BXML, limited to
PlayAudio, SpeakSentence and the recording verbs, applied to the conference.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from bandwidth.callbacks._fields import (
    AccountId,
    CallId,
    From,
    StartTime,
    Tag,
    To,
)
from bandwidth.callbacks._recording_fields import Channels, RecordingFile, RecordingStatus
from bandwidth.callbacks.base import Callback, Str, adapter_safe

__all__ = [
    "ConferenceCompletedCallback",
    "ConferenceCreatedCallback",
    "ConferenceMemberExitCallback",
    "ConferenceMemberJoinCallback",
    "ConferenceRecordingAvailableCallback",
    "ConferenceRedirectCallback",
]


class _ConferenceEvent(Callback):
    """The conference base set every conference event carries."""

    # Callback's own went in adapter_safe
    model_config: ClassVar[ConfigDict] = ConfigDict(defer_build=True)

    conference_id: Str = Field(default=None, description="The conference's id.")
    name: Str = Field(default=None, description="The conference name given in the Conference verb.")
    tag: Tag = None


class _ConferenceMemberEvent(_ConferenceEvent):
    """A member joined or left: the conference base set plus the member call."""

    var_from: From = None
    to: To = None
    call_id: CallId = None


class ConferenceCreatedCallback(_ConferenceEvent):
    """A conference was created; the reply may be empty or conference BXML."""

    expects_bxml: ClassVar[bool] = True


class ConferenceRedirectCallback(_ConferenceEvent):
    """A conference was redirected through the API; the reply may be conference BXML."""

    expects_bxml: ClassVar[bool] = True


class ConferenceMemberJoinCallback(_ConferenceMemberEvent):
    """A call joined the conference; the reply may be conference BXML."""

    expects_bxml: ClassVar[bool] = True


class ConferenceMemberExitCallback(_ConferenceMemberEvent):
    """A call left the conference; the reply may be conference BXML."""

    expects_bxml: ClassVar[bool] = True


class ConferenceCompletedCallback(_ConferenceEvent):
    """The last member left and the conference ended; the reply may not carry BXML."""


class ConferenceRecordingAvailableCallback(RecordingFile, _ConferenceEvent):
    """A conference recording is processed and downloadable; the reply is ignored."""

    account_id: AccountId = None
    channels: Channels = None
    start_time: StartTime = None
    status: RecordingStatus = None


adapter_safe(globals())
