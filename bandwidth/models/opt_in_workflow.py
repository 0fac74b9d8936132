# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``OptInWorkflow``: the ``optInWorkflow`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import each, max_length, min_length, pattern


class OptInWorkflow(RequestModel):
    """
    The ``optInWorkflow`` schema. Held by ``VerificationRequest.opt_in_workflow``,
    ``VerificationUpdateRequest.opt_in_workflow`` and ``TfvSubmissionInfo.opt_in_workflow``.
    """

    description: Annotated[StrictStr, rule(min_length(1), max_length(500))] = Field()
    image_urls: Annotated[
        List[StrictStr],
        rule(
            each(
                min_length(1),
                max_length(500),
                pattern(
                    r"^$|(https?:\/\/)?(www\.)?[-a-zA-Z0-9@:%._\+~#=]{1,253}\.[a-z]{2,6}\b([-a-zA-Z0-9@:%_\+.~#()?&//=]*)"
                ),
            )
        ),
    ] = Field(validation_alias="imageUrls", serialization_alias="imageUrls")
    confirmation_response: Optional[Annotated[StrictStr, rule(min_length(0), max_length(500))]] = (
        Field(
            default=None,
            validation_alias="confirmationResponse",
            serialization_alias="confirmationResponse",
        )
    )
