"""The request-body flags: one per wire field, named after the field.

Plain data (no SDK imports) so building the parser stays cheap. The rule is
``--`` + the field's wire name in kebab-case (``answerFallbackUrl`` ->
``--answer-fallback-url``), with two exceptions forced by name clashes:

* the body fields ``username``/``password`` (webhook credentials) are
  ``--webhook-username``/``--webhook-password``, because ``--username`` and
  ``--password`` are the API credentials;
* the ``machineDetection`` object's fields are ``--machine-detection-`` + the
  field (``detectionTimeout`` -> ``--machine-detection-detection-timeout``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

__all__ = [
    "CALLBACK_METHODS",
    "CALL_STATES",
    "CONFERENCE_LIST_FLAGS",
    "CONFERENCE_STATES",
    "CONFERENCE_UPDATE_FLAGS",
    "CREATE_FLAGS",
    "LIST_FLAGS",
    "MACHINE_DETECTION_MODES",
    "MEMBER_FLAGS",
    "RECORDING_LIST_FLAGS",
    "REDIRECT_METHODS",
    "UPDATE_FLAGS",
    "WEBHOOK_PASSWORD_FLAG",
    "WEBHOOK_USER_FLAG",
    "FieldFlag",
    "ListFlag",
    "field_flag",
]

#: Values of ``CallbackMethodEnum``, ``RedirectMethodEnum``, ``CallStateEnum``,
#: ``ConferenceStateEnum`` and ``MachineDetectionModeEnum`` (a test keeps these equal
#: to the enums).
CALLBACK_METHODS: Tuple[str, ...] = ("GET", "POST")
REDIRECT_METHODS: Tuple[str, ...] = ("GET", "POST")
CALL_STATES: Tuple[str, ...] = ("active", "completed")
CONFERENCE_STATES: Tuple[str, ...] = ("active", "completed")
MACHINE_DETECTION_MODES: Tuple[str, ...] = ("sync", "async")


#: The flags of a body's webhook credentials, whatever fields they set: the password has
#: ``--webhook-password-stdin``, ``BW_WEBHOOK_PASSWORD`` and the prompt too (``_body.py``).
WEBHOOK_USER_FLAG = "--webhook-username"
WEBHOOK_PASSWORD_FLAG = "--webhook-password"


@dataclass(frozen=True)
class FieldFlag:
    """One command-line flag that sets one field of a request body.

    ``wire`` is the field's path in the JSON body (``("machineDetection",
    "mode")``); ``kind`` is ``str``, ``number`` (int or decimal), ``int``,
    ``bool`` (with a ``--no-`` form), ``choice`` (one of ``choices``) or
    ``list`` (zero or more values: the flag alone sends ``[]``).
    """

    flag: str
    wire: Tuple[str, ...]
    kind: str
    help: str
    choices: Tuple[str, ...] = ()
    metavar: str = ""

    @property
    def dest(self) -> str:
        """The argparse destination holding this flag's value."""
        return "body__" + "__".join(self.wire)


def field_flag(
    flag: str,
    wire: str,
    help: str,
    kind: str = "str",
    choices: Tuple[str, ...] = (),
    metavar: str = "",
) -> FieldFlag:
    """A :class:`FieldFlag` for the field at ``wire``, a dotted path (``machineDetection.mode``)."""
    return FieldFlag(flag, tuple(wire.split(".")), kind, help, choices, metavar)


_f = field_flag


_MD = "machineDetection."

