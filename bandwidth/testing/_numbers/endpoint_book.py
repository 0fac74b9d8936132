"""BRTC endpoint state: the account's endpoints, their devices, and the events they send.

:class:`EndpointBook` is the one writer. An endpoint lives 24 hours from
its creation (then its devices disconnect and it is gone); its status is
``CONNECTED`` while one of its devices is, ``DISCONNECTED`` otherwise (so a
new endpoint, with no device, is ``DISCONNECTED``). A device connects or
disconnects when the test says so (a browser using the token, in real
life), and each change is an event POSTed to the endpoint's
``eventCallbackUrl`` (its ``eventFallbackUrl`` when that fails), in the
spec's ``EndpointEvent`` shape or, with :attr:`EndpointBook.event_shape`
``"docs"``, the BRTC webhooks page's. Callers hold the lock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Dict, List, Mapping, Optional, Protocol, Tuple

from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.webhooks import Delivery, Target
from bandwidth.testing._numbers.platform_events import PlatformEvents
from bandwidth.testing._voice.wire_forms import wire_form

__all__ = [
    "CONNECTED",
    "DEFAULT_MAX_ENDPOINTS",
    "DISCONNECTED",
    "ENDPOINT_LIFETIME",
    "EVENT_SHAPES",
    "MAX_BXML_KEPT",
    "EndpointBook",
    "EndpointCall",
    "QuotaReached",
    "SimulatedDevice",
    "SimulatedEndpoint",
]

CONNECTED, DISCONNECTED = "CONNECTED", "DISCONNECTED"
#: How long an endpoint (and its token) lives.
ENDPOINT_LIFETIME = timedelta(hours=24)
#: Endpoints an account may hold at once before ``create_endpoint`` answers 429 (the
#: real quota is undocumented).
DEFAULT_MAX_ENDPOINTS = 100
#: The BXML documents kept per endpoint (the newest).
MAX_BXML_KEPT = 100
#: ``"spec"``: the spec's ``EndpointEvent``; ``"docs"``: the BRTC webhooks page's shape.
EVENT_SHAPES = ("spec", "docs")
#: Real seconds the app may take to answer one event (no source gives one).
EVENT_TIMEOUT = 10.0
_DOCS_EVENTS = {
    "DEVICE_CONNECTED": "endpointConnected",
    "DEVICE_DISCONNECTED": "endpointDisconnected",
}


@dataclass
class SimulatedDevice:
    """One client connection to an endpoint."""

    device_id: str
    device_name: Optional[str]
    created: datetime
    status: str = CONNECTED

    def wire(self) -> Dict[str, Any]:
        """The ``device`` form."""
        return wire_form(
            "Device",
            {
                "device_id": self.device_id,
                "device_name": self.device_name,
                "status": self.status,
                "creation_timestamp": format_time(self.created),
            },
            left_out_when_none=frozenset({"device_name"}),
        )


@dataclass
class SimulatedEndpoint:
    """One endpoint: what it was created with, its devices, the BXML it was sent."""

    endpoint_id: str
    account_id: str
    direction: str
    created: datetime
    token: str = field(repr=False)
    seq: int
    event_callback_url: Optional[str] = None
    event_fallback_url: Optional[str] = None
    tag: Optional[str] = None
    type: str = "WEBRTC"
    devices: List[SimulatedDevice] = field(default_factory=list)
    #: every document ``update_endpoint_bxml`` was sent, oldest first (the newest kept)
    bxml: List[str] = field(default_factory=list)

    @property
    def expires(self) -> datetime:
        """When the endpoint and its token end."""
        return self.created + ENDPOINT_LIFETIME

    @property
    def status(self) -> str:
        """``CONNECTED`` while a device is."""
        return CONNECTED if any(d.status == CONNECTED for d in self.devices) else DISCONNECTED

    def values(self) -> Dict[str, Any]:
        return {
            "endpoint_id": self.endpoint_id,
            "type": self.type,
            "status": self.status,
            "creation_timestamp": format_time(self.created),
            "expiration_timestamp": format_time(self.expires),
            "tag": self.tag,
        }

    def summary(self) -> Dict[str, Any]:
        """The ``endpoints`` form (a list item)."""
        return wire_form("Endpoints", self.values(), left_out_when_none=frozenset({"tag"}))

    def detail(self, *, with_token: bool = False) -> Dict[str, Any]:
        """The ``endpoint`` form with its devices (and the token, as ``create`` answers)."""
        values = {**self.values(), "devices": [d.wire() for d in self.devices]}
        if with_token:
            values["token"] = self.token
            return wire_form(
                "CreateEndpointResponseData", values, left_out_when_none=frozenset({"tag"})
            )
        return wire_form("Endpoint", values, left_out_when_none=frozenset({"tag"}))


class EndpointCall(Protocol):
    """A call held on an endpoint (``<Connect>``), told when the endpoint's side ends."""

    def endpoint_gone(self, when: datetime) -> None:
        """Its last device disconnected, or it was deleted or expired."""


