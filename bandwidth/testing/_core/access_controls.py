"""Who may call the simulator: added users and OAuth clients, tokens.

:class:`AccessControls` adds users (HTTP Basic) and OAuth clients, with or
without Voice access, and controls the tokens the token endpoint issues; the
rules are in :mod:`bandwidth.testing._core.credentials`.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Callable, Optional, Protocol

from bandwidth.testing._core.credentials import Credentials, Principal

__all__ = ["AccessControls", "OwnIdentity", "check_lifetime"]


def check_lifetime(seconds: float) -> float:
    """A token lifetime: a positive number of seconds (``ValueError`` otherwise)."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds > 0:
        raise ValueError("token_lifetime must be a positive number of seconds")
    return float(seconds)


class OwnIdentity(Protocol):
    """The simulator's own user and OAuth client (settings of the facade, changeable)."""

    username: str
    password: str
    client_id: str
    client_secret: str


class AccessControls:
    """Users, clients and tokens."""

    def __init__(
        self,
        credentials: Credentials,
        own: OwnIdentity,
        lock: threading.Lock,
        now: Callable[[], datetime],
    ) -> None:
        self._credentials = credentials
        self._own = own
        self._lock = lock
        self._now = now

    def add_user(self, username: str, password: str, *, voice: bool = True) -> None:
        """Let ``username:password`` in (HTTP Basic); ``voice=False``: 403 on every operation.

        Adding a name again replaces its password and access.
        """
        with self._lock:
            self._credentials.add_user(username, password, bool(voice))

    def add_client(self, client_id: str, client_secret: str, *, voice: bool = True) -> None:
        """Let an OAuth client get tokens; with ``voice=False`` they get 403 on every operation."""
        with self._lock:
            self._credentials.add_client(client_id, client_secret, bool(voice))

    def password_of(self, user: str) -> str:
        """The password of the own or an added user (``KeyError`` for another)."""
        if user == self._own.username:
            return self._own.password
        with self._lock:
            entry = self._credentials.users.get(user)
        if entry is None:
            raise KeyError(f"no user {user!r}: add it with add_user()")
        return entry[0]

    def secret_of(self, client_id: str) -> str:
        """The secret of the own or an added client (``KeyError`` for another)."""
        if client_id == self._own.client_id:
            return self._own.client_secret
        with self._lock:
            entry = self._credentials.clients.get(client_id)
        if entry is None:
            raise KeyError(f"no client {client_id!r}: add it with add_client()")
        return entry[0]

    @property
    def token_lifetime(self) -> float:
        """How long a token from :attr:`token_url` stays valid, in seconds of simulated time."""
        return self._credentials.token_lifetime

    @token_lifetime.setter
    def token_lifetime(self, seconds: float) -> None:
        self._credentials.token_lifetime = check_lifetime(seconds)

    def issue_token(self, client_id: Optional[str] = None) -> str:
        """A token as :attr:`token_url` would issue it to ``client_id`` (default: the own client).

        For tests that configure ``access_token=`` themselves.
        """
        own = self._own.client_id
        name = own if client_id is None else client_id
        self.secret_of(name)  # KeyError for an unknown client
        with self._lock:
            entry = self._credentials.clients.get(name)
            voice = True if name == own or entry is None else entry[1]
            return self._credentials.issue(Principal(name, voice), self._now())

    def revoke_tokens(self) -> None:
        """End every token issued so far: they get 401, and clients must fetch new ones."""
        with self._lock:
            self._credentials.revoke()
