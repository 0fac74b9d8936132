"""The messaging product of the simulator: texts, handsets and messaging applications.

A sibling of :mod:`bandwidth.testing._voice`, built by
:func:`~bandwidth.testing._messaging.building.build_messaging` and served
through its :class:`~bandwidth.testing._messaging.service.MessagingService`.
It shares the core's clock, timer queue, lock and webhook delivery; the
rooms are mapped in ``docs/simulator.md`` ("Messaging").
"""
