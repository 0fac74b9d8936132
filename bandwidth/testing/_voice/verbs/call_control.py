"""The verbs that steer the document itself: ``<Tag>``, ``<Hangup>`` and ``<Redirect>``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bandwidth.models.bxml import Hangup, Redirect, Tag
from bandwidth.testing._voice.bxml_reading import VerbCallback, callback, text
from bandwidth.testing._voice.interpreter import HALT, CallFlow, Step, VerbFamily, VerbRunner

__all__ = ["RedirectSpec", "family", "redirect_spec"]


@dataclass(frozen=True)
class RedirectSpec:
    """A ``<Redirect>``: where the next BXML comes from."""

    callback: VerbCallback


def redirect_spec(verb: Any) -> RedirectSpec:
    """Read a Redirect (its ``redirect_url`` is required by the builder)."""
    return RedirectSpec(callback(verb, "redirect"))


def _tag(flow: CallFlow, verb: Any, when: datetime) -> Step:
    value = (text(verb, "content") or "").strip()
    flow.call.set_tag(value, when)  # "" clears it
    return 0.0


def _hangup(flow: CallFlow, verb: Any, when: datetime) -> Step:
    flow.call.note(when, "<Hangup>")
    flow.hang_up(when)
    return HALT


def _redirect(flow: CallFlow, verb: Any, when: datetime) -> Step:
    callback = redirect_spec(verb).callback
    flow.call.set_tag(callback.tag, when)
    primary, fallback = flow.targets(callback)
    return flow.host.webhook(flow.call, "redirect", when, primary, fallback, flow.generation)


def family() -> VerbFamily:
    """The runners of ``<Tag>``, ``<Hangup>`` and ``<Redirect>`` (none answers a call)."""
    return VerbFamily(
        {Tag: VerbRunner(_tag), Hangup: VerbRunner(_hangup), Redirect: VerbRunner(_redirect)}
    )
