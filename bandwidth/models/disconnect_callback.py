"""``DisconnectCallback`` at the generated SDK's import path.

The one class is defined in :mod:`bandwidth.callbacks.call`; this module re-exports it.
"""

from bandwidth.callbacks.call import DisconnectCallback

__all__ = ["DisconnectCallback"]
