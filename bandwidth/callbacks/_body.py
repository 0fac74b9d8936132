"""Reading a webhook body, for every product: bounded, typed errors, nothing echoed.

Every ``parse_*`` function of :mod:`bandwidth.callbacks` turns its body into
Python values here, so the limits are written once:

* at most :data:`MAX_BODY_BYTES` bytes (characters for a ``str``), checked
  before anything is decoded;
* at most :data:`MAX_DEPTH` levels of nested objects and arrays (a real
  callback has four or five), checked without recursion;
* a bad body is a :class:`CallbackParseError` whose message says what is
  wrong and where, never what the body held.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union
from urllib.parse import parse_qsl

from pydantic import TypeAdapter, ValidationError

from bandwidth.exceptions import ApiTypeError, ApiValueError

__all__ = [
    "FORM",
    "MAX_BODY_BYTES",
    "MAX_DEPTH",
    "Body",
    "CallbackParseError",
    "check_depth",
    "decode_form",
    "decode_json",
    "decode_text",
    "field_error",
    "is_json",
    "load",
    "media_type",
    "model_tag",
    "validate",
]

#: Largest body accepted: far above any callback (a messaging event is about 1 KB).
MAX_BODY_BYTES = 1024 * 1024
#: Deepest nesting of objects and arrays accepted (the body itself is level 1).
MAX_DEPTH = 32

#: What every ``parse_*`` function takes: the raw body, or what a framework decoded.
Body = Union[bytes, bytearray, memoryview, str, Mapping[str, Any], Sequence[Any]]

#: The media type of a form-encoded body (a GET callback's query string has the same shape).
FORM = "application/x-www-form-urlencoded"


class CallbackParseError(ApiValueError):
    """The body is not a callback: not JSON or form data, too large, nested too
    deeply, not the expected shape, or a known field holds an impossible value
    (such as a malformed ``eventTime``).

    An :class:`~bandwidth.exceptions.ApiValueError` (so also an
    ``OpenApiException`` and a ``ValueError``): a webhook handler needs one
    ``except`` to answer a bad body with a 400. For a bad field, :meth:`errors`
    lists each problem the way pydantic reports it (``loc``, ``msg``, ``type``);
    the values themselves are never echoed.
    """

    def __init__(
        self, msg: str, errors: Sequence[Mapping[str, Any]] = (), path_to_item: Any = None
    ) -> None:
        self._errors = [dict(error) for error in errors]
        super().__init__(msg, path_to_item)

    def errors(self) -> List[Dict[str, Any]]:
        """Each problem with a field: ``loc`` (wire names), ``msg`` and ``type``."""
        return [dict(error) for error in self._errors]


def _charset(content_type: Optional[str]) -> str:
    if content_type:
        for param in content_type.split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
    return "utf-8-sig"


def media_type(content_type: Optional[str]) -> str:
    """``application/json`` from ``application/json; charset=utf-8`` (lower case)."""
    return (content_type or "").split(";")[0].strip().lower()


def is_json(content_type: Optional[str]) -> bool:
    media = media_type(content_type)
    return media == "application/json" or media.endswith("+json")


def decode_text(body: Union[bytes, bytearray, memoryview, str], content_type: Optional[str]) -> str:
    """The body as text, in the charset its ``Content-Type`` names (UTF-8 by default)."""
    if isinstance(body, str):
        if len(body) > MAX_BODY_BYTES:
            raise CallbackParseError(f"callback body is larger than {MAX_BODY_BYTES} bytes")
        return body
    if not isinstance(body, (bytes, bytearray, memoryview)):
        raise ApiTypeError(f"body must be bytes, str or a dict, not {type(body).__name__}")
    raw = bytes(body)
    if len(raw) > MAX_BODY_BYTES:
        raise CallbackParseError(f"callback body is larger than {MAX_BODY_BYTES} bytes")
    charset = _charset(content_type)
    try:
        return raw.decode(charset)
    except LookupError:  # the header's charset is not one Python knows (not echoed)
        raise CallbackParseError(
            "callback body is not valid text: unknown charset in Content-Type"
        ) from None
    except UnicodeDecodeError as exc:  # the message would quote the offending bytes
        raise CallbackParseError(
            f"callback body is not valid text: not {exc.encoding} at byte {exc.start}"
        ) from None
    except (UnicodeError, ValueError, TypeError):  # "undefined", "punycode", "\x00": no text
        raise CallbackParseError(
            "callback body is not valid text: the Content-Type charset is not a text encoding"
        ) from None


def load(body: Body, content_type: Optional[str]) -> Any:
    """A JSON body as Python values: raw bytes or text are decoded (whatever the
    ``Content-Type`` says: only its charset is used), a dict or list a framework
    already decoded is taken as it is; either way within the limits."""
    if isinstance(body, (bytes, bytearray, memoryview, str)):
        return decode_json(decode_text(body, content_type))
    if isinstance(body, (Mapping, list, tuple)):
        check_depth(body)
        return body
    raise ApiTypeError(f"body must be bytes, str, a dict or a list, not {type(body).__name__}")


def decode_json(text: str) -> Any:
    """Decode JSON text, within :data:`MAX_DEPTH`."""
    try:
        data = json.loads(text)
    except RecursionError:  # the decoder's own limit: far past MAX_DEPTH
        raise CallbackParseError("callback body is nested too deeply") from None
    except json.JSONDecodeError as exc:  # its message says where, never what
        raise CallbackParseError(f"callback body is not valid JSON: {exc}") from None
    except ValueError:  # such as an integer past Python's digit limit
        raise CallbackParseError(
            "callback body is not valid JSON: a value is out of range"
        ) from None
    if text.count("{") + text.count("[") > MAX_DEPTH:  # else it cannot nest that deep
        check_depth(data)
    return data


def check_depth(value: Any) -> None:
    """Refuse objects and arrays nested deeper than :data:`MAX_DEPTH` (no recursion)."""
    stack: List[Tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, Mapping)):  # dict first: the common case, checked fast
            children: Any = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth > MAX_DEPTH:
            raise CallbackParseError(
                f"callback body is nested too deeply (more than {MAX_DEPTH} levels)"
            )
        stack.extend((child, depth + 1) for child in children)


def decode_form(text: str) -> Dict[str, Any]:
    """Decode ``a=1&b=2``; ``x[y]=v`` and ``x.y=v`` become nested objects (a guess:
    how Bandwidth encodes nested fields in GET callbacks is undocumented)."""
    stripped = text.strip()
    if stripped.startswith("?"):
        stripped = stripped[1:]
    data: Dict[str, Any] = {}
    nested: Dict[str, Dict[str, str]] = {}
    for key, value in parse_qsl(stripped, keep_blank_values=True, strict_parsing=False):
        outer, inner = _split_key(key)
        if inner is None:
            data[key] = value
        else:
            nested.setdefault(outer, {})[inner] = value
    for outer, fields in nested.items():
        if outer not in data:
            data[outer] = fields
    return data


def _split_key(key: str) -> Tuple[str, Optional[str]]:
    if key.endswith("]") and "[" in key:
        outer, _, inner = key[:-1].partition("[")
        if outer and inner and "[" not in inner:
            return outer, inner
    if "." in key:
        outer, _, inner = key.partition(".")
        if outer and inner:
            return outer, inner
    return key, None


def model_tag(value: Any, models: Sequence[type]) -> Optional[str]:
    """The tag (class name) of the first of ``models`` that ``value`` is an instance of:
    how a union's discriminator tells a model apart when serializing or re-validating."""
    for model in models:
        if isinstance(value, model):
            return model.__name__
    return None


def validate(adapter: TypeAdapter[Any], data: Any, what: str) -> Any:
    """``data`` validated by ``adapter``; any failure is a :class:`CallbackParseError`."""
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        raise field_error(what, exc) from None
    except RecursionError:
        raise CallbackParseError("callback body is nested too deeply") from None


def field_error(what: str, exc: ValidationError) -> CallbackParseError:
    """A :class:`CallbackParseError` naming each bad field (never its value)."""
    errors = [
        {"loc": error["loc"], "msg": error["msg"], "type": error["type"]}
        for error in exc.errors(include_url=False, include_input=False, include_context=False)
    ]
    where = "; ".join(
        f"{'.'.join(str(part) for part in error['loc']) or '(body)'}: {error['msg']}"
        for error in errors
    )
    return CallbackParseError(f"not a valid {what}: {where}", errors)
