"""``ConferenceStateEnum``: the ``conferenceStateEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class ConferenceStateEnum(ApiEnum):
    """Target state of ``update_conference`` (its ``status`` field).

    ``active`` keeps the conference and redirects it to new BXML;
    ``completed`` ends it and ejects every member.
    """

    ACTIVE = "active"
    COMPLETED = "completed"
