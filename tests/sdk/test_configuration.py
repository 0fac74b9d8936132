"""Configuration: host, auth, timeouts, retries, secrets."""

from __future__ import annotations

import logging

import pytest
import urllib3

from bandwidth import ApiClient, CallsApi, Configuration
from bandwidth.configuration import DEFAULT_HOST, DEFAULT_TIMEOUT
from bandwidth.exceptions import ApiTypeError, ApiValueError
from tests.support.wire import ACCOUNT, CALL_ID, CALL_STATE, Wire


def test_defaults() -> None:
    config = Configuration()
    assert config.host == DEFAULT_HOST == "https://voice.bandwidth.com/api/v2"
    assert config.timeout.connect_timeout == 10 and config.timeout.read_timeout == 30
    assert config.timeout is DEFAULT_TIMEOUT
    assert config.verify_ssl is True
    assert config.retries is None


def test_host_alone_points_every_operation_there(wire: Wire) -> None:
    wire.answer(200, json=CALL_STATE)
    api = CallsApi(ApiClient(Configuration(host=wire.url + "/", username="u", password="p")))
    api.get_call_state(ACCOUNT, CALL_ID)
    assert wire.raw_target(wire.last) == f"/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID}"


@pytest.mark.parametrize("ignore", [True, False])
def test_ignore_operation_servers_never_moves_a_request_off_host(wire: Wire, ignore: bool) -> None:
    """Accepted for compatibility: the Calls operations declare no servers of their own,
    so with the flag on or off (and ``_host_index=0``) every request goes to ``host``."""
    wire.answer(200, json=CALL_STATE)
    config = Configuration(
        host=wire.url, username="u", password="p", retries=0, ignore_operation_servers=ignore
    )
    assert config.ignore_operation_servers is ignore
    assert config.get_host_from_settings(None) == wire.url
    with ApiClient(config) as client:
        CallsApi(client).get_call_state(ACCOUNT, CALL_ID, _host_index=0)
    assert wire.raw_target(wire.last) == f"/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID}"


@pytest.mark.parametrize("host", ["voice.bandwidth.com", "ftp://x/y", "https://x/y?q=1", ""])
def test_bad_host(host: str) -> None:
    with pytest.raises(ApiValueError, match="host"):
        Configuration(host=host)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"username": "u", "password": "p", "access_token": "t"},
        {"username": "u", "password": "p", "client_id": "c", "client_secret": "s"},
        {"access_token": "t", "client_id": "c", "client_secret": "s"},
        {"username": "u"},
        {"password": "p"},
        {"client_id": "c"},
    ],
)
def test_conflicting_or_partial_auth_is_an_error_at_construction(kwargs: dict) -> None:
    with pytest.raises(ApiValueError):
        Configuration(**kwargs)


def test_auth_changed_after_construction_is_checked_before_sending(wire: Wire) -> None:
    wire.answer(200, json=CALL_STATE)
    config = Configuration(host=wire.url, username="u", password="p")
    api = CallsApi(ApiClient(config))
    config.access_token = "t"
    with pytest.raises(ApiValueError, match="exactly one"):
        api.get_call_state(ACCOUNT, CALL_ID)
    assert wire.requests == []
    config.username = config.password = None
    api.get_call_state(ACCOUNT, CALL_ID)
    assert wire.last.headers["Authorization"] == "Bearer t"


def test_repr_hides_secrets() -> None:
    for config in (
        Configuration(username="alice", password="hunter2"),
        Configuration(access_token="tok-hunter2"),
        Configuration(client_id="cid", client_secret="hunter2"),
    ):
        assert "hunter2" not in repr(config) and "hunter2" not in str(config)
    assert "alice" in repr(Configuration(username="alice", password="hunter2"))


@pytest.mark.parametrize(
    ("value", "connect", "read"),
    [(5, 5, 5), (2.5, 2.5, 2.5), ((1, 7), 1, 7), (urllib3.Timeout(connect=3, read=4), 3, 4)],
)
def test_timeout_forms(value: object, connect: float, read: float) -> None:
    config = Configuration(timeout=value)  # type: ignore[arg-type]
    assert (config.timeout.connect_timeout, config.timeout.read_timeout) == (connect, read)


@pytest.mark.parametrize(
    ("value", "exc"),
    [(0, ApiValueError), (-1, ApiValueError), ("5", ApiTypeError), (True, ApiTypeError)],
)
def test_bad_timeout(value: object, exc: type) -> None:
    with pytest.raises(exc, match="timeout"):
        Configuration(timeout=value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "exc"), [(-1, ApiValueError), ("3", ApiTypeError), (1.5, ApiTypeError)]
)
def test_bad_retries(value: object, exc: type) -> None:
    with pytest.raises(exc, match="retries"):
        Configuration(retries=value)  # type: ignore[arg-type]


