"""Which server each request goes to: ``Configuration``'s server settings, in one place.

The rule (docs/configuration.md, "Servers"):

* an explicit ``host`` (``Configuration(host=...)`` or setting ``.host``), or
  ``ignore_operation_servers=True``, sends every operation of every product
  to ``host``: a mock, the simulator, a proxy;
* otherwise each operation goes to its product's server from the spec
  (:mod:`bandwidth._servers`, or ``product_servers``' replacement), the one
  chosen by the call's ``_host_index`` when not 0, else by
  ``server_operation_index``, else the first, with its variables from
  ``server_operation_variables`` over ``server_variables``.

The generated SDK lets an operation's own server win over an explicit
``host``; here ``host`` wins, so a configuration pointed at a mock never
sends a request (and its credentials) to production.

Without an explicit ``host``, the environment variable ``BW_BASE_URL`` (an
origin: ``http://127.0.0.1:8080``) replaces the origin of every product's
spec server, each keeping its own path (``/api/v2``, ``/api/v1``, ``/v2``):
an app that builds its ``Configuration`` with no host reaches a simulator
or a mock unmodified. It is read when the ``Configuration`` is made.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union
from urllib.parse import urlsplit

from bandwidth._servers import (
    PRODUCTS,
    VOICE_SERVERS,
    HostSetting,
    Server,
    Servers,
    pick,
    server_url,
    servers_from_settings,
)
from bandwidth._urls import check_base_url
from bandwidth.exceptions import ApiValueError

if TYPE_CHECKING:
    from typing_extensions import TypeAlias

    from bandwidth._operation import Operation

__all__ = ["BASE_URL_VARIABLE", "ProductServers", "ServerSelection", "origin_from_env"]

#: The environment variable naming the origin every product's default server moves to.
BASE_URL_VARIABLE = "BW_BASE_URL"


def origin_from_env(environ: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """``BW_BASE_URL`` as an origin (``scheme://host[:port]``), ``None`` when unset or empty.

    Anything else (a path, userinfo, a query, a non-http scheme) raises
    :class:`~bandwidth.exceptions.ApiValueError` naming the variable.
    """
    value = (os.environ if environ is None else environ).get(BASE_URL_VARIABLE, "").strip()
    if not value:
        return None
    url = check_base_url(value, BASE_URL_VARIABLE)
    if urlsplit(url).path:
        raise ApiValueError(
            f"{BASE_URL_VARIABLE} must be an origin (scheme, host and port, no path): "
            "each product keeps its own path"
        )
    return url


@functools.lru_cache(maxsize=64)
def _on_origin(product: str, origin: str) -> Tuple[Server, ...]:
    """A product's spec servers moved to ``origin`` (each keeps its path and variables)."""
    return tuple(
        Server(origin + urlsplit(entry.url).path, entry.description, entry.variables)
        for entry in PRODUCTS[product].entries
    )


#: ``product_servers`` values: one base URL, or a server list like ``get_host_settings()``'s.
ProductServers: TypeAlias = Union[str, Sequence[HostSetting]]


class ServerSelection:
    """The server settings of :class:`~bandwidth.Configuration` (a base class of it)."""

    _host: Optional[str]
    #: ``BW_BASE_URL``'s origin when it was set (and no explicit host was given)
    _base_origin: Optional[str] = None
    _server_index: Optional[int]
    _product_servers: Dict[str, Tuple[Server, ...]]
    ignore_operation_servers: bool
    server_variables: Dict[str, str]
    server_operation_index: Dict[str, int]
    server_operation_variables: Dict[str, Dict[str, str]]

    @property
    def host(self) -> str:
        """The base URL, without a trailing slash: the explicit one, else Voice's server.

        Setting it points every operation of every product there (and, as in
        the generated SDK, clears ``server_index``).
        """
        if self._host is not None:
            return self._host
        return self.get_host_from_settings(self._server_index or 0, self.server_variables)

    @host.setter
    def host(self, value: str) -> None:
        self._host = check_base_url(value)
        self._server_index = None

    @property
    def host_source(self) -> str:
        """Where :attr:`host` comes from: ``"host"`` (explicit), ``"BW_BASE_URL"`` or ``"spec"``."""
        if self._host is not None:
            return "host"
        return BASE_URL_VARIABLE if self._base_origin is not None else "spec"

    @property
    def server_index(self) -> Optional[int]:
        """Which of :meth:`get_host_settings` ``host`` is when none was given explicitly."""
        return self._server_index

    @server_index.setter
    def server_index(self, value: Optional[int]) -> None:
        if value is not None:
            pick(self._servers(VOICE_SERVERS), value, "server_index")
        self._server_index = value

    @property
    def product_servers(self) -> Dict[str, List[HostSetting]]:
        """The servers configured in place of the spec's, by product (a copy)."""
        return {
            product: [server.setting() for server in entries]
            for product, entries in self._product_servers.items()
        }

    @product_servers.setter
    def product_servers(self, value: Optional[Mapping[str, ProductServers]]) -> None:
        replaced: Dict[str, Tuple[Server, ...]] = {}
        for product, settings in (value or {}).items():
            if product not in PRODUCTS:
                raise ApiValueError(
                    f"product_servers: unknown product {product!r}; one of {sorted(PRODUCTS)}"
                )
            where = f"product_servers[{product!r}]"
            entries = servers_from_settings(where, settings)
            for index in range(len(entries)):  # with the defaults: a URL credentials may go to
                check_base_url(server_url(entries, index, {}, where), f"{where}[{index}]")
            replaced[product] = entries
        self._product_servers = replaced

    def hosts(self) -> List[str]:
        """Every base URL an operation can go to with these settings (variables at defaults)."""
        if self._host is not None or self.ignore_operation_servers:
            return [self.host]
        return [
            server_url(entries, index, {}, "index")
            for entries in map(self._servers, PRODUCTS.values())
            for index in range(len(entries))
        ]

    def _servers(self, servers: Servers) -> Tuple[Server, ...]:
        replaced = self._product_servers.get(servers.product)
        if replaced:
            return replaced
        if self._base_origin is not None:
            return _on_origin(servers.product, self._base_origin)
        return servers.entries

    def operation_host(self, operation: Operation[Any], host_index: Any = 0) -> str:
        """The base URL ``operation`` is sent to (without a trailing slash).

        An explicit ``host`` (or ``ignore_operation_servers``) serves every
        operation. Otherwise the operation's product's servers (the spec's,
        or ``product_servers``'), the one chosen by the call's ``_host_index``
        when not 0, else by ``server_operation_index``, else the first; its
        variables from ``server_operation_variables`` over ``server_variables``.
        An index that selects none of the product's servers (with or without
        ``host``) or a bad variable raises
        :class:`~bandwidth.exceptions.ApiValueError` naming the setting, before
        anything is sent.
        """
        entries = self._servers(operation.servers)
        where = "_host_index"
        if not host_index:
            host_index = 0
            for name in (operation.name, operation.operation_id):
                if name in self.server_operation_index:
                    host_index = self.server_operation_index[name]
                    where = f"server_operation_index[{name!r}]"
                    break
        if self._host is not None or self.ignore_operation_servers:
            pick(entries, host_index, where)
            return self.host
        variables: Mapping[str, str] = self.server_variables
        for name in (operation.name, operation.operation_id):
            if name in self.server_operation_variables:
                variables = {**self.server_variables, **self.server_operation_variables[name]}
                break
        url = server_url(entries, host_index, variables, where)
        if entries[host_index].variables:  # the values given make a new URL: check it
            url = check_base_url(url, f"the server {where} selects")
        return url

    def get_host_settings(self) -> List[HostSetting]:
        """The servers ``host`` is chosen from without an explicit one: Voice's (a fresh list).

        The spec declares servers per path, none globally; each product's are
        in :mod:`bandwidth._servers` and :meth:`operation_host` picks from them.
        """
        return [server.setting() for server in self._servers(VOICE_SERVERS)]

    def get_host_from_settings(
        self,
        index: Optional[int],
        variables: Optional[Dict[str, str]] = None,
        servers: Optional[Sequence[HostSetting]] = None,
    ) -> str:
        """``servers[index]``'s URL (default :meth:`get_host_settings`), ``variables`` filled in.

        ``index=None`` gives :attr:`host`. An index out of range or a variable
        value outside its ``enum_values`` raises
        :class:`~bandwidth.exceptions.ApiValueError` (a ``ValueError``, as in
        the generated SDK).
        """
        if index is None:
            return self.host
        entries = (
            servers_from_settings("servers", servers)
            if servers is not None
            else self._servers(VOICE_SERVERS)
        )
        return server_url(entries, index, variables or {}, "index")
