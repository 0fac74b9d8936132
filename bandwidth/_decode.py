"""Response bodies into models: one validator per response type, large pages in slices.

:func:`decoder_for` gives the :class:`Decoder` of a response type (a model,
``List[Model]``, or ``bytes`` for media), built on first use and shared by
every call and thread after that. A decoder validates straight from the
body's bytes with pydantic-core, never through ``json.loads`` and never
through the models' constructors.
"""

from __future__ import annotations

import re
from contextlib import nullcontext
from typing import Any, Callable, Dict, Generic, List, Optional, TypeVar

__all__ = ["CHUNK_BYTES", "Decoder", "decoder_for"]

T = TypeVar("T")

#: Bodies larger than this are decoded a slice of about this many bytes at a time.
CHUNK_BYTES = 64 * 1024
# Between two items of a JSON array of objects: "}" "," "{" with optional whitespace.
_BETWEEN_ITEMS = re.compile(rb"\}\s*,\s*\{")

_DECODERS: Dict[Any, Decoder[Any]] = {}


def decoder_for(response_type: Any) -> Decoder[Any]:
    """The decoder of ``response_type`` (made once; a race only builds it twice)."""
    decoder = _DECODERS.get(response_type)
    if decoder is None:
        decoder = _DECODERS[response_type] = Decoder(response_type)
    return decoder


class Decoder(Generic[T]):
    """Decodes bodies of one response type."""

    __slots__ = ("_validate", "is_list", "response_type")

    def __init__(self, response_type: Any) -> None:
        self.response_type: Any = response_type
        self.is_list: bool = getattr(response_type, "__origin__", None) is list
        self._validate: Optional[Callable[[bytes], Any]] = None

    def __call__(self, raw: bytes, *, gc_tuning: bool = False) -> T:
        """Validate a response body straight from bytes into the response type.

        Media (``response_type`` ``bytes``) is returned as received.

        A large JSON array (a ``list_calls`` page) is validated a slice of
        items at a time: the same result, but pydantic's transient parse tree
        stays small (about half the peak memory). With ``gc_tuning=True``
        (``Configuration.gc_tuning``, opt-in) the new models, which cannot form
        cycles, are built with the cyclic GC paused and then filed straight
        into its oldest generation (:mod:`bandwidth._gc`): young collections
        never re-scan them (a large page decodes about 20% faster).
        """
        validate = self._validate
        if validate is None:
            if self.response_type is bytes:
                return raw  # type: ignore[return-value]
            from pydantic import TypeAdapter

            # pydantic-core's own validate_json: one Python frame less per call.
            validate = self._validate = TypeAdapter(self.response_type).validator.validate_json
        if len(raw) > CHUNK_BYTES and self.is_list:
            if gc_tuning:
                from bandwidth._gc import acyclic_allocations  # opt-in: loaded only when used
            with acyclic_allocations() if gc_tuning else nullcontext():
                items = _decode_array_in_slices(validate, raw)
                return validate(raw) if items is None else items  # type: ignore[return-value]
        return validate(raw)  # type: ignore[no-any-return]


def _decode_array_in_slices(validate: Callable[[bytes], Any], raw: bytes) -> Optional[List[Any]]:
    """Validate a JSON array of objects in slices of whole items, or ``None`` to decode it whole.

    Slices end where ``}``, ``,``, ``{`` separate two items. That pattern can
    also occur inside a string or a nested value; a slice cut there is never
    valid JSON (it ends inside the string or the value), so any failure means
    "decode the body whole", which also gives a bad item's error its true
    index.
    """
    from pydantic import ValidationError

    start = raw.find(b"[")
    end = raw.rfind(b"]")
    if start < 0 or end < start or raw[:start].strip() or raw[end + 1 :].strip():
        return None
    items: List[Any] = []
    position = start + 1
    try:
        while True:
            boundary = None
            if position + CHUNK_BYTES < end:
                boundary = _BETWEEN_ITEMS.search(raw, position + CHUNK_BYTES, end)
            stop = boundary.start() + 1 if boundary is not None else end
            items.extend(validate(b"[" + raw[position:stop] + b"]"))
            if boundary is None:
                return items
            position = boundary.end() - 1
    except ValidationError:
        return None
