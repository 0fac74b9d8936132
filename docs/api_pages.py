# ruff: noqa: E501  (the notes are markdown: table rows are one line each)
"""The API classes' reference pages (``CallsApi.md``, ``ConferencesApi.md``, ...), from the code.

Everything a page states about an operation comes from one source: the HTTP
request, return type and media types from its ``Operation``; the signature
and prose from its method (the builder's docstring); whether it is retried
from :mod:`bandwidth.retry`; the success status and the declared errors from
``spec/bandwidth.yml``. What code cannot say (examples, longer explanations)
is in :data:`NOTES`. ``docs/generate.py`` writes the pages and ``--check``
fails when one is stale.
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import yaml
from api_notes_messaging import NOTES as MESSAGING_NOTES  # docs/, next to this module

import bandwidth
import bandwidth.models as models
from bandwidth._operation import OPTION_ORDER, Operation
from bandwidth.exceptions import exception_class_for_status
from bandwidth.retry import IDEMPOTENT_METHODS

DOCS = Path(__file__).resolve().parent
SPEC = DOCS.parent / "spec" / "bandwidth.yml"

API_CLASSES = [
    "CallsApi",
    "ConferencesApi",
    "RecordingsApi",
    "TranscriptionsApi",
    "StatisticsApi",
    "MessagesApi",
    "MediaApi",
    "MultiChannelApi",
    "MFAApi",
    "PhoneNumberLookupApi",
    "TollFreeVerificationApi",
    "EndpointsApi",
]
RETRIED = "yes: connection errors, read timeouts, 429, 500, 502, 503, 504"
NOT_RETRIED = "**only** a connection never made, and 429"

# -- reading the code and the spec ------------------------------------------------------


def operations(cls: type) -> List[Tuple[str, Callable[..., Any]]]:
    """The generated-SDK operations of ``cls``, in the order the class declares them."""
    return [(name, fn) for name, fn in vars(cls).items() if hasattr(fn, "build")]


def extra_methods(cls: type) -> List[Tuple[str, Callable[..., Any]]]:
    """The methods of ours beyond the generated SDK's (``iter_*``, ``download_*_to``)."""
    variants = ("_with_http_info", "_without_preload_content")
    return [
        (name, fn)
        for name, fn in vars(cls).items()
        if inspect.isfunction(fn)
        and not name.startswith("_")
        and not hasattr(fn, "build")
        and not name.endswith(variants)
    ]


def operation_of(cls: type, name: str) -> Operation[Any]:
    module = sys.modules[cls.__module__]
    found = [v for v in vars(module).values() if isinstance(v, Operation) and v.name == name]
    assert len(found) == 1, name
    return found[0]


def spec_operations() -> Dict[str, Dict[str, Any]]:
    spec = yaml.safe_load(SPEC.read_text())
    found = {}
    for methods in spec["paths"].values():
        for operation in methods.values():
            if isinstance(operation, dict) and "operationId" in operation:
                snake = re.sub(r"(?<!^)(?=[A-Z])", "_", operation["operationId"]).lower()
                found[snake] = operation
    return found


# -- rendering ----------------------------------------------------------------------------

#: name -> its page: every model (docs/generate.py writes them), API class, and the BXML guide
PAGES = {name: f"{name}.md" for name in [*models.__all__, *API_CLASSES]}
PAGES.update(Bxml="bxml.md", Response="bxml.md")
#: annotation text as the signatures write it -> as a reader reads it
READABLE = [
    (r"Optional\[TimeFilter\]", "datetime | str | None"),
    (r"Optional\[Union\[(\w+), str\]\]", r"\1 | str | None"),
    (r"\bMediaBody\b", "bytes | str | PathLike | (filename, bytes) | BinaryIO"),
    (r"Optional\[(\w+)\]", r"\1 | None"),
    (r"Union\[(\w+), Dict\[str, Any\]\]", r"\1 | dict"),
    (r"\bBxmlBody\b", "str | bytes | Bxml"),
    (r"\bDestination\b", "str | PathLike | BinaryIO"),
]


