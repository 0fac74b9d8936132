"""``ConferencesApi``: conferences, their members and their recordings.

Each operation is one builder method (see :mod:`bandwidth.api._endpoint`);
the three public variants are made from it.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, Union

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
from bandwidth.api._request import BxmlBody, Query, TimeFilter, bxml_body, json_body
from bandwidth.api_response import ApiResponse
from bandwidth.models.conference import Conference
from bandwidth.models.conference_member import ConferenceMember
from bandwidth.models.conference_recording_metadata import ConferenceRecordingMetadata
from bandwidth.models.update_conference import UpdateConference
from bandwidth.models.update_conference_member import UpdateConferenceMember

__all__ = ["ConferencesApi"]

_CONFERENCES = "/accounts/{accountId}/conferences"
_CONFERENCE = _CONFERENCES + "/{conferenceId}"
_RECORDING = _CONFERENCE + "/recordings/{recordingId}"
JSON = "application/json"
MEDIA = "audio/vnd.wave, audio/mpeg, application/json"

LIST_CONFERENCES: Operation[List[Conference]] = Operation(
    "list_conferences", "GET", _CONFERENCES, List[Conference]
)
GET_CONFERENCE: Operation[Conference] = Operation("get_conference", "GET", _CONFERENCE, Conference)
UPDATE_CONFERENCE: Operation[None] = Operation("update_conference", "POST", _CONFERENCE, None, JSON)
UPDATE_CONFERENCE_BXML: Operation[None] = Operation(
    "update_conference_bxml", "PUT", _CONFERENCE + "/bxml", None, "application/xml"
)
GET_CONFERENCE_MEMBER: Operation[ConferenceMember] = Operation(
    "get_conference_member", "GET", _CONFERENCE + "/members/{memberId}", ConferenceMember
)
UPDATE_CONFERENCE_MEMBER: Operation[None] = Operation(
    "update_conference_member", "PUT", _CONFERENCE + "/members/{memberId}", None, JSON
)
LIST_CONFERENCE_RECORDINGS: Operation[List[ConferenceRecordingMetadata]] = Operation(
    "list_conference_recordings",
    "GET",
    _CONFERENCE + "/recordings",
    List[ConferenceRecordingMetadata],
)
GET_CONFERENCE_RECORDING: Operation[ConferenceRecordingMetadata] = Operation(
    "get_conference_recording", "GET", _RECORDING, ConferenceRecordingMetadata
)
DOWNLOAD_CONFERENCE_RECORDING: Operation[bytes] = Operation(
    "download_conference_recording", "GET", _RECORDING + "/media", bytes, accept=MEDIA
)


class ConferenceFilters(RequestOptions, total=False):
    """Keyword arguments of :meth:`ConferencesApi.iter_conferences`: the filters and the extras."""

    name: Optional[str]
    min_created_time: Optional[TimeFilter]
    max_created_time: Optional[TimeFilter]
    page_size: Optional[int]


class ConferencesApi(ApiBase):
    """The Voice API's Conferences endpoints: conferences, their members and recordings.

    Conferences are created by BXML (``<Conference>``), not by this API: it
    reads them, redirects or ends them, mutes or holds members, and fetches
    their recordings. Every operation comes in three variants and takes the
    per-call extras after its own parameters, as in :class:`~bandwidth.CallsApi`.
    """

    @Endpoint
    def list_conferences(
        self,
        account_id: str,
        name: Optional[str] = None,
        min_created_time: Optional[TimeFilter] = None,
        max_created_time: Optional[TimeFilter] = None,
        page_size: Optional[int] = None,
        page_token: Optional[str] = None,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[List[Conference]]:
        """List the account's conferences, oldest first (``GET /accounts/{accountId}/conferences``).

        One page per call (at most 1000 conferences): when more remain, the
        response's ``Link`` header has ``rel="next"``.
        :meth:`iter_conferences` follows it for you.

        Args:
            account_id: your Bandwidth account id.
            name: only conferences with this name.
            min_created_time, max_created_time: only conferences created in this
                window (``datetime``, naive meaning UTC, or ISO 8601 text).
            page_size: conferences per page, 1..1000 (the server's default is 1000).
            page_token: from a previous page's ``Link`` header.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        query = Query()
        query.add_text("name", "name", name)
        query.add_time("minCreatedTime", "min_created_time", min_created_time)
        query.add_time("maxCreatedTime", "max_created_time", max_created_time)
        query.add_int("pageSize", "page_size", page_size, 1, 1000)
        query.add_text("pageToken", "page_token", page_token)
        path = LIST_CONFERENCES.expand(account_id)
        return Call(LIST_CONFERENCES, path, extras, query=query.pairs)

    list_conferences_with_http_info: Final = WithHttpInfo(list_conferences)
    list_conferences_without_preload_content: Final = WithoutPreloadContent(list_conferences)

    @Endpoint
    def get_conference(
        self,
        account_id: str,
        conference_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[Conference]:
        """Get a conference's state and members (``GET .../conferences/{conferenceId}``).

        Args:
            account_id: your Bandwidth account id.
            conference_id: the conference's id (``conf-…``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        return Call(GET_CONFERENCE, GET_CONFERENCE.expand(account_id, conference_id), extras)

    get_conference_with_http_info: Final = WithHttpInfo(get_conference)
    get_conference_without_preload_content: Final = WithoutPreloadContent(get_conference)

    @Endpoint
    def update_conference(
        self,
        account_id: str,
        conference_id: str,
        update_conference: Union[UpdateConference, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Redirect or end a conference (``POST .../conferences/{conferenceId}``).

        ``UpdateConference(status="completed")`` ends it and ejects every
        member; ``UpdateConference(redirect_url=...)`` has Bandwidth fetch new
        BXML for it. Never retried after the request may have reached the
        server: a repeated redirect would run the new BXML twice.

        Args:
            account_id: your Bandwidth account id.
            conference_id: the conference's id.
            update_conference: the change (an :class:`UpdateConference`, or a
                dict of it), checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("update_conference", update_conference, UpdateConference)
        path = UPDATE_CONFERENCE.expand(account_id, conference_id)
        return Call(UPDATE_CONFERENCE, path, extras, body=body)

    update_conference_with_http_info: Final = WithHttpInfo(update_conference)
    update_conference_without_preload_content: Final = WithoutPreloadContent(update_conference)

    @Endpoint
    def update_conference_bxml(
        self,
        account_id: str,
        conference_id: str,
        body: BxmlBody,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Replace a conference's BXML (``PUT .../conferences/{conferenceId}/bxml``).

        Args:
            account_id: your Bandwidth account id.
            conference_id: the conference's id.
            body: the BXML document: ``str``, UTF-8 ``bytes``, or a
                :class:`bandwidth.models.bxml.Bxml` (anything with ``to_bxml()``).
                Sent as ``application/xml``.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = UPDATE_CONFERENCE_BXML.expand(account_id, conference_id)
        return Call(UPDATE_CONFERENCE_BXML, path, extras, body=bxml_body(body))

    update_conference_bxml_with_http_info: Final = WithHttpInfo(update_conference_bxml)
    update_conference_bxml_without_preload_content: Final = WithoutPreloadContent(
        update_conference_bxml
    )

    @Endpoint
    def get_conference_member(
        self,
        account_id: str,
        conference_id: str,
        member_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[ConferenceMember]:
        """Get one member of a conference (``GET .../{conferenceId}/members/{memberId}``).

        Args:
            account_id: your Bandwidth account id.
            conference_id: the conference's id.
            member_id: the member's id (its call's id, ``c-…``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = GET_CONFERENCE_MEMBER.expand(account_id, conference_id, member_id)
        return Call(GET_CONFERENCE_MEMBER, path, extras)

    get_conference_member_with_http_info: Final = WithHttpInfo(get_conference_member)
    get_conference_member_without_preload_content: Final = WithoutPreloadContent(
        get_conference_member
    )

    @Endpoint
    def update_conference_member(
        self,
        account_id: str,
        conference_id: str,
        member_id: str,
        update_conference_member: Union[UpdateConferenceMember, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Mute, unmute, hold or unhold a member (``PUT .../members/{memberId}``).

        Sets the member's state to what the body says, so repeating it
        changes nothing: retried like a read.

        Args:
            account_id: your Bandwidth account id.
            conference_id: the conference's id.
            member_id: the member's id (its call's id).
            update_conference_member: the change (an :class:`UpdateConferenceMember`,
                or a dict of it), checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body(
            "update_conference_member", update_conference_member, UpdateConferenceMember
        )
        path = UPDATE_CONFERENCE_MEMBER.expand(account_id, conference_id, member_id)
        return Call(UPDATE_CONFERENCE_MEMBER, path, extras, body=body)

    update_conference_member_with_http_info: Final = WithHttpInfo(update_conference_member)
    update_conference_member_without_preload_content: Final = WithoutPreloadContent(
        update_conference_member
    )

    @Endpoint
    def list_conference_recordings(
        self,
        account_id: str,
        conference_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[List[ConferenceRecordingMetadata]]:
        """List a conference's recordings (``GET .../conferences/{conferenceId}/recordings``).

        The list may be empty; it is not paginated.

        Args:
            account_id: your Bandwidth account id.
            conference_id: the conference's id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = LIST_CONFERENCE_RECORDINGS.expand(account_id, conference_id)
        return Call(LIST_CONFERENCE_RECORDINGS, path, extras)

    list_conference_recordings_with_http_info: Final = WithHttpInfo(list_conference_recordings)
    list_conference_recordings_without_preload_content: Final = WithoutPreloadContent(
        list_conference_recordings
    )

    @Endpoint
    def get_conference_recording(
        self,
        account_id: str,
        conference_id: str,
        recording_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[ConferenceRecordingMetadata]:
        """Get a conference recording's metadata (``GET .../recordings/{recordingId}``).

        Args:
            account_id: your Bandwidth account id.
            conference_id: the conference's id.
            recording_id: the recording's id (``r-…``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = GET_CONFERENCE_RECORDING.expand(account_id, conference_id, recording_id)
        return Call(GET_CONFERENCE_RECORDING, path, extras)

    get_conference_recording_with_http_info: Final = WithHttpInfo(get_conference_recording)
    get_conference_recording_without_preload_content: Final = WithoutPreloadContent(
        get_conference_recording
    )

    @Endpoint
    def download_conference_recording(
        self,
        account_id: str,
        conference_id: str,
        recording_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[bytes]:
        """Download a conference recording's media (``GET .../recordings/{recordingId}/media``).

        Returns the media (WAV or MP3, as ``Content-Type`` says) as
        ``bytes``, read within the client's ``max_response_bytes`` (64 MiB by
        default); :meth:`download_conference_recording_to` streams any size
        to a file instead.

        Args:
            account_id: your Bandwidth account id.
            conference_id: the conference's id.
            recording_id: the recording's id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = DOWNLOAD_CONFERENCE_RECORDING.expand(account_id, conference_id, recording_id)
        return Call(DOWNLOAD_CONFERENCE_RECORDING, path, extras)

    download_conference_recording_with_http_info: Final = WithHttpInfo(
        download_conference_recording
    )
    download_conference_recording_without_preload_content: Final = WithoutPreloadContent(
        download_conference_recording
    )

    # -- beyond the generated SDK ------------------------------------------

    def download_conference_recording_to(
        self,
        account_id: str,
        conference_id: str,
        recording_id: str,
        destination: Destination,
        *,
        max_bytes: int = DOWNLOAD_MAX_BYTES,
        deadline: float = DOWNLOAD_DEADLINE,
        **extras: Unpack[RequestOptions],
    ) -> ApiResponse[int]:
        """Stream a conference recording's media to a file, a chunk at a time (flat memory).

        ``destination`` is a path (written atomically: complete, or not at
        all) or a binary file object. The media may be up to ``max_bytes``
        long (1 GiB by default; a larger ``Content-Length`` is refused before
        anything is written) and must arrive within ``deadline`` seconds
        (one hour by default). Returns an :class:`~bandwidth.ApiResponse`
        whose ``data`` is the number of bytes written and whose headers say
        the media type (``Content-Type``). Takes the per-call extras by keyword.
        """
        call = ConferencesApi.download_conference_recording.build(
            self, account_id, conference_id, recording_id, **extras
        )
        return download(self.api_client, call, destination, max_bytes=max_bytes, deadline=deadline)

    def iter_conferences(
        self,
        account_id: str,
        *,
        max_pages: int = 10000,
        **filters: Unpack[ConferenceFilters],
    ) -> Iterator[Conference]:
        """Yield every matching conference across all pages, fetching each page only when needed.

        Takes the filters of :meth:`list_conferences` (``name``,
        ``min_created_time``, ``max_created_time``, ``page_size``) and the
        per-call extras, by keyword. Follows ``Link: <…>; rel="next"`` by the
        same rules as :meth:`bandwidth.CallsApi.iter_calls`: only on the
        configured host, never a page twice, at most ``max_pages`` pages.
        """
        from bandwidth.api._pagination import iterate_pages

        call = ConferencesApi.list_conferences.build(self, account_id, **filters)
        return iterate_pages(self.api_client, call, max_pages)
