"""The numbers products in the simulator: toll-free verification and BRTC endpoints.

``tfv_book`` holds the verification requests and webhook subscriptions (their
one writer), ``tfv_rules`` the checks the platform makes, ``tfv_service``
answers the nine Toll-Free Verification operations; ``endpoint_book`` and
``endpoint_service`` do the same for the Endpoints API, and ``connect_verb``
runs BXML ``<Connect><Endpoint>`` for voice's interpreter. ``paths`` maps both
products' paths (under ``/api/v2``, and endpoints under their real ``/v2``
too), ``platform_events`` queues their webhooks on the simulator's one timer
queue for voice's flow engine to deliver, ``control`` serves their
``/_control`` routes, ``test_api`` is their part of the public test API, and
``assembly`` builds them for the composition root (``build_numbers_state``,
``build_numbers``).
"""
