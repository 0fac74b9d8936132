# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``TfvError``: the ``tfvError`` schema."""

from __future__ import annotations

from typing import Any, Dict, Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class TfvError(ResponseModel):
    """
    A generic error object: the ``tfvError`` schema. The error body of
    ``request_toll_free_verification``, ``get_toll_free_verification_status``,
    ``update_toll_free_verification_request`` and 6 more.
    """

    type: Optional[StrictStr] = Field(default=None)
    description: Optional[StrictStr] = Field(default=None)
    errors: Optional[Dict[str, Any]] = Field(
        default=None,
        description=(
            "Each key of this errors object refers to a field of the submitted object (using "
            "dot notation for nested objects), with the field being a key to an array of one "
            "or more errors for that field."
        ),
    )
