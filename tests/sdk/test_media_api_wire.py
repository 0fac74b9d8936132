"""MediaApi over a loopback server: uploads stream, downloads stream, ids keep their slashes."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
from werkzeug import Request, Response

from bandwidth import (
    ApiClient,
    ApiTypeError,
    ApiValueError,
    Configuration,
    InvalidResponseException,
    MediaApi,
    NotFoundException,
    RetryPolicy,
)
from bandwidth.api._messaging import MEDIA_MAX_BYTES
from bandwidth.models.media import Media
from bandwidth.models.messaging_request_error import MessagingRequestError
from tests.support.wire import ACCOUNT, Wire

MEDIA = f"/api/v2/users/{ACCOUNT}/media"
JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 300 + b"\xff\xd9"


@pytest.fixture
def media(configuration: Configuration) -> Iterator[MediaApi]:
    with ApiClient(configuration) as client:
        yield MediaApi(client)


class Received:
    """What the server was sent for each upload: headers and the whole body."""

    def __init__(self) -> None:
        self.uploads: List[Dict[str, Any]] = []

    def handler(self, request: Request) -> Response:
        self.uploads.append(
            {
                "target": request.environ["RAW_URI"],
                "headers": dict(request.headers),
                "body": request.get_data(),
            }
        )
        return Response(status=204)


@pytest.fixture
def received(wire: Wire) -> Received:
    seen = Received()
    wire.server.expect_request(MEDIA + "/photo.jpg", method="PUT").respond_with_handler(
        seen.handler
    )
    return seen


class SpyFile(io.BytesIO):
    """A binary file that records how much each read asked for."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.reads: List[int] = []

    def read(self, size: Any = -1) -> bytes:
        self.reads.append(-1 if size is None else size)
        return super().read(size)


# -- upload_media -------------------------------------------------------------------


def test_upload_bytes_with_their_type_and_cache_control(
    media: MediaApi, received: Received
) -> None:
    response = media.upload_media_with_http_info(
        ACCOUNT, "photo.jpg", JPEG, "image/jpeg", "no-cache"
    )
    assert response.status_code == 204 and response.data is None
    upload = received.uploads[-1]
    assert upload["target"] == MEDIA + "/photo.jpg"
    assert upload["headers"]["Content-Type"] == "image/jpeg"
    assert upload["headers"]["Cache-Control"] == "no-cache"
    assert upload["headers"]["Content-Length"] == str(len(JPEG))
    assert upload["body"] == JPEG


def test_a_file_object_is_streamed_a_block_at_a_time(media: MediaApi, received: Received) -> None:
    file = SpyFile(b"header" + JPEG)
    file.seek(6)  # sent from its current position
    media.upload_media(ACCOUNT, "photo.jpg", file, _content_type="image/jpeg")
    upload = received.uploads[-1]
    assert upload["body"] == JPEG
    assert upload["headers"]["Content-Length"] == str(len(JPEG))
    assert "Transfer-Encoding" not in upload["headers"]
    assert file.reads and all(0 < size <= 64 * 1024 for size in file.reads), file.reads
    assert not file.closed  # the caller's file stays the caller's


def test_a_path_is_streamed_with_the_type_its_name_says(
    media: MediaApi, received: Received, tmp_path: Path
) -> None:
    path = tmp_path / "cat.jpg"
    path.write_bytes(JPEG)
    media.upload_media(ACCOUNT, "photo.jpg", str(path))
    media.upload_media(ACCOUNT, "photo.jpg", path)  # os.PathLike too
    media.upload_media(ACCOUNT, "photo.jpg", ("cat.png", JPEG))  # (filename, bytes)
    types = [upload["headers"]["Content-Type"] for upload in received.uploads]
    assert types == ["image/jpeg", "image/jpeg", "image/png"]
    assert all(upload["body"] == JPEG for upload in received.uploads)


def test_without_a_type_or_a_telling_name_it_is_octet_stream(
    media: MediaApi, received: Received
) -> None:
    media.upload_media(ACCOUNT, "photo.jpg", JPEG)
    assert received.uploads[-1]["headers"]["Content-Type"] == "application/octet-stream"


