"""Toll-free verification webhooks: ``parse_tfv_webhook`` and its types.

Bandwidth POSTs a JSON object to every webhook subscription's ``callbackUrl``
when a verification request changes. The body is one of four shapes that no
field names (the spec's ``oneOf`` has no discriminator), so the shape is
recognised by the fields only it carries, in this order:

1. ``errorCode``, ``errorMessage`` or ``errors``: a
   :class:`~bandwidth.models.failure_webhook.FailureWebhook` (the request
   could not be processed);
2. ``denialStatusCode``, ``declineReasonDescription``,
   ``additionalDenialReasons`` or ``resubmitAllowed``: a
   :class:`~bandwidth.models.verification_denial_webhook.VerificationDenialWebhook`
   (which may also say the number is blocked);
3. ``blocked`` or ``blockedReason``: a
   :class:`~bandwidth.models.blocked_webhook.BlockedWebhook`;
4. ``status``: a :class:`~bandwidth.models.verification_webhook.VerificationWebhook`
   (``VERIFIED`` or ``UNVERIFIED``);

and anything else an :class:`UnknownTfvWebhook`, never an error.
"""

from __future__ import annotations

from functools import cache
from typing import Any, FrozenSet, Mapping, Optional, Tuple, Type, Union

from pydantic import Discriminator, Tag, TypeAdapter
from typing_extensions import Annotated

from bandwidth.callbacks._body import Body, load, model_tag, validate
from bandwidth.models._base import ResponseModel
from bandwidth.models.blocked_webhook import BlockedWebhook
from bandwidth.models.failure_webhook import FailureWebhook
from bandwidth.models.verification_denial_webhook import VerificationDenialWebhook
from bandwidth.models.verification_webhook import VerificationWebhook

__all__ = ["TfvWebhook", "UnknownTfvWebhook", "parse_tfv_webhook", "tfv_webhook_model_for"]


class UnknownTfvWebhook(ResponseModel):
    """A toll-free verification webhook of none of the four known shapes (no
    ``status`` and no failure, denial or blocked field): every field is in
    :attr:`additional_properties`, as sent."""


_Model = Union[
    Type[FailureWebhook],
    Type[VerificationDenialWebhook],
    Type[BlockedWebhook],
    Type[VerificationWebhook],
    Type[UnknownTfvWebhook],
]

#: (wire names only that shape carries, its model), tried in order
_SHAPES: Tuple[Tuple[FrozenSet[str], _Model], ...] = (
    (frozenset({"errorCode", "errorMessage", "errors"}), FailureWebhook),
    (
        frozenset(
            {
                "denialStatusCode",
                "declineReasonDescription",
                "additionalDenialReasons",
                "resubmitAllowed",
            }
        ),
        VerificationDenialWebhook,
    ),
    (frozenset({"blocked", "blockedReason"}), BlockedWebhook),
    (frozenset({"status"}), VerificationWebhook),
)


_MODELS = (*(model for _, model in _SHAPES), UnknownTfvWebhook)


def tfv_webhook_model_for(body: Mapping[str, Any]) -> _Model:
    """The model class for a decoded toll-free verification webhook (see the module's rules)."""
    for fields, model in _SHAPES:
        if any(name in body for name in fields):
            return model
    return UnknownTfvWebhook


def _kind(value: Any) -> Optional[str]:
    if isinstance(value, Mapping):
        return tfv_webhook_model_for(value).__name__
    return model_tag(value, _MODELS)  # a model when serializing; else None: an error


#: A toll-free verification webhook, typed by its shape: usable as a pydantic
#: field or a FastAPI body parameter (``webhook: TfvWebhook``).
TfvWebhook = Annotated[
    Union[
        Annotated[FailureWebhook, Tag("FailureWebhook")],
        Annotated[VerificationDenialWebhook, Tag("VerificationDenialWebhook")],
        Annotated[BlockedWebhook, Tag("BlockedWebhook")],
        Annotated[VerificationWebhook, Tag("VerificationWebhook")],
        Annotated[UnknownTfvWebhook, Tag("UnknownTfvWebhook")],
    ],
    Discriminator(
        _kind,
        custom_error_type="tfv_webhook_shape",
        custom_error_message="a toll-free verification webhook must be a JSON object",
    ),
]


@cache
def _adapter() -> TypeAdapter[TfvWebhook]:
    return TypeAdapter(TfvWebhook)


def parse_tfv_webhook(body: Body, content_type: Optional[str] = None) -> TfvWebhook:
    """Parse a toll-free verification webhook body into the model of its shape.

    ``body`` is the raw request body (JSON bytes or text; ``content_type`` only
    gives the charset) or the dict a framework already decoded. Check its
    signature first when the subscription has a ``sharedSecretKey``
    (:func:`~bandwidth.callbacks.verify_tfv_signature`, over the raw bytes).

    Raises :class:`~bandwidth.callbacks.CallbackParseError` for a body that is
    not JSON, is larger than 1 MiB or nested more than 32 levels deep, is not
    an object, or has a known field with an impossible value; its ``errors()``
    name each field, never its value.
    """
    webhook: TfvWebhook = validate(
        _adapter(), load(body, content_type), "toll-free verification webhook"
    )
    return webhook
