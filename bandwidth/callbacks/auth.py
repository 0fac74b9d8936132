"""Webhook authentication the way Bandwidth does it: HTTP Basic, after a challenge.

Bandwidth first sends a callback *without* credentials. Only if the reply is a
``401`` carrying a ``WWW-Authenticate`` challenge does it send the request
again with ``Authorization: Basic ...``; a bare 401 loses the event. So a
webhook server should answer a missing or wrong header with
:func:`basic_auth_challenge`, and check the header with
:func:`verify_basic_auth`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from typing import Dict, NamedTuple, Optional, Union

from bandwidth.exceptions import ApiValueError

__all__ = ["BasicAuthChallenge", "basic_auth_challenge", "verify_basic_auth"]

_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]*")


class BasicAuthChallenge(NamedTuple):
    """What to answer an unauthenticated webhook with: the status and the headers."""

    #: always 401
    status: int
    #: ``{"WWW-Authenticate": 'Basic realm="..."'}``
    headers: Dict[str, str]


def basic_auth_challenge(realm: str = "") -> BasicAuthChallenge:
    """The ``401`` and ``WWW-Authenticate: Basic realm="..."`` Bandwidth needs to send credentials.

    ``realm`` must be printable ASCII (it goes into a header); quotes and
    backslashes are escaped. Anything else raises
    :class:`~bandwidth.exceptions.ApiValueError` (a ``ValueError``).
    """
    if not isinstance(realm, str) or not _PRINTABLE_ASCII.fullmatch(realm):
        raise ApiValueError("realm must be printable ASCII text")
    quoted = realm.replace("\\", "\\\\").replace('"', '\\"')
    return BasicAuthChallenge(401, {"WWW-Authenticate": f'Basic realm="{quoted}"'})


def _digest(value: bytes) -> bytes:
    return hashlib.sha256(value).digest()


def verify_basic_auth(
    authorization_header: Optional[Union[str, bytes]], username: str, password: str
) -> bool:
    """Whether an ``Authorization`` header carries exactly these Basic credentials.

    ``False`` for a missing, empty or malformed header (another scheme, bad
    base64, no ``:``). The comparison takes the same time whatever the
    credentials are, so it leaks neither content nor length. The expected
    ``username`` must not be empty (that would be a configuration mistake:
    :class:`~bandwidth.exceptions.ApiValueError`). An empty expected
    ``password`` refuses every header, ``user:`` included: an unset password
    (say, a missing environment variable) must lock the webhook, not open it.
    """
    if not username:
        raise ApiValueError("username must not be empty")
    if not password or authorization_header is None:
        return False
    if isinstance(authorization_header, bytes):
        header = authorization_header.decode("latin-1")
    elif isinstance(authorization_header, str):
        header = authorization_header
    else:
        return False
    parts = header.strip().split(None, 1)
    if len(parts) != 2 or parts[0].lower() != "basic":
        return False
    try:
        decoded = base64.b64decode(parts[1].strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    given_user, colon, given_password = decoded.partition(b":")
    if not colon:
        return False
    user_ok = hmac.compare_digest(_digest(given_user), _digest(username.encode("utf-8")))
    password_ok = hmac.compare_digest(_digest(given_password), _digest(password.encode("utf-8")))
    return user_ok & password_ok
