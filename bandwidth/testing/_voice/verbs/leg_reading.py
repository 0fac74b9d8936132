"""Reading the verbs that place or join other legs: Transfer, Bridge, Forward and Refer.

The counterpart of :mod:`~bandwidth.testing._voice.bxml_reading` for these verbs, built
on its readers (attributes by their snake_case builder names, the BXML
reference's defaults when absent). Each verb becomes a frozen spec the
runners in ``transfer``, ``bridge``, ``forward`` and ``refer`` use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple

from bandwidth.testing._voice.bxml_reading import VerbCallback, callback, flag, number, text
from bandwidth.testing._voice.calls import DEFAULT_CALL_TIMEOUT

__all__ = [
    "BridgeSpec",
    "Destination",
    "ForwardSpec",
    "ReferSpec",
    "TransferSpec",
    "bridge_spec",
    "diversion",
    "forward_spec",
    "refer_spec",
    "transfer_spec",
]


@dataclass(frozen=True)
class Destination:
    """A ``<PhoneNumber>`` or ``<SipUri>`` of a Transfer: where to ring, and its leg's webhooks."""

    address: str
    #: ``transferAnswerUrl`` and the rest (its BXML runs on the leg before the bridge)
    answer: VerbCallback
    #: ``transferDisconnectUrl`` (no fallback: none is documented)
    disconnect: VerbCallback
    tag: Optional[str]
    uui: Optional[str]


@dataclass(frozen=True)
class TransferSpec:
    """A ``<Transfer>``: 1 to 8 destinations rung at once."""

    destinations: Tuple[Destination, ...]
    caller_id: Optional[str]
    display_name: Optional[str]
    privacy: bool
    call_timeout: float
    complete: VerbCallback
    diversion_treatment: Optional[str]
    diversion_reason: Optional[str]


def transfer_spec(verb: Any) -> TransferSpec:
    """Read a Transfer and its destinations (``callTimeout`` 30 s by default)."""
    destinations = tuple(
        Destination(
            address=text(kid, "number") or text(kid, "uri") or "",
            answer=callback(kid, "transfer_answer"),
            disconnect=callback(kid, "transfer_disconnect"),
            tag=text(kid, "tag"),
            uui=text(kid, "uui"),
        )
        for kid in (getattr(verb, "transfer_to", None) or ())
    )
    return TransferSpec(
        destinations=destinations,
        caller_id=text(verb, "transfer_caller_id"),
        display_name=text(verb, "transfer_caller_display_name"),
        privacy=flag(verb, "privacy", False),
        call_timeout=number(verb, "call_timeout", DEFAULT_CALL_TIMEOUT),
        complete=callback(verb, "transfer_complete"),
        diversion_treatment=text(verb, "diversion_treatment"),
        diversion_reason=text(verb, "diversion_reason"),
    )


@dataclass(frozen=True)
class BridgeSpec:
    """A ``<Bridge>``: the target call, and the webhooks for whichever call leaves first."""

    target: str
    complete: VerbCallback
    target_complete: VerbCallback


def bridge_spec(verb: Any) -> BridgeSpec:
    """Read a Bridge (its target call id is required by the builder)."""
    return BridgeSpec(
        target=(text(verb, "target_call") or "").strip(),
        complete=callback(verb, "bridge_complete"),
        target_complete=callback(verb, "bridge_target_complete"),
    )


@dataclass(frozen=True)
class ForwardSpec:
    """A ``<Forward>``: where the unanswered inbound call goes, and how it is presented."""

    to: str
    caller_id: Optional[str]
    display_name: Optional[str]
    privacy: bool
    call_timeout: float
    diversion_treatment: Optional[str]
    diversion_reason: Optional[str]
    uui: Optional[str]


def forward_spec(verb: Any) -> ForwardSpec:
    """Read a Forward (``to`` is required: ``validate()`` refused a document without it)."""
    return ForwardSpec(
        to=text(verb, "to") or "",
        caller_id=text(verb, "_from"),
        display_name=text(verb, "caller_display_name"),
        privacy=flag(verb, "privacy", False),
        call_timeout=number(verb, "call_timeout", DEFAULT_CALL_TIMEOUT),
        diversion_treatment=text(verb, "diversion_treatment"),
        diversion_reason=text(verb, "diversion_reason"),
        uui=text(verb, "uui"),
    )


@dataclass(frozen=True)
class ReferSpec:
    """A ``<Refer>``: the SIP URI the caller is referred to, and the referComplete webhook."""

    uri: str
    complete: VerbCallback


def refer_spec(verb: Any) -> ReferSpec:
    """Read a Refer (exactly one bare ``<SipUri>``, as the builder requires)."""
    target = getattr(verb, "sip_uri", None)
    return ReferSpec(
        uri=(text(target, "uri") or "") if target is not None else "",
        complete=callback(verb, "refer_complete"),
    )


def diversion(
    treatment: Optional[str], reason: Optional[str], inbound_to: str
) -> Optional[Dict[str, str]]:
    """The Diversion a leg's INVITE carries, as an initiate webhook would show it.

    ``none`` (the default) sends none; ``propagate`` copies the inbound leg's
    (the simulator's inbound calls carry none); ``stack`` adds one for the
    number the inbound call was made to, with ``reason`` (default
    ``unknown``).
    """
    if treatment != "stack":
        return None
    return {"origTo": inbound_to, "reason": reason or "unknown"}
