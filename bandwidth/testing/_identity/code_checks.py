"""What an MFA generate or verify body must hold, as the spec's schemas limit it.

Each check raises :class:`~bandwidth.testing._core.handlers.InvalidRequest`
(400, ``mfaRequestError``) naming the field, never echoing a code. Unknown
fields are ignored (older clients send ``applicationId`` or ``digits`` to
verify, too).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Mapping, Optional

from bandwidth._formats import is_e164
from bandwidth.testing._core.handlers import InvalidRequest

__all__ = ["DEFAULT_SCOPE", "CodeCheck", "CodeOrder", "code_check", "code_order"]

DEFAULT_SCOPE = "2FA"
MIN_DIGITS, MAX_DIGITS = 4, 8
MAX_MESSAGE, MAX_FROM, MAX_APPLICATION_ID, MAX_SCOPE = 2048, 32, 50, 25
MIN_EXPIRY, MAX_EXPIRY_MINUTES = 1, 15
#: The placeholders a message template may hold; ``{CODE}`` must be there.
CODE, NAME, SCOPE = "{CODE}", "{NAME}", "{SCOPE}"


@dataclass(frozen=True)
class CodeOrder:
    """A checked ``codeRequest``."""

    to: str
    from_: str
    application_id: str
    scope: str
    message: str
    digits: int

    def render(self, code: str, name: str) -> str:
        """The message with its placeholders filled in."""
        return self.message.replace(NAME, name).replace(SCOPE, self.scope).replace(CODE, code)


@dataclass(frozen=True)
class CodeCheck:
    """A checked ``verifyCodeRequest``."""

    to: str
    scope: str
    expiry: timedelta
    code: str


def _number(body: Mapping[str, Any], name: str) -> str:
    value = body.get(name)
    if value is None:
        raise InvalidRequest(f"{name} number is required")
    if not isinstance(value, str) or not is_e164(value):
        raise InvalidRequest(f"{name} must be an E.164 number (+19195551234)")
    return value


def _text(body: Mapping[str, Any], name: str, limit: int, default: Optional[str] = None) -> str:
    value = body.get(name, default)
    if value is None:
        raise InvalidRequest(f"{name} is required")
    if not isinstance(value, str) or not value:
        raise InvalidRequest(f"{name} must be a non-empty string")
    if len(value) > limit:
        raise InvalidRequest(f"{name} must be at most {limit} characters")
    return value


def code_order(body: Mapping[str, Any]) -> CodeOrder:
    """The ``codeRequest`` of a generate call (400 for what the schema refuses)."""
    to = _number(body, "to")
    from_ = _number(body, "from")
    if len(from_) > MAX_FROM:  # pragma: no cover - an E.164 number is at most 16 characters
        raise InvalidRequest(f"from must be at most {MAX_FROM} characters")
    application_id = _text(body, "applicationId", MAX_APPLICATION_ID)
    scope = _text(body, "scope", MAX_SCOPE, DEFAULT_SCOPE)
    message = _text(body, "message", MAX_MESSAGE)
    if CODE not in message:
        raise InvalidRequest("message must contain {CODE}, where the code goes")
    digits = body.get("digits")
    if digits is None:
        raise InvalidRequest("digits is required")
    if isinstance(digits, bool) or not isinstance(digits, int):
        if not (isinstance(digits, float) and digits.is_integer()):
            raise InvalidRequest("digits must be an integer")
        digits = int(digits)
    if not MIN_DIGITS <= digits <= MAX_DIGITS:
        raise InvalidRequest(f"digits must be between {MIN_DIGITS} and {MAX_DIGITS}")
    return CodeOrder(to, from_, application_id, scope, message, digits)


def code_check(body: Mapping[str, Any]) -> CodeCheck:
    """The ``verifyCodeRequest`` of a verify call (400 for what the schema refuses)."""
    to = _number(body, "to")
    scope = body.get("scope", DEFAULT_SCOPE)
    if scope is None:
        scope = DEFAULT_SCOPE
    if not isinstance(scope, str):
        raise InvalidRequest("scope must be a string")
    minutes = body.get("expirationTimeInMinutes")
    if minutes is None:
        raise InvalidRequest("expirationTimeInMinutes is required")
    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)):
        raise InvalidRequest("expirationTimeInMinutes must be a number")
    if not MIN_EXPIRY <= minutes <= MAX_EXPIRY_MINUTES:
        raise InvalidRequest(
            f"expirationTimeInMinutes must be between {MIN_EXPIRY} and {MAX_EXPIRY_MINUTES}"
        )
    code = body.get("code")
    if code is None:
        raise InvalidRequest("code is required")
    if not isinstance(code, str) or not MIN_DIGITS <= len(code) <= MAX_DIGITS:
        raise InvalidRequest(f"code must be a string of {MIN_DIGITS} to {MAX_DIGITS} characters")
    return CodeCheck(to, scope, timedelta(minutes=minutes), code)