def readable(annotation: str) -> str:
    for pattern, replacement in READABLE:
        annotation = re.sub(pattern, replacement, annotation)
    return annotation


def type_link(annotation: str) -> str:
    """``List[CallState]`` -> ``List[[CallState](CallState.md)]`` (models link to their page)."""

    def link(match: re.Match[str]) -> str:
        name = match.group(0)
        return f"[{name}]({PAGES[name]})" if name in PAGES else name

    if annotation in ("None", "bytes", "int"):
        return f"`{annotation}`"
    return re.sub(
        r"\b[A-Z]\w+\b", lambda m: m.group(0) if m.group(0) == "List" else link(m), annotation
    )


def returned(operation: Operation[Any]) -> str:
    kind = operation.response_type
    if kind is None:
        return "None"
    if kind is bytes:
        return "bytes"
    if getattr(operation.response_type, "__origin__", None) is list:
        return f"List[{kind.__args__[0].__name__}]"
    return str(kind.__name__)


def signature_block(name: str, fn: Callable[..., Any]) -> str:
    """The call as a reader writes it: own parameters typed, the extras on one line."""
    signature = inspect.signature(fn)
    lines = []
    extras = False
    for parameter in list(signature.parameters.values())[1:]:
        if parameter.name in OPTION_ORDER:
            extras = True
            continue
        text = parameter.name
        if parameter.kind is parameter.KEYWORD_ONLY and "*" not in "".join(lines):
            lines.append("*")
        if parameter.kind is parameter.VAR_KEYWORD:
            lines.append(f"**{parameter.name}")
            continue
        if parameter.annotation is not parameter.empty:
            text += f": {readable(str(parameter.annotation))}"
        if parameter.default is not parameter.empty:
            text += f" = {parameter.default!r}"
        lines.append(text)
    if extras:
        lines.append(
            "_request_timeout=None, _request_auth=None, _content_type=None, _headers=None, "
            "_host_index=0"
        )
    returns = readable(str(signature.return_annotation))
    body = "".join(f"    {line},\n" for line in lines)
    return f"```text\n{name}(\n{body}) -> {returns}\n```"


ROLE = re.compile(r":(?:class|meth|func|mod|data|attr):`~?([\w.]+)`")


def markdown(text: str, cls: type) -> str:
    """A docstring's reST markup as markdown; models and methods of the page become links."""

    def role(match: re.Match[str]) -> str:
        target = match.group(1)
        parts = target.split(".")
        short = parts[-1]
        if len(parts) > 1 and parts[-2] in API_CLASSES and parts[-2] != cls.__name__:
            return f"[`{parts[-2]}.{short}`]({parts[-2]}.md#{short})"
        if short in PAGES:
            return f"[{short}]({PAGES[short]})"
        if short in vars(cls):
            return f"[`{short}`](#{short})"
        return f"`{short}`"

    text = ROLE.sub(role, text)
    return text.replace("``", "`")


def prose(fn: Callable[..., Any], cls: type) -> Tuple[str, str]:
    """A method's docstring as (its first line, the rest), parameters listed after the prose."""
    doc = inspect.getdoc(getattr(fn, "build", fn)) or ""
    first, _, rest = doc.partition("\n")
    body, _, args = rest.strip().partition("Args:\n")
    out = [markdown(body.strip(), cls) + "\n"] if body.strip() else []
    if args:
        items: List[str] = []
        for line in args.splitlines():
            if re.match(r"    \S", line):
                items.append(line.strip())
            elif line.strip():
                items[-1] += " " + line.strip()
        out.append("Parameters:\n")
        out.extend(f"- {markdown(parameter_item(item), cls)}" for item in items)
    return markdown(first, cls), "\n".join(out)


def parameter_item(item: str) -> str:
    """``to, var_from: text`` becomes the names in backticks, then the text."""
    names, _, text = item.partition(": ")
    return ", ".join(f"`{name.strip()}`" for name in names.split(",")) + ": " + text


