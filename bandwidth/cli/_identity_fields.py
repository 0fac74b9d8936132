"""The ``mfa``, ``lookup``, ``endpoints`` and ``tfv`` commands' flags (plain data, no SDK imports).

Named by the rule of :mod:`bandwidth.cli._fields`; a subscription's
``basicAuthentication`` is ``--webhook-username``/``--webhook-password``, the
webhook credentials' flags everywhere.
"""

from __future__ import annotations

from typing import Any, Dict, Tuple

from bandwidth.cli._fields import (
    WEBHOOK_PASSWORD_FLAG,
    WEBHOOK_USER_FLAG,
    FieldFlag,
    ListFlag,
    field_flag,
)

__all__ = [
    "CODE_DEFAULTS",
    "CODE_FLAGS",
    "ENDPOINT_DIRECTIONS",
    "ENDPOINT_FLAGS",
    "ENDPOINT_LIST_FLAGS",
    "ENDPOINT_STATUSES",
    "ENDPOINT_TYPES",
    "LOOKUP_FLAGS",
    "SUBSCRIPTION_FLAGS",
    "VERIFY_FLAGS",
]

#: Values of ``EndpointTypeEnum``, ``EndpointDirectionEnum`` and ``EndpointStatusEnum``
#: (a test keeps these equal to the enums).
ENDPOINT_TYPES: Tuple[str, ...] = ("WEBRTC",)
ENDPOINT_DIRECTIONS: Tuple[str, ...] = ("INBOUND", "OUTBOUND", "BIDIRECTIONAL")
ENDPOINT_STATUSES: Tuple[str, ...] = ("CONNECTED", "DISCONNECTED")

#: What ``mfa voice|messaging`` sends for the required fields not given (flag or --json).
CODE_DEFAULTS: Dict[str, Any] = {
    "message": "Your temporary {NAME} {SCOPE} code is {CODE}",
    "digits": 6,
}

#: ``mfa voice|messaging`` flags (the ``codeRequest`` body).
CODE_FLAGS: Tuple[FieldFlag, ...] = (
    field_flag("--to", "to", "who gets the code, E.164 (required)", metavar="NUMBER"),
    field_flag(
        "--from",
        "from",
        "a Bandwidth number of the application, E.164 (required)",
        metavar="NUMBER",
    ),
    field_flag(
        "--application-id",
        "applicationId",
        "a voice application for 'mfa voice', a messaging one for 'mfa messaging' (required)",
        metavar="ID",
    ),
    field_flag(
        "--scope",
        "scope",
        "what the code is for (default 2FA); verify with the same",
        metavar="SCOPE",
    ),
    field_flag(
        "--message",
        "message",
        "the text, with {CODE} (and {NAME}, {SCOPE}) in it "
        f"(default {CODE_DEFAULTS['message']!r})",
        metavar="TEXT",
    ),
    field_flag(
        "--digits",
        "digits",
        f"the code's length, 4..8 (default {CODE_DEFAULTS['digits']})",
        "int",
        metavar="N",
    ),
)

#: ``mfa verify`` flags (the ``verifyCodeRequest`` body).
VERIFY_FLAGS: Tuple[FieldFlag, ...] = (
    field_flag("--to", "to", "the number the code was sent to, E.164 (required)", metavar="NUMBER"),
    field_flag("--code", "code", "the code the user typed (required)", metavar="CODE"),
    field_flag(
        "--expiration-time-in-minutes",
        "expirationTimeInMinutes",
        "accept only a code sent in the last N minutes, 1..15 (required)",
        "number",
        metavar="N",
    ),
    field_flag(
        "--scope", "scope", "the scope the code was sent with (default 2FA)", metavar="SCOPE"
    ),
)

#: ``lookup``'s body: the NUMBER arguments (and ``--numbers-from``), and ``--rcs-agent``
#: (``syncLookupRequest``; a bulk lookup's ``asyncLookupRequest`` has no ``rcsAgent``).
LOOKUP_FLAGS: Tuple[FieldFlag, ...] = (
    field_flag("NUMBER", "phoneNumbers", "numbers in E.164", "list", metavar="NUMBER"),
    field_flag("--rcs-agent", "rcsAgent", "the RCS agent to check with", metavar="AGENT"),
)

#: ``endpoints create`` flags (a ``createWebRtcConnectionRequest``; ``connectionMetadata``
#: only in --json).
ENDPOINT_FLAGS: Tuple[FieldFlag, ...] = (
    field_flag("--type", "type", "the endpoint's kind (default WEBRTC)", "choice", ENDPOINT_TYPES),
    field_flag(
        "--direction",
        "direction",
        "which calls it takes part in (required)",
        "choice",
        ENDPOINT_DIRECTIONS,
    ),
    field_flag(
        "--event-callback-url", "eventCallbackUrl", "where its events are sent", metavar="URL"
    ),
    field_flag(
        "--event-fallback-url",
        "eventFallbackUrl",
        "used when the event callback fails",
        metavar="URL",
    ),
    field_flag("--tag", "tag", "your own text, echoed in its events", metavar="TEXT"),
)

#: ``endpoints list`` flags (one per parameter of ``list_endpoints``).
ENDPOINT_LIST_FLAGS: Tuple[ListFlag, ...] = (
    ListFlag("--type", "type", "choice", "only endpoints of this kind", choices=ENDPOINT_TYPES),
    ListFlag(
        "--status", "status", "choice", "only endpoints in this state", choices=ENDPOINT_STATUSES
    ),
    ListFlag("--limit", "limit", "int", "endpoints per page", "N"),
    ListFlag(
        "--after-cursor",
        "after_cursor",
        "cursor",
        "the cursor from a previous page's next link",
        "CURSOR",
    ),
)

#: ``tfv subscriptions create|update`` flags (the ``webhookSubscriptionRequestSchema`` body).
SUBSCRIPTION_FLAGS: Tuple[FieldFlag, ...] = (
    field_flag(
        "--callback-url",
        "callbackUrl",
        "where every verification update of the account is sent (required)",
        metavar="URL",
    ),
    field_flag(
        WEBHOOK_USER_FLAG,
        "basicAuthentication.username",
        "basic-auth user for the callback (with a password)",
        metavar="USER",
    ),
    field_flag(
        WEBHOOK_PASSWORD_FLAG,
        "basicAuthentication.password",
        "basic-auth password for the callback",
        metavar="PASS",
    ),
    field_flag(
        "--shared-secret-key",
        "sharedSecretKey",
        "16..64 ASCII characters Bandwidth signs the callbacks with (HMAC)",
        metavar="KEY",
    ),
)
