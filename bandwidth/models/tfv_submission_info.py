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
    """The ``tfvSubmissionInfo`` schema. Held by ``TfvStatus.submission``."""

    business_address: Optional[Address] = Field(
        default=None, validation_alias="businessAddress", serialization_alias="businessAddress"
    )
    business_contact: Optional[Contact] = Field(
        default=None, validation_alias="businessContact", serialization_alias="businessContact"
    )
    message_volume: Optional[StrictInt] = Field(
        default=None,
        validation_alias="messageVolume",
        serialization_alias="messageVolume",
        description="Estimated monthly volume of messages from the toll-free number.",
    )
    use_case: Optional[StrictStr] = Field(
        default=None,
        validation_alias="useCase",
        serialization_alias="useCase",
        description="The category of the use case.",
    )
    use_case_summary: Optional[StrictStr] = Field(
        default=None,
        validation_alias="useCaseSummary",
        serialization_alias="useCaseSummary",
        description="A general idea of the use case and customer.",
    )
    production_message_content: Optional[StrictStr] = Field(
        default=None,
        validation_alias="productionMessageContent",
        serialization_alias="productionMessageContent",
        description="Example of message content.",
    )
    opt_in_workflow: Optional[OptInWorkflow] = Field(
        default=None, validation_alias="optInWorkflow", serialization_alias="optInWorkflow"
    )
    additional_information: Optional[StrictStr] = Field(
        default=None,
        validation_alias="additionalInformation",
        serialization_alias="additionalInformation",
        description="Any additional information.",
    )
    isv_reseller: Optional[StrictStr] = Field(
        default=None,
        validation_alias="isvReseller",
        serialization_alias="isvReseller",
        description="ISV name.",
    )
    privacy_policy_url: Optional[StrictStr] = Field(
        default=None,
        validation_alias="privacyPolicyUrl",
        serialization_alias="privacyPolicyUrl",
        description="The Toll-Free Verification request privacy policy URL.",
    )
    terms_and_conditions_url: Optional[StrictStr] = Field(
        default=None,
        validation_alias="termsAndConditionsUrl",
        serialization_alias="termsAndConditionsUrl",
        description="The Toll-Free Verification request terms and conditions policy URL.",
    )
    business_dba: Optional[StrictStr] = Field(
        default=None,
        validation_alias="businessDba",
        serialization_alias="businessDba",
        description="The company 'Doing Business As'.",
    )
    business_registration_number: Optional[StrictStr] = Field(
        default=None,
        validation_alias="businessRegistrationNumber",
        serialization_alias="businessRegistrationNumber",
        description="Government-issued business identifying number.",
    )
    business_registration_type: Optional[_BusinessRegistrationTypeValue] = Field(
        default=None,
        validation_alias="businessRegistrationType",
        serialization_alias="businessRegistrationType",
        description="The type of business registration number.",
    )
    business_registration_issuing_country: Optional[StrictStr] = Field(
        default=None,
        validation_alias="businessRegistrationIssuingCountry",
        serialization_alias="businessRegistrationIssuingCountry",
        description=("The country issuing the business registration in ISO-3166-1 alpha-3 format."),
    )
    business_entity_type: Optional[_BusinessEntityTypeValue] = Field(
        default=None,
        validation_alias="businessEntityType",
        serialization_alias="businessEntityType",
        description="The type of registered business.",
    )
