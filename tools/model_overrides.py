"""What the spec's first sentence does not say well enough: hand-written text and rules.

Keys are ``schema`` (a class docstring) or ``schema.property`` (a field's
description), with the spec's names. Kept small: only where a caller would
otherwise guess wrong. The facts come from ``/work/shared/reference``
(messaging.md, identity.md, numbers.md), which cites Bandwidth's docs.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, List

OVERRIDES: Dict[str, str] = {
    # messaging
    "callback": (
        "A messaging webhook event: a ``StatusCallback`` (``message-sending``, "
        "``message-delivered``, ``message-failed``, ...) about a message you sent, or an "
        "``InboundCallback`` (``message-received``, ...) about one sent to you."
    ),
    "messageRequest": (
        "A text or picture message to send with ``MessagesApi.create_message``; ``to``, "
        "``var_from`` (wire name ``from``) and ``application_id`` are required."
    ),
    "messageRequest.to": (
        "Recipients in E.164 (`+15554443333`); more than one makes a group message (at most 10)."
    ),
    "messageRequest.from": (
        "Your Bandwidth number in E.164, or an alphanumeric sender ID (up to 11 of "
        "`A-Z a-z 0-9 space - + _ &`, at least one letter). Wire name `from`."
    ),
    "messageRequest.media": (
        "URLs of the media to attach (each at most 4096 characters); any media makes the "
        "message an MMS. Bandwidth fetches each URL when sending; upload with "
        "`MediaApi.upload_media` to host it at Bandwidth."
    ),
    "messageRequest.tag": (
        "Your own text, echoed in every callback of this message (at most 1024 "
        "characters; Bandwidth advises against putting personal data in it)."
    ),
    "messageRequest.priority": (
        "`default` or `high`: `high` jumps the account's queue, so keep it for urgent "
        "messages (e.g. one-time codes) or it slows the rest."
    ),
    "messageRequest.expiration": (
        "When the message stops being worth sending (RFC 3339, in the future): if it is "
        "still queued then, it fails with error 4360 instead."
    ),
    "multiChannelMessageRequest": (
        "A message to send over the first channel that works, with "
        "``MultiChannelApi.create_multi_channel_message``: ``channel_list`` holds one "
        "entry per channel (RBM, SMS, MMS), tried in order."
    ),
    "message.text": "The text that was sent (echoed in the 202 only: Bandwidth does not keep it).",
    # MFA
    "codeRequest": (
        "A one-time code to send, by ``MFAApi.generate_voice_code`` (a call reads it out) "
        "or ``generate_messaging_code`` (a text); ``message`` must hold ``{CODE}``."
    ),
    "verifyCodeRequest": (
        "A code to check with ``MFAApi.verify_code``: valid if it was sent to ``to`` under "
        "the same ``scope`` less than ``expiration_time_in_minutes`` ago."
    ),
    "codeRequest.scope": (
        'What the code is for (at most 25 characters, default "2FA"): codes are kept per '
        "scope, so `verify_code` must pass the same one."
    ),
    "codeRequest.digits": (
        "How many digits the code has, 4 to 8 (the API's prose says 2 to 8; the schema and "
        "the server take 4 to 8)."
    ),
    "codeRequest.message": (
        "The text sent, at most 2048 characters: `{CODE}` (required) becomes the code, "
        "`{NAME}` the MFA application's name and `{SCOPE}` the scope."
    ),
    "verifyCodeRequest.scope": (
        'The scope the code was generated with (default "2FA"); a code only verifies '
        "under its own scope."
    ),
    "verifyCodeRequest.expirationTimeInMinutes": (
        "How old a code may be and still verify, in minutes (1 to 15): chosen when "
        "verifying, not when generating."
    ),
    # phone number lookup
    "syncLookupRequest": (
        "Up to 100 numbers to look up at once with "
        "``PhoneNumberLookupApi.create_sync_lookup`` (the results come back in the response)."
    ),
    "asyncLookupRequest": (
        "Up to 15,000 numbers to look up with ``create_async_bulk_lookup``; poll "
        "``get_async_bulk_lookup`` with the returned ``request_id`` for the results."
    ),
    "syncLookupRequest.phoneNumbers": (
        "The numbers to look up, in E.164 (`+19195551234`): 1 to 100 of them."
    ),
    "asyncLookupRequest.phoneNumbers": (
        "The numbers to look up, in E.164 (`+19195551234`): 1 to 15,000 of them."
    ),
}

OVERRIDES.update(
    {
        # toll-free verification
        "verificationRequest": (
            "A toll-free number's verification request, sent by "
            "``TollFreeVerificationApi.request_toll_free_verification``: the business, "
            "its contact, the expected volume and the use case."
        ),
        "webhookSubscriptionRequestSchema": (
            "Where Bandwidth posts toll-free verification status changes "
            "(``create_webhook_subscription``, ``update_webhook_subscription``); "
            "``shared_secret_key`` and the basic-auth password are never shown in ``repr``."
        ),
        # endpoints
        "createEndpointRequest": (
            "The body of ``EndpointsApi.create_endpoint``: one of its members (today only "
            "``CreateWebRtcConnectionRequest``), chosen by ``type``."
        ),
    }
)

#: Rules the spec states only in prose: ``schema.property`` -> extra checks,
#: written as calls of :mod:`bandwidth.models._constraints`.
RULES: Dict[str, List[str]] = {
    "messageRequest.to": ["min_items(1)", "max_items(10)", "each(e164)"],
    "messageRequest.tag": ["max_length(1024)"],
    "multiChannelMessageRequest.tag": ["max_length(1024)"],
    "multiChannelMessageRequest.to": ["e164"],
    "rbmActionDial.phoneNumber": ["e164"],
}

#: Response fields the schema requires but the server is documented to send as ``null``
#: or leave out (``schema.property``): optional in the model, so such an answer decodes.
LENIENT: FrozenSet[str] = frozenset(
    {
        # listWebhookSubscriptions: "the password property of that object will be null"
        "WebhookSubscription.basicAuthentication.password",
        # required, yet absent from the spec's own lookup error examples (identity.md B5)
        "lookupErrorSchema.code",
    }
)
