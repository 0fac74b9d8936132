"""The ``messages`` and ``media`` commands' flags: one per wire field or query parameter.

Plain data (no SDK imports), named by the rule of :mod:`bandwidth.cli._fields`.
"""

from __future__ import annotations

from typing import Tuple

from bandwidth.cli._fields import FieldFlag, ListFlag, field_flag

__all__ = [
    "MEDIA_LIST_FLAGS",
    "MESSAGE_DIRECTIONS",
    "MESSAGE_FLAGS",
    "MESSAGE_LIST_FLAGS",
    "MESSAGE_STATUSES",
    "MESSAGE_TYPES",
    "PRIORITIES",
    "PRODUCT_TYPES",
]

#: Values of ``PriorityEnum``, ``MessageStatusEnum``, ``ListMessageDirectionEnum``,
#: ``MessageTypeEnum`` and ``ProductTypeEnum`` (a test keeps these equal to the enums).
PRIORITIES: Tuple[str, ...] = ("default", "high")
MESSAGE_STATUSES: Tuple[str, ...] = (
    "RECEIVED",
    "QUEUED",
    "SENDING",
    "SENT",
    "FAILED",
    "DELIVERED",
    "ACCEPTED",
    "UNDELIVERED",
)
MESSAGE_DIRECTIONS: Tuple[str, ...] = ("INBOUND", "OUTBOUND")
MESSAGE_TYPES: Tuple[str, ...] = ("sms", "mms", "rcs")
PRODUCT_TYPES: Tuple[str, ...] = (
    "LOCAL_A2P",
    "P2P",
    "SHORT_CODE_REACH",
    "TOLL_FREE",
    "HOSTED_SHORT_CODE",
    "ALPHA_NUMERIC",
    "RBM_MEDIA",
    "RBM_RICH",
    "RBM_CONVERSATIONAL",
)

#: ``messages send`` flags (the ``messageRequest`` body).
MESSAGE_FLAGS: Tuple[FieldFlag, ...] = (
    field_flag(
        "--to",
        "to",
        "recipients, E.164; more than one makes a group message (required)",
        "list",
        metavar="NUMBER",
    ),
    field_flag(
        "--from",
        "from",
        "a Bandwidth number on your account, or an alphanumeric sender id (required)",
        metavar="NUMBER",
    ),
    field_flag(
        "--application-id",
        "applicationId",
        "the messaging application; its callbacks tell what became of the message (required)",
        metavar="ID",
    ),
    field_flag("--text", "text", "the message's text, at most 2048 characters", metavar="TEXT"),
    field_flag(
        "--media",
        "media",
        "URLs of attachments (makes it an MMS)",
        "list",
        metavar="URL",
    ),
    field_flag("--tag", "tag", "your own text, echoed in every callback", metavar="TEXT"),
    field_flag(
        "--priority", "priority", "high: ahead of the account's queue", "choice", PRIORITIES
    ),
    field_flag(
        "--expiration",
        "expiration",
        "RFC 3339 time after which it is not sent (fails with 4360)",
        metavar="TIME",
    ),
)


def _l(flag: str, parameter: str, help: str, kind: str = "str", metavar: str = "") -> ListFlag:
    return ListFlag(flag, parameter, kind, help, metavar)


def _choice(flag: str, parameter: str, help: str, choices: Tuple[str, ...]) -> ListFlag:
    return ListFlag(flag, parameter, "choice", help, choices=choices)


#: ``messages list`` flags (one per parameter of ``list_messages``).
MESSAGE_LIST_FLAGS: Tuple[ListFlag, ...] = (
    _l("--message-id", "message_id", "only this message", metavar="ID"),
    _l(
        "--source-tn",
        "source_tn",
        "only messages from this number (or up to 10, comma-separated, or 5+ leading digits)",
        metavar="NUMBER",
    ),
    _l(
        "--destination-tn",
        "destination_tn",
        "only messages to this number (same forms as --source-tn)",
        metavar="NUMBER",
    ),
    _choice("--message-status", "message_status", "only messages in this state", MESSAGE_STATUSES),
    _choice("--message-direction", "message_direction", "only this direction", MESSAGE_DIRECTIONS),
    _l(
        "--carrier-name",
        "carrier_name",
        "only this carrier's (Verizon, TMobile, ...)",
        "str",
        "NAME",
    ),
    _choice("--message-type", "message_type", "only this kind", MESSAGE_TYPES),
    _l("--error-code", "error_code", "only messages that failed with this code", "int", "CODE"),
    _l(
        "--from-date-time",
        "from_date_time",
        "only messages received at or after this ISO 8601 time (14 days back at most)",
        metavar="TIME",
    ),
    _l(
        "--to-date-time",
        "to_date_time",
        "only messages received at or before this ISO 8601 time",
        metavar="TIME",
    ),
    _l("--campaign-id", "campaign_id", "only this 10DLC campaign's", metavar="ID"),
    _l(
        "--from-bw-latency",
        "from_bw_latency",
        "only messages Bandwidth held at least this long (Advanced Quality Metrics)",
        "int",
        "SECONDS",
    ),
    _l("--bw-queued", "bw_queued", "only messages queued inside Bandwidth (or not)", "bool"),
    _choice("--product", "product", "only this product's", PRODUCT_TYPES),
    _l("--location", "location", "only this location's (its id)", metavar="ID"),
    _l(
        "--carrier-queued", "carrier_queued", "only messages queued at the carrier (or not)", "bool"
    ),
    _l(
        "--from-carrier-latency",
        "from_carrier_latency",
        "only messages the carrier held at least this long (Advanced Quality Metrics)",
        "int",
        "SECONDS",
    ),
    _l(
        "--calling-number-country-a3",
        "calling_number_country_a3",
        "only from this country (ISO 3166 alpha-3: USA)",
        metavar="CODE",
    ),
    _l(
        "--called-number-country-a3",
        "called_number_country_a3",
        "only to this country (ISO 3166 alpha-3)",
        metavar="CODE",
    ),
    _l("--from-segment-count", "from_segment_count", "at least this many segments", "int", "N"),
    _l("--to-segment-count", "to_segment_count", "at most this many segments", "int", "N"),
    _l("--from-message-size", "from_message_size", "at least this size", "int", "BYTES"),
    _l("--to-message-size", "to_message_size", "at most this size", "int", "BYTES"),
    _l("--sort", "sort", "FIELD:asc or FIELD:desc (sourceTn:desc)", metavar="ORDER"),
    _l(
        "--page-token",
        "page_token",
        "a page token from a previous page's pageInfo (nextPageToken)",
        "cursor",
        "TOKEN",
    ),
    _l("--limit", "limit", "messages per page (server default 100)", "int", "N"),
    _l(
        "--limit-total-count",
        "limit_total_count",
        "count at most 10,000 in totalCount (faster)",
        "bool",
    ),
)

#: ``media list`` flags (the parameter of ``list_media``: a request header).
MEDIA_LIST_FLAGS: Tuple[ListFlag, ...] = (
    _l(
        "--continuation-token",
        "continuation_token",
        "where to go on from: the Continuation-Token a previous page gave",
        "cursor",
        "TOKEN",
    ),
)