CREATE_FLAGS: Tuple[FieldFlag, ...] = (
    _f("--to", "to", "destination: E.164 (+15555551212) or a SIP URI (required)", metavar="NUMBER"),
    _f("--from", "from", "a Bandwidth number on your account, E.164 (required)", metavar="NUMBER"),
    _f("--application-id", "applicationId", "the application to use (required)", metavar="ID"),
    _f("--answer-url", "answerUrl", "webhook returning the first BXML (required)", metavar="URL"),
    _f(
        "--answer-method",
        "answerMethod",
        "method of the answer webhook",
        "choice",
        CALLBACK_METHODS,
    ),
    _f("--privacy", "privacy", "hide the calling number (--no-privacy sends false)", "bool"),
    _f("--display-name", "displayName", "caller name shown to the callee", metavar="NAME"),
    _f("--uui", "uui", "User-To-User header values (SIP URI destinations only)", metavar="UUI"),
    _f("--webhook-username", "username", "basic-auth user for the webhooks", metavar="USER"),
    _f("--webhook-password", "password", "basic-auth password for the webhooks", metavar="PASS"),
    _f(
        "--answer-fallback-url",
        "answerFallbackUrl",
        "used when the answer webhook fails",
        metavar="URL",
    ),
    _f(
        "--answer-fallback-method",
        "answerFallbackMethod",
        "method of the answer fallback",
        "choice",
        CALLBACK_METHODS,
    ),
    _f(
        "--fallback-username",
        "fallbackUsername",
        "basic-auth user for the fallback webhook",
        metavar="USER",
    ),
    _f(
        "--fallback-password",
        "fallbackPassword",
        "basic-auth password for the fallback webhook",
        metavar="PASS",
    ),
    _f("--disconnect-url", "disconnectUrl", "webhook told when the call ends", metavar="URL"),
    _f(
        "--disconnect-method",
        "disconnectMethod",
        "method of the disconnect webhook",
        "choice",
        CALLBACK_METHODS,
    ),
    _f("--call-timeout", "callTimeout", "seconds to ring, 1..300", "number", metavar="SECONDS"),
    _f(
        "--callback-timeout",
        "callbackTimeout",
        "seconds to wait for a webhook, 1..25",
        "number",
        metavar="SECONDS",
    ),
    _f("--priority", "priority", "1 (highest) to 5 (lowest)", "int", metavar="N"),
    _f("--tag", "tag", 'your own text, echoed in callbacks ("" clears it)', metavar="TEXT"),
    _f(
        "--machine-detection-mode",
        _MD + "mode",
        "answering-machine detection mode",
        "choice",
        MACHINE_DETECTION_MODES,
    ),
    _f(
        "--machine-detection-detection-timeout",
        _MD + "detectionTimeout",
        "seconds before detection gives up",
        "number",
        metavar="SECONDS",
    ),
    _f(
        "--machine-detection-silence-timeout",
        _MD + "silenceTimeout",
        "seconds of initial silence before giving up",
        "number",
        metavar="SECONDS",
    ),
    _f(
        "--machine-detection-speech-threshold",
        _MD + "speechThreshold",
        "seconds of speech above which the answerer is a machine",
        "number",
        metavar="SECONDS",
    ),
    _f(
        "--machine-detection-speech-end-threshold",
        _MD + "speechEndThreshold",
        "seconds of silence that end a human's speech",
        "number",
        metavar="SECONDS",
    ),
    _f(
        "--machine-detection-machine-speech-end-threshold",
        _MD + "machineSpeechEndThreshold",
        "seconds of silence that end a machine's speech",
        "number",
        metavar="SECONDS",
    ),
    _f(
        "--machine-detection-delay-result",
        _MD + "delayResult",
        "wait until the machine stops speaking before reporting",
        "bool",
    ),
    _f(
        "--machine-detection-callback-url",
        _MD + "callbackUrl",
        "where the machineDetectionComplete callback goes",
        metavar="URL",
    ),
    _f(
        "--machine-detection-callback-method",
        _MD + "callbackMethod",
        "method of that callback",
        "choice",
        CALLBACK_METHODS,
    ),
    _f(
        "--machine-detection-username",
        _MD + "username",
        "basic-auth user for the callback",
        metavar="USER",
    ),
    _f(
        "--machine-detection-password",
        _MD + "password",
        "basic-auth password for the callback",
        metavar="PASS",
    ),
    _f(
        "--machine-detection-fallback-url",
        _MD + "fallbackUrl",
        "used when the callback fails",
        metavar="URL",
    ),
    _f(
        "--machine-detection-fallback-method",
        _MD + "fallbackMethod",
        "method of the fallback callback",
        "choice",
        CALLBACK_METHODS,
    ),
    _f(
        "--machine-detection-fallback-username",
        _MD + "fallbackUsername",
        "basic-auth user for the fallback",
        metavar="USER",
    ),
    _f(
        "--machine-detection-fallback-password",
        _MD + "fallbackPassword",
        "basic-auth password for the fallback",
        metavar="PASS",
    ),
)

_REDIRECT_FLAGS: Tuple[FieldFlag, ...] = (
    _f("--redirect-url", "redirectUrl", "where to fetch the new BXML", metavar="URL"),
    _f(
        "--redirect-method",
        "redirectMethod",
        "method used to fetch --redirect-url",
        "choice",
        REDIRECT_METHODS,
    ),
    _f("--webhook-username", "username", "basic-auth user for --redirect-url", metavar="USER"),
    _f("--webhook-password", "password", "basic-auth password for --redirect-url", metavar="PASS"),
    _f(
        "--redirect-fallback-url",
        "redirectFallbackUrl",
        "used when --redirect-url fails",
        metavar="URL",
    ),
    _f(
        "--redirect-fallback-method",
        "redirectFallbackMethod",
        "method used to fetch --redirect-fallback-url",
        "choice",
        REDIRECT_METHODS,
    ),
    _f(
        "--fallback-username",
        "fallbackUsername",
        "basic-auth user for --redirect-fallback-url",
        metavar="USER",
    ),
    _f(
        "--fallback-password",
        "fallbackPassword",
        "basic-auth password for --redirect-fallback-url",
        metavar="PASS",
    ),
)

