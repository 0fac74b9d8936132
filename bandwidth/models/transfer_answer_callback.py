"""``TransferAnswerCallback`` at the generated SDK's import path.

The one class is defined in :mod:`bandwidth.callbacks.transfer`; this module re-exports it.
"""

from bandwidth.callbacks.transfer import TransferAnswerCallback

__all__ = ["TransferAnswerCallback"]
