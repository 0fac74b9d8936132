"""Base of the API's string enums."""

from __future__ import annotations

import json
from enum import Enum
from typing import Type, TypeVar

_E = TypeVar("_E", bound="ApiEnum")


class ApiEnum(str, Enum):
    """A string enum whose members compare equal to their wire values."""

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_json(cls: Type[_E], json_str: str) -> _E:
        """Parse a JSON string literal (``'"POST"'``) into a member."""
        return cls(json.loads(json_str))
