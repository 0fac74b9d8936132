"""The BXML verbs, one module per family; each exports ``family(...)``, its runners.

``speech`` (SpeakSentence, PlayAudio, Pause, Ring, SendDtmf), ``gather``,
``call_control`` (Tag, Hangup, Redirect), ``transfer``, ``bridge``,
``forward``, ``refer``, ``conference``, ``recording`` (Record and the
recording verbs), ``background_media`` (StartGather, StartStream and their
Stops), ``transcription``, ``unsupported``. ``leg_reading`` and
``media_reading`` read their verbs' attributes with the BXML reference's
defaults, on the readers of :mod:`~bandwidth.testing._voice.bxml_reading`.
The composition root passes the families to the interpreter's ``VerbTable``.
"""
