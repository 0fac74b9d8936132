# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MfaForbiddenRequestError``: the ``mfaForbiddenRequestError`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class MfaForbiddenRequestError(ResponseModel):
    """
    The ``mfaForbiddenRequestError`` schema. The error body of ``generate_voice_code``,
    ``generate_messaging_code`` and ``verify_code``.
    """

    message: Optional[StrictStr] = Field(
        default=None,
        description="The message containing the reason behind the request being forbidden.",
    )
