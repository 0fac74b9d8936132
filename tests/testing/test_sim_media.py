"""The Media API in the simulator, through the SDK's ``MediaApi`` over a loopback socket.

Upload (raw body, its ``Content-Type`` and ``Cache-Control`` kept, 204,
replaced on re-upload), download (the stored bytes and type; ``download_media_to``
too), list (1000 a page, ``Continuation-Token``), delete (204, then 404), the
limits (3.75 MB, the 48 media types, 48 hours on the simulated clock, the
account's byte budget) and media ids holding ``/``.
"""

from __future__ import annotations

import http.client
import json
from datetime import timedelta
from pathlib import Path
from typing import Iterator, List

import pytest
import yaml

import bandwidth
from bandwidth.exceptions import (
    ApiException,
    ApiValueError,
    BadRequestException,
    NotFoundException,
    ServiceException,
    UnauthorizedException,
    UnsupportedMediaTypeException,
)
from bandwidth.testing import OPERATIONS, VoiceSimulator
from tests.support.raw import BASIC, Raw

SPEC = Path(__file__).resolve().parents[2] / "spec" / "bandwidth.yml"
MAX_BYTES = 3_932_160  # 3.75 MB, read as MiB
PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4


@pytest.fixture
def media(sim: VoiceSimulator) -> Iterator[bandwidth.MediaApi]:
    with bandwidth.ApiClient(sim.configuration()) as client:
        yield bandwidth.MediaApi(client)


def _names(api: bandwidth.MediaApi, account: str) -> List[str]:
    return [item.media_name or "" for item in api.iter_media(account)]


