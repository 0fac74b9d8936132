# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``TfvSubmissionWrapper``: the ``tfvSubmissionWrapper`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, Optional, Tuple

from pydantic import Field

from bandwidth.models._base import RequestModel
from bandwidth.models.verification_update_request import VerificationUpdateRequest


class TfvSubmissionWrapper(RequestModel):
    """The ``tfvSubmissionWrapper`` schema. Sent by ``update_toll_free_verification_request``."""

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"submission"})
    _nested: ClassVar[Tuple[str, ...]] = ("submission",)

    submission: Optional[VerificationUpdateRequest] = Field(default=None)
