# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MessageRequest``: the ``messageRequest`` schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, FrozenSet, List, Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated, Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import e164, each, http_url, max_items, max_length, min_items
from bandwidth.models._types import Timestamp, enum_field
from bandwidth.models.priority_enum import PriorityEnum

if TYPE_CHECKING:
    _PriorityChoice = Union[PriorityEnum, Literal["default", "high"]]
else:
    _PriorityChoice = enum_field(PriorityEnum)


class MessageRequest(RequestModel):
    """
    A text or picture message to send with ``MessagesApi.create_message``; ``to``, ``var_from``
    (wire name ``from``) and ``application_id`` are required.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset(
        {"text", "media", "tag", "priority", "expiration"}
    )

    application_id: StrictStr = Field(
        validation_alias="applicationId",
        serialization_alias="applicationId",
        description=(
            "The ID of the Application your from number or senderId is associated with in "
            "the Bandwidth App."
        ),
    )
    to: Annotated[List[StrictStr], rule(min_items(1), max_items(10), each(e164))] = Field(
        description=(
            "Recipients in E.164 (`+15554443333`); more than one makes a group message (at "
            "most 10)."
        )
    )
    var_from: StrictStr = Field(
        validation_alias="from",
        serialization_alias="from",
        description=(
            "Your Bandwidth number in E.164, or an alphanumeric sender ID (up to 11 of `A-Z "
            "a-z 0-9 space - + _ &`, at least one letter). Wire name `from`."
        ),
    )
    text: Optional[Annotated[StrictStr, rule(max_length(2048))]] = Field(
        default=None, description="The contents of the text message."
    )
    media: Optional[Annotated[List[StrictStr], rule(each(max_length(4096), http_url))]] = Field(
        default=None,
        description=(
            "URLs of the media to attach (each at most 4096 characters); any media makes the "
            "message an MMS. Bandwidth fetches each URL when sending; upload with "
            "`MediaApi.upload_media` to host it at Bandwidth."
        ),
    )
    tag: Optional[Annotated[StrictStr, rule(max_length(1024))]] = Field(
        default=None,
        description=(
            "Your own text, echoed in every callback of this message (at most 1024 "
            "characters; Bandwidth advises against putting personal data in it)."
        ),
    )
    priority: Optional[_PriorityChoice] = Field(
        default=None,
        description=(
            "`default` or `high`: `high` jumps the account's queue, so keep it for urgent "
            "messages (e.g. one-time codes) or it slows the rest."
        ),
    )
    expiration: Optional[Timestamp] = Field(
        default=None,
        description=(
            "When the message stops being worth sending (RFC 3339, in the future): if it is "
            "still queued then, it fails with error 4360 instead."
        ),
    )
