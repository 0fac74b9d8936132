"""What ``create_message`` refuses at once (400 with ``fieldErrors``), field by field.

The reference marks these synchronous: the shape of each field, E.164
``to`` (at most 10, no repeats) and ``from`` (or an alphanumeric sender
ID), ``text`` up to 2048 characters, ``media`` URLs up to 4096, ``tag`` up
to 1024, ``priority`` ``default``/``high``, an RFC 3339 ``expiration`` in
the future. Where the reference is silent the simulator also refuses, at
once, a message with neither ``text`` nor ``media``. Provisioning problems
(an unknown application, a number not on the account) are not checked
here: they fail later, as ``message-failed`` (see :mod:`.text_flow`).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Dict, List, Mapping

from bandwidth._formats import is_e164
from bandwidth.testing._core.clock import parse_time

__all__ = ["MAX_MEDIA_URL", "MAX_RECIPIENTS", "MAX_TAG", "MAX_TEXT", "field_errors"]

MAX_RECIPIENTS = 10
MAX_TEXT = 2048
MAX_MEDIA_URL = 4096
MAX_TAG = 1024
#: An alphanumeric sender ID: up to 11 of ``A-Z a-z 0-9 space - + _ &``, at least one letter.
_SENDER_ID = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9 \-+_&]{1,11}")
_PRIORITIES = ("default", "high")


def _error(name: str, description: str) -> Dict[str, str]:
    return {"fieldName": name, "description": description}


def _check_to(to: Any, errors: List[Dict[str, str]]) -> None:
    if not isinstance(to, list) or not to or not all(isinstance(item, str) for item in to):
        errors.append(_error("to", "to must be a non-empty array of phone numbers."))
        return
    if len(to) > MAX_RECIPIENTS:
        errors.append(_error("to", f"A message may have at most {MAX_RECIPIENTS} recipients."))
    bad = [item for item in to if not is_e164(item)]
    if bad:
        errors.append(_error("to", f"'{bad[0]}' must be a valid E.164 telephone number."))
    if len(set(to)) != len(to):
        errors.append(_error("to", "to must not repeat a number."))


def _check_from(sender: Any, errors: List[Dict[str, str]]) -> None:
    if not isinstance(sender, str):
        errors.append(_error("from", "from is required: a telephone number or a sender ID."))
    elif not is_e164(sender) and _SENDER_ID.fullmatch(sender) is None:
        errors.append(
            _error("from", f"'{sender}' must be a valid E.164 telephone number or sender ID.")
        )


def _check_content(body: Mapping[str, Any], errors: List[Dict[str, str]]) -> None:
    text, media = body.get("text"), body.get("media")
    if text is not None and not isinstance(text, str):
        errors.append(_error("text", "text must be a string."))
    elif isinstance(text, str) and len(text) > MAX_TEXT:
        errors.append(_error("text", f"text must be at most {MAX_TEXT} characters."))
    if media is not None:
        if not isinstance(media, list) or not all(isinstance(url, str) for url in media):
            errors.append(_error("media", "media must be an array of URLs."))
        elif any(len(url) > MAX_MEDIA_URL for url in media):
            errors.append(_error("media", f"Each media URL must be at most {MAX_MEDIA_URL}."))
    if not text and not media:
        errors.append(_error("text", "A message needs text or media."))


def field_errors(body: Mapping[str, Any], now: datetime) -> List[Dict[str, str]]:
    """Every problem of a ``messageRequest`` body, as ``fieldErrors`` entries (empty: none)."""
    errors: List[Dict[str, str]] = []
    application = body.get("applicationId")
    if not isinstance(application, str) or not application:
        errors.append(_error("applicationId", "applicationId is required."))
    _check_to(body.get("to"), errors)
    _check_from(body.get("from"), errors)
    _check_content(body, errors)
    tag = body.get("tag")
    if tag is not None and (not isinstance(tag, str) or len(tag) > MAX_TAG):
        errors.append(_error("tag", f"tag must be a string of at most {MAX_TAG} characters."))
    priority = body.get("priority")
    if priority is not None and priority not in _PRIORITIES:
        errors.append(_error("priority", "priority must be 'default' or 'high'."))
    expiration = body.get("expiration")
    if expiration is not None:
        try:
            moment = parse_time(expiration) if isinstance(expiration, str) else None
        except ValueError:
            moment = None
        if moment is None:
            errors.append(_error("expiration", "expiration must be an RFC 3339 date-time."))
        elif moment <= now:
            errors.append(_error("expiration", "expiration must lie in the future."))
    return errors
