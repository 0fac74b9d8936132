"""The simulator's core: what every product shares, and nothing of any product.

The HTTP server (``http_server``, ``http_answers``), the REST service that
authenticates, applies faults, records requests and dispatches to the
products (``rest_service``, through the ``products.ProductService`` seam),
users, OAuth clients and tokens (``credentials``, ``access_controls``),
scripted faults (``faults``, ``fault_controls``), the clock and the timer
queue (``clock``, ``timers``), webhook delivery to an app over HTTP or
in-process WSGI/ASGI with the 401 challenge (``webhooks``,
``in_process_apps``), handler helpers (``handlers``). Nothing here imports
a product (``tests/testing/test_simulator_structure.py`` checks).
"""
