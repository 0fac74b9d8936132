# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``BusinessRegistrationTypeEnum``: the ``businessRegistrationTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class BusinessRegistrationTypeEnum(ApiEnum):
    """
    The type of business registration number. Held by
    ``VerificationRequest.business_registration_type``,
    ``VerificationUpdateRequest.business_registration_type`` and
    ``TfvSubmissionInfo.business_registration_type``.
    """

    EIN = "EIN"
    CBN = "CBN"
    NEQ = "NEQ"
    PROVINCIAL_NUMBER = "PROVINCIAL_NUMBER"
    CRN = "CRN"
    VAT = "VAT"
    ACN = "ACN"
    ABN = "ABN"
    BRN = "BRN"
    SIREN = "SIREN"
    SIRET = "SIRET"
    NZBN = "NZBN"
    UST_IDNR = "UST_IDNR"
    CIF = "CIF"
    NIF = "NIF"
    CNPJ = "CNPJ"
    UID = "UID"
    OTHER = "OTHER"
