"""``AccountStatistics``: the ``accountStatistics`` schema (``get_statistics``)."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel


class AccountStatistics(ResponseModel):
    """The account's outbound call queue now: how full it is and how full it may get.

    Once ``current_call_queue_size`` reaches ``max_call_queue_size``, new
    outbound calls are rejected; a client placing many calls can read this
    to pace itself.
    """

    current_call_queue_size: Optional[int] = Field(default=None, description="Calls queued now.")
    max_call_queue_size: Optional[int] = Field(
        default=None,
        description="The queue's limit; outbound calls beyond it are rejected.",
    )
