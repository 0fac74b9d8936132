"""The verb classes, one module per family (audio, gather, transfer, ...).

Import them from :mod:`bandwidth.models.bxml`, which loads each module on first
use; this package itself imports nothing, so using one verb stays cheap.
"""

#: every module defining verbs (``_parse`` loads them all to know every element)
VERB_MODULES = (
    "audio",
    "conference",
    "connect",
    "control",
    "gather",
    "recording",
    "stream",
    "transfer",
)
