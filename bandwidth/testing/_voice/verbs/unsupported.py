"""The verbs the simulator does not run yet: reaching one ends the call, naming it.

The platform runs them; the simulator cannot (``<Connect>`` joins a BRTC
endpoint, which has no stand-in here). Rather than skip one silently, the
call ends with ``application-error`` and an ``errorMessage`` that names the
verb and the verbs the simulator does run.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bandwidth.models.bxml import Connect
from bandwidth.testing._voice.bxml_reading import verb_name
from bandwidth.testing._voice.interpreter import HALT, CallFlow, Step, VerbFamily, VerbRunner

__all__ = ["UNSUPPORTED", "family"]

#: The top-level verbs no family runs.
UNSUPPORTED = (Connect,)


def _unsupported(flow: CallFlow, verb: Any, when: datetime) -> Step:
    runners = flow.table.runners
    known = sorted(
        cls.__name__ for cls, runner in runners.items() if runner.run is not _unsupported
    )
    message = (
        f"<{verb_name(verb)}> is not supported by the simulator yet (it runs "
        + ", ".join(known[:-1])
        + f" and {known[-1]})"
    )
    flow.host.end(flow.call, "application-error", when, message)
    return HALT


def family() -> VerbFamily:
    """A runner for each unsupported verb that ends the call with ``application-error``."""
    return VerbFamily({cls: VerbRunner(_unsupported) for cls in UNSUPPORTED})
