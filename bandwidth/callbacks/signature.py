"""HMAC signatures of toll-free verification webhooks: ``verify_tfv_signature``.

When a TFV webhook subscription has a ``sharedSecretKey``, Bandwidth sends an
``x-bandwidth-signature-hmac-sha256`` header with each webhook: 64 lowercase
hex digits, the HMAC-SHA256 of the request body keyed with that secret. The
spec calls the signed bytes the "canonicalized request body" without defining
the canonical form; this checks the body exactly as received, which is what
the header can be compared with.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Optional, Union

from bandwidth.exceptions import ApiTypeError

__all__ = ["TFV_SIGNATURE_HEADER", "verify_tfv_signature"]

#: The header carrying the signature (HTTP header names are case-insensitive).
TFV_SIGNATURE_HEADER = "x-bandwidth-signature-hmac-sha256"


def verify_tfv_signature(
    body: Union[bytes, bytearray, memoryview],
    signature: Optional[Union[str, bytes]],
    shared_secret_key: Optional[str],
) -> bool:
    """Whether ``signature`` (the header's value) is the HMAC-SHA256 of ``body`` under the key.

    ``body`` is the raw request body, before any decoding (anything else raises
    :class:`~bandwidth.exceptions.ApiTypeError`). ``False`` for a
    missing or malformed signature (hex digits in either case are accepted).
    The comparison takes the same time whatever the signature holds. A missing
    or empty ``shared_secret_key`` refuses every signature: an unset secret
    (say, a missing environment variable) must lock the webhook, not open it.
    """
    if not isinstance(body, (bytes, bytearray, memoryview)):  # text may not be the signed bytes
        raise ApiTypeError(f"body must be the raw bytes, not {type(body).__name__}")
    if not shared_secret_key or signature is None:
        return False
    if isinstance(signature, bytes):
        given = signature.decode("latin-1")
    elif isinstance(signature, str):
        given = signature
    else:
        return False
    expected = hmac.new(shared_secret_key.encode("utf-8"), bytes(body), hashlib.sha256).hexdigest()
    return hmac.compare_digest(
        given.strip().lower().encode("latin-1", "replace"), expected.encode("ascii")
    )
