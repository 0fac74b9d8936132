"""``Link`` header parsing (RFC 8288), for following ``rel="next"`` pages."""

from __future__ import annotations

import re
from typing import Iterable, List, Optional, Tuple
from urllib.parse import urljoin

from bandwidth._urls import UnsafeUrl

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
    Linear in the header's length, whatever a server sends.
    """
    links: List[Tuple[str, List[Tuple[str, str]]]] = []
    for value in values:
        position = 0
        # Past the last ">" no link can close: stop there, or every comma of a
        # hostile "<,<,<,..." would rescan the rest of the header (quadratic).
        last_close = value.rfind(">")
        while position < last_close:
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
    A next link that cannot be resolved (``http://[::1/``) raises
    :class:`~bandwidth._urls.UnsafeUrl`: a page was announced, so "no link"
    would silently drop the rest. The result is not yet checked: pass it to
    :func:`bandwidth._urls.checked_url` before sending anything there.
    """
    for uri, params in parse_links(values):
        for name, value in params:
            if name == "rel" and "next" in value.lower().split():
                try:
                    return urljoin(base_url, uri)
                except ValueError:
                    raise UnsafeUrl("it is not a well-formed URL") from None
    return None
