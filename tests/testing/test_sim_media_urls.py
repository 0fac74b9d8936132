"""Media URLs resolve: what ``list_media`` gives as ``content`` is the file, with the account's
credentials, and ``sim.media(...)`` reads a file by id or by URL (an MMS's ``media``)."""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from typing import Iterator, Optional, Tuple

import pytest

import bandwidth
from bandwidth.testing import StoredMedia, VoiceSimulator

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


@pytest.fixture
def media(sim: VoiceSimulator) -> Iterator[bandwidth.MediaApi]:
    with bandwidth.ApiClient(sim.configuration()) as client:
        yield bandwidth.MediaApi(client)


def _fetch(url: str, user: Optional[Tuple[str, str]]) -> Tuple[int, str, bytes]:
    request = urllib.request.Request(url)
    if user is not None:
        token = base64.b64encode(f"{user[0]}:{user[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers["Content-Type"], exc.read()


def test_the_listed_content_url_is_the_file_with_the_accounts_credentials(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    media.upload_media(sim.account_id, "mms/0/cat.png", PHOTO, content_type="image/png")
    [item] = media.list_media(sim.account_id)
    assert item.content is not None
    assert item.content == f"{sim.url}/users/{sim.account_id}/media/mms/0/cat.png"
    assert _fetch(item.content, (sim.username, sim.password)) == (200, "image/png", PHOTO)
    status, _, _ = _fetch(item.content, None)
    assert status == 401  # no anonymous access, ever
    sim.add_user("other", "other-password")
    assert _fetch(item.content, ("other", "other-password"))[0] == 200


def test_sim_media_reads_a_file_by_id_or_by_url(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    media.upload_media(sim.account_id, "mms/0/cat.png", PHOTO, content_type="image/png")
    [item] = media.list_media(sim.account_id)
    assert item.content is not None
    by_id = sim.media("mms/0/cat.png")
    assert isinstance(by_id, StoredMedia)
    assert sim.media(item.content) == by_id
    assert sim.media(sim.media_url("mms/0/cat.png")) == by_id
    platform = f"https://messaging.bandwidth.com/api/v2/users/{sim.account_id}/media/mms/0/cat.png"
    assert sim.media(platform) == by_id  # an MMS's media URL as an app writes it
    assert (by_id.content, by_id.content_type, by_id.size) == (PHOTO, "image/png", len(PHOTO))
    assert "PNG" not in repr(by_id)  # the bytes stay out of assertion messages


@pytest.mark.parametrize(
    "url",
    [
        "https://messaging.bandwidth.com/api/v2/users/1234567/media/mms/0/cat.png",
        "https://example.com/api/v2/users/9900000/media/mms/0/cat.png",
        "https://messaging.bandwidth.com/api/v2/users/9900000/media/",
        "https://messaging.bandwidth.com/api/v2/users/9900000/media/mms%2F0%2Fcat.png",
    ],
)
def test_a_url_that_names_no_file_of_the_account_is_a_key_error(
    sim: VoiceSimulator, url: str
) -> None:
    sim.seed_media("mms/0/cat.png", PHOTO, "image/png")
    with pytest.raises(KeyError):
        sim.media(url)


def test_a_deleted_or_unknown_file_is_a_key_error(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    with pytest.raises(KeyError):
        sim.media("never.png")
    media.upload_media(sim.account_id, "brief.png", PHOTO, content_type="image/png")
    media.delete_media(sim.account_id, "brief.png")
    with pytest.raises(KeyError):
        sim.media("brief.png")


def test_content_urls_follow_the_advertised_url(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    sim.seed_media("a.jpg", PHOTO, "image/jpeg")
    sim.advertised_url = "http://proxy.example:4010/api/v2"
    [item] = media.list_media(sim.account_id)
    assert item.content == f"http://proxy.example:4010/api/v2/users/{sim.account_id}/media/a.jpg"
    assert item.content is not None
    assert sim.media(item.content).content == PHOTO
    assert sim.media(f"{sim.url}/users/{sim.account_id}/media/a.jpg").content == PHOTO


def test_a_seeded_file_is_served_like_an_uploaded_one(
    sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    url = sim.seed_media("inbound/0/photo.jpg", PHOTO, "image/jpeg", cache_control="max-age=60")
    assert url == sim.media_url("inbound/0/photo.jpg")
    answer = media.get_media_with_http_info(sim.account_id, "inbound/0/photo.jpg")
    assert answer.data == PHOTO
    assert answer.headers["Content-Type"] == "image/jpeg"
    assert answer.headers["Cache-Control"] == "max-age=60"
    assert _fetch(url, (sim.username, sim.password))[2] == PHOTO
    sim.remove_media("inbound/0/photo.jpg")
    assert sim.media_files == []
    with pytest.raises(KeyError):
        sim.remove_media("inbound/0/photo.jpg")


@pytest.mark.parametrize(
    ("media_id", "content", "content_type", "error"),
    [
        ("a.bin", b"x", "application/octet-stream", ValueError),
        ("a.wav", b"\x00" * (3_932_160 + 1), "audio/wav", ValueError),
        ("a//b.png", b"x", "image/png", ValueError),
        ("../b.png", b"x", "image/png", ValueError),
        ("a.png", "text, not bytes", "image/png", TypeError),
    ],
)
def test_seeding_follows_the_upload_rules(
    sim: VoiceSimulator, media_id: str, content: bytes, content_type: str, error: type
) -> None:
    with pytest.raises(error):
        sim.seed_media(media_id, content, content_type)
    assert sim.media_files == []


def test_seeding_counts_against_the_budget(sim: VoiceSimulator) -> None:
    sim.media_budget = 10
    sim.seed_media("a.png", b"x" * 10, "image/png")
    with pytest.raises(ValueError, match="budget"):
        sim.seed_media("b.png", b"y", "image/png")
    sim.clear_media()
    assert sim.media_usage.bytes == 0
    sim.seed_media("b.png", b"y", "image/png")


@pytest.mark.voice_simulator(deliver_webhooks=False)
def test_the_pytest_plugins_media_api_fixture(
    voice_simulator: VoiceSimulator, media_api: bandwidth.MediaApi
) -> None:
    media_api.upload_media(voice_simulator.account_id, "f.png", PHOTO, content_type="image/png")
    assert voice_simulator.media("f.png").content == PHOTO
