"""The proof of ``BW_BASE_URL``: a voice-record app built at import time for Bandwidth's
real servers, unmodified, records a caller on the simulator and downloads the recording
it is told about, through the SDK, over a real socket to the simulator."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Iterator

import pytest
from urllib3.util import parse_url

from bandwidth.testing import VoiceSimulator
from tests.examples.flask_server import LateApp

SAMPLE = Path(__file__).parent / "samples" / "voice_record.py"


def import_sample() -> ModuleType:
    """Import the sample afresh, as its process would at start-up."""
    spec = importlib.util.spec_from_file_location("voice_record_sample", SAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def sim_and_sample(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[tuple[VoiceSimulator, ModuleType]]:
    late = LateApp()
    with VoiceSimulator(app=late) as sim:
        url = parse_url(sim.url)
        monkeypatch.setenv("BW_BASE_URL", f"{url.scheme}://{url.host}:{url.port}")
        monkeypatch.setenv("BW_USERNAME", sim.username)
        monkeypatch.setenv("BW_PASSWORD", sim.password)
        monkeypatch.setenv("BW_ACCOUNT_ID", sim.account_id)
        monkeypatch.chdir(tmp_path)
        sample = import_sample()
        late.app = sample.app
        try:
            yield sim, sample
        finally:
            sample.api_client.close()
            sys.modules.pop("voice_record_sample", None)


def test_the_unmodified_sample_downloads_its_recording(
    sim_and_sample: tuple[VoiceSimulator, ModuleType], tmp_path: Path
) -> None:
    sim, sample = sim_and_sample
    assert sample.configuration.host_source == "BW_BASE_URL"
    call_id = sim.inbound_call(
        "+19195551234",
        "+19195550100",
        answer_url="https://sample.example/callbacks/callInitiatedCallback",
    )
    sim.advance(3)  # the greeting
    sim.speak(call_id, "Hello this is a message for you")
    sim.advance(5)
    sim.hangup(call_id)  # ends the recording; recordingAvailable follows
    sim.advance(5)

    (download,) = sim.requests_for("download_call_recording")
    assert download.path.startswith(f"/api/v2/accounts/{sim.account_id}/calls/{call_id}/")
    recording_id = download.path.split("/recordings/")[1].split("/")[0]
    written = tmp_path / f"{recording_id}.wav"
    assert written.read_bytes()[:4] == b"RIFF"  # the media the simulator served
