# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``TfvSubmissionInfo``: the ``tfvSubmissionInfo`` schema."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictInt, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT
from bandwidth.models.address import Address
from bandwidth.models.business_entity_type_enum import BusinessEntityTypeEnum
from bandwidth.models.business_registration_type_enum import BusinessRegistrationTypeEnum
from bandwidth.models.contact import Contact
from bandwidth.models.opt_in_workflow import OptInWorkflow

_BusinessRegistrationTypeValue = Annotated[
    Union[BusinessRegistrationTypeEnum, StrictStr], LEFT_TO_RIGHT
]
_BusinessEntityTypeValue = Annotated[Union[BusinessEntityTypeEnum, StrictStr], LEFT_TO_RIGHT]


class TfvSubmissionInfo(ResponseModel):
    """The ``tfvSubmissionInfo`` schema."""

    business_address: Optional[Address] = Field(default=None)
    business_contact: Optional[Contact] = Field(default=None)
    message_volume: Optional[StrictInt] = Field(
        default=None, description="Estimated monthly volume of messages from the toll-free number."
    )
    use_case: Optional[StrictStr] = Field(default=None, description="The category of the use case.")
    use_case_summary: Optional[StrictStr] = Field(
        default=None, description="A general idea of the use case and customer."
    )
    production_message_content: Optional[StrictStr] = Field(
        default=None, description="Example of message content."
    )
    opt_in_workflow: Optional[OptInWorkflow] = Field(default=None)
    additional_information: Optional[StrictStr] = Field(
        default=None, description="Any additional information."
    )
    isv_reseller: Optional[StrictStr] = Field(default=None, description="ISV name.")
    privacy_policy_url: Optional[StrictStr] = Field(
        default=None, description="The Toll-Free Verification request privacy policy URL."
    )
    terms_and_conditions_url: Optional[StrictStr] = Field(
        default=None,
        description="The Toll-Free Verification request terms and conditions policy URL.",
    )
    business_dba: Optional[StrictStr] = Field(
        default=None, description="The company 'Doing Business As'."
    )
    business_registration_number: Optional[StrictStr] = Field(
        default=None, description="Government-issued business identifying number."
    )
    business_registration_type: Optional[_BusinessRegistrationTypeValue] = Field(
        default=None, description="The type of business registration number."
    )
    business_registration_issuing_country: Optional[StrictStr] = Field(
        default=None,
        description=("The country issuing the business registration in ISO-3166-1 alpha-3 format."),
    )
    business_entity_type: Optional[_BusinessEntityTypeValue] = Field(
        default=None, description="The type of registered business."
    )
