"""The BXML verbs, one module per family; each exports ``family(...)``, its runners.

``speech`` (SpeakSentence, PlayAudio, Pause, Ring, SendDtmf), ``gather``,
``call_control`` (Tag, Hangup, Redirect), ``transfer``, ``bridge``,
``forward``, ``refer``, ``conference``, ``recording`` (Record and the
recording verbs), ``background_media`` (StartGather, StartStream and their
Stops), ``transcription``, ``unsupported``. ``reading``, ``leg_reading`` and
``media_reading`` read the verbs' attributes with the BXML reference's
defaults. The composition root passes the families to the interpreter's
``VerbTable``.
"""
