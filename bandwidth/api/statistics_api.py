"""``StatisticsApi``: the account's current call queue (one operation, three variants)."""

from __future__ import annotations

from typing import Optional

from typing_extensions import Final

from bandwidth._operation import Call, Operation, RequestAuth, RequestHeaders, RequestTimeout
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.models.account_statistics import AccountStatistics

__all__ = ["StatisticsApi"]

GET_STATISTICS: Operation[AccountStatistics] = Operation(
    "get_statistics", "GET", "/accounts/{accountId}/statistics", AccountStatistics
)


class StatisticsApi(ApiBase):
    """The Voice API's Statistics endpoint: how many calls are queued, and the queue's limit.

    The operation comes in three variants and takes the per-call extras after
    its own parameter, as in :class:`~bandwidth.CallsApi`.
    """

    @Endpoint
    def get_statistics(
        self,
        account_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[AccountStatistics]:
        """Get the account's statistics (``GET /accounts/{accountId}/statistics``).

        Args:
            account_id: your Bandwidth account id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        return Call(GET_STATISTICS, GET_STATISTICS.expand(account_id), extras)

    get_statistics_with_http_info: Final = WithHttpInfo(get_statistics)
    get_statistics_without_preload_content: Final = WithoutPreloadContent(get_statistics)
