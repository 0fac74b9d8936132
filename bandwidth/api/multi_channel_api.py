"""``MultiChannelApi``: one message tried over RBM, SMS and MMS in turn (Beta).

One builder method (see :mod:`bandwidth.api._endpoint`) and its three
public variants.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Union

from typing_extensions import Final

from bandwidth._operation import Call, Operation, RequestAuth, RequestHeaders, RequestTimeout
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.api._messaging import MESSAGING_SERVERS, MULTI_CHANNEL_ERRORS
from bandwidth.api._request import json_body
from bandwidth.models.create_multi_channel_message_response import (
    CreateMultiChannelMessageResponse,
)
from bandwidth.models.multi_channel_message_request import MultiChannelMessageRequest

__all__ = ["MultiChannelApi"]

CREATE_MULTI_CHANNEL_MESSAGE: Operation[CreateMultiChannelMessageResponse] = Operation(
    "create_multi_channel_message",
    "POST",
    "/users/{accountId}/messages/multiChannel",
    CreateMultiChannelMessageResponse,
    "application/json",
    servers=MESSAGING_SERVERS,
    errors=MULTI_CHANNEL_ERRORS,
)


class MultiChannelApi(ApiBase):
    """The Multi-Channel API (Beta): send one message over the first channel that works.

    The operation comes in three variants and takes the per-call extras
    after its own parameters, as in :class:`~bandwidth.CallsApi`; errors
    decode into :class:`~bandwidth.models.MultiChannelError`.
    """

    @Endpoint
    def create_multi_channel_message(
        self,
        account_id: str,
        multi_channel_message_request: Union[MultiChannelMessageRequest, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[CreateMultiChannelMessageResponse]:
        """Send a multi-channel message (``POST /users/{accountId}/messages/multiChannel``).

        The channels of ``channel_list`` (at most 4: RBM, SMS, MMS) are tried
        in order until one sends. Bandwidth answers 202 with the accepted
        message (``data``: its id and channels, each with its ``owner``).
        Never retried after the request may have reached the server (only a
        failure to connect, or a 429 refusal, is retried), so a retry cannot
        send it twice.

        Args:
            account_id: your Bandwidth account id.
            multi_channel_message_request: the message (a
                :class:`MultiChannelMessageRequest`, or a dict of it), checked
                before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body(
            "multi_channel_message_request",
            multi_channel_message_request,
            MultiChannelMessageRequest,
        )
        path = CREATE_MULTI_CHANNEL_MESSAGE.expand(account_id)
        return Call(CREATE_MULTI_CHANNEL_MESSAGE, path, extras, body=body)

    create_multi_channel_message_with_http_info: Final = WithHttpInfo(create_multi_channel_message)
    create_multi_channel_message_without_preload_content: Final = WithoutPreloadContent(
        create_multi_channel_message
    )
