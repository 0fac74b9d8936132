"""``TranscriptionsApi``: a call's real-time transcriptions (``<StartTranscription>``).

Each operation is one builder method (see :mod:`bandwidth.api._endpoint`);
the three public variants are made from it.
"""

from __future__ import annotations

from typing import List, Optional

from typing_extensions import Final

from bandwidth._operation import Call, Operation, RequestAuth, RequestHeaders, RequestTimeout
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.models.call_transcription_metadata import CallTranscriptionMetadata
from bandwidth.models.call_transcription_response import CallTranscriptionResponse

__all__ = ["TranscriptionsApi"]

_TRANSCRIPTIONS = "/accounts/{accountId}/calls/{callId}/transcriptions"
_TRANSCRIPTION = _TRANSCRIPTIONS + "/{transcriptionId}"

LIST_REAL_TIME_TRANSCRIPTIONS: Operation[List[CallTranscriptionMetadata]] = Operation(
    "list_real_time_transcriptions", "GET", _TRANSCRIPTIONS, List[CallTranscriptionMetadata]
)
GET_REAL_TIME_TRANSCRIPTION: Operation[CallTranscriptionResponse] = Operation(
    "get_real_time_transcription", "GET", _TRANSCRIPTION, CallTranscriptionResponse
)
DELETE_REAL_TIME_TRANSCRIPTION: Operation[None] = Operation(
    "delete_real_time_transcription", "DELETE", _TRANSCRIPTION
)


class TranscriptionsApi(ApiBase):
    """The Voice API's real-time Transcriptions endpoints: list, read and delete.

    Real-time transcriptions are made by BXML (``<StartTranscription>``)
    while a call runs. Every operation comes in three variants and takes the
    per-call extras after its own parameters, as in :class:`~bandwidth.CallsApi`.
    """

    @Endpoint
    def list_real_time_transcriptions(
        self,
        account_id: str,
        call_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[List[CallTranscriptionMetadata]]:
        """List a call's real-time transcriptions (``GET .../calls/{callId}/transcriptions``).

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id (``c-…``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = LIST_REAL_TIME_TRANSCRIPTIONS.expand(account_id, call_id)
        return Call(LIST_REAL_TIME_TRANSCRIPTIONS, path, extras)

    list_real_time_transcriptions_with_http_info: Final = WithHttpInfo(
        list_real_time_transcriptions
    )
    list_real_time_transcriptions_without_preload_content: Final = WithoutPreloadContent(
        list_real_time_transcriptions
    )

    @Endpoint
    def get_real_time_transcription(
        self,
        account_id: str,
        call_id: str,
        transcription_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[CallTranscriptionResponse]:
        """Get a real-time transcription, track by track (``GET .../{transcriptionId}``).

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            transcription_id: the transcription's id (``t-…``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = GET_REAL_TIME_TRANSCRIPTION.expand(account_id, call_id, transcription_id)
        return Call(GET_REAL_TIME_TRANSCRIPTION, path, extras)

    get_real_time_transcription_with_http_info: Final = WithHttpInfo(get_real_time_transcription)
    get_real_time_transcription_without_preload_content: Final = WithoutPreloadContent(
        get_real_time_transcription
    )

    @Endpoint
    def delete_real_time_transcription(
        self,
        account_id: str,
        call_id: str,
        transcription_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Delete a real-time transcription (``DELETE .../transcriptions/{transcriptionId}``).

        After the 200 it cannot be read; it is erased within 24 to 48 hours.
        Retried like a read; if a retry follows an attempt that did delete,
        the retry answers 404 (``NotFoundException``).

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            transcription_id: the transcription's id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = DELETE_REAL_TIME_TRANSCRIPTION.expand(account_id, call_id, transcription_id)
        return Call(DELETE_REAL_TIME_TRANSCRIPTION, path, extras)

    delete_real_time_transcription_with_http_info: Final = WithHttpInfo(
        delete_real_time_transcription
    )
    delete_real_time_transcription_without_preload_content: Final = WithoutPreloadContent(
        delete_real_time_transcription
    )
