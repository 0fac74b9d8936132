"""Webhook delivery: one event to the app, the way Bandwidth sends it, and what came back.

A :class:`Delivery` is one event (its payload, the primary URL and the
fallback). :func:`deliver` sends it through a :class:`Transport` (real HTTP
in ``http_transport``; an in-process WSGI or ASGI app in ``in_process_apps``)
and follows the documented rules:

* POST sends the payload as JSON; GET sends it as query parameters.
* The first request carries no credentials. A ``401`` with a
  ``WWW-Authenticate`` challenge is answered by sending it again with HTTP
  Basic credentials, when the URL has them; a bare 401 loses the event.
* A connection that cannot be made is retried once on the same URL.
* When the primary URL still fails (no connection, a timeout, a non-2xx
  answer), the fallback URL gets the event, with its own method and
  credentials.

The result is a :class:`Webhook`, the record tests read from
``sim.webhooks``.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import Any, Callable, Dict, List, Mapping, Optional, Protocol, Tuple
from urllib.parse import parse_qsl, urlencode

from bandwidth.testing._core.masking import shown_document
from bandwidth.testing._core.webhook_urls import InvalidUrl, WebhookUrl, join_url, parse_webhook_url

__all__ = [
    "DEFAULT_METHOD",
    "MAX_REPLY_BYTES",
    "AppRequest",
    "Attempt",
    "CallbackSettings",
    "Delivery",
    "DeliveryError",
    "FollowUp",
    "Outcome",
    "Reply",
    "RequestByRequest",
    "Target",
    "Targets",
    "Transport",
    "Webhook",
    "deliver",
    "encode_request",
    "request_targets",
    "targets_for",
]

#: A webhook's HTTP method when the call, the verb or the request names none.
DEFAULT_METHOD = "POST"
#: A reply body is read up to this size (BXML is at most 64 KiB; more is invalid anyway).
MAX_REPLY_BYTES = 64 * 1024 + 1
USER_AGENT = "bandwidth-voice-simulator"


@dataclass(frozen=True)
class Attempt:
    """One HTTP request of a delivery: to which URL, with or without credentials, and its fate."""

    url: str
    method: str
    #: the app's HTTP status, ``None`` when there was no answer
    status: Optional[int]
    #: whether the request carried ``Authorization: Basic ...``
    authorized: bool = False
    #: why there was no answer (connection refused, timeout, the app raised), else ``None``
    error: Optional[str] = None


@dataclass(frozen=True)
class Webhook:
    """One event delivered to the app, as ``sim.webhooks`` and ``call.webhooks`` list it.

    ``url`` and ``method`` are those of the last request made (the fallback
    URL's when the primary failed); ``status`` is the app's final HTTP status
    (``None`` if it could not be reached) and ``bxml`` the reply's text
    (``None`` when it was empty or there was none). ``attempts`` lists every
    request, including the unauthenticated one a 401 challenge answered.
    """

    event_type: str
    call_id: str
    url: str
    method: str
    payload: Dict[str, Any]
    status: Optional[int]
    bxml: Optional[str]
    time: datetime
    attempts: Tuple[Attempt, ...] = ()
    #: why the delivery failed, ``None`` when the app answered 2xx
    error: Optional[str] = None

    def __repr__(self) -> str:
        # The dataclass's repr, with the reply's secret attributes masked.
        shown = []
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name == "bxml" and value is not None:
                value = shown_document(value)
            shown.append(f"{item.name}={value!r}")
        return f"Webhook({', '.join(shown)})"

    @property
    def ok(self) -> bool:
        """Whether the app answered with a 2xx status."""
        return self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class Target:
    """Where one request goes: URL, method and the Basic credentials to answer a challenge with."""

    url: str
    method: str = DEFAULT_METHOD
    username: Optional[str] = None
    password: Optional[str] = field(default=None, repr=False)


#: A webhook's destination and its fallback, if it has one.
Targets = Tuple[Target, Optional[Target]]


class CallbackSettings(Protocol):
    """A webhook's settings as a product reads them (a BXML verb's ``...Url`` attributes)."""

    @property
    def url(self) -> Optional[str]:
        """The URL (``None``: no webhook)."""

    @property
    def method(self) -> str:
        """Its HTTP method."""

    @property
    def fallback_url(self) -> Optional[str]:
        """The fallback URL, if any."""

    @property
    def fallback_method(self) -> str:
        """The fallback's HTTP method."""

    @property
    def username(self) -> Optional[str]:
        """Basic credentials for the URL."""

    @property
    def password(self) -> Optional[str]:
        """Basic credentials for the URL."""

    @property
    def fallback_username(self) -> Optional[str]:
        """Basic credentials for the fallback."""

    @property
    def fallback_password(self) -> Optional[str]:
        """Basic credentials for the fallback."""