def test_upload_answers_204_and_get_gives_the_bytes_and_type_back(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    sent = media.upload_media_with_http_info(
        sim.account_id, "photo.jpg", PHOTO, content_type="image/jpeg", cache_control="no-cache"
    )
    assert sent.status_code == 204
    got = media.get_media_with_http_info(sim.account_id, "photo.jpg")
    assert got.status_code == 200
    assert got.data == PHOTO
    assert got.headers["Content-Type"] == "image/jpeg"
    assert got.headers["Cache-Control"] == "no-cache"
    stored = sim.media("photo.jpg")
    assert (stored.content, stored.content_type, stored.cache_control) == (
        PHOTO,
        "image/jpeg",
        "no-cache",
    )


def test_the_content_type_is_kept_as_sent_with_its_parameters(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    media.upload_media(sim.account_id, "note.txt", b"hi", content_type="text/plain; charset=utf-8")
    got = media.get_media_with_http_info(sim.account_id, "note.txt")
    assert got.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "Cache-Control" not in got.headers


def test_a_file_streams_from_disk_and_downloads_to_a_file(
    sim: VoiceSimulator, media: bandwidth.MediaApi, tmp_path: Path
) -> None:
    source = tmp_path / "clip.mp4"
    source.write_bytes(PHOTO * 50)
    media.upload_media(sim.account_id, "clip.mp4", source)  # the type from the file's name
    assert sim.media("clip.mp4").content_type == "video/mp4"
    target = tmp_path / "copy.mp4"
    answer = media.download_media_to(sim.account_id, "clip.mp4", target)
    assert answer.data == len(PHOTO) * 50
    assert answer.headers["Content-Type"] == "video/mp4"
    assert target.read_bytes() == source.read_bytes()


def test_a_second_upload_of_the_same_id_replaces_the_file(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    media.upload_media(sim.account_id, "logo", b"<svg/>", content_type="image/svg+xml")
    media.upload_media(sim.account_id, "logo", PHOTO, content_type="image/png")
    assert media.get_media(sim.account_id, "logo") == PHOTO
    assert sim.media("logo").content_type == "image/png"
    listed = media.list_media(sim.account_id)
    assert [(m.media_name, m.content_length) for m in listed] == [("logo", len(PHOTO))]
    assert sim.media_usage.bytes == len(PHOTO)


def test_delete_answers_204_then_the_file_is_gone(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    media.upload_media(sim.account_id, "gone.png", PHOTO, content_type="image/png")
    assert media.delete_media_with_http_info(sim.account_id, "gone.png").status_code == 204
    with pytest.raises(NotFoundException) as caught:
        media.get_media(sim.account_id, "gone.png")
    assert caught.value.body is not None
    with pytest.raises(NotFoundException):
        media.delete_media(sim.account_id, "gone.png")
    media.upload_media(sim.account_id, "gone.png", b"again", content_type="image/png")
    assert media.get_media(sim.account_id, "gone.png") == b"again"  # the name is free at once


def test_an_unknown_id_is_404_with_a_messaging_error(
    sim: VoiceSimulator, media: bandwidth.MediaApi, raw: Raw
) -> None:
    with pytest.raises(NotFoundException):
        media.get_media(sim.account_id, "never-uploaded.jpg")
    reply = raw.send("GET", f"/api/v2/users/{sim.account_id}/media/never-uploaded.jpg")
    assert reply.status == 404
    assert reply.json() == {
        "type": "not-found",
        "description": "Media never-uploaded.jpg was not found.",
    }


def test_every_media_type_of_the_spec_is_accepted(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    types = sorted(spec["components"]["requestBodies"]["uploadMediaRequest"]["content"])
    assert len(types) == 48
    for index, media_type in enumerate(types):
        media.upload_media(sim.account_id, f"file-{index}", b"x", content_type=media_type)
    assert sorted(m.content_type for m in sim.media_files) == types


@pytest.mark.parametrize(
    "content_type", ["application/octet-stream", "image/x-unknown", "multipart/form-data"]
)
def test_another_media_type_is_415(
    sim: VoiceSimulator, media: bandwidth.MediaApi, content_type: str
) -> None:
    with pytest.raises(UnsupportedMediaTypeException) as caught:
        media.upload_media(sim.account_id, "file", b"x", content_type=content_type)
    assert caught.value.status == 415
    assert content_type in str(caught.value.body)
    assert sim.media_files == []


def test_an_upload_without_a_content_type_is_415(sim: VoiceSimulator, raw: Raw) -> None:
    reply = raw.send("PUT", f"/api/v2/users/{sim.account_id}/media/file", b"x")
    assert reply.status == 415
    assert reply.json()["type"] == "unsupported-content-type"


def test_a_file_of_exactly_3_75_mb_is_taken(sim: VoiceSimulator, media: bandwidth.MediaApi) -> None:
    body = b"\x00" * MAX_BYTES
    media.upload_media(sim.account_id, "big.wav", body, content_type="audio/wav")
    assert media.get_media(sim.account_id, "big.wav") == body
    with pytest.raises(ApiValueError):  # one byte more: the SDK refuses it before sending
        media.upload_media(sim.account_id, "bigger.wav", body + b"\x00", content_type="audio/wav")


def test_a_larger_upload_is_413_before_its_body_is_read(sim: VoiceSimulator, raw: Raw) -> None:
    # Another client (curl, another SDK) may send one: the simulator refuses it as the platform.
    path = f"/api/v2/users/{sim.account_id}/media/bigger.wav"
    reply = raw.send("PUT", path, b"\x00" * (MAX_BYTES + 1), content_type="audio/wav")
    assert reply.status == 413
    assert reply.json() == {
        "type": "request-entity-too-large",
        "description": f"The request body is larger than {MAX_BYTES} bytes.",
    }
    assert sim.media_files == []


def test_a_chunked_upload_is_held_to_the_same_limit(sim: VoiceSimulator) -> None:
    def chunks(total: int) -> Iterator[bytes]:
        for _ in range(total // 65536):
            yield b"\x00" * 65536
        yield b"\x00" * (total % 65536)

    conn = http.client.HTTPConnection(sim.host, sim.port, timeout=10)
    try:
        headers = {"Authorization": BASIC, "Content-Type": "audio/wav"}
        path = f"/api/v2/users/{sim.account_id}/media/chunked.wav"
        conn.request("PUT", path, chunks(MAX_BYTES), headers, encode_chunked=True)
        assert conn.getresponse().read() == b""  # 204: 3.75 MB in chunks is taken
        conn.request("PUT", path, chunks(MAX_BYTES + 1), headers, encode_chunked=True)
        answer = conn.getresponse()
        assert answer.status == 413
        assert json.loads(answer.read())["type"] == "request-entity-too-large"
    finally:
        conn.close()
    assert sim.media("chunked.wav").size == MAX_BYTES


def test_a_voice_body_is_still_held_to_1_mib(sim: VoiceSimulator, raw: Raw) -> None:
    path = f"/api/v2/accounts/{sim.account_id}/calls/c-1/bxml"
    reply = raw.send("PUT", path, b" " * (1024 * 1024 + 1), content_type="application/xml")
    assert reply.status == 413
    assert set(reply.json()) == {"type", "description", "id"}  # voice's error body


def test_media_ids_keep_their_slashes(sim: VoiceSimulator, media: bandwidth.MediaApi) -> None:
    media_id = "14762070468292kw2fuqty55yp2b2/0/bw png.png"
    media.upload_media(sim.account_id, media_id, PHOTO, content_type="image/png")
    assert media.get_media(sim.account_id, media_id) == PHOTO
    [item] = media.list_media(sim.account_id)
    assert item.media_name == media_id
    assert item.content == sim.media_url(media_id)
    assert item.content.endswith("/media/14762070468292kw2fuqty55yp2b2/0/bw%20png.png")
    media.delete_media(sim.account_id, media_id)
    assert sim.media_files == []


@pytest.mark.parametrize("tail", ["a%2Fb.png", "a//b.png", "a/./b.png", "a/../b.png"])
def test_an_id_the_platform_cannot_read_is_400(sim: VoiceSimulator, raw: Raw, tail: str) -> None:
    reply = raw.send("GET", f"/api/v2/users/{sim.account_id}/media/{tail}")
    assert reply.status == 400
    assert reply.json()["type"] == "request-validation"


def test_list_pages_1000_at_a_time_with_a_continuation_token(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    for n in range(2500):
        sim.seed_media(f"m/{n:05d}.txt", b"%d" % n, "text/plain")
    first = media.list_media_with_http_info(sim.account_id)
    assert len(first.data) == 1000
    token = first.headers["Continuation-Token"]
    second = media.list_media_with_http_info(sim.account_id, token)
    assert len(second.data) == 1000
    assert second.data[0].media_name == "m/01000.txt"
    last = media.list_media_with_http_info(sim.account_id, second.headers["Continuation-Token"])
    assert [m.media_name for m in last.data][-1] == "m/02499.txt"
    assert len(last.data) == 500
    assert "Continuation-Token" not in last.headers
    assert _names(media, sim.account_id) == [f"m/{n:05d}.txt" for n in range(2500)]


def test_a_continuation_token_the_simulator_did_not_make_is_400(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    with pytest.raises(BadRequestException):
        media.list_media(sim.account_id, "not-a-token")


def test_an_empty_account_lists_nothing(sim: VoiceSimulator, media: bandwidth.MediaApi) -> None:
    answer = media.list_media_with_http_info(sim.account_id)
    assert answer.data == []
    assert "Continuation-Token" not in answer.headers


def test_media_is_kept_48_hours_on_the_simulated_clock(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    media.upload_media(sim.account_id, "old.gif", PHOTO, content_type="image/gif")
    sim.advance(24 * 3600)
    media.upload_media(sim.account_id, "new.gif", PHOTO, content_type="image/gif")
    assert sim.media("old.gif").expires == sim.now() + timedelta(hours=24)
    sim.advance(24 * 3600 - 1)
    assert media.get_media(sim.account_id, "old.gif") == PHOTO
    sim.advance(1)
    with pytest.raises(NotFoundException):
        media.get_media(sim.account_id, "old.gif")
    assert [m.media_name for m in media.list_media(sim.account_id)] == ["new.gif"]
    assert (sim.media_usage.files, sim.media_usage.bytes) == (1, len(PHOTO))
    sim.advance(24 * 3600)
    assert sim.media_usage.files == 0
    assert sim.media_usage.bytes == 0


def test_expiry_survives_clear_calls(sim: VoiceSimulator, media: bandwidth.MediaApi) -> None:
    # clear_calls() empties the shared timer queue; expiry still holds at every read.
    media.upload_media(sim.account_id, "x.png", PHOTO, content_type="image/png")
    sim.clear_calls()
    sim.advance(48 * 3600)
    with pytest.raises(NotFoundException):
        media.get_media(sim.account_id, "x.png")
    assert (sim.media_usage.files, sim.media_usage.bytes) == (0, 0)
    media.upload_media(sim.account_id, "y.png", PHOTO, content_type="image/png")
    assert sim.next_due() == sim.now() + timedelta(hours=48)  # the sweep is scheduled again


def test_a_re_upload_restarts_the_48_hours(sim: VoiceSimulator, media: bandwidth.MediaApi) -> None:
    media.upload_media(sim.account_id, "kept.png", PHOTO, content_type="image/png")
    sim.advance(47 * 3600)
    media.upload_media(sim.account_id, "kept.png", b"fresh", content_type="image/png")
    sim.advance(47 * 3600)
    assert media.get_media(sim.account_id, "kept.png") == b"fresh"
    sim.advance(3600)
    with pytest.raises(NotFoundException):
        media.get_media(sim.account_id, "kept.png")


def test_the_budget_bounds_what_the_account_holds(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    assert sim.media_budget == 256 * 1024 * 1024
    sim.media_budget = 1000
    media.upload_media(sim.account_id, "a.png", b"a" * 600, content_type="image/png")
    with pytest.raises(ServiceException) as caught:
        media.upload_media(sim.account_id, "b.png", b"b" * 600, content_type="image/png")
    assert caught.value.status == 507
    assert "budget of 1000" in str(caught.value.body)
    media.upload_media(sim.account_id, "a.png", b"a" * 1000, content_type="image/png")  # net
    media.delete_media(sim.account_id, "a.png")
    media.upload_media(sim.account_id, "b.png", b"b" * 600, content_type="image/png")
    usage = sim.media_usage
    assert (usage.files, usage.bytes, usage.budget) == (1, 600, 1000)
    with pytest.raises(ValueError):
        sim.media_budget = -1


def test_media_needs_the_accounts_credentials(sim: VoiceSimulator, raw: Raw) -> None:
    reply = raw.send("GET", f"/api/v2/users/{sim.account_id}/media", auth=None)
    assert reply.status == 401
    reply = raw.send("GET", "/api/v2/users/1234567/media")
    assert reply.status == 403
    with (
        bandwidth.ApiClient(sim.configuration(password="wrong")) as client,
        pytest.raises(UnauthorizedException),
    ):
        bandwidth.MediaApi(client).list_media(sim.account_id)


def test_oauth_and_the_messaging_servers_real_prefix_work_too(sim: VoiceSimulator) -> None:
    sim.seed_media("seeded.jpg", PHOTO, "image/jpeg")
    with bandwidth.ApiClient(sim.configuration(oauth=True)) as client:
        assert bandwidth.MediaApi(client).get_media(sim.account_id, "seeded.jpg") == PHOTO
    origin = sim.url[: -len("/api/v2")]
    config = bandwidth.Configuration(
        username=sim.username,
        password=sim.password,
        product_servers={"messaging": origin + "/api/v2"},  # no host: the product's server
    )
    with bandwidth.ApiClient(config) as client:
        api = bandwidth.MediaApi(client)
        api.upload_media(sim.account_id, "via-prefix.png", PHOTO, content_type="image/png")
        assert api.get_media(sim.account_id, "seeded.jpg") == PHOTO
    assert sim.requests_for("upload_media")[0].path.startswith("/api/v2/users/")


def test_a_wrong_method_is_405_with_allow(sim: VoiceSimulator, raw: Raw) -> None:
    reply = raw.send("POST", f"/api/v2/users/{sim.account_id}/media/x.png", b"x")
    assert reply.status == 405
    assert reply.headers["Allow"] == "DELETE, GET, PUT"
    reply = raw.send("DELETE", f"/api/v2/users/{sim.account_id}/media")
    assert reply.status == 405
    assert reply.headers["Allow"] == "GET"


def test_the_media_operations_are_in_operations() -> None:
    media = ("list_media", "get_media", "upload_media", "delete_media")
    assert set(media) <= set(OPERATIONS)
    assert len(OPERATIONS) == len(set(OPERATIONS))


def test_requests_and_faults_name_the_media_operations(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    media.upload_media(sim.account_id, "f.png", PHOTO, content_type="image/png")
    [upload] = sim.requests_for("upload_media")
    assert upload.body == PHOTO
    assert upload.headers["content-type"] == "image/png"
    sim.fail_next("get_media", 404)
    with pytest.raises(NotFoundException):
        media.get_media(sim.account_id, "f.png")
    assert media.get_media(sim.account_id, "f.png") == PHOTO
    sim.fail_next("list_media", 500, count=4)
    with pytest.raises(ApiException):
        media.list_media(sim.account_id)
