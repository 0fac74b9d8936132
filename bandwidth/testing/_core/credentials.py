"""Who may use the simulator: users, OAuth clients and the bearer tokens it issues.

* **Users** sign in with HTTP Basic ``name:password``: the simulator's own
  (``sim.username``/``sim.password``) and any added with ``sim.add_user``.
* **The static token** ``sim.access_token``, when set, is a ``Bearer`` token
  that never expires.
* **OAuth clients** (``sim.client_id``/``sim.client_secret`` and any added
  with ``sim.add_client``) get tokens from the token endpoint
  (``POST /api/v1/oauth2/token``, the client-credentials grant of RFC 6749
  §4.4, as ``api.bandwidth.com`` serves it). A token expires
  ``token_lifetime`` seconds later **on the simulator's clock**, so a test
  on a :class:`~bandwidth.testing.ManualClock` expires it with
  ``sim.advance``; ``sim.revoke_tokens()`` ends them all at once.

Each identity has Voice access or not (``voice=False``): one without it
authenticates, then gets 403 on every operation, as a real user lacking the
Voice role does. A client without it still gets tokens.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Dict, List, Mapping, Optional, Tuple
from urllib.parse import parse_qsl

from bandwidth.testing._core.http_answers import Response

__all__ = ["TOKEN_OPERATION", "TOKEN_PATH", "Credentials", "Principal", "basic_pair", "check_name"]

#: The OAuth 2 token endpoint's name (not an SDK method, but faults and recordings name it so).
TOKEN_OPERATION = "oauth_token"
#: Where it lives on the simulator's origin, as on ``api.bandwidth.com``.
TOKEN_PATH = "/api/v1/oauth2/token"

FORM = "application/x-www-form-urlencoded"
_CHALLENGE = ("WWW-Authenticate", 'Basic realm="Bandwidth OAuth"')
_NO_STORE = (("Cache-Control", "no-store"), ("Pragma", "no-cache"))


@dataclass(frozen=True)
class Principal:
    """Who a request is from: a user's or a client's name, and whether it may use Voice."""

    name: str
    voice: bool


@dataclass(frozen=True)
class _Token:
    principal: Principal
    expires: Optional[datetime]  # None: never


def check_name(name: str, what: str) -> None:
    """A user name or client id HTTP Basic can carry (``ValueError`` otherwise)."""
    if not isinstance(name, str) or not name or ":" in name:
        raise ValueError(f"a {what} must be a non-empty string without ':'")


def basic_pair(header: str) -> Optional[Tuple[str, str]]:
    """The ``(name, password)`` of a ``Basic`` header value, ``None`` when it is not one."""
    scheme, _, credentials = header.strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    name, colon, password = decoded.partition(":")
    return (name, password) if colon else None


class Credentials:
    """The added users and clients, and the tokens issued. The simulator locks around it."""

    def __init__(self, token_lifetime: float) -> None:
        self.users: Dict[str, Tuple[str, bool]] = {}
        self.clients: Dict[str, Tuple[str, bool]] = {}
        self.tokens: Dict[str, _Token] = {}
        self.token_lifetime = token_lifetime
        #: bumped on every change to users (caches of accepted headers key on it)
        self.version = 0

    def add_user(self, name: str, password: str, voice: bool) -> None:
        check_name(name, "user name")
        self.users[name] = (password, voice)
        self.version += 1

    def add_client(self, client_id: str, secret: str, voice: bool) -> None:
        check_name(client_id, "client id")
        self.clients[client_id] = (secret, voice)

    def issue(self, principal: Principal, now: datetime) -> str:
        """A new token for ``principal``, valid for :attr:`token_lifetime` from ``now``."""
        expired = [key for key, token in self.tokens.items() if _expired(token, now)]
        for key in expired:  # keep the table bounded by the tokens still valid
            del self.tokens[key]
        value = "sim-" + secrets.token_urlsafe(24)
        expires = now + timedelta(seconds=self.token_lifetime)
        self.tokens[value] = _Token(principal, expires)
        return value

    def bearer(self, value: str, now: datetime) -> Optional[Principal]:
        """Whose an issued token is, while it is valid."""
        token = self.tokens.get(value)
        if token is None or _expired(token, now):
            return None
        return token.principal

    def revoke(self) -> None:
        """End every issued token now."""
        self.tokens.clear()

    # -- the token endpoint ----------------------------------------------------------------

    def token_answer(
        self,
        headers: Mapping[str, str],
        body: bytes,
        now: datetime,
        default_client: Tuple[str, str],
    ) -> Response:
        """Answer ``POST /api/v1/oauth2/token`` (client credentials; RFC 6749 §4.4 and §5)."""
        media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type != FORM:
            return _oauth_error(400, "invalid_request", f"Send the form as {FORM}.")
        try:
            form = dict(parse_qsl(body.decode("ascii"), keep_blank_values=True))
        except (UnicodeDecodeError, ValueError):
            return _oauth_error(400, "invalid_request", "The form is not URL-encoded ASCII.")
        grant = form.get("grant_type")
        if grant is None:
            return _oauth_error(400, "invalid_request", "grant_type is required.")
        if grant != "client_credentials":
            return _oauth_error(
                400, "unsupported_grant_type", "Only client_credentials is supported."
            )
        header = headers.get("authorization")
        pair = None if header is None else basic_pair(header)
        in_form = "client_id" in form or "client_secret" in form
        if pair is not None and in_form:
            return _oauth_error(400, "invalid_request", "Authenticate the client one way only.")
        if pair is None and in_form:
            pair = (form.get("client_id", ""), form.get("client_secret", ""))
        principal = None if pair is None else self._client(pair, default_client)
        if principal is None:
            return _oauth_error(401, "invalid_client", "Client authentication failed.")
        token = self.issue(principal, now)
        lifetime = self.token_lifetime
        payload = {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": int(lifetime) if float(lifetime).is_integer() else lifetime,
        }
        headers_out: List[Tuple[str, str]] = [("Content-Type", "application/json"), *_NO_STORE]
        return 200, headers_out, json.dumps(payload).encode()

    def _client(self, pair: Tuple[str, str], default: Tuple[str, str]) -> Optional[Principal]:
        client_id, secret = pair
        if client_id == default[0] and _same(secret, default[1]):
            return Principal(client_id, True)
        known = self.clients.get(client_id)
        if known is not None and _same(secret, known[0]):
            return Principal(client_id, known[1])
        return None


def _same(given: str, expected: str) -> bool:
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _expired(token: _Token, now: datetime) -> bool:
    return token.expires is not None and now >= token.expires


def _oauth_error(status: int, error: str, description: str) -> Response:
    headers: List[Tuple[str, str]] = [("Content-Type", "application/json"), *_NO_STORE]
    if status == 401:
        headers.append(_CHALLENGE)
    body = json.dumps({"error": error, "error_description": description}).encode()
    return status, headers, body
