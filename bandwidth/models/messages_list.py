# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MessagesList``: the ``messagesList`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictInt

from bandwidth.models._base import ResponseModel
from bandwidth.models.list_message_item import ListMessageItem
from bandwidth.models.page_info import PageInfo


class MessagesList(ResponseModel):
    """MessagesList: the ``messagesList`` schema. Returned by ``list_messages``."""

    total_count: Optional[StrictInt] = Field(
        default=None,
        validation_alias="totalCount",
        serialization_alias="totalCount",
        description="The total number of messages matched by the search.",
    )
    page_info: Optional[PageInfo] = Field(
        default=None,
        validation_alias="pageInfo",
        serialization_alias="pageInfo",
        description="PageInfo.",
    )
    messages: Optional[List[ListMessageItem]] = Field(default=None, description="listMessageItem.")
