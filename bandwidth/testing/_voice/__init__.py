"""The voice product: calls and everything a call flow does, served as the Voice API.

State: ``calls`` (a call's record and defaults), ``call_store`` (calls in
order, their lifecycle), ``callees``, ``conferences``, ``recordings`` and
``recording_book``, ``transcriptions``. Call flows: ``flow_engine`` (runs
what falls due, delivers webhooks), ``interpreter`` (one call's BXML; the
verbs in ``verbs/``; documents and attributes read by ``bxml_reading``),
``legs`` and ``machine_detection`` (engine extensions), ``media_delivery``
and ``media_engine`` (conferences, recordings, streams, transcriptions),
``event_fields`` (every webhook's fields) and ``event_payloads``. The REST
operations are in ``routes/``, served through ``service.VoiceService``; wire
forms by ``wire_forms``. The test API's parts: ``call_controls``,
``resource_controls``, ``media_controls``, ``far_end_controls``,
``flow_driving``, with ``action_runner``.
"""
