"""Which Bandwidth product each API command talks to, and where its base URL comes from.

Plain data (no SDK imports) so building the parser stays cheap. Each product
has its own server (the spec's), so each has its own ``BW_*_HOST`` variable:
a mock or a simulator for one product does not redirect the others. Without
``--host`` or the variable the SDK sends each operation to its product's
server; ``default`` only says which that is, in ``--help``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ENDPOINTS", "LOOKUP", "MESSAGING", "MFA", "TFV", "VOICE", "Product"]


@dataclass(frozen=True)
class Product:
    """A product's name in help texts, its base-URL variable and its production server."""

    name: str
    variable: str
    default: str


VOICE = Product("Voice", "BW_VOICE_HOST", "https://voice.bandwidth.com/api/v2")
MESSAGING = Product("Messaging", "BW_MESSAGING_HOST", "https://messaging.bandwidth.com/api/v2")
MFA = Product("MFA", "BW_MFA_HOST", "https://mfa.bandwidth.com/api/v1")
LOOKUP = Product("Phone Number Lookup", "BW_LOOKUP_HOST", "https://api.bandwidth.com/v2")
TFV = Product("Toll-Free Verification", "BW_TFV_HOST", "https://api.bandwidth.com/api/v2")
ENDPOINTS = Product("Endpoints", "BW_ENDPOINTS_HOST", "https://api.bandwidth.com/v2")
