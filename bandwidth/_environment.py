"""The environment variables a configuration can come from, named and checked in one place.

Bandwidth's samples and this package's CLI read the same names:
``BW_USERNAME``/``BW_PASSWORD`` (HTTP Basic) or ``BW_CLIENT_ID``/``BW_CLIENT_SECRET``
(OAuth client credentials). ``BW_BASE_URL`` is read by every ``Configuration``
(see :mod:`bandwidth._hosts`).
"""

from __future__ import annotations

import os
from typing import Dict, Mapping, Optional

from bandwidth.exceptions import ApiValueError

__all__ = ["BASIC_VARIABLES", "OAUTH_VARIABLES", "credentials_from_env"]

#: (user, password) and (client id, client secret): the pairs, by Configuration keyword.
BASIC_VARIABLES = {"username": "BW_USERNAME", "password": "BW_PASSWORD"}
OAUTH_VARIABLES = {"client_id": "BW_CLIENT_ID", "client_secret": "BW_CLIENT_SECRET"}


def credentials_from_env(environ: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """The ``Configuration`` keywords the environment's credentials give.

    Exactly one complete pair must be set: Basic, or OAuth client
    credentials. A half pair, both pairs, or none raise
    :class:`~bandwidth.exceptions.ApiValueError` naming the variables (never
    their values).
    """
    env = os.environ if environ is None else environ
    found: Dict[str, Dict[str, str]] = {}
    for kind, names in (("Basic", BASIC_VARIABLES), ("OAuth", OAUTH_VARIABLES)):
        values = {keyword: env.get(name, "") for keyword, name in names.items()}
        set_names = [names[k] for k, v in values.items() if v]
        if len(set_names) == len(names):
            found[kind] = values
        elif set_names:
            missing = [name for name in names.values() if name not in set_names]
            raise ApiValueError(f"{set_names[0]} is set but {missing[0]} is not")
    if len(found) > 1:
        raise ApiValueError(
            "both BW_USERNAME/BW_PASSWORD and BW_CLIENT_ID/BW_CLIENT_SECRET are set: choose one"
        )
    if not found:
        raise ApiValueError(
            "no credentials in the environment: set BW_USERNAME and BW_PASSWORD "
            "(or BW_CLIENT_ID and BW_CLIENT_SECRET)"
        )
    return next(iter(found.values()))
