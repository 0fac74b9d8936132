"""The simulator's test API as the facade shows it: each method forwards to the part that holds it.

:class:`SimulatorTestApi` is the base of :class:`~bandwidth.testing.VoiceSimulator`.
It holds the composed parts the composition root's products made (users and
tokens, faults and recorded requests, calls, seeded resources, the far end's
media, scripted callees, flow driving) and forwards each public method to
one of them; the docstring each method shows is the part's own (written
once, copied by :func:`_doc`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, TypeVar, Union

from bandwidth.testing._core.access_controls import AccessControls
from bandwidth.testing._core.fault_controls import FaultControls
from bandwidth.testing._core.rest_service import RecordedRequest
from bandwidth.testing._core.webhooks import Webhook
from bandwidth.testing._voice.call_controls import CallControls
from bandwidth.testing._voice.callees import Callee
from bandwidth.testing._voice.calls import QUEUED, SimulatedCall
from bandwidth.testing._voice.conferences import SimulatedConference
from bandwidth.testing._voice.far_end_controls import FarEndControls
from bandwidth.testing._voice.flow_driving import FlowDriving
from bandwidth.testing._voice.media_controls import MediaControls
from bandwidth.testing._voice.recordings import SimulatedRecording
from bandwidth.testing._voice.resource_controls import ResourceControls, Texts
from bandwidth.testing._voice.transcriptions import SimulatedTranscription
from bandwidth.testing._voice.verbs.background_media import SimulatedStream

__all__ = ["SimulatorTestApi"]

_F = TypeVar("_F", bound=Callable[..., Any])


def _doc(source: Any) -> Callable[[_F], _F]:
    """Give a forwarding method the docstring of the method (or property) it forwards to."""

    def apply(method: _F) -> _F:
        method.__doc__ = source.__doc__
        return method

    return apply


class SimulatorTestApi:
    """Every test-API method of the simulator, forwarding to the composed part that holds it.

    The parts are attached by the subclass once the composition root built them.
    """

    def _attach(
        self,
        access: AccessControls,
        faults: FaultControls,
        calls: CallControls,
        resources: ResourceControls,
        media_controls: MediaControls,
        far_ends: FarEndControls,
        driving: FlowDriving,
    ) -> None:
        self._access = access
        self._faults = faults
        self._calls = calls
        self._resources = resources
        self._media_controls = media_controls
        self._far_ends = far_ends
        self._driving = driving

    # -- AccessControls (_core/access_controls.py) ---------------------------------

    @_doc(AccessControls.add_user)
    def add_user(self, username: str, password: str, *, voice: bool = True) -> None:
        self._access.add_user(username, password, voice=voice)

    @_doc(AccessControls.add_client)
    def add_client(self, client_id: str, client_secret: str, *, voice: bool = True) -> None:
        self._access.add_client(client_id, client_secret, voice=voice)

    @property
    @_doc(AccessControls.token_lifetime)
    def token_lifetime(self) -> float:
        return self._access.token_lifetime

    @token_lifetime.setter
    def token_lifetime(self, seconds: float) -> None:
        self._access.token_lifetime = seconds

    @_doc(AccessControls.issue_token)
    def issue_token(self, client_id: Optional[str] = None) -> str:
        return self._access.issue_token(client_id)

    @_doc(AccessControls.revoke_tokens)
    def revoke_tokens(self) -> None:
        self._access.revoke_tokens()

    # -- FaultControls (_core/fault_controls.py) -----------------------------------

    @_doc(FaultControls.fail_next)
    def fail_next(
        self,
        operation: Optional[str],
        status: int,
        *,
        count: int = 1,
        headers: Optional[Mapping[str, str]] = None,
        body: Union[bytes, str, Dict[str, Any], List[Any], None] = None,
    ) -> None:
        self._faults.fail_next(operation, status, count=count, headers=headers, body=body)

    @_doc(FaultControls.raw_next)
    def raw_next(self, operation: Optional[str], data: bytes, *, count: int = 1) -> None:
        self._faults.raw_next(operation, data, count=count)

    @_doc(FaultControls.delay_next)
    def delay_next(self, operation: Optional[str], seconds: float, *, count: int = 1) -> None:
        self._faults.delay_next(operation, seconds, count=count)

    @_doc(FaultControls.slow_next)
    def slow_next(
        self,
        operation: Optional[str],
        *,
        bytes_per_interval: int = 1,
        interval: float = 0.05,
        head_at_once: bool = False,
        count: int = 1,
    ) -> None:
        self._faults.slow_next(
            operation,
            bytes_per_interval=bytes_per_interval,
            interval=interval,
            head_at_once=head_at_once,
            count=count,
        )

    @_doc(FaultControls.drop_next)
    def drop_next(
        self, operation: Optional[str], *, when: str = "before_read", count: int = 1
    ) -> None:
        self._faults.drop_next(operation, when=when, count=count)

    @_doc(FaultControls.malformed_next)
    def malformed_next(
        self, operation: Optional[str], *, count: int = 1, kind: str = "json"
    ) -> None:
        self._faults.malformed_next(operation, count=count, kind=kind)

    @_doc(FaultControls.clear_faults)
    def clear_faults(self) -> None:
        self._faults.clear_faults()

    @property
    @_doc(FaultControls.requests)
    def requests(self) -> List[RecordedRequest]:
        return self._faults.requests

    @_doc(FaultControls.requests_for)
    def requests_for(self, operation: Optional[str]) -> List[RecordedRequest]:
        return self._faults.requests_for(operation)

    @_doc(FaultControls.clear_requests)
    def clear_requests(self) -> None:
        self._faults.clear_requests()

    # -- CallControls (_voice/call_controls.py) ------------------------------------

    @_doc(CallControls.initiate)
    def initiate(self, call_id: str) -> None:
        self._calls.initiate(call_id)

    @_doc(CallControls.answer)
    def answer(self, call_id: str) -> None:
        self._calls.answer(call_id)

    @_doc(CallControls.hangup)
    def hangup(
        self,
        call_id: str,
        cause: str = "hangup",
        *,
        error_message: Optional[str] = None,
        error_id: Optional[str] = None,
    ) -> None:
        self._calls.hangup(call_id, cause, error_message=error_message, error_id=error_id)

    @_doc(CallControls.press)
    def press(self, call_id: str, digits: str) -> None:
        self._calls.press(call_id, digits)

    @_doc(CallControls.inbound_call)
    def inbound_call(
        self,
        to: str,
        from_: str,
        *,
        answer_url: str,
        answer_method: str = "POST",
        **fields: Any,
    ) -> str:
        return self._calls.inbound_call(
            to, from_, answer_url=answer_url, answer_method=answer_method, **fields
        )

    @property
    @_doc(CallControls.calls)
    def calls(self) -> List[SimulatedCall]:
        return self._calls.calls

    @_doc(CallControls.call)
    def call(self, call_id: str) -> SimulatedCall:
        return self._calls.call(call_id)

    @property
    @_doc(CallControls.webhooks)
    def webhooks(self) -> List[Webhook]:
        return self._calls.webhooks

    @_doc(CallControls.timeline)
    def timeline(self) -> str:
        return self._calls.timeline()

    @_doc(CallControls.clear_calls)
    def clear_calls(self) -> None:
        self._calls.clear_calls()

    # -- ResourceControls (_voice/resource_controls.py) ----------------------------

    @_doc(ResourceControls.add_call)
    def add_call(self, **fields: Any) -> str:
        return self._resources.add_call(**fields)

    @_doc(ResourceControls.bulk_create)
    def bulk_create(
        self,
        n: int,
        *,
        state: str = QUEUED,
        direction: str = "outbound",
        spacing: float = 0.0,
        **fields: Any,
    ) -> List[str]:
        return self._resources.bulk_create(
            n, state=state, direction=direction, spacing=spacing, **fields
        )

    @_doc(ResourceControls.add_conference)
    def add_conference(
        self,
        name: str,
        members: Sequence[str] = (),
        *,
        tag: Optional[str] = None,
        conference_event_url: Optional[str] = None,
        conference_event_method: str = "POST",
    ) -> str:
        return self._resources.add_conference(
            name,
            members,
            tag=tag,
            conference_event_url=conference_event_url,
            conference_event_method=conference_event_method,
        )

    @_doc(ResourceControls.join_conference)
    def join_conference(
        self,
        conference_id: str,
        call_id: str,
        *,
        mute: bool = False,
        hold: bool = False,
        call_ids_to_coach: Optional[Sequence[str]] = None,
    ) -> None:
        self._resources.join_conference(
            conference_id, call_id, mute=mute, hold=hold, call_ids_to_coach=call_ids_to_coach
        )

    @_doc(ResourceControls.leave_conference)
    def leave_conference(self, conference_id: str, call_id: str) -> None:
        self._resources.leave_conference(conference_id, call_id)

    @_doc(ResourceControls.end_conference)
    def end_conference(self, conference_id: str) -> None:
        self._resources.end_conference(conference_id)

    @_doc(ResourceControls.conference)
    def conference(self, conference_id: str) -> SimulatedConference:
        return self._resources.conference(conference_id)

    @property
    @_doc(ResourceControls.conferences)
    def conferences(self) -> List[SimulatedConference]:
        return self._resources.conferences

    @_doc(ResourceControls.add_recording)
    def add_recording(
        self,
        call_id: str,
        *,
        duration: float = 5.0,
        file_format: str = "wav",
        channels: int = 1,
        name: Optional[str] = None,
        status: str = "complete",
        transcript: Texts = None,
        start_time: Optional[datetime] = None,
        transfer_caller_id: Optional[str] = None,
        transfer_to: Optional[str] = None,
    ) -> str:
        return self._resources.add_recording(
            call_id,
            duration=duration,
            file_format=file_format,
            channels=channels,
            name=name,
            status=status,
            transcript=transcript,
            start_time=start_time,
            transfer_caller_id=transfer_caller_id,
            transfer_to=transfer_to,
        )

    @_doc(ResourceControls.add_conference_recording)
    def add_conference_recording(
        self,
        conference_id: str,
        *,
        duration: float = 5.0,
        file_format: str = "wav",
        name: Optional[str] = None,
        status: str = "complete",
        start_time: Optional[datetime] = None,
    ) -> str:
        return self._resources.add_conference_recording(
            conference_id,
            duration=duration,
            file_format=file_format,
            name=name,
            status=status,
            start_time=start_time,
        )

    @_doc(ResourceControls.start_recording)
    def start_recording(
        self,
        call_id: str,
        *,
        file_format: str = "wav",
        channels: int = 1,
        name: Optional[str] = None,
        transcript: Texts = None,
    ) -> str:
        return self._resources.start_recording(
            call_id, file_format=file_format, channels=channels, name=name, transcript=transcript
        )

    @_doc(ResourceControls.stop_recording)
    def stop_recording(self, recording_id: str) -> None:
        self._resources.stop_recording(recording_id)

    @_doc(ResourceControls.recording)
    def recording(self, recording_id: str) -> SimulatedRecording:
        return self._resources.recording(recording_id)

    @property
    @_doc(ResourceControls.recordings)
    def recordings(self) -> List[SimulatedRecording]:
        return self._resources.recordings

    @_doc(ResourceControls.add_transcription)
    def add_transcription(
        self,
        call_id: str,
        text: Union[str, Mapping[str, str]],
        *,
        name: Optional[str] = None,
        language: str = "en-US",
        confidence: float = 0.9,
    ) -> str:
        return self._resources.add_transcription(
            call_id, text, name=name, language=language, confidence=confidence
        )

    @_doc(ResourceControls.transcription)
    def transcription(self, transcription_id: str) -> SimulatedTranscription:
        return self._resources.transcription(transcription_id)

    @property
    @_doc(ResourceControls.transcriptions)
    def transcriptions(self) -> List[SimulatedTranscription]:
        return self._resources.transcriptions

    # -- MediaControls (_voice/media_controls.py) ----------------------------------

    @_doc(MediaControls.speak)
    def speak(self, call_id: str, text: str = "", *, seconds: Optional[float] = None) -> None:
        self._media_controls.speak(call_id, text, seconds=seconds)

    @_doc(MediaControls.close_stream)
    def close_stream(
        self,
        call_id: str,
        name: str,
        *,
        cause: str = "closed",
        error_message: Optional[str] = None,
    ) -> None:
        self._media_controls.close_stream(call_id, name, cause=cause, error_message=error_message)

    @_doc(MediaControls.fail_websocket)
    def fail_websocket(
        self, destination: str, *, cause: Optional[str] = "connection-error"
    ) -> None:
        self._media_controls.fail_websocket(destination, cause=cause)

    @property
    @_doc(MediaControls.streams)
    def streams(self) -> List[SimulatedStream]:
        return self._media_controls.streams

    # -- FarEndControls (_voice/far_end_controls.py) -------------------------------

    @_doc(FarEndControls.callee)
    def callee(
        self, destination: str, behaviour: Optional[Callee] = None, **options: Any
    ) -> Callee:
        return self._far_ends.callee(destination, behaviour, **options)

    @property
    @_doc(FarEndControls.callees)
    def callees(self) -> Dict[str, Callee]:
        return self._far_ends.callees

    @_doc(FarEndControls.clear_callees)
    def clear_callees(self) -> None:
        self._far_ends.clear_callees()

    @_doc(FarEndControls.legs)
    def legs(self, call_id: str) -> List[SimulatedCall]:
        return self._far_ends.legs(call_id)

    # -- FlowDriving (_voice/flow_driving.py) --------------------------------------

    @property
    @_doc(FlowDriving.call_flows)
    def call_flows(self) -> bool:
        return self._driving.call_flows

    @_doc(FlowDriving.next_due)
    def next_due(self) -> Optional[datetime]:
        return self._driving.next_due()

    @_doc(FlowDriving.awaiting_digits)
    def awaiting_digits(self, call_id: str) -> bool:
        return self._driving.awaiting_digits(call_id)

    @_doc(FlowDriving.run_due)
    def run_due(self) -> None:
        self._driving.run_due()