def errors_line(spec: Dict[str, Any]) -> str:
    responses = spec["responses"]
    statuses = sorted(int(s) for s in responses if s.isdigit() and int(s) >= 400)
    parts = []
    for status in statuses:
        label = "5xx" if status >= 500 else str(status)
        parts.append(f"{label} `{exception_class_for_status(status).__name__}`")
    if "default" in responses:  # one answer declared for every error status
        parts.append("any error status: its `ApiException` subclass (400 `BadRequestException`, …)")
    return "Errors: " + ", ".join(dict.fromkeys(parts)) + "."


def success_status(spec: Dict[str, Any]) -> str:
    return next(status for status in spec["responses"] if status.startswith("2"))


def api_page(name: str, spec: Dict[str, Dict[str, Any]]) -> str:
    cls = getattr(bandwidth, name)
    notes = {**NOTES, **MESSAGING_NOTES}.get(name, {})
    module = cls.__module__
    lines = [
        f"# {name}",
        "",
        f"`from {module} import {name}` (also `from bandwidth import {name}`,"
        f" `from bandwidth.api import {name}`)",
        "",
        markdown(inspect.cleandoc(cls.__doc__ or ""), cls),
        "",
        "All URIs are relative to the configured host; without one, to"
        f" `{operation_of(cls, operations(cls)[0][0]).servers.entries[0].url}`"
        " (see [servers](configuration.md#servers)).",
        "",
        "Method | HTTP request | Returns | Retried (see [retries](retries.md))",
        "------ | ------------ | ------- | ----------------------------------",
    ]
    for op_name, _ in operations(cls):
        operation = operation_of(cls, op_name)
        status = success_status(spec[op_name])
        retried = RETRIED if operation.method in IDEMPOTENT_METHODS else NOT_RETRIED
        lines.append(
            f"[**{op_name}**](#{op_name}) | **{operation.method}** {operation.path} | "
            f"{type_link(returned(operation))} ({status}) | {retried}"
        )
    for extra, _ in extra_methods(cls):
        summary = notes.get(f"{extra}:row", "")
        lines.append(f"[**{extra}**](#{extra}) | {summary}")
    lines += ["", notes.get("intro", SHARED_INTRO), ""]
    for op_name, fn in operations(cls):
        first, body = prose(fn, cls)
        lines += [f"## {op_name}", "", signature_block(op_name, fn), "", first, ""]
        if body:
            lines += [body, ""]
        if op_name in notes:
            lines += [notes[op_name].strip(), ""]
        lines += [errors_line(spec[op_name]), ""]
    for extra, fn in extra_methods(cls):
        first, body = prose(fn, cls)
        lines += [f"## {extra}", "", signature_block(extra, fn), "", first, ""]
        if body:
            lines += [body, ""]
        if extra in notes:
            lines += [notes[extra].strip(), ""]
    if "outro" in notes:
        lines += [notes["outro"].strip(), ""]
    lines += ["[All docs](README.md)", ""]
    return "\n".join(lines).replace("\n\n\n", "\n\n")


def pages() -> Dict[str, str]:
    spec = spec_operations()
    return {f"{name}.md": api_page(name, spec) for name in API_CLASSES}


# -- what the code cannot say ---------------------------------------------------------------

SHARED_INTRO = """\
Every operation comes in three variants (`op`, `op_with_http_info`,
`op_without_preload_content`) and takes the five per-call extras after its own
parameters, positionally or by keyword, exactly as described for
[CallsApi](CallsApi.md#three-variants-of-every-operation). Bad arguments raise
`ApiTypeError`/`ApiValueError` before anything is sent; every failure after that is an
[`ApiException`](retries.md#errors) subclass."""

