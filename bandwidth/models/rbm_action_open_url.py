# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmActionOpenUrl``: the ``rbmActionOpenUrl`` schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, FrozenSet, Optional, Union

from pydantic import Field, StrictBytes, StrictStr
from typing_extensions import Annotated, Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import http_url, max_length
from bandwidth.models._types import LEFT_TO_RIGHT, enum_field
from bandwidth.models.rbm_action_type_enum import RbmActionTypeEnum
from bandwidth.models.rbm_open_url_enum import RbmOpenUrlEnum
from bandwidth.models.rbm_web_view_enum import RbmWebViewEnum

if TYPE_CHECKING:
    _RbmActionTypeChoice = Union[
        RbmActionTypeEnum,
        Literal[
            "REPLY",
            "DIAL_PHONE",
            "SHOW_LOCATION",
            "CREATE_CALENDAR_EVENT",
            "OPEN_URL",
            "REQUEST_LOCATION",
        ],
    ]
else:
    _RbmActionTypeChoice = enum_field(RbmActionTypeEnum)

if TYPE_CHECKING:
    _RbmOpenUrlChoice = Union[RbmOpenUrlEnum, Literal["BROWSER", "WEBVIEW"]]
else:
    _RbmOpenUrlChoice = enum_field(RbmOpenUrlEnum)

if TYPE_CHECKING:
    _RbmWebViewChoice = Union[RbmWebViewEnum, Literal["FULL", "HALF", "TALL"]]
else:
    _RbmWebViewChoice = enum_field(RbmWebViewEnum)


class RbmActionOpenUrl(RequestModel):
    """The ``rbmActionOpenUrl`` schema. Held by ``MultiChannelAction``."""

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"application", "webview_view_mode"})

    type: _RbmActionTypeChoice = Field(
        description=(
            "One of `REPLY`, `DIAL_PHONE`, `SHOW_LOCATION`, `CREATE_CALENDAR_EVENT`, "
            "`OPEN_URL`, `REQUEST_LOCATION`."
        )
    )
    text: Annotated[StrictStr, rule(max_length(25))] = Field(
        description="Displayed text for user to click."
    )
    postback_data: Annotated[
        Annotated[Union[StrictStr, StrictBytes], LEFT_TO_RIGHT], rule(max_length(2048))
    ] = Field(
        validation_alias="postbackData",
        serialization_alias="postbackData",
        description="Base64 payload the customer receives when the reply is clicked.",
    )
    url: Annotated[StrictStr, rule(max_length(2048), http_url)] = Field(
        description="The URL to open in browser."
    )
    application: Optional[_RbmOpenUrlChoice] = Field(
        default=None, description="Specifies how the URL should be opened on a mobile device."
    )
    webview_view_mode: Optional[_RbmWebViewChoice] = Field(
        default=None,
        validation_alias="webviewViewMode",
        serialization_alias="webviewViewMode",
        description="Defines the layout of the WebView on a mobile device.",
    )
