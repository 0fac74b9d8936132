# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``VerificationUpdateRequest``: the ``verificationUpdateRequest`` schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, FrozenSet, Optional, Tuple, Union

from pydantic import Field, StrictBool, StrictInt, StrictStr
from typing_extensions import Annotated, Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import in_range, max_length, min_length
from bandwidth.models._types import enum_field
from bandwidth.models.address import Address
from bandwidth.models.business_entity_type_enum import BusinessEntityTypeEnum
from bandwidth.models.business_registration_type_enum import BusinessRegistrationTypeEnum
from bandwidth.models.contact import Contact
from bandwidth.models.opt_in_workflow import OptInWorkflow

if TYPE_CHECKING:
    _BusinessRegistrationTypeChoice = Union[
        BusinessRegistrationTypeEnum,
        Literal[
            "EIN",
            "CBN",
            "NEQ",
            "PROVINCIAL_NUMBER",
            "CRN",
            "VAT",
            "ACN",
            "ABN",
            "BRN",
            "SIREN",
            "SIRET",
            "NZBN",
            "UST_IDNR",
            "CIF",
            "NIF",
            "CNPJ",
            "UID",
            "OTHER",
        ],
    ]
else:
    _BusinessRegistrationTypeChoice = enum_field(BusinessRegistrationTypeEnum)

if TYPE_CHECKING:
    _BusinessEntityTypeChoice = Union[
        BusinessEntityTypeEnum,
        Literal["SOLE_PROPRIETOR", "PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT"],
    ]
else:
    _BusinessEntityTypeChoice = enum_field(BusinessEntityTypeEnum)


class VerificationUpdateRequest(RequestModel):
    """The ``verificationUpdateRequest`` schema. Held by ``TfvSubmissionWrapper.submission``."""

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset(
        {
            "privacy_policy_url",
            "terms_and_conditions_url",
            "business_dba",
            "business_registration_type",
            "business_entity_type",
            "age_gated_content",
        }
    )
    _nested: ClassVar[Tuple[str, ...]] = (
        "business_address",
        "business_contact",
        "opt_in_workflow",
    )

    business_address: Address = Field(
        validation_alias="businessAddress", serialization_alias="businessAddress"
    )
    business_contact: Contact = Field(
        validation_alias="businessContact", serialization_alias="businessContact"
    )
    message_volume: Annotated[StrictInt, rule(in_range(10, 10000000))] = Field(
        validation_alias="messageVolume",
        serialization_alias="messageVolume",
        description="Estimated monthly volume of messages from the toll-free number.",
    )
    use_case: Annotated[StrictStr, rule(min_length(0), max_length(500))] = Field(
        validation_alias="useCase",
        serialization_alias="useCase",
        description="The category of the use case.",
    )
    use_case_summary: Annotated[StrictStr, rule(min_length(0), max_length(500))] = Field(
        validation_alias="useCaseSummary",
        serialization_alias="useCaseSummary",
        description="A general idea of the use case and customer.",
    )
    production_message_content: Annotated[StrictStr, rule(min_length(0), max_length(500))] = Field(
        validation_alias="productionMessageContent",
        serialization_alias="productionMessageContent",
        description="Example of message content.",
    )
    opt_in_workflow: OptInWorkflow = Field(
        validation_alias="optInWorkflow", serialization_alias="optInWorkflow"
    )
    additional_information: Optional[Annotated[StrictStr, rule(min_length(0), max_length(500))]] = (
        Field(
            default=None,
            validation_alias="additionalInformation",
            serialization_alias="additionalInformation",
            description="Any additional information.",
        )
    )
    isv_reseller: Optional[Annotated[StrictStr, rule(min_length(0), max_length(500))]] = Field(
        default=None,
        validation_alias="isvReseller",
        serialization_alias="isvReseller",
        description="ISV name.",
    )
    privacy_policy_url: Optional[Annotated[StrictStr, rule(max_length(500))]] = Field(
        default=None,
        validation_alias="privacyPolicyUrl",
        serialization_alias="privacyPolicyUrl",
        description="The Toll-Free Verification request privacy policy URL.",
    )
    terms_and_conditions_url: Optional[Annotated[StrictStr, rule(max_length(500))]] = Field(
        default=None,
        validation_alias="termsAndConditionsUrl",
        serialization_alias="termsAndConditionsUrl",
        description="The Toll-Free Verification request terms and conditions policy URL.",
    )
    business_dba: Optional[Annotated[StrictStr, rule(max_length(500))]] = Field(
        default=None,
        validation_alias="businessDba",
        serialization_alias="businessDba",
        description="The company 'Doing Business As'.",
    )
    business_registration_number: Optional[Annotated[StrictStr, rule(max_length(500))]] = Field(
        default=None,
        validation_alias="businessRegistrationNumber",
        serialization_alias="businessRegistrationNumber",
        description="Government-issued business identifying number.",
    )
    business_registration_type: Optional[_BusinessRegistrationTypeChoice] = Field(
        default=None,
        validation_alias="businessRegistrationType",
        serialization_alias="businessRegistrationType",
        description="The type of business registration number.",
    )
    business_entity_type: Optional[_BusinessEntityTypeChoice] = Field(
        default=None,
        validation_alias="businessEntityType",
        serialization_alias="businessEntityType",
        description="The type of registered business.",
    )
    business_registration_issuing_country: Optional[StrictStr] = Field(
        default=None,
        validation_alias="businessRegistrationIssuingCountry",
        serialization_alias="businessRegistrationIssuingCountry",
        description=("The country issuing the business registration in ISO-3166-1 alpha-3 format."),
    )
    help_message_response: Optional[Annotated[StrictStr, rule(max_length(500))]] = Field(
        default=None,
        validation_alias="helpMessageResponse",
        serialization_alias="helpMessageResponse",
        description="A message that gets sent to users requesting help.",
    )
    age_gated_content: Optional[StrictBool] = Field(
        default=None,
        validation_alias="ageGatedContent",
        serialization_alias="ageGatedContent",
        description="Indicates whether the content is age-gated.",
    )
    cv_token: Optional[Annotated[StrictStr, rule(min_length(0), max_length(500))]] = Field(
        default=None,
        validation_alias="cvToken",
        serialization_alias="cvToken",
        description=("The token provided by Campaign Verify to validate your political use case."),
    )