def test_debug_only_touches_the_bandwidth_logger() -> None:
    import http.client

    root_level = logging.getLogger().level
    root_handlers = list(logging.getLogger().handlers)
    config = Configuration(debug=True)
    try:
        assert config.debug is True
        assert logging.getLogger("bandwidth").level == logging.DEBUG
        assert http.client.HTTPConnection.debuglevel == 0
        assert logging.getLogger().level == root_level
        assert logging.getLogger().handlers == root_handlers
    finally:
        config.debug = False
    assert not any(
        getattr(h, "_bandwidth_debug", False) for h in logging.getLogger("bandwidth").handlers
    )


def test_defaults_can_be_set() -> None:
    custom = Configuration(host="http://127.0.0.1:9/api/v2")
    Configuration.set_default(custom)
    try:
        assert Configuration.get_default().host == "http://127.0.0.1:9/api/v2"
        assert Configuration.get_default_copy() is not Configuration.get_default()
    finally:
        Configuration.set_default(None)
    assert Configuration.get_default().host == DEFAULT_HOST


def test_debug_report_has_versions_not_secrets() -> None:
    report = Configuration(username="u", password="hunter2").to_debug_report()
    assert "SDK Package Version" in report and "hunter2" not in report


OFFICIAL_POSITIONAL = [
    "host",
    "api_key",
    "api_key_prefix",
    "username",
    "password",
    "access_token",
    "access_token_url",
    "client_id",
    "client_secret",
    "server_index",
    "server_variables",
    "server_operation_index",
    "server_operation_variables",
    "ignore_operation_servers",
    "ssl_ca_cert",
    "retries",
    "ca_cert_data",
    "cert_file",
    "key_file",
]


def test_the_official_parameters_come_first_in_the_official_order() -> None:
    import inspect

    parameters = list(inspect.signature(Configuration).parameters.values())
    positional = [p.name for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert positional == OFFICIAL_POSITIONAL
    assert all(p.default is None for p in parameters if p.name != "ignore_operation_servers")
    keyword_only = {p.name for p in parameters if p.kind is p.KEYWORD_ONLY}
    assert keyword_only == {"debug", "timeout", "deadline", "max_response_bytes", "product_servers"}


def test_official_positional_call() -> None:
    config = Configuration(
        "http://127.0.0.1:1/api/v2",
        {"apiKey": "k-hunter2"},
        {"apiKey": "Token"},
        "user",
        "pa55word",
        None,
        "http://127.0.0.1:1/token",
        None,
        None,
        0,
        {},
        {},
        {},
        True,
        None,
        2,
    )
    assert config.host == "http://127.0.0.1:1/api/v2"
    assert (config.username, config.password) == ("user", "pa55word")
    assert config.access_token_url == "http://127.0.0.1:1/token"
    assert config.retries == 2 and config.ignore_operation_servers is True
    assert config.get_api_key_with_prefix("apiKey") == "Token k-hunter2"
    assert config.get_api_key_with_prefix("other") is None
    assert "hunter2" not in repr(config) and "apiKey" in repr(config)


def test_api_keys_are_kept_but_never_sent(wire: Wire) -> None:
    wire.answer(200, json=CALL_STATE)
    config = Configuration(
        host=wire.url, api_key={"apiKey": "k-hunter2"}, username="u", password="p"
    )
    CallsApi(ApiClient(config)).get_call_state(ACCOUNT, CALL_ID)
    assert "k-hunter2" not in str(wire.last.headers)
    assert wire.last.headers["Authorization"].startswith("Basic ")


def test_deadline_and_body_cap_defaults_and_checks() -> None:
    from bandwidth.configuration import DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES

    config = Configuration()
    assert config.deadline == DEFAULT_DEADLINE == 120.0
    assert config.max_response_bytes == DEFAULT_MAX_RESPONSE_BYTES == 64 * 1024 * 1024
    assert config.gc_tuning is False
    assert Configuration(deadline=5, max_response_bytes=4096).deadline == 5.0
    for value, exc in ((0, ApiValueError), (float("inf"), ApiValueError), ("5", ApiTypeError)):
        with pytest.raises(exc, match="deadline"):
            Configuration(deadline=value)  # type: ignore[arg-type]
    for value, exc in ((10, ApiValueError), (1.5, ApiTypeError), (True, ApiTypeError)):
        with pytest.raises(exc, match="max_response_bytes"):
            Configuration(max_response_bytes=value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "host",
    [
        "http://evil.example\\@voice.bandwidth.com/api/v2",
        "https://user:pw-hunter2@voice.bandwidth.com/api/v2",
        "https://voice.bandwidth.com /api/v2",
        "https://[::1/api/v2",
    ],
)
def test_an_ambiguous_host_is_refused_without_echoing_it(host: str) -> None:
    with pytest.raises(ApiValueError, match="host") as caught:
        Configuration(host=host)
    assert "hunter2" not in str(caught.value) and "evil" not in str(caught.value)
