"""``BW_BASE_URL`` and ``Configuration.from_env()``: an app that builds its configuration
with no host, and reads its credentials the way Bandwidth's samples do, reaches a
simulator or a mock unmodified."""

from __future__ import annotations

import logging
from typing import Any, Callable

import pytest
from urllib3.util import parse_url

from bandwidth import (
    ApiClient,
    CallsApi,
    Configuration,
    CreateCall,
    MessagesApi,
    MFAApi,
    PhoneNumberLookupApi,
)
from bandwidth.exceptions import ApiException, ApiValueError
from bandwidth.testing import VoiceSimulator
from tests.support.wire import ACCOUNT, Wire


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BW_BASE_URL", "BW_USERNAME", "BW_PASSWORD", "BW_CLIENT_ID", "BW_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)


def origin_of(url: str) -> str:
    parts = parse_url(url)
    return f"{parts.scheme}://{parts.host}:{parts.port}"


def test_without_bw_base_url_the_spec_servers_apply() -> None:
    config = Configuration(username="u", password="p")
    assert config.host == "https://voice.bandwidth.com/api/v2"
    assert config.host_source == "spec"
    assert "host_source='spec'" in repr(config)


def test_bw_base_url_moves_every_product_keeping_its_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BW_BASE_URL", "http://127.0.0.1:8080/")
    config = Configuration(username="u", password="p")
    assert config.host == "http://127.0.0.1:8080/api/v2"
    assert config.host_source == "BW_BASE_URL"
    assert "host_source='BW_BASE_URL'" in repr(config)
    assert sorted(set(config.hosts())) == [
        "http://127.0.0.1:8080/api/v1",
        "http://127.0.0.1:8080/api/v2",
        "http://127.0.0.1:8080/v2",
    ]
    assert config.access_token_url == "http://127.0.0.1:8080/api/v1/oauth2/token"


def test_an_explicit_host_wins_over_bw_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BW_BASE_URL", "http://127.0.0.1:8080")
    config = Configuration(host="http://127.0.0.1:9999/api/v2", username="u", password="p")
    assert config.host == "http://127.0.0.1:9999/api/v2"
    assert config.host_source == "host"
    assert config.access_token_url == "https://api.bandwidth.com/api/v1/oauth2/token"


@pytest.mark.parametrize(
    "value",
    [
        "http://127.0.0.1:8080/api/v2",
        "ftp://127.0.0.1:8080",
        "http://user:secret@127.0.0.1:8080",
        "http://127.0.0.1:8080?x=1",
        "127.0.0.1:8080",
    ],
)
def test_a_bw_base_url_that_is_no_origin_is_refused_naming_it(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("BW_BASE_URL", value)
    with pytest.raises(ApiValueError, match="BW_BASE_URL") as caught:
        Configuration(username="u", password="p")
    assert "secret" not in str(caught.value)


def test_an_unmodified_voice_app_reaches_the_simulator(monkeypatch: pytest.MonkeyPatch) -> None:
    with VoiceSimulator() as sim:
        monkeypatch.setenv("BW_BASE_URL", origin_of(sim.url))
        monkeypatch.setenv("BW_USERNAME", sim.username)
        monkeypatch.setenv("BW_PASSWORD", sim.password)
        # what an app does at import time: no host anywhere
        with ApiClient(Configuration.from_env()) as client:
            created = CallsApi(client).create_call(
                sim.account_id,
                CreateCall(
                    to="+19195551234",
                    var_from="+19195554321",
                    application_id="app",
                    answer_url="https://myapp.example/answer",
                ),
            )
        assert sim.call(created.call_id).state == "queued"


PRODUCT_CALLS = {
    "/api/v2/users/": lambda client: MessagesApi(client).list_messages(ACCOUNT, limit=1),
    "/api/v1/accounts/": lambda client: MFAApi(client).verify_code(
        ACCOUNT, {"to": "+19195551234", "expirationTimeInMinutes": 3, "code": "123456"}
    ),
    "/v2/accounts/": lambda client: PhoneNumberLookupApi(client).get_async_bulk_lookup(
        ACCOUNT, "00000000-0000-0000-0000-000000000000"
    ),
}


@pytest.mark.parametrize("prefix", sorted(PRODUCT_CALLS))
def test_each_product_goes_to_the_origin_under_its_own_path(
    monkeypatch: pytest.MonkeyPatch, wire: Wire, prefix: str
) -> None:
    call: Callable[[ApiClient], Any] = PRODUCT_CALLS[prefix]
    monkeypatch.setenv("BW_BASE_URL", origin_of(wire.url))
    wire.answer(404, json={"type": "not-found", "description": "no"}, method="GET")
    wire.answer(404, json={"type": "not-found", "description": "no"}, method="POST")
    client = ApiClient(Configuration(username="u", password="p", retries=0))
    with client, pytest.raises(ApiException):  # the mock's 404: where it went is what matters
        call(client)
    assert wire.last.path.startswith(prefix)


def test_from_env_reads_oauth_client_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BW_CLIENT_ID", "client")
    monkeypatch.setenv("BW_CLIENT_SECRET", "client-secret")
    config = Configuration.from_env()
    assert config.client_id == "client"
    assert config.client_secret == "client-secret"
    assert config.username is None


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({}, "no credentials"),
        ({"BW_USERNAME": "u"}, "BW_PASSWORD is not"),
        ({"BW_CLIENT_SECRET": "s3cret-value"}, "BW_CLIENT_ID is not"),
        (
            {"BW_USERNAME": "u", "BW_PASSWORD": "p", "BW_CLIENT_ID": "c", "BW_CLIENT_SECRET": "s"},
            "choose one",
        ),
    ],
)
def test_from_env_names_what_is_missing_never_a_value(
    monkeypatch: pytest.MonkeyPatch, variables: Any, message: str
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ApiValueError, match=message) as caught:
        Configuration.from_env()
    assert "s3cret-value" not in str(caught.value)


def test_keywords_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BW_USERNAME", "from-env")
    monkeypatch.setenv("BW_PASSWORD", "env-password")
    config = Configuration.from_env(username="given", password="given-password", retries=0)
    assert config.username == "given"


def test_the_debug_log_says_where_the_host_came_from(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("BW_BASE_URL", "http://127.0.0.1:8080")
    with caplog.at_level(logging.DEBUG, logger="bandwidth"):
        ApiClient(Configuration(username="u", password="p")).close()
    assert "from BW_BASE_URL" in caplog.text
