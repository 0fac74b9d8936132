"""Webhook URLs: the one parser that both checks a URL and gives the transports its parts.

An app's BXML can hold any text in a URL attribute. A URL that does not
parse, has no host, a bad port, or a scheme other than ``http``/``https``
cannot be delivered to: the delivery records why and sends nothing (the
call then ends as for any webhook that cannot be delivered). Resolving a
relative URL never raises either: what does not parse is kept as given, and
refused when it is sent.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Optional
from urllib.parse import SplitResult, urljoin, urlsplit

from bandwidth._formats import has_control_characters

__all__ = ["InvalidUrl", "WebhookUrl", "join_url", "parse_webhook_url"]

SCHEMES = ("http", "https")


class InvalidUrl(ValueError):
    """A webhook URL the simulator cannot send to; the message says why."""


@dataclass(frozen=True)
class WebhookUrl:
    """A webhook URL taken apart once: what the transports connect to and send."""

    #: ``http`` or ``https`` (lower case)
    scheme: str
    #: the host name or address (IPv6 without brackets)
    host: str
    #: the explicit port, ``None`` for the scheme's default
    port: Optional[int]
    #: ``host[:port]`` as written (the ``Host`` header)
    netloc: str
    #: the path, ``/`` when empty
    path: str
    query: str
    parts: SplitResult

    @property
    def text(self) -> str:
        """The URL as text."""
        return self.parts.geturl()

    def with_query(self, query: str) -> WebhookUrl:
        """The same URL with another query string (a GET webhook's fields)."""
        return dataclasses.replace(self, query=query, parts=self.parts._replace(query=query))

    @property
    def target(self) -> str:
        """The request target: the path and the query."""
        return self.path + ("?" + self.query if self.query else "")

    @property
    def default_port(self) -> int:
        """The port connected to."""
        return self.port or (443 if self.scheme == "https" else 80)


_SPACE = re.compile(r"\s")


def parse_webhook_url(url: str) -> WebhookUrl:
    """``url`` taken apart; :class:`InvalidUrl` when no request could be sent to it."""
    if has_control_characters(url) or _SPACE.search(url) is not None:
        raise InvalidUrl(f"invalid URL {url!r}: it holds spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InvalidUrl(f"invalid URL {url!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        shown = f"scheme {parts.scheme!r}" if parts.scheme else "no scheme"
        raise InvalidUrl(f"invalid URL {url!r}: {shown}; only http and https are allowed")
    if not parts.hostname:
        raise InvalidUrl(f"invalid URL {url!r}: no host")
    return WebhookUrl(
        scheme, parts.hostname, port, parts.netloc, parts.path or "/", parts.query, parts
    )


def join_url(base: str, url: str) -> str:
    """``url`` resolved against ``base`` (when there is one); kept as given if it does not parse."""
    if not base:
        return url
    try:
        return urljoin(base, url)
    except ValueError:
        return url
