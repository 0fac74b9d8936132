# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``TelephoneNumber``: the ``telephoneNumber`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class TelephoneNumber(ResponseModel):
    """The ``telephoneNumber`` schema."""

    telephone_number: Optional[StrictStr] = Field(
        default=None, description="Simple Telephone Number."
    )
