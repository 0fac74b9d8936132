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
from typing import Any, Dict, List, Mapping, NamedTuple, Tuple

from typing_extensions import NotRequired, TypedDict

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
