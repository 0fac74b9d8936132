"""``RecordingAvailableCallback`` at the generated SDK's import path.

The one class is defined in :mod:`bandwidth.callbacks.recording`; this module re-exports it.
"""

from bandwidth.callbacks.recording import RecordingAvailableCallback

__all__ = ["RecordingAvailableCallback"]
