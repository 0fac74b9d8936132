# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmWebViewEnum``: the ``rbmWebViewEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class RbmWebViewEnum(ApiEnum):
    """
    Defines the layout of the WebView on a mobile device. Held by
    ``RbmActionOpenUrl.webview_view_mode``.
    """

    FULL = "FULL"
    HALF = "HALF"
    TALL = "TALL"
