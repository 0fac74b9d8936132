"""``bandwidth tfv ...``: toll-free verification submissions and their webhook subscriptions.

A submission is a JSON document (``--json FILE|-``): a business, its
contact, its use case and its opt-in, too many nested fields for flags.
Imported only when a ``tfv`` command runs.
"""

from __future__ import annotations

import argparse
import os
from typing import Any, Mapping, Optional

from bandwidth import TollFreeVerificationApi
from bandwidth.cli._body import build_body
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._identity_fields import SUBSCRIPTION_FLAGS
from bandwidth.cli._output import print_data, print_json, write_json_array
from bandwidth.cli._parser import UsageError
from bandwidth.models import (
    TfvSubmissionWrapper,
    VerificationRequest,
    WebhookSubscriptionRequestSchema,
)

__all__ = ["run_tfv"]


def run_tfv(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run one ``tfv`` operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    operation: str = args.operation
    action: str = getattr(args, "action", "")
    prog = " ".join(word for word in ("bandwidth tfv", operation, action) if word)
    changes = action in ("create", "update")
    prepare(args, prog, SUBSCRIPTION_FLAGS if changes else ())
    # Everything the user typed is checked before anything is sent.
    request: Any = None
    if operation == "request":
        request = build_body(args, VerificationRequest, (), prog, env)
    elif operation == "update":
        request = build_body(args, TfvSubmissionWrapper, (), prog, env)
    elif changes:
        request = build_body(args, WebhookSubscriptionRequestSchema, SUBSCRIPTION_FLAGS, prog, env)
    with session(args, env, prog, account=operation != "use-cases") as (client, account_id):
        api = TollFreeVerificationApi(client)
        number: str = getattr(args, "phone_number", "")
        if operation == "request":
            api.request_toll_free_verification(account_id, request)
        elif operation == "status":
            print_json(api.get_toll_free_verification_status(account_id, number))
        elif operation == "update":
            api.update_toll_free_verification_request(account_id, number, request)
        elif operation == "delete":
            api.delete_verification_request(account_id, number)
        elif operation == "use-cases":
            print_data(api.list_toll_free_use_cases())
        elif operation == "subscriptions":
            _subscriptions(api, account_id, action, args, request)
        else:  # pragma: no cover - argparse only allows the operations above
            raise UsageError(f"unknown operation {operation!r}", prog)
    return 0


def _subscriptions(
    api: TollFreeVerificationApi,
    account_id: str,
    action: str,
    args: argparse.Namespace,
    request: Any,
) -> None:
    if action == "list":
        write_json_array(api.list_webhook_subscriptions(account_id).data or [])
    elif action == "create":
        print_json(api.create_webhook_subscription(account_id, request))
    elif action == "update":
        print_json(api.update_webhook_subscription(account_id, args.subscription_id, request))
    else:
        api.delete_webhook_subscription(account_id, args.subscription_id)
