"""``RedirectMethodEnum``: the ``redirectMethodEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class RedirectMethodEnum(ApiEnum):
    """HTTP method Bandwidth uses to fetch a redirect URL (default ``POST``)."""

    GET = "GET"
    POST = "POST"
