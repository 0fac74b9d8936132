"""The Voice API's operations: SDK method name, HTTP method, path and success status.

One table, read by the router (which request is which operation), the fault
queue (which names exist) and the garbler (which status a garbled success
answers). Paths are the spec's, below ``/api/v2/accounts/{accountId}``;
``{...}`` segments are path parameters, named as in the spec.

Imports nothing, so naming operations costs nothing.
"""

from __future__ import annotations

from typing import Dict, List, NamedTuple, Optional, Tuple

__all__ = ["SUCCESS", "TABLE", "VOICE_OPERATIONS", "VoiceOperation", "match"]


class VoiceOperation(NamedTuple):
    """One operation of the Voice API as the simulator serves it."""

    name: str
    method: str
    path: str
    success: int


TABLE: Tuple[VoiceOperation, ...] = (
    # calls (CallsApi)
    VoiceOperation("create_call", "POST", "calls", 201),
    VoiceOperation("list_calls", "GET", "calls", 200),
    VoiceOperation("get_call_state", "GET", "calls/{callId}", 200),
    VoiceOperation("update_call", "POST", "calls/{callId}", 200),
    VoiceOperation("update_call_bxml", "PUT", "calls/{callId}/bxml", 204),
    # conferences (ConferencesApi)
    VoiceOperation("list_conferences", "GET", "conferences", 200),
    VoiceOperation("get_conference", "GET", "conferences/{conferenceId}", 200),
    VoiceOperation("update_conference", "POST", "conferences/{conferenceId}", 204),
    VoiceOperation("update_conference_bxml", "PUT", "conferences/{conferenceId}/bxml", 204),
    VoiceOperation(
        "get_conference_member", "GET", "conferences/{conferenceId}/members/{memberId}", 200
    ),
    VoiceOperation(
        "update_conference_member", "PUT", "conferences/{conferenceId}/members/{memberId}", 204
    ),
    VoiceOperation(
        "list_conference_recordings", "GET", "conferences/{conferenceId}/recordings", 200
    ),
    VoiceOperation(
        "get_conference_recording",
        "GET",
        "conferences/{conferenceId}/recordings/{recordingId}",
        200,
    ),
    VoiceOperation(
        "download_conference_recording",
        "GET",
        "conferences/{conferenceId}/recordings/{recordingId}/media",
        200,
    ),
    # recordings (RecordingsApi)
    VoiceOperation("list_account_call_recordings", "GET", "recordings", 200),
    VoiceOperation("update_call_recording_state", "PUT", "calls/{callId}/recording", 200),
    VoiceOperation("list_call_recordings", "GET", "calls/{callId}/recordings", 200),
    VoiceOperation("get_call_recording", "GET", "calls/{callId}/recordings/{recordingId}", 200),
    VoiceOperation("delete_recording", "DELETE", "calls/{callId}/recordings/{recordingId}", 204),
    VoiceOperation(
        "download_call_recording", "GET", "calls/{callId}/recordings/{recordingId}/media", 200
    ),
    VoiceOperation(
        "delete_recording_media", "DELETE", "calls/{callId}/recordings/{recordingId}/media", 204
    ),
    VoiceOperation(
        "get_recording_transcription",
        "GET",
        "calls/{callId}/recordings/{recordingId}/transcription",
        200,
    ),
    VoiceOperation(
        "transcribe_call_recording",
        "POST",
        "calls/{callId}/recordings/{recordingId}/transcription",
        204,
    ),
    VoiceOperation(
        "delete_recording_transcription",
        "DELETE",
        "calls/{callId}/recordings/{recordingId}/transcription",
        204,
    ),
    # statistics (StatisticsApi)
    VoiceOperation("get_statistics", "GET", "statistics", 200),
    # real-time transcriptions (TranscriptionsApi)
    VoiceOperation("list_real_time_transcriptions", "GET", "calls/{callId}/transcriptions", 200),
    VoiceOperation(
        "get_real_time_transcription", "GET", "calls/{callId}/transcriptions/{transcriptionId}", 200
    ),
    VoiceOperation(
        "delete_real_time_transcription",
        "DELETE",
        "calls/{callId}/transcriptions/{transcriptionId}",
        200,
    ),
)

#: The SDK method names, which are also the names faults and recordings use.
VOICE_OPERATIONS: Tuple[str, ...] = tuple(op.name for op in TABLE)

#: Success status by operation name.
SUCCESS: Dict[str, int] = {op.name: op.success for op in TABLE}


class _Node:
    """One level of the path tree: literal segments, or one parameter."""

    __slots__ = ("allow", "children", "methods", "parameter", "wildcard")

    def __init__(self) -> None:
        self.children: Dict[str, _Node] = {}
        self.parameter = ""  # set when this level is a path parameter
        self.wildcard: Optional[_Node] = None
        self.methods: Dict[str, str] = {}  # HTTP method -> operation name
        self.allow = ""  # the methods, for an Allow header


def _build() -> _Node:
    root = _Node()
    for op in TABLE:
        node = root
        for segment in op.path.split("/"):
            if segment.startswith("{"):
                if node.children:  # pragma: no cover - a table error, caught by the tests
                    raise AssertionError(f"{op.path}: a parameter beside literal segments")
                if node.wildcard is None:
                    node.wildcard = _Node()
                    node.parameter = segment[1:-1]
                node = node.wildcard
            else:
                node = node.children.setdefault(segment, _Node())
        node.methods[op.method] = op.name
        node.allow = ", ".join(sorted(node.methods))
    return root


_ROOT = _build()


class Match(NamedTuple):
    """What a path below an account is: its operations by method, and its parameters."""

    methods: Dict[str, str]
    params: Dict[str, str]
    allow: str


def match(segments: List[str]) -> Optional[Match]:
    """The operations of a path (split and unquoted below the account), or ``None``.

    An empty segment (``calls//bxml``, a trailing ``/``) matches nothing.
    """
    node = _ROOT
    params: Dict[str, str] = {}
    for segment in segments:
        if not segment:
            return None
        child = node.children.get(segment)
        if child is None:
            if node.wildcard is None:
                return None
            params[node.parameter] = segment
            child = node.wildcard
        node = child
    if not node.methods:
        return None
    return Match(node.methods, params, node.allow)
