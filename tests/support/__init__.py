"""Shared test helpers, and which fake server to reach for.

One family serves by default: **the simulator** (``bandwidth.testing.VoiceSimulator``).
It is the Voice API with state, and it fakes the faults too, so a test
exercising the SDK against a misbehaving server uses it like a user would:

* scripted answers: ``fail_next(op, status, headers=..., body=...)`` (any
  status, 2xx included: a gzip bomb, a 2 MB page, a hostile ``Retry-After``);
* heads no well-behaved server writes: ``raw_next(op, data)`` (exact bytes);
* time: ``delay_next`` (a read timeout fires), ``slow_next`` (an answer
  dripped a byte at a time: only a deadline stops it);
* lost answers: ``drop_next(op, when=...)``; garbled 2xx: ``malformed_next``;
* server-side counts: ``requests_for(op)``, ``requests``, and each request's
  ``connection`` number (a reused connection, or a reconnect).

``raw.py`` drives a simulator over plain ``http.client``, for the
simulator's own wire tests. ``ports.closed_port()`` is a port nothing listens
on, for refused connections.

The others stay only where the simulator cannot serve:

* ``wire.py``'s ``Wire`` (pytest-httpserver): answers any path, or a
  sequence of paths, with exactly what the test scripted and captures each
  request whole (``Wire.raw_target``: the target as sent, still
  percent-encoded), for tests of what the SDK puts on the wire, such as
  links it must follow or refuse; pytest-httpserver also serves TLS
  (``tests/sdk/test_tls.py``).
* ``prism.py``: Stoplight Prism, the spec's own validator, as a mock or a
  proxy in front of the simulator, for contract tests.
* ``tests/sdk/test_transport_route.py``'s forward proxy: a proxy, not an API.
* ``tests/sdk/test_fork.py``'s keep-alive server: the simulator serves plain
  HTTP only, and the fork test must run over TLS too (a pooled TLS
  connection inherited across ``fork()`` garbles the stream, not just the
  order of answers); it also holds a token request open until the test lets
  it go.

``flows.py`` is for call-flow tests: a scripted webhook app and payload
checks against the spec.
"""
