"""The media control routes (``/_control/media``), over HTTP with ``SimulatorControl`` and raw.

What a test in another process needs: seed a file the app will fetch, read
back what the app uploaded, list, delete, clear. The routes take the API's
credentials and are neither faulted nor recorded.
"""

from __future__ import annotations

import base64
from typing import Iterator

import pytest

import bandwidth
from bandwidth.testing import SimulatorControl, SimulatorControlError, VoiceSimulator
from tests.support.raw import Raw

PHOTO = b"GIF89a" + bytes(range(200))


@pytest.fixture
def control(sim: VoiceSimulator) -> SimulatorControl:
    return SimulatorControl(sim.url, sim.username, sim.password)


@pytest.fixture
def media(sim: VoiceSimulator) -> Iterator[bandwidth.MediaApi]:
    with bandwidth.ApiClient(sim.configuration()) as client:
        yield bandwidth.MediaApi(client)


def test_a_seeded_file_is_what_the_app_downloads(
    sim: VoiceSimulator, control: SimulatorControl, media: bandwidth.MediaApi
) -> None:
    url = control.seed_media("in/0/hello.gif", PHOTO, "image/gif", cache_control="no-store")
    assert url == sim.media_url("in/0/hello.gif")
    answer = media.get_media_with_http_info(sim.account_id, "in/0/hello.gif")
    assert (answer.data, answer.headers["Content-Type"]) == (PHOTO, "image/gif")
    assert answer.headers["Cache-Control"] == "no-store"


def test_what_the_app_uploaded_reads_back_as_stored_media(
    sim: VoiceSimulator, control: SimulatorControl, media: bandwidth.MediaApi
) -> None:
    media.upload_media(sim.account_id, "out/card.vcf", b"BEGIN:VCARD", content_type="text/vcard")
    stored = control.media("out/card.vcf")
    assert stored == sim.media("out/card.vcf")
    assert stored.content == b"BEGIN:VCARD"
    [shown] = control.media_files()
    assert shown == {
        "mediaId": "out/card.vcf",
        "contentType": "text/vcard",
        "cacheControl": None,
        "contentLength": 11,
        "uploaded": shown["uploaded"],
        "expires": shown["expires"],
        "url": sim.media_url("out/card.vcf"),
    }


def test_remove_and_clear(sim: VoiceSimulator, control: SimulatorControl) -> None:
    control.seed_media("a.png", PHOTO, "image/png")
    control.seed_media("b.png", PHOTO, "image/png")
    control.remove_media("a.png")
    assert [f["mediaId"] for f in control.media_files()] == ["b.png"]
    with pytest.raises(SimulatorControlError) as caught:
        control.remove_media("a.png")
    assert caught.value.status == 404
    control.clear_media()
    assert control.media_files() == []
    assert sim.media_usage.bytes == 0


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"contentType": "image/png"}, "content is required"),
        ({"content": "!!", "contentType": "image/png"}, "base64"),
        ({"content": "eA=="}, "contentType is required"),
        ({"content": "eA==", "contentType": "application/x-msdownload"}, "not a media type"),
        ({"content": "eA==", "contentType": "image/png", "cacheControl": 5}, "cacheControl"),
    ],
)
def test_a_bad_seed_is_400(sim: VoiceSimulator, raw: Raw, body: dict, fragment: str) -> None:
    reply = raw.send("PUT", "/_control/media/x.png", body)
    assert reply.status == 400
    assert fragment in reply.json()["description"]
    assert sim.media_files == []


def test_an_unknown_file_is_404_and_a_wrong_method_405(raw: Raw) -> None:
    reply = raw.send("GET", "/_control/media/none.png")
    assert reply.status == 404
    assert reply.json() == {"type": "not-found", "description": "Media none.png was not found."}
    reply = raw.send("POST", "/_control/media")
    assert (reply.status, reply.headers["Allow"]) == (405, "DELETE, GET")
    reply = raw.send("POST", "/_control/media/x.png")
    assert (reply.status, reply.headers["Allow"]) == (405, "DELETE, GET, PUT")


def test_the_routes_take_the_apis_credentials_and_are_not_recorded(
    sim: VoiceSimulator, raw: Raw
) -> None:
    content = base64.b64encode(PHOTO).decode()
    reply = raw.send(
        "PUT", "/_control/media/x.gif", {"content": content, "contentType": "image/gif"}, auth=None
    )
    assert reply.status == 401
    assert sim.media_files == []
    reply = raw.send(
        "PUT", "/_control/media/x.gif", {"content": content, "contentType": "image/gif"}
    )
    assert reply.status == 201
    assert reply.json()["contentLength"] == len(PHOTO)
    sim.fail_next(None, 500)  # faults catch API requests only
    assert raw.send("GET", "/_control/media/x.gif").json()["content"] == content
    assert sim.requests == []
