"""The control routes' JSON for webhooks and recorded requests, in both directions.

The server (``/_control/webhooks``, ``/_control/requests``) writes them and
:class:`~bandwidth.testing.SimulatorControl` reads them back into the same
:class:`~bandwidth.testing.Webhook` and :class:`~bandwidth.testing.RecordedRequest`
objects the in-process API returns, so the two cannot disagree.
"""

from __future__ import annotations

import base64
from typing import Any, Dict, List, Mapping
from urllib.parse import parse_qsl

from bandwidth.testing._core.clock import format_time, parse_time
from bandwidth.testing._core.rest_service import RecordedRequest
from bandwidth.testing._core.webhooks import Attempt, Webhook

__all__ = ["request_from_json", "request_json", "webhook_from_json", "webhook_json"]

_MASK = "*****"


def _attempt_json(attempt: Attempt) -> Dict[str, Any]:
    return {
        "url": attempt.url,
        "method": attempt.method,
        "status": attempt.status,
        "authorized": attempt.authorized,
        "error": attempt.error,
    }


def webhook_json(webhook: Webhook) -> Dict[str, Any]:
    """A :class:`Webhook` as JSON (``time`` in the API's ISO 8601 form)."""
    return {
        "eventType": webhook.event_type,
        "callId": webhook.call_id,
        "url": webhook.url,
        "method": webhook.method,
        "payload": webhook.payload,
        "status": webhook.status,
        "bxml": webhook.bxml,
        "time": format_time(webhook.time),
        "error": webhook.error,
        "attempts": [_attempt_json(a) for a in webhook.attempts],
    }


def webhook_from_json(data: Mapping[str, Any]) -> Webhook:
    """The :class:`Webhook` :func:`webhook_json` wrote."""
    return Webhook(
        event_type=data["eventType"],
        call_id=data["callId"],
        url=data["url"],
        method=data["method"],
        payload=dict(data["payload"]),
        status=data["status"],
        bxml=data["bxml"],
        time=parse_time(data["time"]),
        attempts=tuple(
            Attempt(a["url"], a["method"], a["status"], a["authorized"], a["error"])
            for a in data["attempts"]
        ),
        error=data["error"],
    )


def _masked(headers: Mapping[str, str]) -> Dict[str, str]:
    """Headers with the credentials of ``Authorization`` masked (its scheme stays)."""
    shown = dict(headers)
    value = shown.get("authorization")
    if value is not None:
        scheme = value.strip().partition(" ")[0]
        shown["authorization"] = f"{scheme} {_MASK}" if scheme else _MASK
    return shown


def request_json(request: RecordedRequest) -> Dict[str, Any]:
    """A :class:`RecordedRequest` as JSON; the ``Authorization`` credentials are masked.

    The body is text when it is UTF-8 (``"encoding": "utf-8"``), else base64.
    """
    try:
        body, encoding = request.body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        body, encoding = base64.b64encode(request.body).decode("ascii"), "base64"
    return {
        "method": request.method,
        "path": request.path,
        "queryString": request.query_string,
        "headers": _masked(request.headers),
        "body": body,
        "encoding": encoding,
        "operation": request.operation,
        "time": format_time(request.time),
    }


def request_from_json(data: Mapping[str, Any]) -> RecordedRequest:
    """The :class:`RecordedRequest` :func:`request_json` wrote (credentials stay masked)."""
    text = data["body"]
    if data["encoding"] == "base64":
        body = base64.b64decode(text, validate=True)
    else:
        body = text.encode("utf-8")
    query: Dict[str, List[str]] = {}
    for key, value in parse_qsl(data["queryString"], keep_blank_values=True):
        query.setdefault(key, []).append(value)
    return RecordedRequest(
        method=data["method"],
        path=data["path"],
        query_string=data["queryString"],
        query=query,
        headers=dict(data["headers"]),
        body=body,
        operation=data["operation"],
        time=parse_time(data["time"]),
    )
