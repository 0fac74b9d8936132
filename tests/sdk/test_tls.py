"""TLS settings over a real HTTPS loopback server: trust, verification and client certificates."""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Any, Iterator

import pytest
import trustme
import urllib3
from pytest_httpserver import HTTPServer

from bandwidth import ApiClient, CallsApi, Configuration
from bandwidth.exceptions import ApiConnectionError
from tests.support.wire import ACCOUNT, CALL_STATE

CALL_ID = CALL_STATE["callId"]


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def serve(ca: trustme.CA, *, require_client_cert: bool = False) -> HTTPServer:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(context)
    if require_client_cert:
        context.verify_mode = ssl.CERT_REQUIRED
        ca.configure_trust(context)
    server = HTTPServer(host="localhost", ssl_context=context)
    server.start()
    server.expect_request(f"/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID}").respond_with_json(
        CALL_STATE
    )
    return server


@pytest.fixture
def https(ca: trustme.CA) -> Iterator[HTTPServer]:
    server = serve(ca)
    yield server
    server.clear()
    server.stop()


def configuration(server: HTTPServer, **settings: Any) -> Configuration:
    return Configuration(
        host=server.url_for("/api/v2"), username="user", password="pa55word", **settings
    )


def get_call_state(config: Configuration) -> Any:
    with ApiClient(config) as client:
        return CallsApi(client).get_call_state(ACCOUNT, CALL_ID)


def test_a_trusted_ca_file(https: HTTPServer, ca: trustme.CA, tmp_path: Path) -> None:
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    assert https.url_for("/").startswith("https://")
    state = get_call_state(configuration(https, ssl_ca_cert=str(ca_file)))
    assert state.call_id == CALL_ID
    assert https.log[0][0].headers["Authorization"].startswith("Basic ")


def test_trusted_ca_data(https: HTTPServer, ca: trustme.CA) -> None:
    pem = ca.cert_pem.bytes().decode("ascii")
    assert get_call_state(configuration(https, ca_cert_data=pem)).call_id == CALL_ID


def test_an_untrusted_server_fails_before_any_request(https: HTTPServer) -> None:
    with pytest.raises(ApiConnectionError) as caught:
        get_call_state(configuration(https, retries=0))
    assert "TLS" in str(caught.value) or "SSL" in str(caught.value)
    assert https.log == []  # no request (and no credentials) reached the server


def test_verification_can_be_turned_off(https: HTTPServer) -> None:
    config = configuration(https)
    config.verify_ssl = False
    with pytest.warns(urllib3.exceptions.InsecureRequestWarning):  # urllib3 still says so
        assert get_call_state(config).call_id == CALL_ID


def test_a_client_certificate(ca: trustme.CA, tmp_path: Path) -> None:
    server = serve(ca, require_client_cert=True)
    try:
        ca_file, cert_file, key_file = tmp_path / "ca.pem", tmp_path / "c.pem", tmp_path / "k.pem"
        ca.cert_pem.write_to_path(str(ca_file))
        client_cert = ca.issue_cert("client.example")
        client_cert.cert_chain_pems[0].write_to_path(str(cert_file))
        client_cert.private_key_pem.write_to_path(str(key_file))
        with_cert = configuration(
            server, ssl_ca_cert=str(ca_file), cert_file=str(cert_file), key_file=str(key_file)
        )
        assert get_call_state(with_cert).call_id == CALL_ID
        with pytest.raises(ApiConnectionError):
            get_call_state(configuration(server, ssl_ca_cert=str(ca_file), retries=0))
        assert len(server.log) == 1
    finally:
        server.clear()
        server.stop()


def test_only_the_tls_files_that_are_set_reach_the_pool(https: HTTPServer, tmp_path: Path) -> None:
    # urllib3 re-normalizes every pool keyword on every request: unset ones are not passed.
    with ApiClient(configuration(https)) as client:
        keywords = client.rest_client.pool_manager.connection_pool_kw
        assert not {"ca_certs", "cert_file", "key_file", "ca_cert_data"} & set(keywords)
    with ApiClient(configuration(https, ssl_ca_cert=str(tmp_path / "ca.pem"))) as client:
        assert client.rest_client.pool_manager.connection_pool_kw["ca_certs"].endswith("ca.pem")
