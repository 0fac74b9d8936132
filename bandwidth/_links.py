"""``Link`` header parsing (RFC 8288), for following ``rel="next"`` pages."""

from __future__ import annotations

import re
from typing import Iterable, List, Optional, Tuple
from urllib.parse import urljoin

# One link-value: <URI-Reference> then ;-separated parameters whose values
# may be tokens or quoted strings (which may contain , and ;).
_LINK = re.compile(
    r"\s*<([^>]*)>\s*((?:;\s*[^;,=\s]+\s*(?:=\s*(?:\"(?:[^\"\\]|\\.)*\"|[^;,\s]*))?\s*)*)"
)
_PARAM = re.compile(r";\s*([^;,=\s]+)\s*(?:=\s*(\"(?:[^\"\\]|\\.)*\"|[^;,\s]*))?")


def parse_links(values: Iterable[str]) -> List[Tuple[str, List[Tuple[str, str]]]]:
    """Every link in the given ``Link`` header values, as ``(uri, [(param, value), ...])``.

    Parameter names are lower-cased; quoted values are unquoted. Malformed
    pieces are skipped rather than raising: a bad header only means no link.
    """
    links: List[Tuple[str, List[Tuple[str, str]]]] = []
    for value in values:
        position = 0
        while position < len(value):
            match = _LINK.match(value, position)
            if match is None:
                comma = value.find(",", position)
                if comma < 0:
                    break
                position = comma + 1
                continue
            params = []
            for name, raw in _PARAM.findall(match.group(2)):
                if raw.startswith('"'):
                    raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
                params.append((name.lower(), raw))
            links.append((match.group(1).strip(), params))
            position = match.end()
            rest = value[position:].lstrip()
            if not rest.startswith(","):
                break
            position = len(value) - len(rest) + 1
    return links


def next_link(values: Iterable[str], base_url: str) -> Optional[str]:
    """The absolute URL of the first link whose ``rel`` includes ``next``, if any.

    Relative references are resolved against ``base_url`` (the request's URL).
    """
    for uri, params in parse_links(values):
        for name, value in params:
            if name == "rel" and "next" in value.lower().split():
                return urljoin(base_url, uri)
    return None
