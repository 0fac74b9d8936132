"""Conference events (sent to the creating ``<Conference>``'s ``conferenceEventUrl``).

Replies to created/redirect/member events may carry BXML, limited to
PlayAudio, SpeakSentence and the recording verbs, applied to the conference.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from bandwidth.callbacks.base import Callback, FileFormat, Int, Str, Timestamp

__all__ = [
    "ConferenceCompletedCallback",
    "ConferenceCreatedCallback",
    "ConferenceMemberExitCallback",
    "ConferenceMemberJoinCallback",
    "ConferenceRecordingAvailableCallback",
    "ConferenceRedirectCallback",
]


class ConferenceCreatedCallback(Callback):
    """A conference was created; the reply may be empty or conference BXML."""

    expects_bxml: ClassVar[bool] = True

    conference_id: Str = Field(default=None, description="The conference's id.")
    name: Str = Field(default=None, description="The conference name given in the Conference verb.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")


class ConferenceRedirectCallback(Callback):
    """A conference was redirected through the API; the reply may be conference BXML."""

    expects_bxml: ClassVar[bool] = True

    conference_id: Str = Field(default=None, description="The conference's id.")
    name: Str = Field(default=None, description="The conference name given in the Conference verb.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")


class ConferenceMemberJoinCallback(Callback):
    """A call joined the conference; the reply may be conference BXML."""

    expects_bxml: ClassVar[bool] = True

    conference_id: Str = Field(default=None, description="The conference's id.")
    name: Str = Field(default=None, description="The conference name given in the Conference verb.")
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    call_id: Str = Field(default=None, description="The call's id.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")


class ConferenceMemberExitCallback(Callback):
    """A call left the conference; the reply may be conference BXML."""

    expects_bxml: ClassVar[bool] = True

    conference_id: Str = Field(default=None, description="The conference's id.")
    name: Str = Field(default=None, description="The conference name given in the Conference verb.")
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    call_id: Str = Field(default=None, description="The call's id.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")


class ConferenceCompletedCallback(Callback):
    """The last member left and the conference ended; the reply may not carry BXML."""

    conference_id: Str = Field(default=None, description="The conference's id.")
    name: Str = Field(default=None, description="The conference name given in the Conference verb.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")


class ConferenceRecordingAvailableCallback(Callback):
    """A conference recording is processed and downloadable; the reply is ignored."""

    conference_id: Str = Field(default=None, description="The conference's id.")
    name: Str = Field(default=None, description="The conference name given in the Conference verb.")
    account_id: Str = Field(default=None, description="Your account id.")
    recording_id: Str = Field(default=None, description="The recording's id.")
    channels: Int = Field(default=None, description="1, or 2 for multi-channel call recordings.")
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    end_time: Timestamp = Field(default=None, description="When the call, leg or recording ended.")
    duration: Str = Field(
        default=None, description="The recording's length as an ISO 8601 duration (PT13.67S)."
    )
    file_format: FileFormat = Field(default=None, description="mp3 or wav.")
    media_url: Str = Field(
        default=None,
        description="Where to download the recording, once it is available.",
    )
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    status: Str = Field(
        default=None,
        description="Processing state: processing, partial, complete, deleted, error, ...",
    )
