# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmActionTypeEnum``: the ``rbmActionTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class RbmActionTypeEnum(ApiEnum):
    """
    The ``rbmActionTypeEnum`` schema. Held by ``RbmActionBase.type``, ``RbmActionDial.type``,
    ``RbmActionViewLocation.type`` and 2 more.
    """

    REPLY = "REPLY"
    DIAL_PHONE = "DIAL_PHONE"
    SHOW_LOCATION = "SHOW_LOCATION"
    CREATE_CALENDAR_EVENT = "CREATE_CALENDAR_EVENT"
    OPEN_URL = "OPEN_URL"
    REQUEST_LOCATION = "REQUEST_LOCATION"
