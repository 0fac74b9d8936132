"""Webhooks over real HTTP(S): one connection per request, the whole answer under one deadline."""

from __future__ import annotations

import http.client
import socket
import ssl

from bandwidth.testing._core.deadlines import WATCHDOG, Deadline, timed_out
from bandwidth.testing._core.webhooks import (
    MAX_REPLY_BYTES,
    AppRequest,
    DeliveryError,
    Reply,
    RequestByRequest,
)

__all__ = ["HttpTransport"]


class HttpTransport(RequestByRequest):
    """Real HTTP(S) with :mod:`http.client`; ``timeout`` bounds the whole exchange.

    Connecting, sending and reading the answer (status, headers and body, at
    most :data:`MAX_REPLY_BYTES`) all happen before one deadline; an app
    that drips its answer is cut off there, like one that does not answer.
    """

    def send(self, request: AppRequest) -> Reply:
        """One request on a fresh connection (closed afterwards)."""
        method, url, headers, body = request.method, request.url, request.headers, request.body
        timeout = request.timeout
        deadline = Deadline(timeout)
        parts, url_text = url, url.text
        host, port = parts.host, parts.port
        connection: http.client.HTTPConnection
        if parts.scheme == "https":
            context = ssl.create_default_context()
            connection = http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
        else:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            try:
                connection.connect()
            except (OSError, http.client.HTTPException) as exc:
                raise DeliveryError(
                    _describe(exc, "connecting to", url_text), connect=True
                ) from None
            assert connection.sock is not None
            with WATCHDOG.guard(connection.sock, deadline) as guard:
                try:
                    connection.request(method, parts.target, body=body or None, headers=headers)
                    response = connection.getresponse()
                    data = response.read(MAX_REPLY_BYTES)
                    reply_headers = {k.lower(): v for k, v in response.getheaders()}
                except (OSError, http.client.HTTPException) as exc:
                    if guard.fired:
                        raise DeliveryError(timed_out(url_text)) from None
                    raise DeliveryError(_describe(exc, "waiting for", url_text)) from None
            if guard.fired:
                raise DeliveryError(timed_out(url_text))
            return Reply(response.status, reply_headers, data)
        finally:
            connection.close()


def _describe(exc: BaseException, doing: str, url: str) -> str:
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"timed out {doing} {url}"
    detail = str(exc) or type(exc).__name__
    return f"{type(exc).__name__} {doing} {url}: {detail}"
