"""``CreateCall``: the ``createCall`` schema (body of ``create_call``)."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, List, Optional, Tuple

from pydantic import Field, StrictBool

from bandwidth._formats import PRIVACY_NAMES
from bandwidth.models._base import RequestModel
from bandwidth.models._types import (
    E164,
    CallbackMethod,
    CallbackTimeout,
    CallbackUrl,
    CallTimeout,
    DisplayName,
    E164OrSip,
    NonEmpty,
    Priority,
    Str1024,
    Str4096,
    Uui,
)
from bandwidth.models.callback_method_enum import CallbackMethodEnum
from bandwidth.models.machine_detection_configuration import MachineDetectionConfiguration


class CreateCall(RequestModel):
    """An outbound call to place with :meth:`~bandwidth.CallsApi.create_call`.

    ``to``, ``var_from`` (wire name ``from``), ``application_id`` and
    ``answer_url`` are required. Building checks only the Python types, as
    the generated SDK does; :meth:`check`, which ``create_call`` runs before
    sending, checks the values, including the rules the API states in prose:
    ``to`` is E.164 or a SIP URI, ``from`` is E.164, URLs are absolute
    http(s), ``uui`` fits in 350 characters, and a private call shows only one
    of the allowed display names.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"machine_detection"})
    _nested: ClassVar[Tuple[str, ...]] = ("machine_detection",)

    to: E164OrSip = Field(description="Destination: E.164 (`+15555551212`) or a SIP URI.")
    var_from: E164 = Field(
        validation_alias="from",
        serialization_alias="from",
        description="A Bandwidth number on your account, in E.164 format, even if `privacy` "
        "is true. Wire name `from`.",
    )
    privacy: Optional[StrictBool] = Field(default=None, description="Hide the calling number.")
    display_name: Optional[DisplayName] = Field(
        default=None,
        description="Caller name shown to the callee (≤256, no control characters; with "
        "`privacy`, only `Restricted`, `Anonymous`, `Private` or `Unavailable`).",
    )
    uui: Optional[Uui] = Field(
        default=None,
        description="User-To-User header values (RFC 7433, each ending in "
        "`;encoding=jwt|base64|hex`), ≤350 characters; SIP URI destinations only.",
    )
    application_id: NonEmpty = Field(description="The application to use.")
    answer_url: CallbackUrl = Field(
        description="Webhook that returns the call's first BXML (http(s), ≤2048; https "
        "when `username`/`password` are set)."
    )
    answer_method: Optional[CallbackMethod] = Field(
        default=CallbackMethodEnum.POST, description="Method of the answer webhook."
    )
    username: Optional[Str1024] = Field(
        default=None, description="Basic-auth user for the webhooks."
    )
    password: Optional[Str1024] = Field(
        default=None, description="Basic-auth password for the webhooks."
    )
    answer_fallback_url: Optional[CallbackUrl] = Field(
        default=None, description="Used when the answer webhook fails."
    )
    answer_fallback_method: Optional[CallbackMethod] = Field(
        default=CallbackMethodEnum.POST, description="Method of the answer fallback webhook."
    )
    fallback_username: Optional[Str1024] = Field(
        default=None, description="Basic-auth user for the fallback webhook."
    )
    fallback_password: Optional[Str1024] = Field(
        default=None, description="Basic-auth password for the fallback webhook."
    )
    disconnect_url: Optional[CallbackUrl] = Field(
        default=None, description="Webhook told when the call ends (no BXML expected back)."
    )
    disconnect_method: Optional[CallbackMethod] = Field(
        default=CallbackMethodEnum.POST, description="Method of the disconnect webhook."
    )
    call_timeout: Optional[CallTimeout] = Field(
        default=30, description="Seconds to ring before giving up, 1..300 (decimals allowed)."
    )
    callback_timeout: Optional[CallbackTimeout] = Field(
        default=15, description="Seconds to wait for a webhook to answer, 1..25."
    )
    machine_detection: Optional[MachineDetectionConfiguration] = Field(
        default=None, description="Answering-machine detection settings."
    )
    priority: Optional[Priority] = Field(
        default=5, description="1 (highest) to 5 (lowest, the default)."
    )
    tag: Optional[Str4096] = Field(
        default=None, description='Your own text, echoed in every callback (≤4096; "" clears it).'
    )

    def _rules(self) -> List[str]:
        name = self.display_name
        if self.privacy and name is not None and name not in PRIVACY_NAMES:
            allowed = ", ".join(sorted(PRIVACY_NAMES))
            return [f"displayName must be one of {allowed} when privacy is true"]
        return []
