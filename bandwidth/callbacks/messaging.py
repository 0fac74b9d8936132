"""Messaging and multi-channel webhooks: ``parse_messaging_callbacks`` and its types.

Bandwidth POSTs every messaging event (SMS, MMS and the multi-channel RBM/SMS/MMS
messages alike) to the application's callback URL as a JSON **array** of
events; the spec shows single objects, so one object is accepted too. Each
event's ``type`` picks its model: a status type (``message-sending``,
``message-sent``, ``message-delivered``, ``message-failed``, ``message-read``)
gives the official :class:`~bandwidth.models.status_callback.StatusCallback`,
an inbound type (``message-received``, ``suggestion-response``,
``requested-location-response``) the official
:class:`~bandwidth.models.inbound_callback.InboundCallback`, anything else an
:class:`UnknownMessagingCallback`, so a new event type never fails a webhook.
Which type is which is the spec's own rule: the discriminator mapping of its
``callback`` schema, as generated into
:attr:`bandwidth.models.callback.Callback.mapping`.
"""

from __future__ import annotations

from functools import cache
from typing import Any, List, Mapping, Optional, Type, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, TypeAdapter
from typing_extensions import Annotated

from bandwidth.callbacks._body import Body, CallbackParseError, load, model_tag, validate
from bandwidth.models._base import ResponseModel
from bandwidth.models.callback import Callback
from bandwidth.models.inbound_callback import InboundCallback
from bandwidth.models.status_callback import StatusCallback

__all__ = [
    "MessagingCallback",
    "MessagingCallbacks",
    "UnknownMessagingCallback",
    "messaging_callback_model_for",
    "parse_messaging_callbacks",
]


class UnknownMessagingCallback(ResponseModel):
    """A messaging event whose ``type`` this SDK does not know (yet).

    Every field but ``type`` is in :attr:`additional_properties`, as sent
    (``message`` stays a dict), so an app can still read a newer event.
    """

    type: Any = Field(default=None, description="The event name, as sent (even a non-string).")


_Model = Union[Type[StatusCallback], Type[InboundCallback], Type[UnknownMessagingCallback]]


def messaging_callback_model_for(event_type: Optional[object]) -> _Model:
    """The model class for a messaging event's ``type``; :class:`UnknownMessagingCallback`
    for any other value (or none)."""
    model = Callback.mapping.get(event_type) if isinstance(event_type, str) else None
    if model is StatusCallback:
        return StatusCallback
    if model is InboundCallback:
        return InboundCallback
    return UnknownMessagingCallback


def _kind(value: Any) -> Optional[str]:
    """The tag of the model for one event (a decoded object, or a model when serializing)."""
    if isinstance(value, Mapping):
        return messaging_callback_model_for(value.get("type")).__name__
    # a model when serializing; None for anything else: the discriminator's error
    return model_tag(value, (StatusCallback, InboundCallback, UnknownMessagingCallback))


#: One messaging event, typed by its ``type``: usable as a pydantic field or a
#: FastAPI body parameter (``event: MessagingCallback``).
MessagingCallback = Annotated[
    Union[
        Annotated[StatusCallback, Tag("StatusCallback")],
        Annotated[InboundCallback, Tag("InboundCallback")],
        Annotated[UnknownMessagingCallback, Tag("UnknownMessagingCallback")],
    ],
    Discriminator(
        _kind,
        custom_error_type="messaging_event_type",
        custom_error_message="each messaging event must be a JSON object",
    ),
]


def _as_list(value: Any) -> Any:
    """One event object is a list of one (the spec's shape of the array's items)."""
    return [value] if isinstance(value, Mapping) else value


#: A messaging webhook body: the array of events (a single object reads as a
#: list of one). Usable as a FastAPI body parameter (``events: MessagingCallbacks``).
MessagingCallbacks = Annotated[List[MessagingCallback], BeforeValidator(_as_list)]


@cache
def _adapter() -> TypeAdapter[List[MessagingCallback]]:
    return TypeAdapter(MessagingCallbacks)


def parse_messaging_callbacks(
    body: Body, content_type: Optional[str] = None
) -> List[MessagingCallback]:
    """Parse a messaging (or multi-channel) webhook body into its events, in order.

    ``body`` is the raw request body (JSON bytes or text; ``content_type``, the
    request's ``Content-Type``, only gives the charset), or the list or dict a
    framework already decoded. A JSON array gives one model per item, a single
    object a list of one, ``[]`` an empty list.

    Raises :class:`CallbackParseError` for a body that is not JSON, is larger
    than 1 MiB or nested more than 32 levels deep, is neither an array nor an
    object, holds an item that is not an object, or has a known field with an
    impossible value; its ``errors()`` name each field (``loc`` starts with the
    item's index and model), never its value.
    """
    data = load(body, content_type)
    if not isinstance(data, (Mapping, list, tuple)):
        raise CallbackParseError("messaging callback body must be a JSON array of event objects")
    events: List[MessagingCallback] = validate(_adapter(), data, "messaging callback")
    return events