CALLS_INTRO = """\
## Three variants of every operation

Each operation `op` comes in three forms that share one implementation:

- `op(...)` returns the decoded data.
- `op_with_http_info(...)` returns an [`ApiResponse`](#apiresponse): `data`, `status_code`,
  `headers` (case-insensitive, repeated headers kept: `headers.getlist("Link")`) and
  `raw_data` (the body bytes). It also unpacks: `data, status, headers = api.op_with_http_info(...)`.
- `op_without_preload_content(...)` returns the raw `urllib3` response, unread; its
  status is not checked and nothing is decoded. Read it with `.read()` or `.data`,
  then call `.release_conn()`.

And each takes the generated SDK's five extras after its own parameters, in this order,
positionally or by keyword (`api.get_call_state(account_id, call_id, 5)` gives that call a
5 s timeout, as in the official SDK):

Extra | Meaning
------- | -------
`_request_timeout` | seconds, a `(connect, read)` pair, or a `urllib3.Timeout`, for this call only
`_request_auth` | `{"in": "header", "key": "Authorization", "type": "basic", "value": "Basic …"}` replaces the configured auth for this call
`_content_type` | the body's media type; must be the operation's (`application/json`, or `application/xml` for BXML), parameters such as `; charset=utf-8` allowed
`_headers` | extra request headers (a dict)
`_host_index` | which of the operation's servers, when the configuration has no explicit `host` (see [servers](configuration.md#servers)); one that selects none is an `ApiValueError`

Bad arguments raise before anything is sent: `ApiTypeError` (a `TypeError`) or
`ApiValueError` (a `ValueError`) naming the parameter, e.g.
`page_size must be between 1 and 10000, got 0`. Request bodies are checked by the
model's `check()`, every problem at once, in one `RequestValidationError`. A misspelled
keyword, a missing argument or one too many is an `ApiTypeError` too (Python's own
message).

The three variants are typed for every checker: each has the operation's exact
parameters and its own return type (`T`, `ApiResponse[T]`, `urllib3.BaseHTTPResponse`),
so mypy and pyright report a wrong argument type, a misspelled keyword or a misused
result in your code; `inspect.signature()` and `help()` show the same signature and
docstring.

Every failure after that is an [`ApiException`](retries.md#errors) subclass."""

DOWNLOAD_NOTE = """\
The official SDK annotates this `bytearray` but returns `bytes`, as this one does. A
recording over `max_response_bytes` raises `InvalidResponseException` here: stream it
with [`{to}`](#{to}). The media type is the answer's `Content-Type` (see
`{name}_with_http_info`): `audio/vnd.wave` or `audio/mpeg`."""

DOWNLOAD_TO_NOTE = """\
Memory stays flat whatever the size (a 100 MB recording over loopback: see
[performance](performance.md)). `max_bytes` (default `DOWNLOAD_MAX_BYTES`, 1 GiB) and
`deadline` (default `DOWNLOAD_DEADLINE`, 3600 s; a `_request_timeout` with a total
replaces it) are this method's own limits, in place of the client's
`max_response_bytes` and `deadline`. A retryable answer (503, a refused connection) is
retried before any byte is written; a failure while the body streams is not: the
exception says what happened and a path is left as it was. A new file is readable by
its owner only (recordings are personal data); a file replaced keeps its permissions.

```python
with open("call.wav", "wb") as file:  # or pass the path itself: written atomically
    info = api.{to}({args}, file)
print(info.data, "bytes of", info.headers["Content-Type"])
```"""

