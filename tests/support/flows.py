"""Helpers for call-flow tests: a scripted WSGI app, and payload checks against the spec.

``ScriptedApp`` answers each path with what the test scripted (BXML text, a
status, or a function of the event) and records every request it got.
``assert_matches_spec`` validates a webhook payload against the callback
schema of its event in ``spec/bandwidth.yml``.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple, Union
from urllib.parse import parse_qsl

import yaml

from bandwidth import ApiClient, CallsApi, CreateCall
from bandwidth.testing import VoiceSimulator

SPEC = Path(__file__).resolve().parents[2] / "spec" / "bandwidth.yml"

Answer = Union[str, Tuple[int, str], Callable[[Dict[str, Any]], Any]]


def bxml(*verbs: str) -> str:
    """A ``<Response>`` document of the given verb elements."""
    return '<?xml version="1.0" encoding="UTF-8"?><Response>' + "".join(verbs) + "</Response>"


class ScriptedApp:
    """A WSGI app answering each path as scripted; ``requests`` records what it received."""

    def __init__(self, routes: Optional[Dict[str, Answer]] = None) -> None:
        self.routes: Dict[str, Answer] = dict(routes or {})
        self.requests: List[Dict[str, Any]] = []

    def __call__(
        self, environ: Dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        path = environ["PATH_INFO"]
        query = environ.get("QUERY_STRING", "")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        event = json.loads(raw) if raw else dict(parse_qsl(query))
        headers = {
            k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")
        }
        self.requests.append(
            {"method": method, "path": path, "query": query, "event": event, "headers": headers}
        )
        answer = self.routes.get(path, (204, ""))
        if callable(answer):
            answer = answer(event)
        status, body = (200, answer) if isinstance(answer, str) else answer
        reason = {200: "OK", 204: "No Content"}.get(status, "Status")
        start_response(f"{status} {reason}", [("Content-Type", "application/xml")])
        return [body.encode()] if body else []


def outbound_call(sim: VoiceSimulator, **fields: Any) -> str:
    """Create a call through the SDK (``answer_url`` defaults to ``https://app.example/answer``)."""
    options: Dict[str, Any] = {
        "to": "+19195551234",
        "var_from": "+19195554321",
        "application_id": "app-1",
        "answer_url": "https://app.example/answer",
    }
    options.update(fields)
    with ApiClient(sim.configuration()) as client:
        created = CallsApi(client).create_call(sim.account_id, CreateCall(**options))
    return str(created.call_id)


@lru_cache(maxsize=1)
def _schemas() -> Dict[str, Any]:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return dict(spec["components"]["schemas"])


def _resolve(schema: Dict[str, Any]) -> Dict[str, Any]:
    while "$ref" in schema:
        schema = _schemas()[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def assert_matches_spec(payload: Dict[str, Any]) -> None:
    """Every field is one the event's spec schema has, with the type and format it gives."""
    schema = _resolve(_schemas()[payload["eventType"] + "Callback"])
    properties = schema["properties"]
    for key, value in payload.items():
        assert key in properties, f"{payload['eventType']}: {key} is not in the spec schema"
        field = _resolve(properties[key])
        if value is None:
            assert field.get("nullable"), f"{key} is null but not nullable"
            continue
        kind = field.get("type")
        if kind == "string":
            assert isinstance(value, str), f"{key}: {value!r} is not a string"
            if field.get("format") == "date-time":
                datetime.fromisoformat(value.replace("Z", "+00:00"))
            if "enum" in field:
                assert value in field["enum"], f"{key}: {value!r} not in {field['enum']}"
        elif kind == "integer":
            assert isinstance(value, int) and not isinstance(value, bool)
        elif kind == "object":
            assert isinstance(value, dict)