UPDATE_FLAGS: Tuple[FieldFlag, ...] = (
    _f(
        "--state",
        "state",
        "active (redirect; needs --redirect-url) or completed (hang up)",
        "choice",
        CALL_STATES,
    ),
    *_REDIRECT_FLAGS,
    _f("--tag", "tag", 'your own text ("" clears it; not with --state completed)', metavar="TEXT"),
)

CONFERENCE_UPDATE_FLAGS: Tuple[FieldFlag, ...] = (
    _f(
        "--status",
        "status",
        "active (redirect; needs --redirect-url) or completed (end it, ejecting every member)",
        "choice",
        CONFERENCE_STATES,
    ),
    *_REDIRECT_FLAGS,
)

MEMBER_FLAGS: Tuple[FieldFlag, ...] = (
    _f("--mute", "mute", "mute the member (--no-mute unmutes); it still hears the others", "bool"),
    _f("--hold", "hold", "put the member on hold (--no-hold takes it off)", "bool"),
    _f(
        "--call-ids-to-coach",
        "callIdsToCoach",
        "the calls this member coaches, replacing the list (none: an empty list)",
        "list",
        metavar="CALL_ID",
    ),
)


@dataclass(frozen=True)
class ListFlag:
    """One filter or paging flag of a list command: ``flag`` sets the SDK's ``parameter``.

    ``kind`` is ``str``, ``int`` (a whole number), ``bool`` (with a ``--no-``
    form), ``choice`` (one of ``choices``), ``page_size`` (a whole number
    from 1 to ``most``) or ``cursor`` (where a page starts: a page token, which
    ``--all`` excludes).
    """

    flag: str
    parameter: str
    kind: str
    help: str
    metavar: str = ""
    most: int = 0
    choices: Tuple[str, ...] = ()


def _time_flags(what: str, event: str) -> Tuple[ListFlag, ...]:
    field = "start" if event == "started" else "created"
    return (
        ListFlag(
            f"--min-{field}-time",
            f"min_{field}_time",
            "str",
            f"only {what} {event} at or after this ISO 8601 time",
            "TIME",
        ),
        ListFlag(
            f"--max-{field}-time",
            f"max_{field}_time",
            "str",
            f"only {what} {event} at or before this ISO 8601 time",
            "TIME",
        ),
    )


def _page_flags(what: str, most: int) -> Tuple[ListFlag, ...]:
    return (
        ListFlag(
            "--page-size",
            "page_size",
            "page_size",
            f"{what} per page, 1..{most} (server default 1000)",
            "N",
            most,
        ),
        ListFlag(
            "--page-token",
            "page_token",
            "cursor",
            "a page token from a previous page's Link header",
            "TOKEN",
        ),
    )


#: ``calls list`` flags (one per parameter of ``list_calls``).
LIST_FLAGS: Tuple[ListFlag, ...] = (
    ListFlag("--to", "to", "str", "only calls to this number", "NUMBER"),
    ListFlag("--from", "var_from", "str", "only calls from this number", "NUMBER"),
    *_time_flags("calls", "started"),
    ListFlag(
        "--disconnect-cause",
        "disconnect_cause",
        "str",
        "only calls that ended this way (hangup, busy, timeout, cancel, ...)",
        "CAUSE",
    ),
    *_page_flags("calls", 10000),
)

#: ``conferences list`` flags (one per parameter of ``list_conferences``).
CONFERENCE_LIST_FLAGS: Tuple[ListFlag, ...] = (
    ListFlag("--name", "name", "str", "only conferences with this name", "NAME"),
    *_time_flags("conferences", "created"),
    *_page_flags("conferences", 1000),
)

#: ``recordings list`` filters (the parameters of ``list_account_call_recordings``).
RECORDING_LIST_FLAGS: Tuple[ListFlag, ...] = (
    ListFlag("--to", "to", "str", "only recordings of calls to this number", "NUMBER"),
    ListFlag("--from", "var_from", "str", "only recordings of calls from this number", "NUMBER"),
    *_time_flags("recordings", "started"),
)