NOTES: Dict[str, Dict[str, str]] = {
    "CallsApi": {
        "intro": CALLS_INTRO,
        "iter_calls:row": "`list_calls`, page after page | Iterator[[CallState](CallState.md)]"
        " | as `list_calls`",
        "create_call": """\
Only the fields you set are sent. The `Location` header comes with
`create_call_with_http_info`:

```python
from bandwidth import ApiClient, CallsApi, Configuration, CreateCall

with ApiClient(Configuration(username="user", password="pass")) as client:
    api = CallsApi(client)
    response = api.create_call_with_http_info(
        "9900000",
        CreateCall(
            to="+19195551234",
            var_from="+19195554321",
            application_id="04e88489-df02-4e34-a0ee-27a91849555f",
            answer_url="https://myapp.example/bandwidth/answer",
        ),
    )
    call, status, headers = response
    print(call.call_id, status, headers["Location"])
```""",
        "list_calls": """\
Both forms of a number are sent as `%2B19195551234`. A `datetime` is sent as
`2022-06-21T19:13:21Z` (a naive one is taken as UTC), ISO 8601 text as given, once
checked. The server returns at most 10000 calls in all.""",
        "iter_calls": """\
It parses `Link` per RFC 8288 (several links, quoted parameters, relative URLs) and
never sends credentials to another host: see [pagination](#pagination-rules).

```python
for call in api.iter_calls("9900000", disconnect_cause="busy", page_size=1000):
    print(call.call_id, call.end_time)
```""",
        "update_call": """\
`UpdateCall(state="completed")` sends exactly `{"state":"completed"}`.""",
        "update_call_bxml": """\
Bandwidth answers `204 No Content`. Idempotent (it replaces the document), so retried
like `get_call_state`.""",
        "outro": """\
## Pagination rules

Every `iter_*` method (`iter_calls`, `ConferencesApi.iter_conferences`) follows pages
by the same rules, written once (`bandwidth/api/_pagination.py`):

- the next page is the `Link: <…>; rel="next"` of the previous one (RFC 8288), fetched
  only when the previous page is used up;
- it is followed **only when the link has the configured host's scheme, host and
  port**, read exactly as the transport reads it; any other link, and any link URL
  parsers could read two ways (userinfo, a backslash, whitespace or control characters),
  raises `InvalidResponseException` and nothing is sent there, so credentials never
  leave for another host;
- it cannot loop: a next link to a page already fetched (the same URL, or the same
  `pageToken`) raises `InvalidResponseException` instead of yielding the same items
  again, and so does a server still announcing a next page after `max_pages` pages
  (default 10000).

## ApiResponse

`from bandwidth import ApiResponse`

Attribute | Type | Meaning
--------- | ---- | -------
`status_code` | int | HTTP status
`headers` | `urllib3.HTTPHeaderDict` | case-insensitive; `getlist(name)` for repeated headers
`data` | the operation's return type | the decoded body (`None` when the operation returns none; for `download_*_to`, the bytes written)
`raw_data` | bytes | the body as received""",
    },
    "ConferencesApi": {
        "iter_conferences:row": "`list_conferences`, page after page |"
        " Iterator[[Conference](Conference.md)] | as `list_conferences`",
        "download_conference_recording_to:row": "`download_conference_recording`, streamed"
        " to a file | ApiResponse[`int`] (bytes written) | as `download_conference_recording`",
        "download_conference_recording": DOWNLOAD_NOTE.format(
            to="download_conference_recording_to", name="download_conference_recording"
        ),
        "download_conference_recording_to": DOWNLOAD_TO_NOTE.format(
            to="download_conference_recording_to", args="account_id, conference_id, recording_id"
        ),
        "iter_conferences": """\
```python
for conference in api.iter_conferences("9900000", name="standup", page_size=100):
    print(conference.id, conference.created_time)
```

Of the Voice list operations only `list_calls` and `list_conferences` are paginated
(the spec's `pageToken` and `Link` header); the recording and transcription lists
answer in one page.""",
        "update_conference": """\
```python
from bandwidth import UpdateConference

api.update_conference(account_id, conference_id, UpdateConference(status="completed"))
```""",
    },
    "MFAApi": {
        "generate_messaging_code": """\
```python
from bandwidth import ApiClient, Configuration, MFAApi
from bandwidth.models.code_request import CodeRequest

with ApiClient(Configuration(username="user", password="pass")) as client:
    mfa = MFAApi(client)
    sent = mfa.generate_messaging_code(
        "9900000",
        CodeRequest(
            to="+19195551234",
            var_from="+19195554321",
            application_id="66fd98ae-ac8d-a00f-7fcd-ba3280aeb9b1",
            message="Your {NAME} code is {CODE}",
            digits=6,
        ),
    )
    print(sent.message_id)
```""",
        "verify_code": """\
```python
from bandwidth.models.verify_code_request import VerifyCodeRequest

check = VerifyCodeRequest(to="+19195551234", expiration_time_in_minutes=3, code=typed)
if mfa.verify_code("9900000", check).valid:
    ...
```

Error answers carry `MfaRequestError` (400, 429, 500), `MfaUnauthorizedRequestError`
(401) or `MfaForbiddenRequestError` (403) as the exception's `data`.""",
    },
    "PhoneNumberLookupApi": {
        "create_sync_lookup": """\
```python
from bandwidth import ApiClient, Configuration, PhoneNumberLookupApi
from bandwidth.models.sync_lookup_request import SyncLookupRequest

with ApiClient(Configuration(client_id="id", client_secret="secret")) as client:
    lookup = PhoneNumberLookupApi(client)
    answer = lookup.create_sync_lookup("9900000", SyncLookupRequest(phone_numbers=["+19195551234"]))
    for result in answer.data.results:
        print(result.phone_number, result.line_type, result.messaging_provider)
```

Error answers carry a `LookupErrorResponse` as the exception's `data`.""",
        "get_async_bulk_lookup": """\
`request_id` is what `create_async_bulk_lookup` returned (`answer.data.request_id`, a
`UUID`): it is checked to be a UUID before sending.""",
    },
    "TollFreeVerificationApi": {
        "create_webhook_subscription": """\
```python
from bandwidth import ApiClient, Configuration, TollFreeVerificationApi
from bandwidth.models.webhook_subscription_request_schema import (
    WebhookSubscriptionRequestSchema,
)

with ApiClient(Configuration(username="user", password="pass")) as client:
    tfv = TollFreeVerificationApi(client)
    subscription = tfv.create_webhook_subscription(
        "9900000",
        WebhookSubscriptionRequestSchema.from_dict(
            {
                "callbackUrl": "https://myapp.example/tfv",
                "basicAuthentication": {"username": "bandwidth", "password": "s3cret-s3cret"},
            }
        ),
    )
    print(subscription.id)
```

`repr()` of the request shows `password` and `sharedSecretKey` masked.""",
        "outro": """\
Error answers carry a `TfvError` as the exception's `data`: its `description`, and
`errors` keyed by the field at fault (`businessContact.email`). The webhook
subscription list answers in one page (the spec declares no paging parameters), so
this class has no `iter_*`.""",
    },
    "EndpointsApi": {
        "iter_endpoints:row": "`list_endpoints`, page after page |"
        " Iterator[[Endpoints](Endpoints.md)] | as `list_endpoints`",
        "create_endpoint": """\
```python
from bandwidth import ApiClient, Configuration, EndpointsApi

with ApiClient(Configuration(client_id="id", client_secret="secret")) as client:
    endpoints = EndpointsApi(client)
    created = endpoints.create_endpoint(
        "9900000", {"type": "WEBRTC", "direction": "BIDIRECTIONAL", "tag": "agent-7"}
    )
    token = created.data.token  # hand it to the browser client
```""",
        "iter_endpoints": """\
```python
for endpoint in endpoints.iter_endpoints("9900000", status="CONNECTED", limit=100):
    print(endpoint.endpoint_id, endpoint.expiration_timestamp)
```

Error answers of every operation carry a `BrtcErrorResponse` as the exception's `data`
(`errors[0].description` is its `description`).""",
    },
    "RecordingsApi": {
        "download_call_recording_to:row": "`download_call_recording`, streamed to a file |"
        " ApiResponse[`int`] (bytes written) | as `download_call_recording`",
        "download_call_recording": DOWNLOAD_NOTE.format(
            to="download_call_recording_to", name="download_call_recording"
        ),
        "download_call_recording_to": DOWNLOAD_TO_NOTE.format(
            to="download_call_recording_to", args="account_id, call_id, recording_id"
        ),
        "update_call_recording_state": """\
```python
from bandwidth import UpdateCallRecording

api.update_call_recording_state(account_id, call_id, UpdateCallRecording(state="paused"))
# ... the caller reads out a card number ...
api.update_call_recording_state(account_id, call_id, UpdateCallRecording(state="recording"))
```""",
    },
}
