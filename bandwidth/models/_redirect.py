"""The rule between a target state and a redirect, shared by ``UpdateCall`` and
``UpdateConference``.

Both bodies move something live to ``active`` (fetch new BXML from
``redirectUrl``) or ``completed`` (hang up, or end the conference). The API
states the same rule for both, in prose: ``active`` needs a ``redirectUrl``,
and ``completed`` takes none of the redirect's fields. Only an explicitly set
state is judged: without one, a body may change other things alone (a call's
``tag``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Sequence, Tuple

if TYPE_CHECKING:
    from bandwidth.models._base import RequestModel

__all__ = ["state_rules"]


def state_rules(
    model: RequestModel, state: str, not_with_completed: Sequence[Tuple[str, str]]
) -> List[str]:
    """Problems (wire names, no values) between ``model``'s state field ``state`` (the
    same name in Python and on the wire), its ``redirect_url``, and the
    ``(python name, wire name)`` fields ``completed`` does not allow."""
    fields_set = model.__pydantic_fields_set__
    if state not in fields_set:
        return []
    target = getattr(model, state)
    if target == "completed":
        return [
            f'{wire} is not allowed when {state} is "completed"'
            for name, wire in not_with_completed
            if name in fields_set and getattr(model, name) is not None
        ]
    if target == "active" and not getattr(model, "redirect_url", None):
        return [f'redirectUrl is required when {state} is "active"']
    return []