class QuotaReached(Exception):
    """The account holds as many endpoints as it may."""


class EndpointBook:
    """Every endpoint of the simulator's account, in creation order."""

    def __init__(self, account_id: Callable[[], str], events: PlatformEvents) -> None:
        self._account_id = account_id
        self.events = events
        self.endpoints: Dict[str, SimulatedEndpoint] = {}
        #: endpoint id -> the calls ``<Connect>`` holds on it
        self.connections: Dict[str, List[EndpointCall]] = {}
        self.max_endpoints = DEFAULT_MAX_ENDPOINTS
        self.event_shape = "spec"
        self._seq = 0
        self._key = secrets.token_bytes(32)  # signs the tokens (not a secret of the user's)

    def clear(self) -> None:
        """Forget every endpoint."""
        self.endpoints.clear()
        self.connections.clear()

    def create(self, fields: Mapping[str, Any], when: datetime) -> SimulatedEndpoint:
        """A new endpoint with its token; it expires (and goes) 24 hours later."""
        if len(self.endpoints) >= self.max_endpoints:
            raise QuotaReached(self.max_endpoints)
        self._seq += 1
        endpoint_id = f"e-{uuid.uuid4()}"
        endpoint = SimulatedEndpoint(
            endpoint_id=endpoint_id,
            account_id=self._account_id(),
            direction=str(fields["direction"]),
            created=when,
            token=self._token(endpoint_id, when),
            seq=self._seq,
            event_callback_url=fields.get("eventCallbackUrl"),
            event_fallback_url=fields.get("eventFallbackUrl"),
            tag=fields.get("tag"),
        )
        self.endpoints[endpoint_id] = endpoint

        def expire(now: datetime) -> None:
            if self.endpoints.get(endpoint_id) is endpoint:
                self.disconnect(endpoint_id, None, now)
                self.delete(endpoint_id, now)

        self.events.at(endpoint.expires, expire)
        return endpoint

    def _token(self, endpoint_id: str, when: datetime) -> str:
        """A JWT-shaped token (HS256 over the endpoint, account and expiry)."""

        def part(data: Mapping[str, Any]) -> str:
            raw = json.dumps(data, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

        expiry = int((when + ENDPOINT_LIFETIME).timestamp())
        claims = {"sub": endpoint_id, "accountId": self._account_id(), "exp": expiry}
        signed = part({"alg": "HS256", "typ": "JWT"}) + "." + part(claims)
        digest = hmac.new(self._key, signed.encode("ascii"), hashlib.sha256).digest()
        return signed + "." + base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def delete(self, endpoint_id: str, when: datetime) -> None:
        """Forget an endpoint at once (``KeyError`` when unknown): its media ends (a call
        ``<Connect>`` held on it goes on), no event."""
        del self.endpoints[endpoint_id]
        self._gone(endpoint_id, when)

    def hold(self, endpoint_id: str, call: EndpointCall) -> None:
        """A call joins the endpoint (``<Connect>``)."""
        self.connections.setdefault(endpoint_id, []).append(call)

    def unhold(self, endpoint_id: str, call: EndpointCall) -> None:
        """A call leaves the endpoint (it ended, or the verb was stopped)."""
        held = self.connections.get(endpoint_id)
        if held is not None and call in held:
            held.remove(call)
            if not held:
                del self.connections[endpoint_id]

    def _gone(self, endpoint_id: str, when: datetime) -> None:
        for call in list(self.connections.pop(endpoint_id, ())):
            call.endpoint_gone(when)

    def keep_bxml(self, endpoint_id: str, document: str) -> None:
        """Note a document ``update_endpoint_bxml`` was sent."""
        kept = self.endpoints[endpoint_id].bxml
        kept.append(document)
        del kept[:-MAX_BXML_KEPT]

    # -- devices (the test) ----------------------------------------------------------------

    def connect(self, endpoint_id: str, device_name: Optional[str], when: datetime) -> str:
        """A device connects with the endpoint's token: ``DEVICE_CONNECTED``; its id."""
        endpoint = self.endpoints[endpoint_id]
        device = SimulatedDevice(f"d-{uuid.uuid4()}", device_name, when)
        endpoint.devices.append(device)
        self._event(endpoint, device, "DEVICE_CONNECTED", when)
        return device.device_id

    def disconnect(self, endpoint_id: str, device_id: Optional[str], when: datetime) -> None:
        """A device (``None``: every connected one) disconnects: ``DEVICE_DISCONNECTED`` each.

        The device stays listed, ``DISCONNECTED``.
        """
        endpoint = self.endpoints[endpoint_id]
        chosen = [
            d
            for d in endpoint.devices
            if d.status == CONNECTED and (device_id is None or d.device_id == device_id)
        ]
        if device_id is not None and not chosen:
            known = any(d.device_id == device_id for d in endpoint.devices)
            state = "is not connected" if known else "is not a device of the endpoint"
            raise ValueError(f"{device_id} {state}")
        for device in chosen:
            device.status = DISCONNECTED
            self._event(endpoint, device, "DEVICE_DISCONNECTED", when)
        if chosen and endpoint.status == DISCONNECTED:
            self._gone(endpoint_id, when)

    # -- listing ---------------------------------------------------------------------------

    def page(
        self, type_: Optional[str], status: Optional[str], after: int, limit: int
    ) -> Tuple[List[SimulatedEndpoint], int, int, bool]:
        """The endpoints after position ``after`` (creation order), at most ``limit``:
        the page, how many match, how many matching ones come before it, whether more remain."""
        matching = [
            e
            for e in self.endpoints.values()
            if (type_ is None or e.type == type_) and (status is None or e.status == status)
        ]
        before = sum(1 for e in matching if e.seq <= after)
        rest = matching[before:]
        return rest[:limit], len(matching), before, len(rest) > limit

    # -- events ----------------------------------------------------------------------------

    def _event(
        self, endpoint: SimulatedEndpoint, device: SimulatedDevice, event_type: str, when: datetime
    ) -> None:
        if not endpoint.event_callback_url:
            return
        payload: Dict[str, Any]
        if self.event_shape == "docs":
            payload = {
                "accountId": endpoint.account_id,
                "endpointId": endpoint.endpoint_id,
                "event": _DOCS_EVENTS[event_type],
                "deviceId": device.device_id,
                "timestamp": int(when.timestamp() * 1000),
                "tags": endpoint.tag,
            }
        else:
            payload = wire_form(
                "EndpointEvent",
                {
                    **endpoint.values(),
                    "event_time": format_time(when),
                    "event_type": event_type,
                    "device": device.wire(),
                },
                left_out_when_none=frozenset({"tag"}),
            )
        fallback = None
        if endpoint.event_fallback_url:
            fallback = Target(endpoint.event_fallback_url)
        delivery = Delivery(
            event_type=event_type,
            call_id=endpoint.endpoint_id,
            payload=payload,
            primary=Target(endpoint.event_callback_url),
            fallback=fallback,
            timeout=EVENT_TIMEOUT,
            time=when,
            expects_bxml=False,
        )
        self.events.send([delivery])
