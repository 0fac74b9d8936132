"""The error codes a ``message-failed`` callback carries, with the platform's descriptions.

From Bandwidth's messaging error table (``reference/messaging.md`` §8): the
description is the code's slug, as the callbacks' ``description`` gives it.
"""

from __future__ import annotations

from typing import Dict, Optional

__all__ = [
    "DESCRIPTIONS",
    "EXPIRED",
    "FORBIDDEN_FROM",
    "SUBSCRIBER_UNAVAILABLE",
    "WRONG_APPLICATION",
    "description_of",
]

#: ``expiration`` passed before the message was sent.
EXPIRED = 4360
#: the ``from`` number belongs to no messaging application of the account.
FORBIDDEN_FROM = 4403
#: the ``applicationId`` names no messaging application of the account.
WRONG_APPLICATION = 4452
#: the handset is off, full or barred (an unreachable handset).
SUBSCRIBER_UNAVAILABLE = 4702

DESCRIPTIONS: Dict[int, str] = {
    4001: "service-not-allowed",
    4301: "malformed-invalid-encoding",
    4302: "malformed-invalid-from-number",
    4303: "malformed-invalid-to-number",
    4350: "malformed-for-destination",
    4360: "message-not-sent-expiration-date-passed",
    4401: "rejected-routing-error",
    4403: "rejected-forbidden-from-number",
    4404: "rejected-forbidden-to-number",
    4405: "rejected-unallocated-from-number",
    4406: "rejected-unallocated-to-number",
    4407: "rejected-account-not-defined-from-number",
    4408: "rejected-account-not-defined-to-number",
    4409: "rejected-invalid-from-profile",
    4410: "media-unavailable",
    4411: "rejected-message-size-limit-exceeded",
    4412: "media-content-invalid",
    4420: "rejected-carrier-does-not-exist",
    4421: "rejected-forbidden-no-destination",
    4431: "rejected-forbidden-shortcode",
    4432: "rejected-forbidden-country",
    4433: "rejected-forbidden-tollfree",
    4434: "rejected-forbidden-tollfree-for-recipient",
    4435: "forbidden-too-many-recipients",
    4451: "rejected-wrong-user-id",
    4452: "rejected-wrong-application-id",
    4470: "rejected-spam-detected",
    4481: "rejected-from-number-in-blacklist",
    4482: "rejected-to-number-in-blacklist",
    4492: "reject-emergency",
    4493: "rejected-unauthorized",
    4700: "invalid-service-type",
    4701: "destination-service-unavailable",
    4702: "destination-subscriber-unavailable",
    4711: "rejected-message-size-limit-exceeded",
    4712: "media-content-invalid",
    4720: "invalid-destination-address",
    4721: "destination-tn-deactivated",
    4730: "no-route-to-destination-carrier",
    4740: "invalid-source-address-address",
    4750: "destination-rejected-message",
    4751: "destination-rejected-message-size-invalid",
    4752: "destination-rejected-malformed",
    4753: "destination-rejected-handset",
    4770: "destination-spam-detected",
    4771: "rejected-shortened-url",
    4772: "rejected-tn-blocked",
    4773: "inactive-campaign",
    4774: "provisioning-issue",
    4775: "destination-rejected-due-to-user-opt-out",
    4780: "volume-violation-tmo",
    4781: "volume-violation-att",
    4785: "volumetric-violation",
    4795: "tfn-not-verified",
    5100: "temporary-app-error",
    5106: "impossible-to-route",
    5201: "temporary-rout-error-retries-exceeded",
    5500: "message-send-failed",
    5501: "message-send-failed",
    5600: "destination-carrier-queue-full",
    5610: "submit_sm-or-submit_multi-failed",
    5620: "destination-app-error",
    5630: "message-not-acknowledged",
    5650: "destination-failed",
    5999: "unknown-error",
    9902: "delivery-receipt-expired",
    9999: "unknown-error",
}


def description_of(code: int, given: Optional[str] = None) -> str:
    """The description a failure with ``code`` carries (``given`` wins; else the table's)."""
    if given is not None:
        return given
    known = DESCRIPTIONS.get(code)
    if known is None:
        raise ValueError(
            f"error code {code} is not in Bandwidth's messaging error table: pass description="
        )
    return known
