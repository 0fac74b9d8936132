# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmOpenUrlEnum``: the ``rbmOpenUrlEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class RbmOpenUrlEnum(ApiEnum):
    """
    Specifies how the URL should be opened on a mobile device. Held by
    ``RbmActionOpenUrl.application``.
    """

    BROWSER = "BROWSER"
    WEBVIEW = "WEBVIEW"