def targets_for(callback: CallbackSettings, base_url: str) -> Optional[Targets]:
    """Where a verb's webhook goes, relative URLs resolved against ``base_url``.

    ``None`` when the verb gives no URL (it then sends no webhook).
    """
    if not callback.url:
        return None

    def resolve(url: str) -> str:
        return join_url(base_url, url)

    primary = Target(resolve(callback.url), callback.method, callback.username, callback.password)
    fallback = None
    if callback.fallback_url:
        fallback = Target(
            resolve(callback.fallback_url),
            callback.fallback_method,
            callback.fallback_username,
            callback.fallback_password,
        )
    return primary, fallback


def request_targets(request: Mapping[str, Any], prefix: str) -> Targets:
    """Where a REST body's ``{prefix}Url`` webhook goes, with its ``{prefix}FallbackUrl``.

    As ``createCall``, ``updateCall`` and ``updateConference`` name them
    (``answerUrl``/``answerMethod``, ``redirectFallbackUrl``, ...), with the
    body's ``username``/``password`` and ``fallbackUsername``/``fallbackPassword``.
    """
    primary = Target(
        request[f"{prefix}Url"],
        request.get(f"{prefix}Method") or DEFAULT_METHOD,
        request.get("username"),
        request.get("password"),
    )
    fallback = None
    if request.get(f"{prefix}FallbackUrl"):
        fallback = Target(
            request[f"{prefix}FallbackUrl"],
            request.get(f"{prefix}FallbackMethod") or DEFAULT_METHOD,
            request.get("fallbackUsername"),
            request.get("fallbackPassword"),
        )
    return primary, fallback


@dataclass
class Delivery:
    """One event to deliver, and what the simulator does with the answer."""

    event_type: str
    call_id: str
    payload: Dict[str, Any]
    primary: Target
    fallback: Optional[Target]
    #: the call's ``callbackTimeout`` in seconds (a real socket timeout over HTTP)
    timeout: float
    #: the simulated time of the event
    time: datetime
    #: ``True`` for events answered with BXML (initiate, answer, gather, redirect)
    expects_bxml: bool = True
    #: the run generation it belongs to (a reply to a superseded event is ignored)
    generation: int = 0
    #: what to do with the outcome instead of running the reply on the call (conference
    #: events: their BXML runs on the conference); may return the next delivery
    on_reply: Optional[Callable[[Webhook, Optional[Reply]], Optional[Delivery]]] = field(
        default=None, repr=False
    )
    #: headers computed from the exact body sent (a product's signature), added to every request
    signature: Optional[Callable[[bytes], Mapping[str, str]]] = field(default=None, repr=False)
    #: ``True`` to send the payload as a one-event JSON array (``[payload]``: messaging's
    #: callbacks); the record's ``payload`` stays the event itself
    as_array: bool = False


@dataclass(frozen=True)
class Reply:
    """What the app answered one request with."""

    status: int
    headers: Mapping[str, str]
    body: bytes


class DeliveryError(Exception):
    """No answer: the connection failed or timed out, or an in-process app raised."""

    def __init__(self, message: str, *, connect: bool = False) -> None:
        super().__init__(message)
        #: ``True`` when no connection could be made (delivery retries those once)
        self.connect = connect


@dataclass(frozen=True)
class AppRequest:
    """One HTTP request to the app (its URL parsed and checked once, by :func:`deliver`)."""

    method: str
    url: WebhookUrl
    headers: Dict[str, str]
    body: bytes
    #: the ``callbackTimeout``: real seconds the whole answer may take
    timeout: float

    @property
    def authorized(self) -> bool:
        """Whether it carries credentials (the answer to a challenge)."""
        return "Authorization" in self.headers


@dataclass(frozen=True)
class Outcome:
    """What one request got: the app's reply, or why there was none."""

    request: AppRequest
    reply: Optional[Reply] = None
    error: Optional[DeliveryError] = None


#: Given the app's reply, the headers to send the request again with (a challenge
#: answered), or ``None``. A pure function, so a transport may run it on its own thread.
FollowUp = Callable[[Reply], Optional[Dict[str, str]]]


class Transport(Protocol):
    """Sends requests to the app and returns what came back."""

    def exchange(self, request: AppRequest, follow_up: FollowUp) -> List[Outcome]:
        """Send ``request``, then again with ``follow_up``'s headers when it gives some.

        Every request made is in the list, in order (:class:`RequestByRequest`
        holds the rules).
        """


class RequestByRequest:
    """A transport that makes one request at a time, each bounded by its own ``send``.

    Its :meth:`exchange` follows the delivery rules: a connection that cannot
    be made is retried once, then the one follow-up (the challenge's answer).
    """

    def send(self, request: AppRequest) -> Reply:
        """One request (or :class:`DeliveryError`)."""
        raise NotImplementedError

    def exchange(self, request: AppRequest, follow_up: FollowUp) -> List[Outcome]:
        """See :meth:`Transport.exchange`."""
        outcomes: List[Outcome] = []
        current: Optional[AppRequest] = request
        while current is not None:
            reply: Optional[Reply] = None
            for retry in (False, True):
                try:
                    reply = self.send(current)
                except DeliveryError as exc:
                    outcomes.append(Outcome(current, error=exc))
                    if exc.connect and not retry:
                        continue  # a connection error is retried once, as the platform does
                    return outcomes
                outcomes.append(Outcome(current, reply=reply))
                break
            if reply is None or current.authorized:
                break
            headers = follow_up(reply)
            current = None if headers is None else replace(current, headers=headers)
        return outcomes


