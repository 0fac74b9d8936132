"""The wire forms the simulator answers with, declared once: by the SDK's response models.

:func:`wire_form` writes a resource as the model of its schema names it: the
fields in the model's order, by their wire names (``from``, ``callId``, ...).
A caller gives the values by the model's Python names; a name the model does
not have fails at once, so the simulator cannot answer a field the SDK does
not know. The models load on first use, so loading the simulator does not.
"""

from __future__ import annotations

import functools
from typing import AbstractSet, Any, Dict, Mapping, Tuple

__all__ = ["model_fields", "wire_form"]


@functools.cache
def model_fields(model: str) -> Tuple[Tuple[str, str], ...]:
    """``(Python name, wire name)`` of every field of ``bandwidth.models.<model>``, in order."""
    import bandwidth.models

    cls = getattr(bandwidth.models, model)
    return tuple(
        (name, info.serialization_alias or name) for name, info in cls.model_fields.items()
    )


def wire_form(
    model: str, values: Mapping[str, Any], *, left_out_when_none: AbstractSet[str] = frozenset()
) -> Dict[str, Any]:
    """``values`` (by Python name) as the wire form of ``model``.

    A field ``values`` does not give is not sent; one in ``left_out_when_none``
    is not sent while it is ``None`` (the platform leaves such keys out);
    every other given field is sent, ``null`` when ``None``.
    """
    fields = model_fields(model)
    unknown = set(values) - {name for name, _ in fields}
    if unknown:
        raise KeyError(f"{model} has no field {sorted(unknown)}")
    form: Dict[str, Any] = {}
    for name, wire in fields:
        if name not in values:
            continue
        value = values[name]
        if value is None and name in left_out_when_none:
            continue
        form[wire] = value
    return form
