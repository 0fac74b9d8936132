"""What the Toll-Free Verification API checks in a request, written once for the routes.

The field rules are the SDK's own request models (built and checked in one
pass, as ``request_toll_free_verification`` checks before sending); the
rules between fields the models do not hold (the business registration
rule, announced for 19 October 2026) are here. A refusal is a
:class:`FieldsRefused`: the routes answer it as a 400 ``tfvError`` whose
``errors`` maps each field (dot notation, wire names) to its problems.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Mapping, Type

from bandwidth._formats import TOLL_FREE_EXAMPLE, is_toll_free
from bandwidth.exceptions import RequestValidationError

__all__ = [
    "BUSINESS_REGISTRATION_FROM",
    "SUBMISSION_FIELDS",
    "FieldsRefused",
    "check_model",
    "check_phone_number",
    "check_registration",
]

#: When the business-registration rule starts to apply (configurable on the simulator).
BUSINESS_REGISTRATION_FROM = datetime(2026, 10, 19, tzinfo=timezone.utc)
_REGISTRATION = (
    "businessRegistrationNumber",
    "businessRegistrationType",
    "businessRegistrationIssuingCountry",
)
#: The submission fields ``tfvStatus.submission`` (``tfvSubmissionInfo``) shows.
SUBMISSION_FIELDS = (
    "businessAddress",
    "businessContact",
    "messageVolume",
    "useCase",
    "useCaseSummary",
    "productionMessageContent",
    "optInWorkflow",
    "additionalInformation",
    "isvReseller",
    "privacyPolicyUrl",
    "termsAndConditionsUrl",
    "businessDba",
    "businessRegistrationNumber",
    "businessRegistrationType",
    "businessRegistrationIssuingCountry",
    "businessEntityType",
)


class FieldsRefused(Exception):
    """A 400: the description, and each field's problems (``tfvError.errors``)."""

    def __init__(self, description: str, errors: Mapping[str, List[str]]) -> None:
        super().__init__(description)
        self.description = description
        self.errors: Dict[str, List[str]] = {key: list(value) for key, value in errors.items()}


def check_model(model: Type[Any], body: Mapping[str, Any]) -> Any:
    """``body`` built as the SDK request ``model`` and checked (every problem at once)."""
    from bandwidth.models._checks import build_request

    try:
        return build_request(model, body)
    except RequestValidationError as exc:
        errors: Dict[str, List[str]] = {}
        for problem in exc.errors():
            field = ".".join(str(part) for part in problem["loc"]) or "body"
            errors.setdefault(field, []).append(str(problem["msg"]))
        raise FieldsRefused("cannot process request.", errors) from None


def check_phone_number(number: str) -> None:
    """A toll-free number in E.164 (the spec's ``tfPhoneNumber``), else a 400."""
    if not is_toll_free(number):
        raise FieldsRefused(
            "cannot process request.",
            {
                "phoneNumber": [
                    f"must be a US toll-free number in E.164 such as {TOLL_FREE_EXAMPLE}"
                ]
            },
        )


def check_registration(submission: Mapping[str, Any], applies: bool) -> None:
    """The business-registration rule, once it ``applies``.

    Any entity type but ``SOLE_PROPRIETOR`` gives the registration number,
    type and issuing country; a sole proprietor gives none of them. A
    registration number always comes with the other two.
    """
    given = [name for name in _REGISTRATION if submission.get(name) not in (None, "")]
    errors: Dict[str, List[str]] = {}
    if given and "businessRegistrationNumber" in given:
        for name in _REGISTRATION:
            if name not in given:
                errors[name] = ["required with businessRegistrationNumber"]
    if applies:
        entity = submission.get("businessEntityType")
        if entity == "SOLE_PROPRIETOR":
            for name in given:
                errors[name] = ["must be omitted for a SOLE_PROPRIETOR"]
        elif entity is not None:
            for name in _REGISTRATION:
                if name not in given:
                    errors[name] = [f"required for a {entity}"]
    if errors:
        raise FieldsRefused("cannot process request.", errors)