def encode_request(
    target: Target,
    payload: Mapping[str, Any],
    url: Optional[WebhookUrl] = None,
    *,
    as_array: bool = False,
) -> Tuple[WebhookUrl, Dict[str, str], bytes]:
    """The URL, headers and body for ``payload``: JSON for POST, query parameters for GET.

    ``as_array`` sends a POST's JSON as ``[payload]`` (how messaging callbacks arrive).

    ``url`` is ``target.url`` already parsed (else it is parsed here:
    :class:`InvalidUrl` when it cannot be sent to). Under GET a nested value
    (an object or list) is sent as its JSON text, and ``null`` fields are
    left out: no source says how Bandwidth encodes them.
    """
    parsed = parse_webhook_url(target.url) if url is None else url
    headers = {"User-Agent": USER_AGENT}
    if target.method == "GET":
        pairs = parse_qsl(parsed.query, keep_blank_values=True)
        for key, value in payload.items():
            if value is None:
                continue
            if isinstance(value, bool):
                value = "true" if value else "false"
            elif isinstance(value, (dict, list)):
                value = json.dumps(value, separators=(",", ":"))
            pairs.append((key, str(value)))
        return parsed.with_query(urlencode(pairs)), headers, b""
    headers["Content-Type"] = "application/json"
    document: Any = [payload] if as_array else payload
    return parsed, headers, json.dumps(document, separators=(",", ":")).encode()


def _basic(target: Target) -> str:
    token = f"{target.username or ''}:{target.password or ''}".encode()
    return "Basic " + base64.b64encode(token).decode("ascii")


def _challenged(reply: Reply) -> bool:
    header = next((v for k, v in reply.headers.items() if k.lower() == "www-authenticate"), "")
    return reply.status == 401 and header.strip().lower().startswith("basic")


def _try(
    transport: Transport,
    target: Target,
    parsed: WebhookUrl,
    payload: Mapping[str, Any],
    timeout: float,
    attempts: List[Attempt],
    signature: Optional[Callable[[bytes], Mapping[str, str]]] = None,
    as_array: bool = False,
) -> Optional[Reply]:
    """Deliver to one URL: plain first, again with credentials after a Basic challenge."""
    url, headers, body = encode_request(target, payload, parsed, as_array=as_array)
    if signature is not None:
        headers.update(signature(body))

    def follow_up(reply: Reply) -> Optional[Dict[str, str]]:
        if _challenged(reply) and target.username is not None:
            return {**headers, "Authorization": _basic(target)}
        return None

    outcomes = transport.exchange(AppRequest(target.method, url, headers, body, timeout), follow_up)
    for outcome in outcomes:
        reply, error = outcome.reply, outcome.error
        attempts.append(
            Attempt(
                target.url,
                target.method,
                None if reply is None else reply.status,
                outcome.request.authorized,
                None if error is None else str(error),
            )
        )
    return outcomes[-1].reply if outcomes else None


def deliver(transport: Transport, delivery: Delivery) -> Tuple[Webhook, Optional[Reply]]:
    """Send ``delivery`` (primary, then fallback) and return its record and the 2xx reply."""
    attempts: List[Attempt] = []
    reply: Optional[Reply] = None
    target = delivery.primary
    for candidate in (delivery.primary, delivery.fallback):
        if candidate is None:
            continue
        target = candidate
        try:
            parsed = parse_webhook_url(candidate.url)  # the one parse: transports use its parts
        except InvalidUrl as exc:  # nothing can be sent there: as a URL that cannot be reached
            attempts.append(Attempt(candidate.url, candidate.method, None, False, str(exc)))
            reply = None
            continue
        reply = _try(
            transport,
            candidate,
            parsed,
            delivery.payload,
            delivery.timeout,
            attempts,
            delivery.signature,
            delivery.as_array,
        )
        if reply is not None and 200 <= reply.status < 300:
            break
    last = attempts[-1] if attempts else None
    status = None if reply is None else reply.status
    ok = status is not None and 200 <= status < 300
    text: Optional[str] = None
    if reply is not None and reply.body:
        text = reply.body.decode("utf-8", errors="replace")
    error = None
    if not ok:
        if status is not None:
            error = f"the app answered HTTP {status}"
        else:
            error = last.error if last is not None and last.error else "no answer"
    record = Webhook(
        event_type=delivery.event_type,
        call_id=delivery.call_id,
        url=target.url,
        method=target.method,
        payload=dict(delivery.payload),
        status=status,
        bxml=text,
        time=delivery.time,
        attempts=tuple(attempts),
        error=error,
    )
    return record, (reply if ok else None)
