"""The pytest fixtures point an unmodified app at the simulator with ``BW_BASE_URL``."""

from __future__ import annotations

import os

import pytest

from bandwidth import ApiClient, CallsApi, Configuration, CreateCall
from bandwidth.testing import VoiceSimulator

pytest_plugins = ["pytester"]


def test_bw_base_url_names_the_simulator_during_the_test(voice_simulator: VoiceSimulator) -> None:
    assert voice_simulator.url == os.environ["BW_BASE_URL"] + "/api/v2"
    # an app's configuration with no host: only credentials
    config = Configuration(username=voice_simulator.username, password=voice_simulator.password)
    assert config.host_source == "BW_BASE_URL"
    with ApiClient(config) as client:
        created = CallsApi(client).create_call(
            voice_simulator.account_id,
            CreateCall(
                to="+19195551234",
                var_from="+19195554321",
                application_id="app",
                answer_url="https://myapp.example/answer",
            ),
        )
    assert voice_simulator.call(created.call_id).to == "+19195551234"


def test_bw_base_url_is_restored_after_the_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import os

        def test_uses_it(voice_simulator):
            assert os.environ["BW_BASE_URL"].startswith("http://127.0.0.1:")

        def test_after_it():
            assert os.environ.get("BW_BASE_URL") == "http://before.example:1"
        """
    )
    pytester.makeini("[pytest]\naddopts = -p no:cacheprovider\n")
    os.environ["BW_BASE_URL"] = "http://before.example:1"
    try:
        result = pytester.runpytest_inprocess()
    finally:
        os.environ.pop("BW_BASE_URL", None)
    result.assert_outcomes(passed=2)
