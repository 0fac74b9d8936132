"""The command lines of ``mfa``, ``lookup``, ``endpoints`` and ``tfv`` (no SDK imports)."""

from __future__ import annotations

import argparse
from typing import Any

from bandwidth.cli._identity_fields import (
    CODE_FLAGS,
    ENDPOINT_FLAGS,
    ENDPOINT_LIST_FLAGS,
    SUBSCRIPTION_FLAGS,
    VERIFY_FLAGS,
)
from bandwidth.cli._parser import (
    add_command,
    add_field_flags,
    add_json,
    add_list_flags,
    add_operation,
    add_operations,
    add_single_command,
)
from bandwidth.cli._products import ENDPOINTS, LOOKUP, MFA, TFV

__all__ = ["add_identity_commands"]

_ENDPOINT_ID = "the endpoint's id (e-...)"
_TOLL_FREE = "the toll-free number, E.164 (+18005555555)"
_SUBSCRIPTION_ID = "the subscription's id"


def add_identity_commands(commands: Any) -> None:
    """Add ``mfa``, ``lookup``, ``endpoints`` and ``tfv`` to the ``bandwidth`` subcommands."""
    _add_mfa(commands)
    _add_lookup(commands)
    _add_endpoints(commands)
    _add_tfv(commands)


def _add_mfa(commands: Any) -> None:
    ops = add_command(
        commands,
        "mfa",
        "send a one-time code by voice call or text, and verify it",
        "The MFA operations: Bandwidth makes a code, sends it, and later says whether the "
        "code a user typed is the one sent. Output is JSON in the API's wire format.",
        MFA,
    )
    for channel, what, answer in (
        ("voice", "speak a code in a phone call", "callId"),
        ("messaging", "text a code", "messageId"),
    ):
        send = add_operation(
            ops,
            channel,
            f"{what} (POST /accounts/{{accountId}}/code/{channel})",
            f"{what[0].upper()}{what[1:]} to --to and print the {answer} that carries it. "
            "--to, --from and --application-id are required (or their keys in --json). "
            "Never retried once it may have reached Bandwidth: a retry could send a second code.",
        )
        add_json(send, "codeRequest")
        add_field_flags(send, CODE_FLAGS)

    verify = add_operation(
        ops,
        "verify",
        "check a code (POST /accounts/{accountId}/code/verify)",
        'Print {"valid": true} when CODE is the one last sent to --to (in --scope) within '
        'the last --expiration-time-in-minutes, else {"valid": false} (still exit 0). '
        "Too many wrong codes for a number: a 429 (exit 1) until Bandwidth lets it try again.",
    )
    add_json(verify, "verifyCodeRequest")
    add_field_flags(verify, VERIFY_FLAGS)


def _add_lookup(commands: Any) -> None:
    lookup = add_single_command(
        commands,
        "lookup",
        "who serves phone numbers, and what kind they are (mobile, fixed, VoIP)",
        "Phone Number Lookup. 'lookup NUMBER...' looks up 1 to 100 numbers and prints the "
        "answer (POST /accounts/{accountId}/phoneNumberLookup). 'lookup bulk NUMBER...' "
        "starts a lookup of up to 15,000 and prints its requestId (POST .../bulk); "
        "'lookup status REQUEST_ID' prints its status and, once done, its results "
        "(GET .../bulk/{requestId}). Output is JSON in the API's wire format. Lookups are "
        "never retried once they may have reached Bandwidth (they may be billed).",
        LOOKUP,
    )
    lookup.usage = (
        "bandwidth lookup [OPTIONS] NUMBER... | bulk NUMBER... [--numbers-from FILE]"
        " | status REQUEST_ID"
    )
    lookup.add_argument(
        "words",
        nargs="*",
        metavar="NUMBER",
        help="numbers in E.164 (+19195551234); or 'bulk' then numbers, or 'status' then a "
        "request id",
    )
    lookup.add_argument(
        "--rcs-agent",
        default=None,
        metavar="AGENT",
        help="the RCS agent to check the numbers' RCS capability with (not with bulk)",
    )
    lookup.add_argument(
        "--numbers-from",
        default=None,
        metavar="FILE",
        help="more numbers, one a line, from FILE ('-' for stdin)",
    )