def test_an_upload_is_retried_with_the_whole_file_again(wire: Wire, tmp_path: Path) -> None:
    seen = Received()
    wire.server.expect_ordered_request(MEDIA + "/photo.jpg", method="PUT").respond_with_json(
        {"type": "internal", "description": "busy"}, status=503
    )
    wire.server.expect_ordered_request(MEDIA + "/photo.jpg", method="PUT").respond_with_handler(
        seen.handler
    )
    path = tmp_path / "cat.jpg"
    path.write_bytes(JPEG)
    config = Configuration(
        host=wire.url, username="u", password="p", retries=RetryPolicy(2, sleep=lambda s: None)
    )
    with ApiClient(config) as client:
        MediaApi(client).upload_media(ACCOUNT, "photo.jpg", path, "image/jpeg")
    assert len(wire.requests) == 2
    assert seen.uploads[-1]["body"] == JPEG


@pytest.mark.parametrize(
    ("body", "kwargs", "error", "says"),
    [
        (b"x" * (MEDIA_MAX_BYTES + 1), {}, ApiValueError, "larger than"),
        (io.StringIO("text"), {}, ApiTypeError, "binary"),
        (12, {}, ApiTypeError, "body"),
        ("/no/such/file.jpg", {}, ApiValueError, "cannot read"),
        (JPEG, {"content_type": "jpeg"}, ApiValueError, "media type"),
        (
            JPEG,
            {"content_type": "image/jpeg", "_content_type": "image/png"},
            ApiValueError,
            "disagree",
        ),
        (JPEG, {"content_type": "image/jpeg\r\nX: y"}, ApiValueError, "control character"),
        (JPEG, {"cache_control": "no-cache\n"}, ApiValueError, "cache_control"),
    ],
)
def test_a_bad_upload_is_refused_before_anything_is_sent(
    wire: Wire, media: MediaApi, body: Any, kwargs: Dict[str, Any], error: type, says: str
) -> None:
    with pytest.raises(error, match=says):
        media.upload_media(ACCOUNT, "photo.jpg", body, **kwargs)
    assert wire.requests == []


