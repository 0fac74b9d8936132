"""``FileFormatEnum`` at the generated SDK's import path.

One class serves recordings in callbacks and the BXML verbs' ``file_format``,
so it lives with the BXML enums (:mod:`bandwidth.models.bxml.enums`).
"""

from bandwidth.models.bxml.enums import FileFormatEnum

__all__ = ["FileFormatEnum"]
