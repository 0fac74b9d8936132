"""What the Messages, Media and Multi-Channel APIs share: their server, errors and limits."""

from __future__ import annotations

from bandwidth._servers import MESSAGING_SERVERS
from bandwidth.exceptions import ErrorModels

__all__ = [
    "MEDIA_MAX_BYTES",
    "MESSAGING_ERRORS",
    "MESSAGING_SERVERS",
    "MULTI_CHANNEL_ERRORS",
]

#: The Messages and Media error document; ``create_message``'s 400 adds the field errors.
MESSAGING_ERRORS = ErrorModels("messaging_request_error:MessagingRequestError")
CREATE_MESSAGE_ERRORS = ErrorModels(
    "messaging_request_error:MessagingRequestError",
    {400: "create_message_request_error:CreateMessageRequestError"},
)
#: The Multi-Channel error document (``{links, data, errors: [{type, description, source}]}``).
MULTI_CHANNEL_ERRORS = ErrorModels("multi_channel_error:MultiChannelError")

#: The largest media file Bandwidth accepts in one upload: 3.75 MB, read as MiB
#: (3,932,160 bytes) so no file the platform takes is refused here.
MEDIA_MAX_BYTES = 3_932_160