def _add_endpoints(commands: Any) -> None:
    ops = add_command(
        commands,
        "endpoints",
        "create, get, list and delete WebRTC endpoints; send them BXML",
        "The Endpoints operations: WebRTC endpoints a browser or app connects to with the "
        "token 'create' prints. Output is JSON in the API's wire format.",
        ENDPOINTS,
    )
    create = add_operation(
        ops,
        "create",
        "create an endpoint (POST /accounts/{accountId}/endpoints)",
        "Create an endpoint and print Bandwidth's answer: the endpoint and the token (a JWT, "
        "valid 24 hours) a client connects with. Keep it private. --direction is required "
        "(or its key in --json); --type defaults to WEBRTC. Never retried once it may have "
        "reached Bandwidth: a retry could make a second endpoint.",
    )
    add_json(create, "createWebRtcConnectionRequest")
    add_field_flags(create, ENDPOINT_FLAGS)

    get = add_operation(
        ops,
        "get",
        "print an endpoint (GET /accounts/{accountId}/endpoints/{endpointId})",
        "Print the endpoint, with its devices.",
    )
    get.add_argument("endpoint_id", metavar="ENDPOINT_ID", help=_ENDPOINT_ID)

    listing = add_operation(
        ops,
        "list",
        "list endpoints (GET /accounts/{accountId}/endpoints)",
        "Print one page of endpoints as a JSON array (with --all, every page, as one array). "
        "When more pages remain, a note on stderr gives the next --after-cursor.",
    )
    add_list_flags(listing, ENDPOINT_LIST_FLAGS)

    delete = add_operation(
        ops,
        "delete",
        "delete an endpoint (DELETE /accounts/{accountId}/endpoints/{endpointId})",
        "Delete the endpoint; a client connected to it is disconnected. Prints nothing.",
    )
    delete.add_argument("endpoint_id", metavar="ENDPOINT_ID", help=_ENDPOINT_ID)

    bxml = add_operation(
        ops,
        "bxml",
        "send BXML to an endpoint (PUT /accounts/{accountId}/endpoints/{endpointId}/bxml)",
        "Send FILE (BXML, '-' for stdin) to run against the endpoint. Prints nothing.",
    )
    bxml.add_argument("endpoint_id", metavar="ENDPOINT_ID", help=_ENDPOINT_ID)
    bxml.add_argument("file", metavar="FILE", help="a BXML document, or '-' to read stdin")


def _json_required(parser: argparse.ArgumentParser, model: str) -> None:
    parser.add_argument(
        "--json",
        metavar="FILE",
        required=True,
        help=f"the {model} body in wire format (JSON) from FILE, or '-' for stdin",
    )


def _add_tfv(commands: Any) -> None:
    ops = add_command(
        commands,
        "tfv",
        "toll-free verification: submit numbers, follow them, and be told of changes",
        "The Toll-Free Verification operations. A submission (the business, its use case, "
        "its opt-in) is a JSON file: see docs/cli.md for one. Output is JSON in the API's "
        "wire format.",
        TFV,
    )
    request = add_operation(
        ops,
        "request",
        "submit numbers for verification (POST /accounts/{accountId}/tollFreeVerification)",
        "Submit the verificationRequest in --json. Prints nothing (Bandwidth answers 202); "
        "follow it with 'tfv status' or a subscription. Never retried once it may have "
        "reached Bandwidth.",
    )
    _json_required(request, "verificationRequest")

    status = add_operation(
        ops,
        "status",
        "print a number's verification (GET .../{phoneNumber}/tollFreeVerification)",
        "Print the number's tfvStatus: its status, and why when it was declined.",
    )
    status.add_argument("phone_number", metavar="NUMBER", help=_TOLL_FREE)

    update = add_operation(
        ops,
        "update",
        "resubmit a number's verification (PUT .../{phoneNumber}/tollFreeVerification)",
        "Replace the submission of a number (after it was declined, say) with the "
        'tfvSubmissionWrapper in --json ({"submission": {...}}). Prints nothing.',
    )
    update.add_argument("phone_number", metavar="NUMBER", help=_TOLL_FREE)
    _json_required(update, "tfvSubmissionWrapper")

    delete = add_operation(
        ops,
        "delete",
        "delete a number's verification (DELETE .../{phoneNumber}/tollFreeVerification)",
        "Delete the number's submission, as though it had never been made. Prints nothing.",
    )
    delete.add_argument("phone_number", metavar="NUMBER", help=_TOLL_FREE)

    add_operation(
        ops,
        "use-cases",
        "list the use cases a submission may name (GET /tollFreeVerification/useCases)",
        "Print the use cases (useCase values) as a JSON array of strings. Needs no account id.",
    )

    subscriptions = add_operation(
        ops,
        "subscriptions",
        "the webhooks told of every verification update (.../webhooks/subscriptions)",
        "List, create, update and delete the account's webhook subscriptions.",
    )
    actions = add_operations(subscriptions, TFV, dest="action")
    add_operation(
        actions,
        "list",
        "list the subscriptions (GET .../webhooks/subscriptions)",
        "Print the account's subscriptions as a JSON array (passwords masked).",
    )
    create = add_operation(
        actions,
        "create",
        "subscribe a URL (POST .../webhooks/subscriptions)",
        "Create a subscription and print it, with the id to update or delete it by. "
        "--callback-url is required (or its key in --json). Never retried once it may have "
        "reached Bandwidth: a retry could subscribe twice.",
        webhook_password=True,
    )
    add_json(create, "webhookSubscriptionRequestSchema")
    add_field_flags(create, SUBSCRIPTION_FLAGS)
    change = add_operation(
        actions,
        "update",
        "replace a subscription (PUT .../webhooks/subscriptions/{id})",
        "Replace the subscription's URL and credentials (the whole body: --callback-url is "
        "required) and print it.",
        webhook_password=True,
    )
    change.add_argument("subscription_id", metavar="ID", help=_SUBSCRIPTION_ID)
    add_json(change, "webhookSubscriptionRequestSchema")
    add_field_flags(change, SUBSCRIPTION_FLAGS)
    remove = add_operation(
        actions,
        "delete",
        "delete a subscription (DELETE .../webhooks/subscriptions/{id})",
        "Delete the subscription. Prints nothing.",
    )
    remove.add_argument("subscription_id", metavar="ID", help=_SUBSCRIPTION_ID)
