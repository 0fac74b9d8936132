"""The values of the media events' fields: recordings, conferences and their members.

The fields each event carries are in :mod:`~bandwidth.testing._voice.event_fields`
(one table for every webhook); a call's values are its own
(:meth:`~bandwidth.testing.SimulatedCall.event_values`). These are the
values the recording and conference verbs add to them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict

from bandwidth.testing._core.clock import format_duration, format_time
from bandwidth.testing._voice.calls import SimulatedCall
from bandwidth.testing._voice.conferences import SimulatedConference
from bandwidth.testing._voice.event_fields import payload
from bandwidth.testing._voice.recordings import SimulatedRecording

__all__ = ["call_values", "conference_values", "member_values", "payload", "recording_values"]


def call_values(
    call: SimulatedCall, event_type: str, when: datetime, call_url: str
) -> Dict[str, Any]:
    """The call's fields at ``when``, as the media events carry them (any leg's parent)."""
    return call.event_values(event_type, when, call_url)


def recording_values(rec: SimulatedRecording, account_url: str) -> Dict[str, Any]:
    """A recording's fields; ``startTime`` is the recording's start, as the docs say."""
    return {
        "recordingId": rec.recording_id,
        "mediaUrl": rec.media_url(account_url),
        "startTime": format_time(rec.start_time),
        "endTime": format_time(rec.end_time or rec.start_time),
        "duration": format_duration(rec.seconds),
        "fileFormat": rec.file_format,
        "channels": rec.channels,
        "status": rec.status,
        "accountId": rec.account_id,
        "transferCallerId": rec.transfer_caller_id,
        "transferTo": rec.transfer_to,
    }


def conference_values(conf: SimulatedConference, event_type: str, when: datetime) -> Dict[str, Any]:
    """The conference base set: its id and name, and the creator's tag."""
    return {
        "eventType": event_type,
        "eventTime": format_time(when),
        "conferenceId": conf.conference_id,
        "name": conf.name,
        "tag": conf.tag,
    }


def member_values(call: SimulatedCall) -> Dict[str, Any]:
    """A member's fields: its call's ``from``, ``to`` and id."""
    return {"from": call.from_, "to": call.to, "callId": call.call_id}
