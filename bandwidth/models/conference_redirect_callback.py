"""``ConferenceRedirectCallback`` at the generated SDK's import path.

The one class is defined in :mod:`bandwidth.callbacks.conference`; this module re-exports it.
"""

from bandwidth.callbacks.conference import ConferenceRedirectCallback

__all__ = ["ConferenceRedirectCallback"]
