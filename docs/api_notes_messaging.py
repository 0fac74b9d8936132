"""What code cannot say on the Messages, Media and Multi-Channel pages (see ``api_pages.NOTES``)."""

from __future__ import annotations

from typing import Dict

NOTES: Dict[str, Dict[str, str]] = {
    "MessagesApi": {
        "iter_messages:row": "`list_messages`, page after page |"
        " Iterator[[ListMessageItem](ListMessageItem.md)] | as `list_messages`",
        "create_message": """\
```python
from bandwidth import ApiClient, Configuration, MessagesApi
from bandwidth.models.message_request import MessageRequest

with ApiClient(Configuration(username="user", password="pass")) as client:
    message = MessagesApi(client).create_message(
        "9900000",
        MessageRequest(
            application_id="93de2206-9669-4e07-948d-329f4b722ee2",
            to=["+19195551234"],
            var_from="+19195554321",
            text="Your order shipped",
        ),
    )
    print(message.id)  # delivery is reported to the application's callback URL
```

Checked before sending (a `RequestValidationError` naming the field, nothing sent):
1 to 10 E.164 recipients, `text` up to 2048 characters, each `media` URL up to 4096,
`tag` up to 1024. A 400 from Bandwidth decodes into
[CreateMessageRequestError](CreateMessageRequestError.md) (`e.data.field_errors`).""",
        "list_messages": """\
Bandwidth answers 400 when no filter is given. `page_info.next_page_token` names the
next page; its `next_page` link is not needed (and not followed by `iter_messages`).""",
        "iter_messages": """\
```python
for item in api.iter_messages("9900000", message_status="FAILED", limit=1000):
    print(item.message_id, item.error_code)
```""",
    },
    "MediaApi": {
        "download_media_to:row": "`get_media`, streamed to a file | ApiResponse[`int`]"
        " (bytes written) | as `get_media`",
        "iter_media:row": "`list_media`, page after page | Iterator[[Media](Media.md)]"
        " | as `list_media`",
        "upload_media": """\
```python
api.upload_media("9900000", "logo.png", "static/logo.png")  # a path: streamed, image/png
with open("menu.pdf", "rb") as file:
    api.upload_media("9900000", "menu.pdf", file, "application/pdf", "no-cache")
```

As in the official SDK a `str` body names a file to read. Unlike it, `content_type` is
sent (the official SDK sends `application/json` unless `_content_type` is given; both
work here, and must agree when both are given). Files over 3.75 MB (3,932,160 bytes)
are refused before anything is sent.""",
        "get_media": """\
The official SDK annotates this `bytearray` but returns `bytes`, as this one does.""",
        "download_media_to": """\
```python
info = api.download_media_to("9900000", media_id, "photo.jpg")
print(info.data, "bytes of", info.headers["Content-Type"])
```""",
    },
    "MultiChannelApi": {
        "create_multi_channel_message": """\
```python
api.create_multi_channel_message(
    "9900000",
    {
        "to": "+19195551234",
        "channelList": [
            {"from": "BandwidthRBM", "applicationId": app_id, "channel": "RBM",
             "content": {"text": "Your order shipped"}},
            {"from": "+19195554321", "applicationId": app_id, "channel": "SMS",
             "content": {"text": "Your order shipped"}},
        ],
    },
)
```

A 406 has no body (`e.data` is `None`); the other errors decode into
[MultiChannelError](MultiChannelError.md).""",
    },
}
