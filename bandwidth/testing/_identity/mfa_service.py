"""The MFA API as the core serves it: its routes, errors and the three operations.

:class:`MfaService` is the MFA's
:class:`~bandwidth.testing._core.products.ProductService`.
``generate_messaging_code`` texts the rendered message from ``from`` to the
handset of ``to`` (through the messaging side's platform seam, a
:class:`TextSender`) and answers a Messaging-style ``messageId``;
``generate_voice_code`` places a call that speaks it
(:mod:`.spoken_codes`) and answers its ``callId``; ``verify_code`` checks a
code (:mod:`.code_book`). Bodies are read as JSON whatever their
``Content-Type`` (the docs' own examples send ``text/plain``). Errors are
``mfaRequestError`` (``{error, requestId}``), except 401 and 403
(``{message}``), as the spec has them.
"""

from __future__ import annotations

import secrets
import string
import threading
import uuid
from datetime import datetime
from typing import Callable, Mapping, Optional, Protocol, Tuple

from bandwidth.testing._core.credentials import Principal
from bandwidth.testing._core.handlers import Problem, Request, json_answer, parse_json_object
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.masking import MASK
from bandwidth.testing._core.products import ControlMatch, Route
from bandwidth.testing._identity.code_book import CodeBook
from bandwidth.testing._identity.code_checks import CodeOrder, code_check, code_order
from bandwidth.testing._identity.identity_paths import MFA_SUCCESS, mfa_route
from bandwidth.testing._identity.spoken_codes import SpokenCodes, SpokenText
from bandwidth.testing._voice.call_store import CallStore

__all__ = ["LOCKED_MESSAGE", "MfaService", "TextSender", "new_message_id"]

LOCKED_MESSAGE = "You have exceeded verification attempts, please wait 2 minutes"
_ID_CHARACTERS = string.ascii_lowercase + string.digits


class TextSender(Protocol):
    """The messaging side's seam: the platform texts ``text`` from ``sender`` to ``to``."""

    def deliver_platform_text(self, sender: str, to: str, text: str) -> None:
        """Deliver one text to the handset of ``to``."""


def new_message_id(now: datetime) -> str:
    """A Messaging API message id: epoch milliseconds and 16 letters or digits (29 characters)."""
    tail = "".join(secrets.choice(_ID_CHARACTERS) for _ in range(16))
    return f"{int(now.timestamp() * 1000):013d}{tail}"


class MfaService:
    """The MFA API's routes, error body and answers (a ``ProductService``)."""

    api_name = "MFA API"
    success: Mapping[str, int] = MFA_SUCCESS

    def __init__(
        self,
        codes: CodeBook,
        calls: CallStore,
        spoken: SpokenCodes,
        now: Callable[[], datetime],
        catch_up: Callable[[], None],
    ) -> None:
        self.codes = codes
        self.calls = calls
        self.lock: threading.Lock = calls.lock
        self.spoken = spoken
        self.now = now
        self._catch_up = catch_up
        self._control: Optional[Callable[[str, str], Optional[ControlMatch]]] = None
        #: where texted codes go (the messaging side's seam); ``None``: they are only issued
        self.texts: Optional[TextSender] = None
        #: what ``{NAME}`` in a message becomes (the name set when MFA was provisioned)
        self.application_name = "Bandwidth Simulator"

    def route(self, method: str, path: str) -> Optional[Route]:
        """An MFA operation's route (under ``/api/v1`` or ``/api/v2``), else ``None``."""
        return mfa_route(method, path)

    def permits(self, principal: Principal) -> bool:
        """Any authenticated principal (roles are modelled for voice only)."""
        return True

    def answer(self, route: Route, request: Request) -> Response:
        """Answer one MFA operation."""
        body = parse_json_object(request.body)
        if route.operation == "verify_code":
            check = code_check(body)
            with self.lock:
                verdict = self.codes.verify(
                    check.to, check.scope, check.code, check.expiry, self.now()
                )
            if verdict.locked:
                raise Problem(429, LOCKED_MESSAGE)
            return json_answer({"valid": verdict.valid})
        order = code_order(body)
        if route.operation == "generate_voice_code":
            return self._voice(order)
        return self._messaging(order)

    def _said(self, order: CodeOrder, code: str) -> SpokenText:
        """The message with ``code`` in it (its ``repr`` masks the code)."""
        name = self.application_name
        return SpokenText(order.render(code, name), order.render(MASK, name))

    def _voice(self, order: CodeOrder) -> Response:
        with self.lock:
            now = self.now()
            code = self.codes.new_value(order.digits)
            said = self._said(order, code)
            call = self.spoken.place(
                self.calls, order.to, order.from_, order.application_id, said, now
            )
            self.codes.issue(order.to, order.scope, code, "voice", call.call_id, now)
        self._catch_up()
        return json_answer({"callId": call.call_id})

    def _messaging(self, order: CodeOrder) -> Response:
        with self.lock:
            now = self.now()
            message_id = new_message_id(now)
            code = self.codes.new_value(order.digits)
            self.codes.issue(order.to, order.scope, code, "messaging", message_id, now)
            sender = self.texts
            if sender is not None:  # the seam is called under the lock
                sender.deliver_platform_text(order.from_, order.to, str(self._said(order, code)))
        return json_answer({"messageId": message_id})

    def error(
        self, status: int, description: str, headers: Tuple[Tuple[str, str], ...] = ()
    ) -> Response:
        """``mfaRequestError`` (``{error, requestId}``); 401 and 403 answer ``{message}``."""
        if status in (401, 403):
            return json_answer({"message": description}, status, headers)
        return json_answer({"error": description, "requestId": str(uuid.uuid4())}, status, headers)

    def control(self, method: str, path: str) -> Optional[ControlMatch]:
        """Its control endpoints (reading codes) below ``/_control``."""
        return None if self._control is None else self._control(method, path)

    def control_with(self, finder: Callable[[str, str], Optional[ControlMatch]]) -> None:
        """Its control endpoints (built once the test API's part is)."""
        self._control = finder
