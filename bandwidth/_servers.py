"""The servers each product's paths declare in the spec (``spec/bandwidth.yml``), written once.

Every :class:`~bandwidth._operation.Operation` names its product's constant
(``servers=MESSAGING_SERVERS``; Voice is the default). Without an explicit
``Configuration(host=...)`` a request goes to the server the configuration
picks from that list (see :meth:`bandwidth.Configuration.operation_host`);
with one, every product goes to ``host``. ``tests/repo`` checks these entries
against the spec, so a spec refresh cannot leave one behind.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Dict, List, Mapping, NamedTuple, Sequence, Tuple

from typing_extensions import NotRequired, TypedDict

from bandwidth.exceptions import ApiTypeError, ApiValueError

__all__ = [
    "ENDPOINTS_SERVERS",
    "LOOKUP_SERVERS",
    "MESSAGING_SERVERS",
    "MFA_SERVERS",
    "PRODUCTS",
    "TFV_SERVERS",
    "VOICE_SERVERS",
    "HostSetting",
    "HostSettingVariable",
    "Server",
    "Servers",
    "pick",
    "server_url",
    "servers_from_settings",
]


class HostSettingVariable(TypedDict):
    """A templated server URL's variable, as the generated SDK describes it."""

    description: str
    default_value: str
    enum_values: NotRequired[List[str]]


class HostSetting(TypedDict):
    """One server, as ``Configuration.get_host_settings()`` lists it."""

    url: str
    description: str
    variables: NotRequired[Dict[str, HostSettingVariable]]


class Server(NamedTuple):
    """One server entry of the spec: its URL (maybe templated), description and variables."""

    url: str
    description: str = "Production"
    variables: Mapping[str, Mapping[str, Any]] = MappingProxyType({})

    def setting(self) -> HostSetting:
        """This server as a fresh :class:`HostSetting` dict (the generated SDK's shape)."""
        setting: HostSetting = {"url": self.url, "description": self.description}
        if self.variables:
            setting["variables"] = {name: _variable(spec) for name, spec in self.variables.items()}
        return setting


def _variable(spec: Mapping[str, Any]) -> HostSettingVariable:
    variable: HostSettingVariable = {
        "description": str(spec.get("description", "")),
        "default_value": str(spec["default_value"]),
    }
    if "enum_values" in spec:
        variable["enum_values"] = list(spec["enum_values"])
    return variable


class Servers(NamedTuple):
    """A product's servers, in the spec's order (``_host_index`` picks one), and its name.

    ``product`` is the key ``Configuration(product_servers={...})`` replaces
    the list under (``"messaging"``).
    """

    product: str
    entries: Tuple[Server, ...]

    def settings(self) -> List[HostSetting]:
        """The servers as fresh :class:`HostSetting` dicts."""
        return [server.setting() for server in self.entries]


VOICE_SERVERS = Servers("voice", (Server("https://voice.bandwidth.com/api/v2"),))
#: Messages, Media and Multi-Channel.
MESSAGING_SERVERS = Servers("messaging", (Server("https://messaging.bandwidth.com/api/v2"),))
MFA_SERVERS = Servers("mfa", (Server("https://mfa.bandwidth.com/api/v1"),))
#: Phone Number Lookup.
LOOKUP_SERVERS = Servers("lookup", (Server("https://api.bandwidth.com/v2"),))
#: Toll-Free Verification.
TFV_SERVERS = Servers("tfv", (Server("https://api.bandwidth.com/api/v2"),))
ENDPOINTS_SERVERS = Servers("endpoints", (Server("https://api.bandwidth.com/v2"),))

#: Every product's servers by product name.
PRODUCTS: Mapping[str, Servers] = MappingProxyType(
    {
        servers.product: servers
        for servers in (
            VOICE_SERVERS,
            MESSAGING_SERVERS,
            MFA_SERVERS,
            LOOKUP_SERVERS,
            TFV_SERVERS,
            ENDPOINTS_SERVERS,
        )
    }
)


def pick(entries: Sequence[Server], index: Any, where: str) -> Server:
    """``entries[index]``, or a typed error naming ``where`` for an index that selects none."""
    if isinstance(index, bool) or not isinstance(index, int):
        raise ApiTypeError(f"{where} must be an int, not {type(index).__name__}")
    if not 0 <= index < len(entries):
        raise ApiValueError(
            f"{where}={index} selects no server: there are {len(entries)} "
            f"(valid indexes 0 to {len(entries) - 1})"
        )
    return entries[index]


def server_url(
    entries: Sequence[Server], index: Any, variables: Mapping[str, str], where: str
) -> str:
    """``entries[index]``'s URL with its variables filled in (given values, else defaults).

    An index that is not an int in range, or a variable value outside its
    ``enum_values``, raises before anything is sent, naming ``where`` (the
    setting or parameter that chose the index).
    """
    server = pick(entries, index, where)
    url = server.url
    for name, spec in server.variables.items():
        value = variables.get(name, spec["default_value"])
        allowed = spec.get("enum_values")
        if allowed and value not in allowed:
            raise ApiValueError(
                f"server variable {name!r} must be one of {list(allowed)}, got {value!r}"
            )
        url = url.replace("{" + name + "}", str(value))
    return url


def servers_from_settings(where: str, value: Any) -> Tuple[Server, ...]:
    """A server list given as a URL or a list of :class:`HostSetting` dicts, checked for shape."""
    if isinstance(value, str):
        value = [{"url": value, "description": "configured"}]
    if not isinstance(value, (list, tuple)) or not value:
        raise ApiTypeError(f"{where} must be a URL or a non-empty list of host settings")
    entries = []
    for position, setting in enumerate(value):
        if not isinstance(setting, Mapping) or not isinstance(setting.get("url"), str):
            raise ApiTypeError(f"{where}[{position}] must be a dict with a 'url' string")
        variables = setting.get("variables") or {}
        for name, spec in variables.items():
            if not isinstance(spec, Mapping) or "default_value" not in spec:
                raise ApiTypeError(
                    f"{where}[{position}] variable {name!r} must be a dict with a 'default_value'"
                )
        entries.append(
            Server(
                setting["url"],
                str(setting.get("description", "")),
                MappingProxyType(
                    {name: MappingProxyType(dict(spec)) for name, spec in variables.items()}
                ),
            )
        )
    return tuple(entries)
