"""Endpoint (BRTC) event webhooks: ``parse_endpoint_event`` and its types.

Bandwidth POSTs a JSON object to an endpoint's ``eventCallbackUrl`` (then to
its ``eventFallbackUrl`` if that fails) when a device connects to or
disconnects from it. A body whose ``eventType`` the spec's
``endpointEventTypeEnum`` lists (``DEVICE_CONNECTED``, ``DEVICE_DISCONNECTED``)
gives the official :class:`~bandwidth.models.endpoint_event.EndpointEvent`;
any other body an :class:`UnknownEndpointEvent`, never an error. That includes
the other shape Bandwidth's BRTC webhooks page describes (``event`` such as
``endpointConnected``, an epoch-millisecond ``timestamp``, ``deviceId``,
``tags``), which the spec does not have: its fields are in
``additional_properties``.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Mapping, Optional, Type, Union

from pydantic import Discriminator, Field, Tag, TypeAdapter
from typing_extensions import Annotated

from bandwidth.callbacks._body import Body, load, model_tag, validate
from bandwidth.models._base import ResponseModel
from bandwidth.models.endpoint_event import EndpointEvent
from bandwidth.models.endpoint_event_type_enum import EndpointEventTypeEnum

__all__ = [
    "EndpointCallback",
    "UnknownEndpointEvent",
    "endpoint_event_model_for",
    "parse_endpoint_event",
]


class UnknownEndpointEvent(ResponseModel):
    """An endpoint event this SDK does not model (no known ``eventType``): every
    field but ``eventType`` is in :attr:`additional_properties`, as sent."""

    event_type: Any = Field(
        default=None, description="The event name, as sent (even a non-string)."
    )


_EVENT_TYPES = frozenset(member.value for member in EndpointEventTypeEnum)


def endpoint_event_model_for(
    event_type: Optional[object],
) -> Union[Type[EndpointEvent], Type[UnknownEndpointEvent]]:
    """The model class for an endpoint event's ``eventType``; :class:`UnknownEndpointEvent`
    for any other value (or none)."""
    if isinstance(event_type, str) and event_type in _EVENT_TYPES:
        return EndpointEvent
    return UnknownEndpointEvent


def _kind(value: Any) -> Optional[str]:
    if isinstance(value, Mapping):
        return endpoint_event_model_for(value.get("eventType")).__name__
    return model_tag(value, (EndpointEvent, UnknownEndpointEvent))  # None: an error


#: An endpoint event webhook, typed by its ``eventType``: usable as a pydantic
#: field or a FastAPI body parameter (``event: EndpointCallback``).
EndpointCallback = Annotated[
    Union[
        Annotated[EndpointEvent, Tag("EndpointEvent")],
        Annotated[UnknownEndpointEvent, Tag("UnknownEndpointEvent")],
    ],
    Discriminator(
        _kind,
        custom_error_type="endpoint_event_shape",
        custom_error_message="an endpoint event must be a JSON object",
    ),
]


@cache
def _adapter() -> TypeAdapter[EndpointCallback]:
    return TypeAdapter(EndpointCallback)


def parse_endpoint_event(body: Body, content_type: Optional[str] = None) -> EndpointCallback:
    """Parse an endpoint event webhook body into :class:`EndpointEvent` (or
    :class:`UnknownEndpointEvent`).

    ``body`` is the raw request body (JSON bytes or text; ``content_type`` only
    gives the charset) or the dict a framework already decoded.

    Raises :class:`~bandwidth.callbacks.CallbackParseError` for a body that is
    not JSON, is larger than 1 MiB or nested more than 32 levels deep, is not
    an object, or has a known field with an impossible value (a malformed
    ``eventTime``, a missing ``endpointId``); its ``errors()`` name each field,
    never its value.
    """
    event: EndpointCallback = validate(_adapter(), load(body, content_type), "endpoint event")
    return event
