"""``CallbackMethodEnum``: the ``callbackMethodEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class CallbackMethodEnum(ApiEnum):
    """HTTP method Bandwidth uses for a webhook (default ``POST``)."""

    GET = "GET"
    POST = "POST"
