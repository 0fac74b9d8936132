# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``DeactivationEventEnum``: the ``deactivationEventEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class DeactivationEventEnum(ApiEnum):
    """
    DNI-Only: the ``deactivationEventEnum`` schema. Held by ``LookupResult.deactivation_event``.
    """

    DEACTIVATED = "DEACTIVATED"
