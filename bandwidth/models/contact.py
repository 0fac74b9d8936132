# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Contact``: the ``contact`` schema."""

from __future__ import annotations

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import max_length, min_length, pattern


class Contact(RequestModel):
    """
    The ``contact`` schema. Held by ``VerificationRequest.business_contact``,
    ``VerificationUpdateRequest.business_contact`` and ``TfvSubmissionInfo.business_contact``.
    """

    first_name: Annotated[StrictStr, rule(min_length(1), max_length(500))] = Field(
        validation_alias="firstName",
        serialization_alias="firstName",
        description="The first name of the business contact using the toll-free number.",
    )
    last_name: Annotated[StrictStr, rule(min_length(1), max_length(500))] = Field(
        validation_alias="lastName",
        serialization_alias="lastName",
        description="The last name of the business contact using the toll-free number.",
    )
    email: Annotated[
        StrictStr,
        rule(
            min_length(0),
            max_length(500),
            pattern(
                r"^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*|\"(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21\x23-\x5b\x5d-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*\")@(?:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?|\[(?:(?:(2(5[0-5]|[0-4][0-9])|1[0-9][0-9]|[1-9]?[0-9]))\.){3}(?:(2(5[0-5]|[0-4][0-9])|1[0-9][0-9]|[1-9]?[0-9])|[a-z0-9-]*[a-z0-9]:(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21-\x5a\x53-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])+)\])$"
            ),
        ),
    ] = Field()
    phone_number: Annotated[StrictStr, rule(min_length(1), max_length(500))] = Field(
        validation_alias="phoneNumber",
        serialization_alias="phoneNumber",
        description="Contact telephone number.",
    )
