"""``RecordingsApi``: call recordings, their media and their transcriptions.

Each operation is one builder method (see :mod:`bandwidth.api._endpoint`);
the three public variants are made from it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Union

from typing_extensions import Final, Unpack

from bandwidth._operation import (
    Call,
    Operation,
    RequestAuth,
    RequestHeaders,
    RequestOptions,
    RequestTimeout,
)
from bandwidth.api._download import DOWNLOAD_DEADLINE, DOWNLOAD_MAX_BYTES, Destination, download
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.api._request import Query, TimeFilter, json_body
from bandwidth.api_response import ApiResponse
from bandwidth.models.call_recording_metadata import CallRecordingMetadata
from bandwidth.models.recording_transcriptions import RecordingTranscriptions
from bandwidth.models.transcribe_recording import TranscribeRecording
from bandwidth.models.update_call_recording import UpdateCallRecording

__all__ = ["RecordingsApi"]

_CALL = "/accounts/{accountId}/calls/{callId}"
_RECORDING = _CALL + "/recordings/{recordingId}"
JSON = "application/json"
MEDIA = "audio/vnd.wave, audio/mpeg, application/json"

LIST_ACCOUNT_CALL_RECORDINGS: Operation[List[CallRecordingMetadata]] = Operation(
    "list_account_call_recordings",
    "GET",
    "/accounts/{accountId}/recordings",
    List[CallRecordingMetadata],
)
LIST_CALL_RECORDINGS: Operation[List[CallRecordingMetadata]] = Operation(
    "list_call_recordings", "GET", _CALL + "/recordings", List[CallRecordingMetadata]
)
GET_CALL_RECORDING: Operation[CallRecordingMetadata] = Operation(
    "get_call_recording", "GET", _RECORDING, CallRecordingMetadata
)
DELETE_RECORDING: Operation[None] = Operation("delete_recording", "DELETE", _RECORDING)
UPDATE_CALL_RECORDING_STATE: Operation[None] = Operation(
    "update_call_recording_state", "PUT", _CALL + "/recording", None, JSON
)
DOWNLOAD_CALL_RECORDING: Operation[bytes] = Operation(
    "download_call_recording", "GET", _RECORDING + "/media", bytes, accept=MEDIA
)
DELETE_RECORDING_MEDIA: Operation[None] = Operation(
    "delete_recording_media", "DELETE", _RECORDING + "/media"
)
GET_RECORDING_TRANSCRIPTION: Operation[RecordingTranscriptions] = Operation(
    "get_recording_transcription", "GET", _RECORDING + "/transcription", RecordingTranscriptions
)
TRANSCRIBE_CALL_RECORDING: Operation[None] = Operation(
    "transcribe_call_recording", "POST", _RECORDING + "/transcription", None, JSON
)
DELETE_RECORDING_TRANSCRIPTION: Operation[None] = Operation(
    "delete_recording_transcription", "DELETE", _RECORDING + "/transcription"
)


class RecordingsApi(ApiBase):
    """The Voice API's Recordings endpoints: recordings, their media and transcriptions.

    Recordings are made by BXML (``<Record>``, ``<StartRecording>``); this
    API lists and reads them, pauses and resumes a live recording, downloads
    and deletes media, and requests, reads and deletes transcriptions. Every
    operation comes in three variants and takes the per-call extras after its
    own parameters, as in :class:`~bandwidth.CallsApi`.
    """

    @Endpoint
    def list_account_call_recordings(
        self,
        account_id: str,
        to: Optional[str] = None,
        var_from: Optional[str] = None,
        min_start_time: Optional[TimeFilter] = None,
        max_start_time: Optional[TimeFilter] = None,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[List[CallRecordingMetadata]]:
        """List the account's recordings (``GET /accounts/{accountId}/recordings``).

        At most 1000 recordings, and the list is not paginated: narrow it
        with the filters. The list may be empty.

        Args:
            account_id: your Bandwidth account id.
            to, var_from: only recordings of calls to / from this number
                (``+19195551234``; the pre-encoded ``%2b19195551234`` also
                works). ``var_from`` is sent as ``from``.
            min_start_time, max_start_time: only recordings started in this
                window (``datetime``, naive meaning UTC, or ISO 8601 text).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        query = Query()
        query.add_phone("to", "to", to)
        query.add_phone("from", "var_from", var_from)
        query.add_time("minStartTime", "min_start_time", min_start_time)
        query.add_time("maxStartTime", "max_start_time", max_start_time)
        path = LIST_ACCOUNT_CALL_RECORDINGS.expand(account_id)
        return Call(LIST_ACCOUNT_CALL_RECORDINGS, path, extras, query=query.pairs)

    list_account_call_recordings_with_http_info: Final = WithHttpInfo(list_account_call_recordings)
    list_account_call_recordings_without_preload_content: Final = WithoutPreloadContent(
        list_account_call_recordings
    )

    @Endpoint
    def list_call_recordings(
        self,
        account_id: str,
        call_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[List[CallRecordingMetadata]]:
        """List a call's recordings (``GET /accounts/{accountId}/calls/{callId}/recordings``).

        The list may be empty; it is not paginated.

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id (``c-…``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        return Call(LIST_CALL_RECORDINGS, LIST_CALL_RECORDINGS.expand(account_id, call_id), extras)

    list_call_recordings_with_http_info: Final = WithHttpInfo(list_call_recordings)
    list_call_recordings_without_preload_content: Final = WithoutPreloadContent(
        list_call_recordings
    )

    @Endpoint
    def get_call_recording(
        self,
        account_id: str,
        call_id: str,
        recording_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[CallRecordingMetadata]:
        """Get a recording's metadata (``GET .../calls/{callId}/recordings/{recordingId}``).

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            recording_id: the recording's id (``r-…``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = GET_CALL_RECORDING.expand(account_id, call_id, recording_id)
        return Call(GET_CALL_RECORDING, path, extras)

    get_call_recording_with_http_info: Final = WithHttpInfo(get_call_recording)
    get_call_recording_without_preload_content: Final = WithoutPreloadContent(get_call_recording)

    @Endpoint
    def delete_recording(
        self,
        account_id: str,
        call_id: str,
        recording_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Delete a recording: metadata, media and transcription (``DELETE .../{recordingId}``).

        After the 204, none of them can be read; the media itself is erased
        within 24 to 48 hours. Retried like a read; if a retry follows an
        attempt that did delete, the retry answers 404 (``NotFoundException``).

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            recording_id: the recording's id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = DELETE_RECORDING.expand(account_id, call_id, recording_id)
        return Call(DELETE_RECORDING, path, extras)

    delete_recording_with_http_info: Final = WithHttpInfo(delete_recording)
    delete_recording_without_preload_content: Final = WithoutPreloadContent(delete_recording)

    @Endpoint
    def update_call_recording_state(
        self,
        account_id: str,
        call_id: str,
        update_call_recording: Union[UpdateCallRecording, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Pause or resume a live call's recording (``PUT .../calls/{callId}/recording``).

        ``UpdateCallRecording(state="paused")`` pauses, ``state="recording"``
        resumes. It sets the state, so repeating it changes nothing: retried
        like a read.

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            update_call_recording: the new state (an :class:`UpdateCallRecording`,
                or a dict of it), checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("update_call_recording", update_call_recording, UpdateCallRecording)
        path = UPDATE_CALL_RECORDING_STATE.expand(account_id, call_id)
        return Call(UPDATE_CALL_RECORDING_STATE, path, extras, body=body)

    update_call_recording_state_with_http_info: Final = WithHttpInfo(update_call_recording_state)
    update_call_recording_state_without_preload_content: Final = WithoutPreloadContent(
        update_call_recording_state
    )

    @Endpoint
    def download_call_recording(
        self,
        account_id: str,
        call_id: str,
        recording_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[bytes]:
        """Download a recording's media (``GET .../recordings/{recordingId}/media``).

        Returns the media (WAV or MP3, as ``Content-Type`` says) as
        ``bytes``, read within the client's ``max_response_bytes`` (64 MiB by
        default); :meth:`download_call_recording_to` streams any size to a
        file instead.

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            recording_id: the recording's id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = DOWNLOAD_CALL_RECORDING.expand(account_id, call_id, recording_id)
        return Call(DOWNLOAD_CALL_RECORDING, path, extras)

    download_call_recording_with_http_info: Final = WithHttpInfo(download_call_recording)
    download_call_recording_without_preload_content: Final = WithoutPreloadContent(
        download_call_recording
    )

    @Endpoint
    def delete_recording_media(
        self,
        account_id: str,
        call_id: str,
        recording_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Delete a recording's media, keeping its metadata (``DELETE .../{recordingId}/media``).

        Retried like a read (see :meth:`delete_recording` for what a retry may answer).

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            recording_id: the recording's id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = DELETE_RECORDING_MEDIA.expand(account_id, call_id, recording_id)
        return Call(DELETE_RECORDING_MEDIA, path, extras)

    delete_recording_media_with_http_info: Final = WithHttpInfo(delete_recording_media)
    delete_recording_media_without_preload_content: Final = WithoutPreloadContent(
        delete_recording_media
    )

    @Endpoint
    def get_recording_transcription(
        self,
        account_id: str,
        call_id: str,
        recording_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[RecordingTranscriptions]:
        """Get a recording's transcription (``GET .../{recordingId}/transcription``).

        A two-channel recording has two transcripts: the caller's (or the
        transfer's A leg) first, then the other side's.

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            recording_id: the recording's id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = GET_RECORDING_TRANSCRIPTION.expand(account_id, call_id, recording_id)
        return Call(GET_RECORDING_TRANSCRIPTION, path, extras)

    get_recording_transcription_with_http_info: Final = WithHttpInfo(get_recording_transcription)
    get_recording_transcription_without_preload_content: Final = WithoutPreloadContent(
        get_recording_transcription
    )

    @Endpoint
    def transcribe_call_recording(
        self,
        account_id: str,
        call_id: str,
        recording_id: str,
        transcribe_recording: Union[TranscribeRecording, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Request a recording's transcription (``POST .../{recordingId}/transcription``).

        Bandwidth answers 204 at once and transcribes in the background
        (recordings of 0.5 s to 4 hours), then posts a
        ``transcriptionAvailable`` webhook to ``callback_url``. Never retried
        after the request may have reached the server: each request starts
        a new (billed) transcription.

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            recording_id: the recording's id.
            transcribe_recording: where to report and how (a
                :class:`TranscribeRecording`, or a dict of it), checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("transcribe_recording", transcribe_recording, TranscribeRecording)
        path = TRANSCRIBE_CALL_RECORDING.expand(account_id, call_id, recording_id)
        return Call(TRANSCRIBE_CALL_RECORDING, path, extras, body=body)

    transcribe_call_recording_with_http_info: Final = WithHttpInfo(transcribe_call_recording)
    transcribe_call_recording_without_preload_content: Final = WithoutPreloadContent(
        transcribe_call_recording
    )

    @Endpoint
    def delete_recording_transcription(
        self,
        account_id: str,
        call_id: str,
        recording_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Delete a recording's transcription (``DELETE .../{recordingId}/transcription``).

        After the 204 it cannot be read; it is erased within 24 to 48 hours.
        Retried like a read (see :meth:`delete_recording` for what a retry may answer).

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            recording_id: the recording's id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = DELETE_RECORDING_TRANSCRIPTION.expand(account_id, call_id, recording_id)
        return Call(DELETE_RECORDING_TRANSCRIPTION, path, extras)

    delete_recording_transcription_with_http_info: Final = WithHttpInfo(
        delete_recording_transcription
    )
    delete_recording_transcription_without_preload_content: Final = WithoutPreloadContent(
        delete_recording_transcription
    )

    # -- beyond the generated SDK ------------------------------------------

    def download_call_recording_to(
        self,
        account_id: str,
        call_id: str,
        recording_id: str,
        destination: Destination,
        *,
        max_bytes: int = DOWNLOAD_MAX_BYTES,
        deadline: float = DOWNLOAD_DEADLINE,
        **extras: Unpack[RequestOptions],
    ) -> ApiResponse[int]:
        """Stream a recording's media to a file, a chunk at a time (flat memory).

        ``destination`` is a path (written atomically: complete, or not at
        all) or a binary file object. The media may be up to ``max_bytes``
        long (1 GiB by default; a larger ``Content-Length`` is refused before
        anything is written) and must arrive within ``deadline`` seconds
        (one hour by default). Returns an :class:`~bandwidth.ApiResponse`
        whose ``data`` is the number of bytes written and whose headers say
        the media type (``Content-Type``). Takes the per-call extras by keyword.
        """
        call = RecordingsApi.download_call_recording.build(
            self, account_id, call_id, recording_id, **extras
        )
        return download(self.api_client, call, destination, max_bytes=max_bytes, deadline=deadline)
