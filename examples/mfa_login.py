"""Two-factor login with Bandwidth MFA: a password, then a one-time code by text or call.

A Flask app in the style of Bandwidth's samples (``mfa-*``), written against
the official ``bandwidth-sdk`` 23.x names (``MFAApi``, ``CodeRequest``,
``VerifyCodeRequest``, ``PhoneNumberLookupApi``, ``SyncLookupRequest``):

* ``POST /login`` ``{"username", "password"}``: when the password is right,
  the app looks the user's phone number up (``create_sync_lookup``): a mobile
  number gets the code by text (``generate_messaging_code``), a landline by
  a phone call that reads it out (``generate_voice_code``); ``"channel":
  "voice"`` in the body asks for a call anyway. Answers ``{"sent": "sms"}``
  or ``{"sent": "voice"}``.
* ``POST /login/verify`` ``{"username", "code"}``: ``verify_code`` with a
  5-minute expiry; answers ``{"loggedIn": true}``, or 401 for a wrong or
  expired code, 429 after too many wrong ones.

Run it (Flask's development server)::

    BW_USERNAME=... BW_PASSWORD=... BW_ACCOUNT_ID=... \\
    BW_NUMBER=+1... BW_MESSAGING_APPLICATION_ID=... BW_VOICE_APPLICATION_ID=... \\
    DEMO_PASSWORD=... DEMO_PHONE=+1... python examples/mfa_login.py

Or test whole logins without an account: ``create_app(sim.configuration(),
sim.account_id, ...)`` against ``bandwidth.testing.BandwidthSimulator``,
which texts the code to ``sim.handset(number)`` or speaks it on a call (see
``tests/examples/test_mfa_login_example.py``).
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Tuple

from flask import Flask, jsonify, request

from bandwidth.api.mfa_api import MFAApi
from bandwidth.api.phone_number_lookup_api import PhoneNumberLookupApi
from bandwidth.api_client import ApiClient
from bandwidth.configuration import Configuration
from bandwidth.exceptions import ApiException
from bandwidth.models.code_request import CodeRequest
from bandwidth.models.sync_lookup_request import SyncLookupRequest
from bandwidth.models.verify_code_request import VerifyCodeRequest

log = logging.getLogger("mfa_login")

MESSAGE = "Your Example Company login code is {CODE}"
DIGITS = 6
EXPIRY_MINUTES = 5
SCOPE = "login"
#: Line types that can receive a text (a landline cannot).
TEXTABLE = {"MOBILE", "VOIP"}


@dataclass(frozen=True)
class User:
    """A user of the app: a password and the phone the second factor goes to."""

    password: str
    phone: str


@dataclass(frozen=True)
class Sender:
    """The Bandwidth side of the app: its number and the applications codes go through."""

    number: str
    messaging_application_id: str
    voice_application_id: str


def create_app(
    config: Configuration, account_id: str, users: Mapping[str, User], sender: Sender
) -> Flask:
    """The login app, calling Bandwidth through ``config``."""
    client = ApiClient(config)
    mfa = MFAApi(client)
    lookup = PhoneNumberLookupApi(client)
    app = Flask(__name__)

    def check_password(body: Mapping[str, Any]) -> Optional[User]:
        user = users.get(str(body.get("username", "")))
        given = str(body.get("password", ""))
        if user is None or not hmac.compare_digest(user.password.encode(), given.encode()):
            return None
        return user

    def channel_for(user: User, asked: Optional[str]) -> str:
        if asked == "voice":
            return "voice"
        answer = lookup.create_sync_lookup(
            account_id, SyncLookupRequest(phone_numbers=[user.phone])
        )
        results = (answer.data.results if answer.data else None) or []
        line_type = results[0].line_type if results else None
        return "sms" if line_type in TEXTABLE else "voice"

    def send_code(user: User, channel: str) -> None:
        if channel == "sms":
            application_id = sender.messaging_application_id
        else:
            application_id = sender.voice_application_id
        order = CodeRequest(
            to=user.phone,
            var_from=sender.number,
            application_id=application_id,
            scope=SCOPE,
            message=MESSAGE,
            digits=DIGITS,
        )
        if channel == "sms":
            mfa.generate_messaging_code(account_id, order)
        else:
            mfa.generate_voice_code(account_id, order)

    @app.post("/login")
    def login() -> Tuple[Any, int]:
        body: Dict[str, Any] = request.get_json(silent=True) or {}
        user = check_password(body)
        if user is None:
            return jsonify(error="wrong user name or password"), 401
        try:
            channel = channel_for(user, body.get("channel"))
            send_code(user, channel)
        except ApiException as exc:
            log.warning("could not send the code: %s", exc.status)
            return jsonify(error="could not send the code, try again"), 502
        return jsonify(sent=channel), 200

    @app.post("/login/verify")
    def verify() -> Tuple[Any, int]:
        body: Dict[str, Any] = request.get_json(silent=True) or {}
        user = users.get(str(body.get("username", "")))
        code = str(body.get("code", ""))
        if user is None or not code.isdigit() or len(code) != DIGITS:
            return jsonify(loggedIn=False), 401
        check = VerifyCodeRequest(
            to=user.phone, scope=SCOPE, expiration_time_in_minutes=EXPIRY_MINUTES, code=code
        )
        try:
            valid = mfa.verify_code(account_id, check).valid
        except ApiException as exc:
            if exc.status == 429:
                return jsonify(loggedIn=False, error="too many attempts, wait a little"), 429
            return jsonify(loggedIn=False, error="could not check the code"), 502
        return (jsonify(loggedIn=True), 200) if valid else (jsonify(loggedIn=False), 401)

    return app


def main() -> int:
    """Serve the app on ``LOCAL_PORT`` (default 5000) with one user, ``demo``, until interrupted."""
    env = os.environ
    values = {
        "BW_USERNAME": env.get("BW_USERNAME"),
        "BW_PASSWORD": env.get("BW_PASSWORD"),
        "BW_ACCOUNT_ID": env.get("BW_ACCOUNT_ID"),
        "BW_NUMBER": env.get("BW_NUMBER"),
        "BW_MESSAGING_APPLICATION_ID": env.get("BW_MESSAGING_APPLICATION_ID"),
        "BW_VOICE_APPLICATION_ID": env.get("BW_VOICE_APPLICATION_ID"),
        "DEMO_PASSWORD": env.get("DEMO_PASSWORD"),
        "DEMO_PHONE": env.get("DEMO_PHONE"),
    }
    missing = [name for name, value in values.items() if not value]
    if missing:
        print(f"set {', '.join(missing)}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO)
    config = Configuration(username=values["BW_USERNAME"], password=values["BW_PASSWORD"])
    sender = Sender(
        values["BW_NUMBER"] or "",
        values["BW_MESSAGING_APPLICATION_ID"] or "",
        values["BW_VOICE_APPLICATION_ID"] or "",
    )
    users = {"demo": User(values["DEMO_PASSWORD"] or "", values["DEMO_PHONE"] or "")}
    app = create_app(config, values["BW_ACCOUNT_ID"] or "", users, sender)
    app.run(port=int(env.get("LOCAL_PORT") or 5000))  # pragma: no cover - serves until stopped
    return 0  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