def test_a_file_over_the_limit_is_refused_unread(
    wire: Wire, media: MediaApi, tmp_path: Path
) -> None:
    path = tmp_path / "huge.mp4"
    with open(path, "wb") as file:
        file.truncate(MEDIA_MAX_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(ApiValueError, match="3932160 bytes"):
        media.upload_media(ACCOUNT, "huge.mp4", path)
    with open(path, "rb") as file:
        with pytest.raises(ApiValueError, match="larger than"):
            media.upload_media(ACCOUNT, "huge.mp4", file)
        assert file.tell() == 0
    assert wire.requests == []


def test_a_pipe_is_read_at_most_to_the_limit(media: MediaApi, received: Received) -> None:
    read, write = os.pipe()

    def feed() -> None:
        with os.fdopen(write, "wb") as end:
            end.write(JPEG)  # more than a pipe holds: written while the upload reads

    writer = threading.Thread(target=feed)
    writer.start()
    with os.fdopen(read, "rb") as pipe:
        media.upload_media(ACCOUNT, "photo.jpg", pipe, "image/jpeg")
    writer.join()
    assert received.uploads[-1]["body"] == JPEG


# -- get_media, download_media_to, delete_media ---------------------------------------


def test_get_media_returns_the_bytes(wire: Wire, media: MediaApi) -> None:
    wire.answer(200, body=JPEG, content_type="image/jpeg")
    response = media.get_media_with_http_info(ACCOUNT, "photo.jpg")
    assert response.data == JPEG and response.headers["Content-Type"] == "image/jpeg"
    assert wire.raw_target(wire.last) == MEDIA + "/photo.jpg"


def test_a_media_id_keeps_its_slashes_and_nothing_else_escapes(wire: Wire, media: MediaApi) -> None:
    wire.answer(200, body=JPEG, content_type="image/png")
    media.get_media(ACCOUNT, "14762070468292kw2fuqty55yp2b2/0/bw photo.png")
    assert wire.raw_target(wire.last) == MEDIA + "/14762070468292kw2fuqty55yp2b2/0/bw%20photo.png"
    media.get_media(ACCOUNT, "a/../b")
    assert wire.raw_target(wire.last) == MEDIA + "/a/%2E%2E/b"
    for bad in ("", "/a", "a/", "a//b"):
        with pytest.raises(ApiValueError, match="media_id"):
            media.get_media(ACCOUNT, bad)
    assert len(wire.requests) == 2


def test_download_media_to_streams_to_a_path(wire: Wire, media: MediaApi, tmp_path: Path) -> None:
    wire.answer(200, body=JPEG, content_type="image/jpeg")
    target = tmp_path / "out.jpg"
    response = media.download_media_to(ACCOUNT, "photo.jpg", target)
    assert response.data == len(JPEG) and target.read_bytes() == JPEG
    buffer = io.BytesIO()
    assert media.download_media_to(ACCOUNT, "photo.jpg", buffer).data == len(JPEG)
    assert buffer.getvalue() == JPEG


def test_download_media_to_refuses_more_than_max_bytes(
    wire: Wire, media: MediaApi, tmp_path: Path
) -> None:
    wire.answer(200, body=JPEG, content_type="image/jpeg")
    target = tmp_path / "out.jpg"
    with pytest.raises(InvalidResponseException, match="max_bytes"):
        media.download_media_to(ACCOUNT, "photo.jpg", target, max_bytes=1024)
    assert not target.exists()


def test_delete_media_and_a_missing_file(wire: Wire, media: MediaApi) -> None:
    wire.answer(204, method="DELETE")
    assert media.delete_media(ACCOUNT, "photo.jpg") is None
    assert wire.last.method == "DELETE"
    wire.server.clear()
    wire.answer(404, json={"type": "not-found", "description": "no such media"})
    with pytest.raises(NotFoundException) as caught:
        media.get_media(ACCOUNT, "gone.jpg")
    assert isinstance(caught.value.data, MessagingRequestError)


# -- list_media, iter_media ---------------------------------------------------------


def files(*names: str) -> List[Dict[str, Any]]:
    return [
        {
            "content": f"https://messaging.bandwidth.com/api/v2/users/{ACCOUNT}/media/{name}",
            "contentLength": 100,
            "mediaName": name,
        }
        for name in names
    ]


def test_list_media_sends_the_continuation_token_header(wire: Wire, media: MediaApi) -> None:
    wire.answer(200, json=files("a.jpg"), headers={"Continuation-Token": "next-1"})
    response = media.list_media_with_http_info(ACCOUNT, "tok-0")
    assert [item.media_name for item in response.data] == ["a.jpg"]
    assert isinstance(response.data[0], Media)
    assert response.headers["Continuation-Token"] == "next-1"
    assert wire.last.headers["Continuation-Token"] == "tok-0"
    with pytest.raises(ApiValueError, match="continuation_token"):
        media.list_media(ACCOUNT, "tok\r\nX-Evil: 1")


def test_iter_media_follows_the_continuation_tokens(wire: Wire, media: MediaApi) -> None:
    for body, token in ((files("a", "b"), "t-1"), (files("c"), "t-2"), (files(), None)):
        headers = {"Continuation-Token": token} if token else None
        wire.server.expect_ordered_request(MEDIA, method="GET").respond_with_json(
            body, headers=headers
        )
    assert [item.media_name for item in media.iter_media(ACCOUNT)] == ["a", "b", "c"]
    sent = [request.headers.get("Continuation-Token") for request in wire.requests]
    assert sent == [None, "t-1", "t-2"]


def test_iter_media_stops_on_a_repeated_token(wire: Wire, media: MediaApi) -> None:
    for body in (files("a"), files("b")):
        wire.server.expect_ordered_request(MEDIA, method="GET").respond_with_json(
            body, headers={"Continuation-Token": "same"}
        )
    with pytest.raises(InvalidResponseException, match="repeats a page"):
        list(media.iter_media(ACCOUNT))
    assert len(wire.requests) == 2
